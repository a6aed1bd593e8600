from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
)

if TYPE_CHECKING:
    from ..models.summarization_config_dto import SummarizationConfigDTO


T = TypeVar("T", bound="PostProcessingConfig")

_KEYS = frozenset(
    {
        "summarization",
        "summarization_config",
        "chapterization",
    }
)


@_attrs_define
class PostProcessingConfig:
    """Add-ons applied to the whole transcript once the recording has ended."""

    summarization: bool | Unset = False
    summarization_config: SummarizationConfigDTO | Unset = UNSET
    chapterization: bool | Unset = False
    """ Deprecated and ignored: no `post_chapterization` message is sent. Still accepted, as older clients send it.
    """
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
        summarization = self.summarization

        summarization_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summarization_config, Unset):
            summarization_config = self.summarization_config.to_dict()

        chapterization = self.chapterization

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if summarization is not UNSET:
            field_dict["summarization"] = summarization
        if summarization_config is not UNSET:
            field_dict["summarization_config"] = summarization_config
        if chapterization is not UNSET:
            field_dict["chapterization"] = chapterization

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        summarization = d.get("summarization", UNSET)

        _summarization_config = d.get("summarization_config", UNSET)
        summarization_config: SummarizationConfigDTO | Unset
        if isinstance(_summarization_config, Unset):
            summarization_config = UNSET
        else:
            summarization_config = SummarizationConfigDTO.from_dict(_summarization_config)

        chapterization = d.get("chapterization", UNSET)

        post_processing_config = object.__new__(cls)
        post_processing_config.summarization = summarization
        post_processing_config.summarization_config = summarization_config
        post_processing_config.chapterization = chapterization

        post_processing_config._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return post_processing_config

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            summarization = d.get("summarization", UNSET)

            _summarization_config = d.get("summarization_config", UNSET)
            summarization_config: SummarizationConfigDTO | Unset
            if isinstance(_summarization_config, Unset):
                summarization_config = UNSET
            else:
                summarization_config = SummarizationConfigDTO.from_dict(_summarization_config)

            chapterization = d.get("chapterization", UNSET)

            post_processing_config = new(cls)
            post_processing_config.summarization = summarization
            post_processing_config.summarization_config = summarization_config
            post_processing_config.chapterization = chapterization

            post_processing_config._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(post_processing_config)
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


from ..models.summarization_config_dto import SummarizationConfigDTO  # noqa: E402
