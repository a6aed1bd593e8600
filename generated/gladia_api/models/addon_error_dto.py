from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AddonErrorDTO")

_KEYS = frozenset(
    {
        "status_code",
        "exception",
        "message",
    }
)


@_attrs_define
class AddonErrorDTO:
    status_code: int
    """ The HTTP status that best describes the failure. """
    exception: str
    """ The kind of failure. """
    message: str
    """ What went wrong. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status_code = self.status_code

        exception = self.exception

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status_code": status_code,
                "exception": exception,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        status_code = d["status_code"]

        exception = d["exception"]

        message = d["message"]

        addon_error_dto = object.__new__(cls)
        addon_error_dto.status_code = status_code
        addon_error_dto.exception = exception
        addon_error_dto.message = message

        addon_error_dto.additional_properties = (
            {} if _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )
        return addon_error_dto

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
