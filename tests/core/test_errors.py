"""The error tree: each status becomes its class, with the details a user needs and never the key."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest

from gladia import errors
from gladia._core.response import error_from_response, parse_model
from gladia_api.models import PreRecordedResponse

URL = "https://api.gladia.io/v2/pre-recorded"


def answer(
    status: int, body: Any = None, headers: dict[str, str] | None = None, content: bytes | None = None
) -> httpx.Response:
    request = httpx.Request("POST", URL)
    if content is None:
        return httpx.Response(status, json=body, headers=headers, request=request)
    return httpx.Response(status, content=content, headers=headers, request=request)


GLADIA_BODY = {
    "timestamp": "2026-01-01T00:00:00Z",
    "path": "/v2/pre-recorded",
    "request_id": "G-1234abcd",
    "statusCode": 422,
    "message": "Invalid parameters",
    "validation_errors": ["language_config.languages[0] must be a language code"],
}


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (413, errors.PayloadTooLargeError),
        (422, errors.UnprocessableEntityError),
        (429, errors.RateLimitError),
        (500, errors.InternalServerError),
        (502, errors.InternalServerError),
        (503, errors.InternalServerError),
        (418, errors.UnexpectedResponseError),
    ],
)
def test_each_status_has_its_class(status: int, cls: type[errors.APIError]) -> None:
    error = error_from_response(answer(status, {**GLADIA_BODY, "statusCode": status}))
    assert type(error) is cls
    assert isinstance(error, errors.APIError) and isinstance(error, errors.GladiaError)
    assert error.status_code == status
    assert error.request_id == "G-1234abcd"
    assert (error.method, error.url) == ("POST", URL)
    assert error.body["message"] == "Invalid parameters"
    assert f"Gladia answered {status} to POST {URL}: Invalid parameters (request id G-1234abcd)" in str(error)


def test_validation_errors_are_listed_in_the_message() -> None:
    error = error_from_response(answer(422, GLADIA_BODY))
    assert error.validation_errors == ("language_config.languages[0] must be a language code",)
    assert "  - language_config.languages[0] must be a language code" in str(error)


def test_rate_limit_carries_retry_after() -> None:
    error = error_from_response(answer(429, {"message": "slow down"}, headers={"Retry-After": "12"}))
    assert isinstance(error, errors.RateLimitError)
    assert error.retry_after == 12
    assert "try again after 12 s" in str(error)


def test_non_json_error_bodies_are_kept_as_text() -> None:
    error = error_from_response(
        answer(502, content=b"<html>Bad gateway</html>", headers={"x-request-id": "r-9"})
    )
    assert isinstance(error, errors.InternalServerError)
    assert error.body == "<html>Bad gateway</html>"
    assert error.request_id == "r-9"


def test_a_blank_request_id_is_no_request_id() -> None:
    error = error_from_response(answer(400, {"message": "bad", "request_id": " "}))
    assert error.request_id is None


def test_message_lists_are_joined() -> None:
    error = error_from_response(answer(400, {"message": ["a must be x", "b must be y"]}))
    assert "a must be x; b must be y" in str(error)


def test_authentication_error_says_what_to_do() -> None:
    assert "GLADIA_API_KEY" in str(error_from_response(answer(401, {"message": "Unauthorized"})))


def test_api_errors_survive_pickling() -> None:
    error = error_from_response(answer(429, GLADIA_BODY, headers={"Retry-After": "3"}))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is errors.RateLimitError
    assert str(copy) == str(error) and copy.retry_after == 3 and copy.request_id == "G-1234abcd"


def test_unreadable_success_bodies_raise_unexpected_response_error() -> None:
    with pytest.raises(errors.UnexpectedResponseError, match="is not a valid PreRecordedResponse"):
        parse_model(answer(200, {"id": "x"}), PreRecordedResponse)
    with pytest.raises(errors.UnexpectedResponseError, match="not a JSON object"):
        parse_model(answer(200, content=b"[]"), PreRecordedResponse)


def test_the_tree_in_the_docstring_lists_every_public_error() -> None:
    doc = errors.__doc__ or ""
    for name in errors.__all__:
        assert name in doc, name
        assert issubclass(getattr(errors, name), (errors.GladiaError, UserWarning))
