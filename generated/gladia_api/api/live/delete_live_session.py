from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...types import Response

if TYPE_CHECKING:
    from ...client import AuthenticatedClient, Client
    from ...models.bad_request_error_response import BadRequestErrorResponse
    from ...models.forbidden_error_response import ForbiddenErrorResponse
    from ...models.internal_server_error_response import InternalServerErrorResponse
    from ...models.not_found_error_response import NotFoundErrorResponse
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse


def _get_kwargs(
    id: str,
) -> dict[str, Any]:
    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v2/live/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    Any
    | BadRequestErrorResponse
    | ForbiddenErrorResponse
    | InternalServerErrorResponse
    | NotFoundErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | None
):
    from typing import cast  # noqa: PLC0415

    from ...models.bad_request_error_response import BadRequestErrorResponse  # noqa: PLC0415
    from ...models.forbidden_error_response import ForbiddenErrorResponse  # noqa: PLC0415
    from ...models.internal_server_error_response import InternalServerErrorResponse  # noqa: PLC0415
    from ...models.not_found_error_response import NotFoundErrorResponse  # noqa: PLC0415
    from ...models.too_many_requests_error_response import TooManyRequestsErrorResponse  # noqa: PLC0415
    from ...models.unauthorized_error_response import UnauthorizedErrorResponse  # noqa: PLC0415

    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 400:
        response_400 = BadRequestErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = UnauthorizedErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = NotFoundErrorResponse.from_dict(response.json())

        return response_404

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
    Any
    | BadRequestErrorResponse
    | ForbiddenErrorResponse
    | InternalServerErrorResponse
    | NotFoundErrorResponse
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
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    Any
    | BadRequestErrorResponse
    | ForbiddenErrorResponse
    | InternalServerErrorResponse
    | NotFoundErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
]:
    """Delete a live session and its audio

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BadRequestErrorResponse | ForbiddenErrorResponse | InternalServerErrorResponse | NotFoundErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> (
    Any
    | BadRequestErrorResponse
    | ForbiddenErrorResponse
    | InternalServerErrorResponse
    | NotFoundErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | None
):
    """Delete a live session and its audio

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BadRequestErrorResponse | ForbiddenErrorResponse | InternalServerErrorResponse | NotFoundErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[
    Any
    | BadRequestErrorResponse
    | ForbiddenErrorResponse
    | InternalServerErrorResponse
    | NotFoundErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
]:
    """Delete a live session and its audio

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | BadRequestErrorResponse | ForbiddenErrorResponse | InternalServerErrorResponse | NotFoundErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> (
    Any
    | BadRequestErrorResponse
    | ForbiddenErrorResponse
    | InternalServerErrorResponse
    | NotFoundErrorResponse
    | TooManyRequestsErrorResponse
    | UnauthorizedErrorResponse
    | None
):
    """Delete a live session and its audio

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | BadRequestErrorResponse | ForbiddenErrorResponse | InternalServerErrorResponse | NotFoundErrorResponse | TooManyRequestsErrorResponse | UnauthorizedErrorResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
