from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import (
    extras_key,
    extras_repr,
    parse_float,
    parse_list,
)

if TYPE_CHECKING:
    from ..models.addon_error_dto import AddonErrorDTO
    from ..models.audio_to_llm_dto import AudioToLlmDTO


T = TypeVar("T", bound="AudioToLlmListDTO")

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
class AudioToLlmListDTO:
    success: bool
    """ Whether the add-on produced a usable result. """
    is_empty: bool
    """ Whether that result is empty. """
    exec_time: float
    """ Seconds the add-on took. """
    error: AddonErrorDTO | None
    """ Why the add-on failed, or null. """
    results: list[AudioToLlmDTO] | None
    """ One entry per prompt, in the order given. """
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

        results: list[dict[str, Any]] | None
        if isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = results_type_0_item_data.to_dict()
                results.append(results_type_0_item)

        else:
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

        def _parse_results(data: object) -> list[AudioToLlmDTO] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = parse_list(AudioToLlmDTO.from_dicts, data)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AudioToLlmDTO] | None, data)

        results = _parse_results(d["results"])

        audio_to_llm_list_dto = object.__new__(cls)
        audio_to_llm_list_dto.success = success
        audio_to_llm_list_dto.is_empty = is_empty
        audio_to_llm_list_dto.exec_time = exec_time
        audio_to_llm_list_dto.error = error
        audio_to_llm_list_dto.results = results

        audio_to_llm_list_dto._additional_properties = (
            None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return audio_to_llm_list_dto

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

            def _parse_results(data: object) -> list[AudioToLlmDTO] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    results_type_0 = parse_list(AudioToLlmDTO.from_dicts, data)

                    return results_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[AudioToLlmDTO] | None, data)

            results = _parse_results(d["results"])

            audio_to_llm_list_dto = new(cls)
            audio_to_llm_list_dto.success = success
            audio_to_llm_list_dto.is_empty = is_empty
            audio_to_llm_list_dto.exec_time = exec_time
            audio_to_llm_list_dto.error = error
            audio_to_llm_list_dto.results = results

            audio_to_llm_list_dto._additional_properties = (
                None if len(d) == 5 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(audio_to_llm_list_dto)
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
from ..models.audio_to_llm_dto import AudioToLlmDTO  # noqa: E402
