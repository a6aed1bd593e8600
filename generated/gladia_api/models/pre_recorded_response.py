from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status_enum import JobStatusEnum
from ..models.pre_recorded_response_kind import PreRecordedResponseKind
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
    from ..models.pre_recorded_request_params_response import PreRecordedRequestParamsResponse
    from ..models.pre_recorded_response_custom_metadata_type_0 import PreRecordedResponseCustomMetadataType0
    from ..models.pre_recorded_response_post_session_metadata import PreRecordedResponsePostSessionMetadata
    from ..models.transcription_result_dto import TranscriptionResultDTO


T = TypeVar("T", bound="PreRecordedResponse")

_KEYS = frozenset(
    {
        "id",
        "request_id",
        "status",
        "created_at",
        "version",
        "completed_at",
        "custom_metadata",
        "error_code",
        "post_session_metadata",
        "kind",
        "file",
        "request_params",
        "result",
    }
)


@_attrs_define
class PreRecordedResponse:
    """A pre-recorded transcription job."""

    id: str
    """ The job's id. """
    request_id: str
    """ An id to quote to Gladia's support. """
    status: JobStatusEnum
    """ `queued` and `processing` are on the way; `done` and `error` are final. """
    created_at: datetime.datetime
    """ When the job was created. """
    version: int | Unset = UNSET
    """ The API version that ran the job. """
    completed_at: datetime.datetime | None | Unset = UNSET
    """ When the job reached `done` or `error`. """
    custom_metadata: None | PreRecordedResponseCustomMetadataType0 | Unset = UNSET
    """ The `custom_metadata` the job was created with. """
    error_code: int | None | Unset = UNSET
    """ The HTTP status that best describes the failure, when `status` is `error`. """
    post_session_metadata: PreRecordedResponsePostSessionMetadata | Unset = UNSET
    """ Diagnostic data Gladia may attach. """
    kind: PreRecordedResponseKind | Unset = PreRecordedResponseKind.PRE_RECORDED
    """ Always `pre-recorded` for these jobs. """
    file: FileResponse | None | Unset = UNSET
    """ The audio the job read; may be null when the job failed early. """
    request_params: None | PreRecordedRequestParamsResponse | Unset = UNSET
    """ The options the job runs with, defaults filled in; may be null when the job failed early. """
    result: None | TranscriptionResultDTO | Unset = UNSET
    """ The transcription and add-on results, once `status` is `done`. """
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

        status = self.status.value

        created_at = self.created_at.isoformat()

        version = self.version

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        custom_metadata: dict[str, Any] | None | Unset
        if isinstance(self.custom_metadata, Unset):
            custom_metadata = UNSET
        elif isinstance(self.custom_metadata, PreRecordedResponseCustomMetadataType0):
            custom_metadata = self.custom_metadata.to_dict()
        else:
            custom_metadata = self.custom_metadata

        error_code: int | None | Unset
        if isinstance(self.error_code, Unset):
            error_code = UNSET
        else:
            error_code = self.error_code

        post_session_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.post_session_metadata, Unset):
            post_session_metadata = self.post_session_metadata.to_dict()

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

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
        elif isinstance(self.request_params, PreRecordedRequestParamsResponse):
            request_params = self.request_params.to_dict()
        else:
            request_params = self.request_params

        result: dict[str, Any] | None | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        elif isinstance(self.result, TranscriptionResultDTO):
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
                "status": status,
                "created_at": created_at,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if custom_metadata is not UNSET:
            field_dict["custom_metadata"] = custom_metadata
        if error_code is not UNSET:
            field_dict["error_code"] = error_code
        if post_session_metadata is not UNSET:
            field_dict["post_session_metadata"] = post_session_metadata
        if kind is not UNSET:
            field_dict["kind"] = kind
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

        status = JobStatusEnum._value2member_map_.get(d["status"]) or JobStatusEnum(d["status"])

        created_at = parse_datetime(d["created_at"])

        version = d.get("version", UNSET)
        if version.__class__ is not int and version is not UNSET:
            version = parse_int(version, "version")

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

        def _parse_custom_metadata(data: object) -> None | PreRecordedResponseCustomMetadataType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_metadata_type_0 = PreRecordedResponseCustomMetadataType0.from_dict(data)

                return custom_metadata_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreRecordedResponseCustomMetadataType0 | Unset, data)

        custom_metadata = _parse_custom_metadata(d.get("custom_metadata", UNSET))

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
        post_session_metadata: PreRecordedResponsePostSessionMetadata | Unset
        if isinstance(_post_session_metadata, Unset):
            post_session_metadata = UNSET
        else:
            post_session_metadata = PreRecordedResponsePostSessionMetadata.from_dict(_post_session_metadata)

        _kind = d.get("kind", UNSET)
        kind: PreRecordedResponseKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = PreRecordedResponseKind._value2member_map_.get(_kind) or PreRecordedResponseKind(_kind)

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

        def _parse_request_params(data: object) -> None | PreRecordedRequestParamsResponse | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_params_type_0 = PreRecordedRequestParamsResponse.from_dict(data)

                return request_params_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreRecordedRequestParamsResponse | Unset, data)

        request_params = _parse_request_params(d.get("request_params", UNSET))

        def _parse_result(data: object) -> None | TranscriptionResultDTO | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = TranscriptionResultDTO.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TranscriptionResultDTO | Unset, data)

        result = _parse_result(d.get("result", UNSET))

        pre_recorded_response = object.__new__(cls)
        pre_recorded_response.id = id
        pre_recorded_response.request_id = request_id
        pre_recorded_response.status = status
        pre_recorded_response.created_at = created_at
        pre_recorded_response.version = version
        pre_recorded_response.completed_at = completed_at
        pre_recorded_response.custom_metadata = custom_metadata
        pre_recorded_response.error_code = error_code
        pre_recorded_response.post_session_metadata = post_session_metadata
        pre_recorded_response.kind = kind
        pre_recorded_response.file = file
        pre_recorded_response.request_params = request_params
        pre_recorded_response.result = result

        pre_recorded_response._additional_properties = (
            None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
        )

        return pre_recorded_response

    @classmethod
    def from_dicts(cls: type[T], src_list: Iterable[Mapping[str, Any]]) -> list[T]:
        """`[cls.from_dict(d) for d in src_list]`, in one loop: no call per item (see parse_list)."""
        built: list[T] = []
        append = built.append
        new = object.__new__
        for d in src_list:
            id = d["id"]

            request_id = d["request_id"]

            status = JobStatusEnum._value2member_map_.get(d["status"]) or JobStatusEnum(d["status"])

            created_at = parse_datetime(d["created_at"])

            version = d.get("version", UNSET)
            if version.__class__ is not int and version is not UNSET:
                version = parse_int(version, "version")

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

            def _parse_custom_metadata(data: object) -> None | PreRecordedResponseCustomMetadataType0 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    custom_metadata_type_0 = PreRecordedResponseCustomMetadataType0.from_dict(data)

                    return custom_metadata_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | PreRecordedResponseCustomMetadataType0 | Unset, data)

            custom_metadata = _parse_custom_metadata(d.get("custom_metadata", UNSET))

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
            post_session_metadata: PreRecordedResponsePostSessionMetadata | Unset
            if isinstance(_post_session_metadata, Unset):
                post_session_metadata = UNSET
            else:
                post_session_metadata = PreRecordedResponsePostSessionMetadata.from_dict(_post_session_metadata)

            _kind = d.get("kind", UNSET)
            kind: PreRecordedResponseKind | Unset
            if isinstance(_kind, Unset):
                kind = UNSET
            else:
                kind = PreRecordedResponseKind._value2member_map_.get(_kind) or PreRecordedResponseKind(_kind)

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

            def _parse_request_params(data: object) -> None | PreRecordedRequestParamsResponse | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    request_params_type_0 = PreRecordedRequestParamsResponse.from_dict(data)

                    return request_params_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | PreRecordedRequestParamsResponse | Unset, data)

            request_params = _parse_request_params(d.get("request_params", UNSET))

            def _parse_result(data: object) -> None | TranscriptionResultDTO | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    result_type_0 = TranscriptionResultDTO.from_dict(data)

                    return result_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | TranscriptionResultDTO | Unset, data)

            result = _parse_result(d.get("result", UNSET))

            pre_recorded_response = new(cls)
            pre_recorded_response.id = id
            pre_recorded_response.request_id = request_id
            pre_recorded_response.status = status
            pre_recorded_response.created_at = created_at
            pre_recorded_response.version = version
            pre_recorded_response.completed_at = completed_at
            pre_recorded_response.custom_metadata = custom_metadata
            pre_recorded_response.error_code = error_code
            pre_recorded_response.post_session_metadata = post_session_metadata
            pre_recorded_response.kind = kind
            pre_recorded_response.file = file
            pre_recorded_response.request_params = request_params
            pre_recorded_response.result = result

            pre_recorded_response._additional_properties = (
                None if len(d) == 4 or _KEYS.issuperset(d) else {k: v for k, v in d.items() if k not in _KEYS}
            )

            append(pre_recorded_response)
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
from ..models.pre_recorded_request_params_response import PreRecordedRequestParamsResponse  # noqa: E402
from ..models.pre_recorded_response_custom_metadata_type_0 import PreRecordedResponseCustomMetadataType0  # noqa: E402
from ..models.pre_recorded_response_post_session_metadata import PreRecordedResponsePostSessionMetadata  # noqa: E402
from ..models.transcription_result_dto import TranscriptionResultDTO  # noqa: E402
