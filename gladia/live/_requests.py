"""What both live clients send, without I/O: the request that opens a session, and the ones that read,
list, change and delete sessions, each built from the generated `gladia_api.api.live` endpoints and sent
by the one request path (gladia/_core/request.py), as the pre-recorded calls are."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from gladia._core.job_id import check_job_id
from gladia._core.pages import ListQuery
from gladia._core.request import NO_OVERRIDES, CallOptions, RequestOptions
from gladia._core.routes import Operation
from gladia.errors import InvalidOptionsError, ValidationError
from gladia.live._options import live_session_body
from gladia_api import models as M
from gladia_api.api.live import (
    create_live_session,
    delete_live_session,
    get_live_session,
    get_live_session_file,
    list_live_sessions,
    patch_live_session,
)

REGIONS = ("us-west", "eu-west")


def session_request(
    options: object,
    region: str | None,
    call: CallOptions = NO_OVERRIDES,
    *,
    required: Mapping[str, bool] | None = None,
) -> tuple[RequestOptions, dict[str, Any]]:
    """The checked request of `POST /v2/live` (acknowledgments forced on: resuming needs them; `required`,
    the messages a session that streams needs too), and the messages_config the caller asked for."""
    body = live_session_body(options)
    if region is not None and region not in REGIONS:
        raise InvalidOptionsError([f"region: {region!r} is not one of {', '.join(REGIONS)}"])
    asked = dict(body.get("messages_config") or {})
    body["messages_config"] = {**asked, "receive_acknowledgments": True, **(required or {})}
    more: dict[str, Any] = {} if region is None else {"region": M.StreamingSupportedRegions(region)}
    kwargs = create_live_session._get_kwargs(body=M.StreamingRequest.from_dict(body), **more)
    # The body as checked, not as the generated model writes it back: nothing the caller gave is lost.
    return RequestOptions.generated(Operation.CREATE, {**kwargs, "json": body}, call=call), asked


def get(session_id: str, call: CallOptions) -> RequestOptions:
    return RequestOptions.generated(
        Operation.GET, get_live_session._get_kwargs(check_job_id(session_id)), call=call
    )


def delete(session_id: str, call: CallOptions) -> RequestOptions:
    kwargs = delete_live_session._get_kwargs(check_job_id(session_id))
    return RequestOptions.generated(Operation.DELETE, kwargs, call=call)


def download(session_id: str, call: CallOptions) -> RequestOptions:
    kwargs = get_live_session_file._get_kwargs(check_job_id(session_id))
    return RequestOptions.generated(Operation.DOWNLOAD, kwargs, stream=True, call=call)


def patch(session_id: str, changes: object, call: CallOptions) -> RequestOptions:
    if not isinstance(changes, Mapping):
        raise ValidationError(
            f"changes must be a dict of the session's fields to change, got {type(changes).__name__}"
        )
    kwargs = patch_live_session._get_kwargs(
        check_job_id(session_id), body=M.PatchRequestParamsDTO.from_dict(changes)
    )
    return RequestOptions.generated(Operation.UPDATE, {**kwargs, "json": dict(changes)}, call=call)


def list_page(query: ListQuery, offset: int, call: CallOptions) -> RequestOptions:
    kwargs = list_live_sessions._get_kwargs(offset=offset, limit=query.page_size, **query.filters)
    options = RequestOptions.generated(Operation.LIST, kwargs, call=call)
    return attrs.evolve(options, params=(*options.params, *query.metadata))
