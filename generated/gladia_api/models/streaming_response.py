from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status_enum import JobStatusEnum
from ..models.streaming_response_kind import StreamingResponseKind
from ..types import (
    UNSET,
    Unset,
    extras_key,
    extras_repr,
    parse_datetime,
    parse_int,
)

if TYPE_CHECKING:
    from ..models.file_response import FileResponse
    from ..models.streaming_request_params_response import StreamingRequestParamsResponse
    from ..models.streaming_response_custom_metadata import StreamingResponseCustomMetadata
    from ..models.streaming_response_post_session_metadata import StreamingResponsePostSessionMetadata
    from ..models.streaming_transcription_result_with_messages_dto import StreamingTranscriptionResultWithMessagesDTO


T = TypeVar("T", bound="StreamingResponse")

_KEYS = frozenset(
    {
        "id",
        "request_id",
        "version",
        "status",
        "created_at",
        "kind",
        "completed_at",
        "custom_metadata",
        "error_code",
        "post_session_metadata",
        "file",
        "request_params",
        "result",
    }
)


@_attrs_define
class StreamingResponse:
    """A live session: its status, configuration and, once it is done, its result."""

    id: str
    """ The session's id. """
    request_id: str
    """ An id to quote to Gladia's support. """
    version: int
    """ The API version that ran the session. """
    status: JobStatusEnum
    """ `queued` and `processing` are on the way; `done` and `error` are final. """
    created_at: datetime.datetime
    kind: StreamingResponseKind = StreamingResponseKind.LIVE
    """ Always `live` for these jobs. """
    completed_at: datetime.datetime | None | Unset = UNSET
    custom_metadata: StreamingResponseCustomMetadata | Unset = UNSET
    error_code: int | None | Unset = UNSET
    """ The HTTP status that best describes the failure, when `status` is `error`. """
    post_session_metadata: StreamingResponsePostSessionMetadata | Unset = UNSET
    file: FileResponse | None | Unset = UNSET
    """ The audio received, once the recording has ended. """
    request_params: None | StreamingRequestParamsResponse | Unset = UNSET
    result: None | StreamingTranscriptionResultWithMessagesDTO | Unset = UNSET
    """ The transcript and add-on results, once `status` is `done`. """
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
        id = self.id

        request_id = self.request_id

        version = self.version

        status = self.status.value

        created_at = self.created_at.isoformat()

        kind = self.kind.value

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        custom_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_metadata, Unset):
            custom_metadata = self.custom_metadata.to_dict()

        error_code: int | None | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        post_session_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.post_session_metadata, Unset):
            post_session_metadata = self.post_session_metadata.to_dict()

        file: dict[str, Any] | None | Unset
        if isinstance(self.file, Unset):
            file = UNSET
        elif isinstance(self.file, FileResponse):
            file = self.file.to_dict()
        else:
            file = self.file

        request_params: dict[str, Any] | None | Unset
        if isinstance(self.request_params, Unset):
            request_params = UNSET
        elif isinstance(self.request_params, StreamingRequestParamsResponse):
            request_params = self.request_params.to_dict()
        else:
            request_params = self.request_params

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, StreamingTranscriptionResultWithMessagesDTO):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        if self._additional_properties:
            field_dict.update(self._additional_properties)
        field_dict.update(
            {
                "id": id,
                "request_id": request_id,
                "version": version,
                "status": status,
                "created_at": created_at,
                "kind": kind,
            }
        )
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if custom_metadata is not UNSET:
            field_dict["custom_metadata"] = custom_metadata
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if post_session_metadata is not UNSET:
            field_dict["post_session_metadata"] = post_session_metadata
        if file is not UNSET:
            field_dict["file"] = file
        if request_params is not UNSET:
            field_dict["request_params"] = request_params
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = src_dict
        id = d["id"]

        request_id = d["request_id"]

        version = d["version"]
        if version.__class__ is not int:
            version = parse_int(version, "version")

        status = JobStatusEnum._value2member_map_.get(d["status"]) or JobStatusEnum(d["status"])

        created_at = parse_datetime(d["created_at"])

        kind = StreamingResponseKind._value2member_map_.get(d["kind"]) or StreamingResponseKind(d["kind"])

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = parse_datetime(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.get("completed_at", UNSET))

        _custom_metadata = d.get("custom_metadata", UNSET)
        custom_metadata: StreamingResponseCustomMetadata | Unset
        if isinstance(_custom_metadata, Unset):
            custom_metadata = UNSET
        else:
            custom_metadata = StreamingResponseCustomMetadata.from_dict(_custom_metadata)

        def _parse_error_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            error_code_type_0 = data
            if error_code_type_0.__class__ is not int:
                error_code_type_0 = parse_int(error_code_type_0, "error_code_type_0")

            return error_code_type_0
            return cast(int | None | Unset, data)

        error_code = _parse_error_code(d.get("error_code", UNSET))

        _post_session_metadata = d.get("post_session_metadata", UNSET)
        post_session_metadata: StreamingResponsePostSessionMetadata | Unset
        if isinstance(_post_session_metadata, Unset):
            post_session_metadata = UNSET
        else:
            post_session_metadata = StreamingResponsePostSessionMetadata.from_dict(_post_session_metadata)

        def _parse_file(data: object) -> FileResponse | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                file_type_0 = FileResponse.from_dict(data)

                return file_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FileResponse | None | Unset, data)

        file = _parse_file(d.get("file", UNSET))

        def _parse_request_params(data: object) -> None | StreamingRequestParamsResponse | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_params_type_0 = StreamingRequestParamsResponse.from_dict(data)

                return request_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamingRequestParamsResponse | Unset, data)

        request_params = _parse_request_params(d.get("request_params", UNSET))

        def _parse_result(data: object) -> None | StreamingTranscriptionResultWithMessagesDTO | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = StreamingTranscriptionResultWithMessagesDTO.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamingTranscriptionResultWithMessagesDTO | Unset, data)

        result = _parse_result(d.get("result", UNSET))

        streaming_response = object.__new__(cls)
        streaming_response.id = id
        streaming_response.request_id = request_id
        streaming_response.version = version
        streaming_response.status = status
        streaming_response.created_at = created_at
        streaming_response.kind = kind
        streaming_response.completed_at = completed_at
        streaming_response.custom_metadata = custom_metadata
        streaming_response.error_code = error_code
        streaming_response.post_session_metadata = post_session_metadata
        streaming_response.file = file
        streaming_response.request_params = request_params
        streaming_response.result = result

        streaming_response._additional_properties = (
            None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return streaming_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            request_id = d["request_id"]

            version = d["version"]
            if version.__class__ is not int:
                version = parse_int(version, "version")

            status = JobStatusEnum._value2member_map_.get(d["status"]) or JobStatusEnum(d["status"])

            created_at = parse_datetime(d["created_at"])

            kind = StreamingResponseKind._value2member_map_.get(d["kind"]) or StreamingResponseKind(d["kind"])

            def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    completed_at_type_0 = parse_datetime(data)

                    return completed_at_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | Unset, data)

            completed_at = _parse_completed_at(d.get("completed_at", UNSET))

            _custom_metadata = d.get("custom_metadata", UNSET)
            custom_metadata: StreamingResponseCustomMetadata | Unset
            if isinstance(_custom_metadata, Unset):
                custom_metadata = UNSET
            else:
                custom_metadata = StreamingResponseCustomMetadata.from_dict(_custom_metadata)

            def _parse_error_code(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                error_code_type_0 = data
                if error_code_type_0.__class__ is not int:
                    error_code_type_0 = parse_int(error_code_type_0, "error_code_type_0")

                return error_code_type_0
                return cast(int | None | Unset, data)

            error_code = _parse_error_code(d.get("error_code", UNSET))

            _post_session_metadata = d.get("post_session_metadata", UNSET)
            post_session_metadata: StreamingResponsePostSessionMetadata | Unset
            if isinstance(_post_session_metadata, Unset):
                post_session_metadata = UNSET
            else:
                post_session_metadata = StreamingResponsePostSessionMetadata.from_dict(_post_session_metadata)

            def _parse_file(data: object) -> FileResponse | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    file_type_0 = FileResponse.from_dict(data)

                    return file_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(FileResponse | None | Unset, data)

            file = _parse_file(d.get("file", UNSET))

            def _parse_request_params(data: object) -> None | StreamingRequestParamsResponse | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    request_params_type_0 = StreamingRequestParamsResponse.from_dict(data)

                    return request_params_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | StreamingRequestParamsResponse | Unset, data)

            request_params = _parse_request_params(d.get("request_params", UNSET))

            def _parse_result(data: object) -> None | StreamingTranscriptionResultWithMessagesDTO | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    result_type_0 = StreamingTranscriptionResultWithMessagesDTO.from_dict(data)

                    return result_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | StreamingTranscriptionResultWithMessagesDTO | Unset, data)

            result = _parse_result(d.get("result", UNSET))

            streaming_response = new(cls)
            streaming_response.id = id
            streaming_response.request_id = request_id
            streaming_response.version = version
            streaming_response.status = status
            streaming_response.created_at = created_at
            streaming_response.kind = kind
            streaming_response.completed_at = completed_at
            streaming_response.custom_metadata = custom_metadata
            streaming_response.error_code = error_code
            streaming_response.post_session_metadata = post_session_metadata
            streaming_response.file = file
            streaming_response.request_params = request_params
            streaming_response.result = result

            streaming_response._additional_properties = (
                None if len(d) == 6 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(streaming_response)
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


from ..models.file_response import FileResponse  # noqa: E402
from ..models.streaming_request_params_response import StreamingRequestParamsResponse  # noqa: E402
from ..models.streaming_response_custom_metadata import StreamingResponseCustomMetadata  # noqa: E402
from ..models.streaming_response_post_session_metadata import StreamingResponsePostSessionMetadata  # noqa: E402
from ..models.streaming_transcription_result_with_messages_dto import (
    StreamingTranscriptionResultWithMessagesDTO,  # noqa: E402
)
