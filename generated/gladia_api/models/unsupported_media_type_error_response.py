from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
)

T = TypeVar("T", bound="UnsupportedMediaTypeErrorResponse")

_KEYS = frozenset(
    {
        "timestamp",
        "path",
        "request_id",
        "statusCode",
        "message",
    }
)


@_attrs_define
class UnsupportedMediaTypeErrorResponse:
    timestamp: str
    """ When the error happened (ISO 8601). """
    path: str
    """ The request path """
    request_id: str
    """ An id to quote to Gladia's support. """
    status_code: float
    """ The HTTP status. """
    message: str
    """ What was wrong. """
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
        timestamp = self.timestamp

        path = self.path

        request_id = self.request_id

        status_code = self.status_code

        message = self.message

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
                "path": path,
                "request_id": request_id,
                "statusCode": status_code,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        timestamp = d["timestamp"]

        path = d["path"]

        request_id = d["request_id"]

        status_code = d["statusCode"]
        if status_code.__class__ is not float and status_code.__class__ is not int:
            status_code = parse_float(status_code, "statusCode")

        message = d["message"]

        unsupported_media_type_error_response = object.__new__(cls)
        unsupported_media_type_error_response.timestamp = timestamp
        unsupported_media_type_error_response.path = path
        unsupported_media_type_error_response.request_id = request_id
        unsupported_media_type_error_response.status_code = status_code
        unsupported_media_type_error_response.message = message

        unsupported_media_type_error_response._additional_properties = (
            None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return unsupported_media_type_error_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            timestamp = d["timestamp"]

            path = d["path"]

            request_id = d["request_id"]

            status_code = d["statusCode"]
            if status_code.__class__ is not float and status_code.__class__ is not int:
                status_code = parse_float(status_code, "statusCode")

            message = d["message"]

            unsupported_media_type_error_response = new(cls)
            unsupported_media_type_error_response.timestamp = timestamp
            unsupported_media_type_error_response.path = path
            unsupported_media_type_error_response.request_id = request_id
            unsupported_media_type_error_response.status_code = status_code
            unsupported_media_type_error_response.message = message

            unsupported_media_type_error_response._additional_properties = (
                None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(unsupported_media_type_error_response)
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
