from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    import datetime

    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error_response import BadRequestErrorResponse
    from ...models.internal_server_error_response import InternalServerErrorResponse
    from ...models.job_status_enum import JobStatusEnum
    from ...models.list_live_sessions_custom_metadata import ListLiveSessionsCustomMetadata
    from ...models.list_streaming_response import ListStreamingResponse
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse


def _get_kwargs(
    *,
    offset: int | Unset = 0,
    limit: int | Unset = 20,
    date: datetime.datetime | Unset = UNSET,
    before_date: datetime.datetime | Unset = UNSET,
    after_date: datetime.datetime | Unset = UNSET,
    status: list[JobStatusEnum] | Unset = UNSET,
    custom_metadata: ListLiveSessionsCustomMetadata | Unset = UNSET,
) -> dict[str, Any]:
    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    json_date: str | Unset = UNSET
    if not isinstance(date, Unset):
        json_date = date.isoformat()
    params["date"] = json_date

    json_before_date: str | Unset = UNSET
    if not isinstance(before_date, Unset):
        json_before_date = before_date.isoformat()
    params["before_date"] = json_before_date

    json_after_date: str | Unset = UNSET
    if not isinstance(after_date, Unset):
        json_after_date = after_date.isoformat()
    params["after_date"] = json_after_date

    json_status: list[str] | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = []
        for status_item_data in status:
            status_item = status_item_data.value
            json_status.append(status_item)

    params["status"] = json_status

    json_custom_metadata: dict[str, Any] | Unset = UNSET
    if not isinstance(custom_metadata, Unset):
        json_custom_metadata = custom_metadata.to_dict()
    if not isinstance(json_custom_metadata, Unset):
        params.update(json_custom_metadata)

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/live",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestErrorResponse
    | InternalServerErrorResponse
    | ListStreamingResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | None
):
    from ...models.bad_request_error_response import BadRequestErrorResponse  # noqa: PLC0415
    from ...models.internal_server_error_response import InternalServerErrorResponse  # noqa: PLC0415
    from ...models.list_streaming_response import ListStreamingResponse  # noqa: PLC0415
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse  # noqa: PLC0415
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse  # noqa: PLC0415

    if response.status_code == 200:
        response_200 = ListStreamingResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = TooManyRequestsErrorResponse.from_dict(response.json())

        return response_429

    if 500 <= response.status_code <= 599:
        response_5xx = InternalServerErrorResponse.from_dict(response.json())

        return response_5xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    BadRequestErrorResponse
    | InternalServerErrorResponse
    | ListStreamingResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 20,
    date: datetime.datetime | Unset = UNSET,
    before_date: datetime.datetime | Unset = UNSET,
    after_date: datetime.datetime | Unset = UNSET,
    status: list[JobStatusEnum] | Unset = UNSET,
    custom_metadata: ListLiveSessionsCustomMetadata | Unset = UNSET,
) -> Response[
    BadRequestErrorResponse
    | InternalServerErrorResponse
    | ListStreamingResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
]:
    """List live sessions, newest first

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 20.
        date (datetime.datetime | Unset):
        before_date (datetime.datetime | Unset):
        after_date (datetime.datetime | Unset):
        status (list[JobStatusEnum] | Unset):
        custom_metadata (ListLiveSessionsCustomMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestErrorResponse | InternalServerErrorResponse | ListStreamingResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        date=date,
        before_date=before_date,
        after_date=after_date,
        status=status,
        custom_metadata=custom_metadata,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 20,
    date: datetime.datetime | Unset = UNSET,
    before_date: datetime.datetime | Unset = UNSET,
    after_date: datetime.datetime | Unset = UNSET,
    status: list[JobStatusEnum] | Unset = UNSET,
    custom_metadata: ListLiveSessionsCustomMetadata | Unset = UNSET,
) -> (
    BadRequestErrorResponse
    | InternalServerErrorResponse
    | ListStreamingResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | None
):
    """List live sessions, newest first

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 20.
        date (datetime.datetime | Unset):
        before_date (datetime.datetime | Unset):
        after_date (datetime.datetime | Unset):
        status (list[JobStatusEnum] | Unset):
        custom_metadata (ListLiveSessionsCustomMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestErrorResponse | InternalServerErrorResponse | ListStreamingResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse
    """

    return sync_detailed(
        client=client,
        offset=offset,
        limit=limit,
        date=date,
        before_date=before_date,
        after_date=after_date,
        status=status,
        custom_metadata=custom_metadata,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 20,
    date: datetime.datetime | Unset = UNSET,
    before_date: datetime.datetime | Unset = UNSET,
    after_date: datetime.datetime | Unset = UNSET,
    status: list[JobStatusEnum] | Unset = UNSET,
    custom_metadata: ListLiveSessionsCustomMetadata | Unset = UNSET,
) -> Response[
    BadRequestErrorResponse
    | InternalServerErrorResponse
    | ListStreamingResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
]:
    """List live sessions, newest first

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 20.
        date (datetime.datetime | Unset):
        before_date (datetime.datetime | Unset):
        after_date (datetime.datetime | Unset):
        status (list[JobStatusEnum] | Unset):
        custom_metadata (ListLiveSessionsCustomMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestErrorResponse | InternalServerErrorResponse | ListStreamingResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        date=date,
        before_date=before_date,
        after_date=after_date,
        status=status,
        custom_metadata=custom_metadata,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    offset: int | Unset = 0,
    limit: int | Unset = 20,
    date: datetime.datetime | Unset = UNSET,
    before_date: datetime.datetime | Unset = UNSET,
    after_date: datetime.datetime | Unset = UNSET,
    status: list[JobStatusEnum] | Unset = UNSET,
    custom_metadata: ListLiveSessionsCustomMetadata | Unset = UNSET,
) -> (
    BadRequestErrorResponse
    | InternalServerErrorResponse
    | ListStreamingResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | None
):
    """List live sessions, newest first

    Args:
        offset (int | Unset):  Default: 0.
        limit (int | Unset):  Default: 20.
        date (datetime.datetime | Unset):
        before_date (datetime.datetime | Unset):
        after_date (datetime.datetime | Unset):
        status (list[JobStatusEnum] | Unset):
        custom_metadata (ListLiveSessionsCustomMetadata | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestErrorResponse | InternalServerErrorResponse | ListStreamingResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            offset=offset,
            limit=limit,
            date=date,
            before_date=before_date,
            after_date=after_date,
            status=status,
            custom_metadata=custom_metadata,
        )
    ).parsed
