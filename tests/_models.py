"""Checks on parsed models that several test areas share."""

from __future__ import annotations

from typing import Any

import attrs


def assert_fully_typed(obj: Any, path: str = "$") -> None:
    """No nested object was left as a raw dict (the generator's unions fall back to raw data silently)."""
    if isinstance(obj, list):
        for index, item in enumerate(obj):
            assert_fully_typed(item, f"{path}[{index}]")
        return
    assert not isinstance(obj, dict), f"{path} is a raw dict: it did not parse into its model"
    if attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):
            if field.name != "_additional_properties":
                # By its public name: a lazy list (`x-lazy`) is read through its property.
                assert_fully_typed(getattr(obj, field.alias), f"{path}.{field.alias}")
