from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
)

if TYPE_CHECKING:
    from ..models.addon_error_dto import AddonErrorDTO


T = TypeVar("T", bound="StructuredDataExtractionDTO")

_KEYS = frozenset(
    {
        "success",
        "is_empty",
        "exec_time",
        "error",
        "results",
    }
)


@_attrs_define
class StructuredDataExtractionDTO:
    success: bool
    """ Whether the add-on produced a usable result. """
    is_empty: bool
    """ Whether that result is empty. """
    exec_time: float
    """ Seconds the add-on took. """
    error: AddonErrorDTO | None
    """ Why the add-on failed, or null. """
    results: None | str
    """ The extracted data. """
    _additional_properties: dict[str, Any] | None = _attrs_field(
        init=False, default=None, eq=extras_key, repr=extras_repr
    )

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The keys of the payload this model does not declare, as they came."""
        extra = self._additional_properties
        if extra is None:
            extra = self._additional_properties = {}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._additional_properties = value

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        is_empty = self.is_empty

        exec_time = self.exec_time

        error: dict[str, Any] | None
        if isinstance(self.error, AddonErrorDTO):
            error = self.error.to_dict()
        else:
            error = self.error

        results: None | str
        results = self.results

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "success": success,
                "is_empty": is_empty,
                "exec_time": exec_time,
                "error": error,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        success = d["success"]

        is_empty = d["is_empty"]

        exec_time = d["exec_time"]
        if exec_time.__class__ is not float and exec_time.__class__ is not int:
            exec_time = parse_float(exec_time, "exec_time")

        def _parse_error(data: object) -> AddonErrorDTO | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = AddonErrorDTO.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddonErrorDTO | None, data)

        error = _parse_error(d["error"])

        def _parse_results(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        results = _parse_results(d["results"])

        structured_data_extraction_dto = object.__new__(cls)
        structured_data_extraction_dto.success = success
        structured_data_extraction_dto.is_empty = is_empty
        structured_data_extraction_dto.exec_time = exec_time
        structured_data_extraction_dto.error = error
        structured_data_extraction_dto.results = results

        structured_data_extraction_dto._additional_properties = (
            None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return structured_data_extraction_dto

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            success = d["success"]

            is_empty = d["is_empty"]

            exec_time = d["exec_time"]
            if exec_time.__class__ is not float and exec_time.__class__ is not int:
                exec_time = parse_float(exec_time, "exec_time")

            def _parse_error(data: object) -> AddonErrorDTO | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    error_type_0 = AddonErrorDTO.from_dict(data)

                    return error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(AddonErrorDTO | None, data)

            error = _parse_error(d["error"])

            def _parse_results(data: object) -> None | str:
                if data is None:
                    return data
                return cast(None | str, data)

            results = _parse_results(d["results"])

            structured_data_extraction_dto = new(cls)
            structured_data_extraction_dto.success = success
            structured_data_extraction_dto.is_empty = is_empty
            structured_data_extraction_dto.exec_time = exec_time
            structured_data_extraction_dto.error = error
            structured_data_extraction_dto.results = results

            structured_data_extraction_dto._additional_properties = (
                None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(structured_data_extraction_dto)
        return built

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.addon_error_dto import AddonErrorDTO  # noqa: E402
