from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.sentiment_analysis_result import SentimentAnalysisResult
    from ..models.utterance_dto import UtteranceDTO


T = TypeVar("T", bound="SentimentAnalysisData")

_KEYS = frozenset(
    {
        "utterance_id",
        "utterance",
        "results",
    }
)


@_attrs_define
class SentimentAnalysisData:
    """An utterance and its sentiment results."""

    utterance_id: str
    utterance: UtteranceDTO
    results: list[SentimentAnalysisResult]
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
        utterance_id = self.utterance_id

        utterance = self.utterance.to_dict()

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "utterance_id": utterance_id,
                "utterance": utterance,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        utterance_id = d["utterance_id"]

        utterance = UtteranceDTO.from_dict(d["utterance"])

        results = parse_list(SentimentAnalysisResult.from_dicts, d["results"])

        sentiment_analysis_data = object.__new__(cls)
        sentiment_analysis_data.utterance_id = utterance_id
        sentiment_analysis_data.utterance = utterance
        sentiment_analysis_data.results = results

        sentiment_analysis_data._additional_properties = (
            None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return sentiment_analysis_data

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            utterance_id = d["utterance_id"]

            utterance = UtteranceDTO.from_dict(d["utterance"])

            results = parse_list(SentimentAnalysisResult.from_dicts, d["results"])

            sentiment_analysis_data = new(cls)
            sentiment_analysis_data.utterance_id = utterance_id
            sentiment_analysis_data.utterance = utterance
            sentiment_analysis_data.results = results

            sentiment_analysis_data._additional_properties = (
                None if len(d) == 3 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(sentiment_analysis_data)
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


from ..models.sentiment_analysis_result import SentimentAnalysisResult  # noqa: E402
from ..models.utterance_dto import UtteranceDTO  # noqa: E402
