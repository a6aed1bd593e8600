from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streaming_supported_bit_depth_enum import StreamingSupportedBitDepthEnum
from ..models.streaming_supported_encoding_enum import StreamingSupportedEncodingEnum
from ..models.streaming_supported_models import StreamingSupportedModels
from ..models.streaming_supported_sample_rate_enum import StreamingSupportedSampleRateEnum
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_float,
    parse_int,
)

if TYPE_CHECKING:
    from ..models.callback_config import CallbackConfig
    from ..models.language_config import LanguageConfig
    from ..models.messages_config import MessagesConfig
    from ..models.post_processing_config import PostProcessingConfig
    from ..models.pre_processing_config import PreProcessingConfig
    from ..models.realtime_processing_config import RealtimeProcessingConfig


T = TypeVar("T", bound="StreamingRequestParamsResponse")

_KEYS = frozenset(
    {
        "encoding",
        "bit_depth",
        "sample_rate",
        "channels",
        "model",
        "endpointing",
        "maximum_duration_without_endpointing",
        "language_config",
        "pre_processing",
        "realtime_processing",
        "post_processing",
        "messages_config",
        "callback",
        "callback_config",
    }
)


@_attrs_define
class StreamingRequestParamsResponse:
    """The configuration a live session runs with, as Gladia stored it."""

    encoding: StreamingSupportedEncodingEnum | Unset = StreamingSupportedEncodingEnum.WAVPCM
    """ Encodings of live audio frames: 16/24/32-bit PCM, A-law or mu-law. """
    bit_depth: StreamingSupportedBitDepthEnum | Unset = StreamingSupportedBitDepthEnum.VALUE_16
    """ Bits per sample of live audio frames. """
    sample_rate: StreamingSupportedSampleRateEnum | Unset = StreamingSupportedSampleRateEnum.VALUE_16000
    """ Sample rates of live audio frames, in Hz. """
    channels: int | Unset = 1
    model: StreamingSupportedModels | Unset = StreamingSupportedModels.SOLARIA_1
    """ The real-time speech models. """
    endpointing: float | Unset = 0.05
    maximum_duration_without_endpointing: float | Unset = 5.0
    language_config: LanguageConfig | Unset = UNSET
    pre_processing: PreProcessingConfig | Unset = UNSET
    """ What is done to the audio before it is transcribed. """
    realtime_processing: RealtimeProcessingConfig | Unset = UNSET
    """ Add-ons applied to each final utterance as the session runs. """
    post_processing: PostProcessingConfig | Unset = UNSET
    """ Add-ons applied to the whole transcript once the recording has ended. """
    messages_config: MessagesConfig | Unset = UNSET
    """ Which kinds of message the WebSocket carries; each flag turns one kind on or off. """
    callback: bool | Unset = False
    callback_config: CallbackConfig | Unset = UNSET
    """ Where, and which of, the session's messages are also POSTed. """
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
        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding.value

        bit_depth: int | Unset = UNSET
        if not isinstance(self.bit_depth, Unset):
            bit_depth = self.bit_depth.value

        sample_rate: int | Unset = UNSET
        if not isinstance(self.sample_rate, Unset):
            sample_rate = self.sample_rate.value

        channels = self.channels

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        endpointing = self.endpointing

        maximum_duration_without_endpointing = self.maximum_duration_without_endpointing

        language_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.language_config, Unset):
            language_config = self.language_config.to_dict()

        pre_processing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.pre_processing, Unset):
            pre_processing = self.pre_processing.to_dict()

        realtime_processing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.realtime_processing, Unset):
            realtime_processing = self.realtime_processing.to_dict()

        post_processing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.post_processing, Unset):
            post_processing = self.post_processing.to_dict()

        messages_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.messages_config, Unset):
            messages_config = self.messages_config.to_dict()

        callback = self.callback

        callback_config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.callback_config, Unset):
            callback_config = self.callback_config.to_dict()

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update({})
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if bit_depth is not UNSET:
            field_dict["bit_depth"] = bit_depth
        if sample_rate is not UNSET:
            field_dict["sample_rate"] = sample_rate
        if channels is not UNSET:
            field_dict["channels"] = channels
        if model is not UNSET:
            field_dict["model"] = model
        if endpointing is not UNSET:
            field_dict["endpointing"] = endpointing
        if maximum_duration_without_endpointing is not UNSET:
            field_dict["maximum_duration_without_endpointing"] = maximum_duration_without_endpointing
        if language_config is not UNSET:
            field_dict["language_config"] = language_config
        if pre_processing is not UNSET:
            field_dict["pre_processing"] = pre_processing
        if realtime_processing is not UNSET:
            field_dict["realtime_processing"] = realtime_processing
        if post_processing is not UNSET:
            field_dict["post_processing"] = post_processing
        if messages_config is not UNSET:
            field_dict["messages_config"] = messages_config
        if callback is not UNSET:
            field_dict["callback"] = callback
        if callback_config is not UNSET:
            field_dict["callback_config"] = callback_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        _encoding = d.get("encoding", UNSET)
        encoding: StreamingSupportedEncodingEnum | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = StreamingSupportedEncodingEnum._value2member_map_.get(
                _encoding
            ) or StreamingSupportedEncodingEnum(_encoding)

        _bit_depth = d.get("bit_depth", UNSET)
        bit_depth: StreamingSupportedBitDepthEnum | Unset
        if isinstance(_bit_depth, Unset):
            bit_depth = UNSET
        else:
            bit_depth = StreamingSupportedBitDepthEnum._value2member_map_.get(
                _bit_depth
            ) or StreamingSupportedBitDepthEnum(_bit_depth)

        _sample_rate = d.get("sample_rate", UNSET)
        sample_rate: StreamingSupportedSampleRateEnum | Unset
        if isinstance(_sample_rate, Unset):
            sample_rate = UNSET
        else:
            sample_rate = StreamingSupportedSampleRateEnum._value2member_map_.get(
                _sample_rate
            ) or StreamingSupportedSampleRateEnum(_sample_rate)

        channels = d.get("channels", UNSET)
        if channels.__class__ is not int and channels is not UNSET:
            channels = parse_int(channels, "channels")

        _model = d.get("model", UNSET)
        model: StreamingSupportedModels | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = StreamingSupportedModels._value2member_map_.get(_model) or StreamingSupportedModels(_model)

        endpointing = d.get("endpointing", UNSET)
        if endpointing.__class__ not in (float, int) and endpointing is not UNSET:
            endpointing = parse_float(endpointing, "endpointing")

        maximum_duration_without_endpointing = d.get("maximum_duration_without_endpointing", UNSET)
        if (
            maximum_duration_without_endpointing.__class__ not in (float, int)
            and maximum_duration_without_endpointing is not UNSET
        ):
            maximum_duration_without_endpointing = parse_float(
                maximum_duration_without_endpointing, "maximum_duration_without_endpointing"
            )

        _language_config = d.get("language_config", UNSET)
        language_config: LanguageConfig | Unset
        if isinstance(_language_config, Unset):
            language_config = UNSET
        else:
            language_config = LanguageConfig.from_dict(_language_config)

        _pre_processing = d.get("pre_processing", UNSET)
        pre_processing: PreProcessingConfig | Unset
        if isinstance(_pre_processing, Unset):
            pre_processing = UNSET
        else:
            pre_processing = PreProcessingConfig.from_dict(_pre_processing)

        _realtime_processing = d.get("realtime_processing", UNSET)
        realtime_processing: RealtimeProcessingConfig | Unset
        if isinstance(_realtime_processing, Unset):
            realtime_processing = UNSET
        else:
            realtime_processing = RealtimeProcessingConfig.from_dict(_realtime_processing)

        _post_processing = d.get("post_processing", UNSET)
        post_processing: PostProcessingConfig | Unset
        if isinstance(_post_processing, Unset):
            post_processing = UNSET
        else:
            post_processing = PostProcessingConfig.from_dict(_post_processing)

        _messages_config = d.get("messages_config", UNSET)
        messages_config: MessagesConfig | Unset
        if isinstance(_messages_config, Unset):
            messages_config = UNSET
        else:
            messages_config = MessagesConfig.from_dict(_messages_config)

        callback = d.get("callback", UNSET)

        _callback_config = d.get("callback_config", UNSET)
        callback_config: CallbackConfig | Unset
        if isinstance(_callback_config, Unset):
            callback_config = UNSET
        else:
            callback_config = CallbackConfig.from_dict(_callback_config)

        streaming_request_params_response = object.__new__(cls)
        streaming_request_params_response.encoding = encoding
        streaming_request_params_response.bit_depth = bit_depth
        streaming_request_params_response.sample_rate = sample_rate
        streaming_request_params_response.channels = channels
        streaming_request_params_response.model = model
        streaming_request_params_response.endpointing = endpointing
        streaming_request_params_response.maximum_duration_without_endpointing = maximum_duration_without_endpointing
        streaming_request_params_response.language_config = language_config
        streaming_request_params_response.pre_processing = pre_processing
        streaming_request_params_response.realtime_processing = realtime_processing
        streaming_request_params_response.post_processing = post_processing
        streaming_request_params_response.messages_config = messages_config
        streaming_request_params_response.callback = callback
        streaming_request_params_response.callback_config = callback_config

        streaming_request_params_response._additional_properties = (
            None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return streaming_request_params_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            _encoding = d.get("encoding", UNSET)
            encoding: StreamingSupportedEncodingEnum | Unset
            if isinstance(_encoding, Unset):
                encoding = UNSET
            else:
                encoding = StreamingSupportedEncodingEnum._value2member_map_.get(
                    _encoding
                ) or StreamingSupportedEncodingEnum(_encoding)

            _bit_depth = d.get("bit_depth", UNSET)
            bit_depth: StreamingSupportedBitDepthEnum | Unset
            if isinstance(_bit_depth, Unset):
                bit_depth = UNSET
            else:
                bit_depth = StreamingSupportedBitDepthEnum._value2member_map_.get(
                    _bit_depth
                ) or StreamingSupportedBitDepthEnum(_bit_depth)

            _sample_rate = d.get("sample_rate", UNSET)
            sample_rate: StreamingSupportedSampleRateEnum | Unset
            if isinstance(_sample_rate, Unset):
                sample_rate = UNSET
            else:
                sample_rate = StreamingSupportedSampleRateEnum._value2member_map_.get(
                    _sample_rate
                ) or StreamingSupportedSampleRateEnum(_sample_rate)

            channels = d.get("channels", UNSET)
            if channels.__class__ is not int and channels is not UNSET:
                channels = parse_int(channels, "channels")

            _model = d.get("model", UNSET)
            model: StreamingSupportedModels | Unset
            if isinstance(_model, Unset):
                model = UNSET
            else:
                model = StreamingSupportedModels._value2member_map_.get(_model) or StreamingSupportedModels(_model)

            endpointing = d.get("endpointing", UNSET)
            if endpointing.__class__ not in (float, int) and endpointing is not UNSET:
                endpointing = parse_float(endpointing, "endpointing")

            maximum_duration_without_endpointing = d.get("maximum_duration_without_endpointing", UNSET)
            if (
                maximum_duration_without_endpointing.__class__ not in (float, int)
                and maximum_duration_without_endpointing is not UNSET
            ):
                maximum_duration_without_endpointing = parse_float(
                    maximum_duration_without_endpointing, "maximum_duration_without_endpointing"
                )

            _language_config = d.get("language_config", UNSET)
            language_config: LanguageConfig | Unset
            if isinstance(_language_config, Unset):
                language_config = UNSET
            else:
                language_config = LanguageConfig.from_dict(_language_config)

            _pre_processing = d.get("pre_processing", UNSET)
            pre_processing: PreProcessingConfig | Unset
            if isinstance(_pre_processing, Unset):
                pre_processing = UNSET
            else:
                pre_processing = PreProcessingConfig.from_dict(_pre_processing)

            _realtime_processing = d.get("realtime_processing", UNSET)
            realtime_processing: RealtimeProcessingConfig | Unset
            if isinstance(_realtime_processing, Unset):
                realtime_processing = UNSET
            else:
                realtime_processing = RealtimeProcessingConfig.from_dict(_realtime_processing)

            _post_processing = d.get("post_processing", UNSET)
            post_processing: PostProcessingConfig | Unset
            if isinstance(_post_processing, Unset):
                post_processing = UNSET
            else:
                post_processing = PostProcessingConfig.from_dict(_post_processing)

            _messages_config = d.get("messages_config", UNSET)
            messages_config: MessagesConfig | Unset
            if isinstance(_messages_config, Unset):
                messages_config = UNSET
            else:
                messages_config = MessagesConfig.from_dict(_messages_config)

            callback = d.get("callback", UNSET)

            _callback_config = d.get("callback_config", UNSET)
            callback_config: CallbackConfig | Unset
            if isinstance(_callback_config, Unset):
                callback_config = UNSET
            else:
                callback_config = CallbackConfig.from_dict(_callback_config)

            streaming_request_params_response = new(cls)
            streaming_request_params_response.encoding = encoding
            streaming_request_params_response.bit_depth = bit_depth
            streaming_request_params_response.sample_rate = sample_rate
            streaming_request_params_response.channels = channels
            streaming_request_params_response.model = model
            streaming_request_params_response.endpointing = endpointing
            streaming_request_params_response.maximum_duration_without_endpointing = (
                maximum_duration_without_endpointing
            )
            streaming_request_params_response.language_config = language_config
            streaming_request_params_response.pre_processing = pre_processing
            streaming_request_params_response.realtime_processing = realtime_processing
            streaming_request_params_response.post_processing = post_processing
            streaming_request_params_response.messages_config = messages_config
            streaming_request_params_response.callback = callback
            streaming_request_params_response.callback_config = callback_config

            streaming_request_params_response._additional_properties = (
                None if len(d) == 0 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(streaming_request_params_response)
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


from ..models.callback_config import CallbackConfig  # noqa: E402
from ..models.language_config import LanguageConfig  # noqa: E402
from ..models.messages_config import MessagesConfig  # noqa: E402
from ..models.post_processing_config import PostProcessingConfig  # noqa: E402
from ..models.pre_processing_config import PreProcessingConfig  # noqa: E402
from ..models.realtime_processing_config import RealtimeProcessingConfig  # noqa: E402
