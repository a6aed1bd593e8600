from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sentiment_analysis_message_type import SentimentAnalysisMessageType
from ..types import (
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.error import Error
    from ..models.sentiment_analysis_data import SentimentAnalysisData


T = TypeVar("T", bound="SentimentAnalysisMessage")

_KEYS = frozenset(
    {
        "session_id",
        "created_at",
        "error",
        "type",
        "data",
    }
)


@_attrs_define
class SentimentAnalysisMessage:
    """The sentiment and emotion of one final utterance."""

    session_id: str
    created_at: str
    error: Error | None
    data: None | SentimentAnalysisData
    type_: SentimentAnalysisMessageType = SentimentAnalysisMessageType.SENTIMENT_ANALYSIS
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
        session_id = self.session_id

        created_at = self.created_at

        error: dict[str, Any] | None
        if isinstance(self.error, Error):
            error = self.error.to_dict()
        else:
            error = self.error

        type_ = self.type_.value

        data: dict[str, Any] | None
        if isinstance(self.data, SentimentAnalysisData):
            data = self.data.to_dict()
        else:
            data = self.data

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "created_at": created_at,
                "error": error,
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        session_id = d["session_id"]

        created_at = d["created_at"]

        def _parse_error(data: object) -> Error | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = Error.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Error | None, data)

        error = _parse_error(d["error"])

        type_ = SentimentAnalysisMessageType._value2member_map_.get(d["type"]) or SentimentAnalysisMessageType(
            d["type"]
        )

        def _parse_data(data: object) -> None | SentimentAnalysisData:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = SentimentAnalysisData.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SentimentAnalysisData, data)

        data = _parse_data(d["data"])

        sentiment_analysis_message = object.__new__(cls)
        sentiment_analysis_message.session_id = session_id
        sentiment_analysis_message.created_at = created_at
        sentiment_analysis_message.error = error
        sentiment_analysis_message.type_ = type_
        sentiment_analysis_message.data = data

        sentiment_analysis_message._additional_properties = (
            None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return sentiment_analysis_message

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            session_id = d["session_id"]

            created_at = d["created_at"]

            def _parse_error(data: object) -> Error | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    error_type_0 = Error.from_dict(data)

                    return error_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Error | None, data)

            error = _parse_error(d["error"])

            type_ = SentimentAnalysisMessageType._value2member_map_.get(d["type"]) or SentimentAnalysisMessageType(
                d["type"]
            )

            def _parse_data(data: object) -> None | SentimentAnalysisData:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    data_type_0 = SentimentAnalysisData.from_dict(data)

                    return data_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | SentimentAnalysisData, data)

            data = _parse_data(d["data"])

            sentiment_analysis_message = new(cls)
            sentiment_analysis_message.session_id = session_id
            sentiment_analysis_message.created_at = created_at
            sentiment_analysis_message.error = error
            sentiment_analysis_message.type_ = type_
            sentiment_analysis_message.data = data

            sentiment_analysis_message._additional_properties = (
                None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(sentiment_analysis_message)
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


from ..models.error import Error  # noqa: E402
from ..models.sentiment_analysis_data import SentimentAnalysisData  # noqa: E402
