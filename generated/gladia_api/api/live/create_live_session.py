from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error_response import BadRequestErrorResponse
    from ...models.init_streaming_response import InitStreamingResponse
    from ...models.internal_server_error_response import InternalServerErrorResponse
    from ...models.streaming_request import StreamingRequest
    from ...models.streaming_supported_regions import StreamingSupportedRegions
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse
    from ...models.unprocessable_entity_error_response import UnprocessableEntityErrorResponse


def _get_kwargs(
    *,
    body: StreamingRequest,
    region: StreamingSupportedRegions | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_region: str | Unset = UNSET
    if not isinstance(region, Unset):
        json_region = region.value

    params["region"] = json_region

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/live",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestErrorResponse
    | InitStreamingResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | None
):
    from ...models.bad_request_error_response import BadRequestErrorResponse  # noqa: PLC0415
    from ...models.init_streaming_response import InitStreamingResponse  # noqa: PLC0415
    from ...models.internal_server_error_response import InternalServerErrorResponse  # noqa: PLC0415
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse  # noqa: PLC0415
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse  # noqa: PLC0415
    from ...models.unprocessable_entity_error_response import UnprocessableEntityErrorResponse  # noqa: PLC0415

    if response.status_code == 201:
        response_201 = InitStreamingResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = BadRequestErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = UnprocessableEntityErrorResponse.from_dict(response.json())

        return response_422

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
    | InitStreamingResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
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
    body: StreamingRequest,
    region: StreamingSupportedRegions | Unset = UNSET,
) -> Response[
    BadRequestErrorResponse
    | InitStreamingResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
]:
    """Open a live transcription session

     Registers the session's configuration and answers with the WebSocket `url` to stream its audio to:
    binary frames (or `audio_chunk` JSON messages), then `{"type": "stop_recording"}`. The server
    answers
    on the same socket with the messages of `LiveServerMessage`.

    Args:
        region (StreamingSupportedRegions | Unset): Where a live session is processed.
        body (StreamingRequest): The configuration of a live session, sent once to open it. Every
            field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestErrorResponse | InitStreamingResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        region=region,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: StreamingRequest,
    region: StreamingSupportedRegions | Unset = UNSET,
) -> (
    BadRequestErrorResponse
    | InitStreamingResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | None
):
    """Open a live transcription session

     Registers the session's configuration and answers with the WebSocket `url` to stream its audio to:
    binary frames (or `audio_chunk` JSON messages), then `{"type": "stop_recording"}`. The server
    answers
    on the same socket with the messages of `LiveServerMessage`.

    Args:
        region (StreamingSupportedRegions | Unset): Where a live session is processed.
        body (StreamingRequest): The configuration of a live session, sent once to open it. Every
            field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestErrorResponse | InitStreamingResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        region=region,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: StreamingRequest,
    region: StreamingSupportedRegions | Unset = UNSET,
) -> Response[
    BadRequestErrorResponse
    | InitStreamingResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
]:
    """Open a live transcription session

     Registers the session's configuration and answers with the WebSocket `url` to stream its audio to:
    binary frames (or `audio_chunk` JSON messages), then `{"type": "stop_recording"}`. The server
    answers
    on the same socket with the messages of `LiveServerMessage`.

    Args:
        region (StreamingSupportedRegions | Unset): Where a live session is processed.
        body (StreamingRequest): The configuration of a live session, sent once to open it. Every
            field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestErrorResponse | InitStreamingResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        region=region,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: StreamingRequest,
    region: StreamingSupportedRegions | Unset = UNSET,
) -> (
    BadRequestErrorResponse
    | InitStreamingResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | None
):
    """Open a live transcription session

     Registers the session's configuration and answers with the WebSocket `url` to stream its audio to:
    binary frames (or `audio_chunk` JSON messages), then `{"type": "stop_recording"}`. The server
    answers
    on the same socket with the messages of `LiveServerMessage`.

    Args:
        region (StreamingSupportedRegions | Unset): Where a live session is processed.
        body (StreamingRequest): The configuration of a live session, sent once to open it. Every
            field is optional.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestErrorResponse | InitStreamingResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            region=region,
        )
    ).parsed
