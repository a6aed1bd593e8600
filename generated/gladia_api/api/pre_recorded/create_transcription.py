from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error_response import BadRequestErrorResponse
    from ...models.init_pre_recorded_transcription_response import InitPreRecordedTranscriptionResponse
    from ...models.init_transcription_request import InitTranscriptionRequest
    from ...models.internal_server_error_response import InternalServerErrorResponse
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse
    from ...models.unprocessable_entity_error_response import UnprocessableEntityErrorResponse


def _get_kwargs(
    *,
    body: InitTranscriptionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/pre-recorded",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    BadRequestErrorResponse
    | InitPreRecordedTranscriptionResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | None
):
    from ...models.bad_request_error_response import BadRequestErrorResponse  # noqa: PLC0415
    from ...models.init_pre_recorded_transcription_response import InitPreRecordedTranscriptionResponse  # noqa: PLC0415
    from ...models.internal_server_error_response import InternalServerErrorResponse  # noqa: PLC0415
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse  # noqa: PLC0415
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse  # noqa: PLC0415
    from ...models.unprocessable_entity_error_response import UnprocessableEntityErrorResponse  # noqa: PLC0415

    if response.status_code == 201:
        response_201 = InitPreRecordedTranscriptionResponse.from_dict(response.json())

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
    | InitPreRecordedTranscriptionResponse
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
    body: InitTranscriptionRequest,
) -> Response[
    BadRequestErrorResponse
    | InitPreRecordedTranscriptionResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
]:
    """Create a pre-recorded transcription job

     Starts transcribing the audio at `audio_url` with the options given. The job is processed
    asynchronously: read it with `GET /v2/pre-recorded/{id}` or receive a callback or webhook.

    Args:
        body (InitTranscriptionRequest): Everything a pre-recorded job can be asked to do. Only
            `audio_url` is required; each add-on is turned
            on by its boolean and tuned by its `*_config` object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestErrorResponse | InitPreRecordedTranscriptionResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InitTranscriptionRequest,
) -> (
    BadRequestErrorResponse
    | InitPreRecordedTranscriptionResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | None
):
    """Create a pre-recorded transcription job

     Starts transcribing the audio at `audio_url` with the options given. The job is processed
    asynchronously: read it with `GET /v2/pre-recorded/{id}` or receive a callback or webhook.

    Args:
        body (InitTranscriptionRequest): Everything a pre-recorded job can be asked to do. Only
            `audio_url` is required; each add-on is turned
            on by its boolean and tuned by its `*_config` object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestErrorResponse | InitPreRecordedTranscriptionResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InitTranscriptionRequest,
) -> Response[
    BadRequestErrorResponse
    | InitPreRecordedTranscriptionResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
]:
    """Create a pre-recorded transcription job

     Starts transcribing the audio at `audio_url` with the options given. The job is processed
    asynchronously: read it with `GET /v2/pre-recorded/{id}` or receive a callback or webhook.

    Args:
        body (InitTranscriptionRequest): Everything a pre-recorded job can be asked to do. Only
            `audio_url` is required; each add-on is turned
            on by its boolean and tuned by its `*_config` object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BadRequestErrorResponse | InitPreRecordedTranscriptionResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InitTranscriptionRequest,
) -> (
    BadRequestErrorResponse
    | InitPreRecordedTranscriptionResponse
    | InternalServerErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | None
):
    """Create a pre-recorded transcription job

     Starts transcribing the audio at `audio_url` with the options given. The job is processed
    asynchronously: read it with `GET /v2/pre-recorded/{id}` or receive a callback or webhook.

    Args:
        body (InitTranscriptionRequest): Everything a pre-recorded job can be asked to do. Only
            `audio_url` is required; each add-on is turned
            on by its boolean and tuned by its `*_config` object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BadRequestErrorResponse | InitPreRecordedTranscriptionResponse | InternalServerErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
