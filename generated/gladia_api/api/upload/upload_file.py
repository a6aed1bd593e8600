from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.audio_upload_response import AudioUploadResponse
    from ...models.bad_request_error_response import BadRequestErrorResponse
    from ...models.internal_server_error_response import InternalServerErrorResponse
    from ...models.payload_too_large_error_response import PayloadTooLargeErrorResponse
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse
    from ...models.unprocessable_entity_error_response import UnprocessableEntityErrorResponse
    from ...models.unsupported_media_type_error_response import UnsupportedMediaTypeErrorResponse
    from ...models.upload_file_body import UploadFileBody
    from ...models.upload_url_body import UploadUrlBody


def _get_kwargs(
    *,
    body: UploadFileBody | UploadUrlBody | Unset = UNSET,
) -> dict[str, Any]:
    from ...models.upload_file_body import UploadFileBody  # noqa: PLC0415
    from ...models.upload_url_body import UploadUrlBody  # noqa: PLC0415

    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/upload",
    }

    if isinstance(body, UploadFileBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"
    if isinstance(body, UploadUrlBody):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    AudioUploadResponse
    | BadRequestErrorResponse
    | InternalServerErrorResponse
    | PayloadTooLargeErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | UnsupportedMediaTypeErrorResponse
    | None
):
    from ...models.audio_upload_response import AudioUploadResponse  # noqa: PLC0415
    from ...models.bad_request_error_response import BadRequestErrorResponse  # noqa: PLC0415
    from ...models.internal_server_error_response import InternalServerErrorResponse  # noqa: PLC0415
    from ...models.payload_too_large_error_response import PayloadTooLargeErrorResponse  # noqa: PLC0415
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse  # noqa: PLC0415
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse  # noqa: PLC0415
    from ...models.unprocessable_entity_error_response import UnprocessableEntityErrorResponse  # noqa: PLC0415
    from ...models.unsupported_media_type_error_response import UnsupportedMediaTypeErrorResponse  # noqa: PLC0415

    if response.status_code == 200:
        response_200 = AudioUploadResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = BadRequestErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 413:
        response_413 = PayloadTooLargeErrorResponse.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = UnsupportedMediaTypeErrorResponse.from_dict(response.json())

        return response_415

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
    AudioUploadResponse
    | BadRequestErrorResponse
    | InternalServerErrorResponse
    | PayloadTooLargeErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | UnsupportedMediaTypeErrorResponse
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
    body: UploadFileBody | UploadUrlBody | Unset = UNSET,
) -> Response[
    AudioUploadResponse
    | BadRequestErrorResponse
    | InternalServerErrorResponse
    | PayloadTooLargeErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | UnsupportedMediaTypeErrorResponse
]:
    """Upload an audio or video file, or ask Gladia to fetch one from a URL

     Send the file as the multipart field `audio`, or send `{"audio_url": ...}` as JSON to have Gladia
    download it. The returned `audio_url` is what `POST /v2/pre-recorded` expects.

    Args:
        body (UploadFileBody): The multipart form of an upload.
        body (UploadUrlBody): The JSON form of an upload; Gladia downloads the file itself.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudioUploadResponse | BadRequestErrorResponse | InternalServerErrorResponse | PayloadTooLargeErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse | UnsupportedMediaTypeErrorResponse]
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
    body: UploadFileBody | UploadUrlBody | Unset = UNSET,
) -> (
    AudioUploadResponse
    | BadRequestErrorResponse
    | InternalServerErrorResponse
    | PayloadTooLargeErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | UnsupportedMediaTypeErrorResponse
    | None
):
    """Upload an audio or video file, or ask Gladia to fetch one from a URL

     Send the file as the multipart field `audio`, or send `{"audio_url": ...}` as JSON to have Gladia
    download it. The returned `audio_url` is what `POST /v2/pre-recorded` expects.

    Args:
        body (UploadFileBody): The multipart form of an upload.
        body (UploadUrlBody): The JSON form of an upload; Gladia downloads the file itself.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudioUploadResponse | BadRequestErrorResponse | InternalServerErrorResponse | PayloadTooLargeErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse | UnsupportedMediaTypeErrorResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileBody | UploadUrlBody | Unset = UNSET,
) -> Response[
    AudioUploadResponse
    | BadRequestErrorResponse
    | InternalServerErrorResponse
    | PayloadTooLargeErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | UnsupportedMediaTypeErrorResponse
]:
    """Upload an audio or video file, or ask Gladia to fetch one from a URL

     Send the file as the multipart field `audio`, or send `{"audio_url": ...}` as JSON to have Gladia
    download it. The returned `audio_url` is what `POST /v2/pre-recorded` expects.

    Args:
        body (UploadFileBody): The multipart form of an upload.
        body (UploadUrlBody): The JSON form of an upload; Gladia downloads the file itself.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AudioUploadResponse | BadRequestErrorResponse | InternalServerErrorResponse | PayloadTooLargeErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse | UnsupportedMediaTypeErrorResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileBody | UploadUrlBody | Unset = UNSET,
) -> (
    AudioUploadResponse
    | BadRequestErrorResponse
    | InternalServerErrorResponse
    | PayloadTooLargeErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | UnprocessableEntityErrorResponse
    | UnsupportedMediaTypeErrorResponse
    | None
):
    """Upload an audio or video file, or ask Gladia to fetch one from a URL

     Send the file as the multipart field `audio`, or send `{"audio_url": ...}` as JSON to have Gladia
    download it. The returned `audio_url` is what `POST /v2/pre-recorded` expects.

    Args:
        body (UploadFileBody): The multipart form of an upload.
        body (UploadUrlBody): The JSON form of an upload; Gladia downloads the file itself.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AudioUploadResponse | BadRequestErrorResponse | InternalServerErrorResponse | PayloadTooLargeErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse | UnprocessableEntityErrorResponse | UnsupportedMediaTypeErrorResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
