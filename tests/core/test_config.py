"""Client configuration: every bad setting is refused at construction, with what to do about it."""

from __future__ import annotations

import httpx
import pytest

from gladia._core.config import Timeouts, is_loopback, resolve_config
from gladia._core.routes import Operation, operation_of
from gladia.errors import ConfigurationError

KEY = "gl-test-0123456789"


def config(**kwargs: object) -> object:
    settings: dict[str, object] = {
        "timeout": None,
        "max_retries": 2,
        "max_upload_bytes": None,
        "allow_insecure_http": False,
    }
    settings.update(kwargs)
    api_key = settings.pop("api_key", KEY)
    api_url = settings.pop("api_url", None)
    environ = settings.pop("environ", {})
    return resolve_config(api_key, api_url, environ=environ, **settings)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"api_key": None}, "No Gladia API key: pass GladiaClient(api_key=...) or set the GLADIA_API_KEY"),
        ({"api_key": ""}, "api_key is empty"),
        ({"api_key": "   "}, "api_key is only whitespace"),
        ({"api_key": "abc def"}, "contains spaces"),
        ({"api_key": 1234}, "api_key must be a string"),
        ({"api_key": None, "environ": {"GLADIA_API_KEY": ""}}, "GLADIA_API_KEY is empty"),
        ({"api_url": "api.gladia.io"}, "must start with https://"),
        ({"api_url": "ftp://api.gladia.io"}, "must start with https://"),
        ({"api_url": "https://"}, "has no host"),
        ({"api_url": "http://api.gladia.io"}, "plain http to a remote host"),
        ({"api_url": "https://api.gladia.io?x=1"}, "must not have a query string"),
        ({"api_url": "http://[::1"}, "is not a valid URL"),
        (
            {"api_url": None, "environ": {"GLADIA_API_URL": "gopher://x"}},
            "GLADIA_API_URL 'gopher://x' must start with",
        ),
        ({"timeout": 0}, "timeout must be a positive number of seconds"),
        ({"timeout": -1.5}, "timeout must be a positive number of seconds"),
        ({"timeout": float("inf")}, "timeout must be a positive number of seconds"),
        ({"timeout": "10"}, "timeout must be a number of seconds"),
        ({"timeout": httpx.Timeout(5, read=-1)}, "timeout.read must be a positive number"),
        ({"max_retries": -1}, "max_retries must be a whole number >= 0"),
        ({"max_retries": True}, "max_retries must be a whole number >= 0"),
        ({"max_upload_bytes": 0}, "max_upload_bytes must be a positive number of bytes"),
    ],
)
def test_bad_settings_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=None) as caught:
        config(**kwargs)
    assert message in str(caught.value)
    assert KEY not in str(caught.value)


def test_key_and_url_come_from_the_environment_when_not_given() -> None:
    settings = config(
        api_key=None, environ={"GLADIA_API_KEY": " k-123 \n", "GLADIA_API_URL": "http://127.0.0.1:9/"}
    )
    assert settings.api_key == "k-123"  # type: ignore[attr-defined]
    assert str(settings.api_url) == "http://127.0.0.1:9/"  # type: ignore[attr-defined]


def test_plain_http_is_allowed_to_loopback_or_when_asked() -> None:
    for url in ("http://localhost:8765", "http://127.0.0.1:1", "http://[::1]:2", "http://foo.localhost"):
        config(api_url=url)
    config(api_url="http://gladia.internal", allow_insecure_http=True)


def test_the_key_never_appears_in_the_config_repr() -> None:
    assert KEY not in repr(config())


def test_timeouts_differ_per_operation_by_default() -> None:
    timeouts = Timeouts.defaults()
    assert timeouts.for_operation(Operation.UPLOAD).read > timeouts.for_operation(Operation.GET).read
    assert timeouts.for_operation(Operation.DOWNLOAD).read > timeouts.for_operation(Operation.LIST).read
    uniform = config(timeout=7).timeouts  # type: ignore[attr-defined]
    assert uniform.for_operation(Operation.UPLOAD) == httpx.Timeout(7)


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("POST", "/v2/upload", Operation.UPLOAD),
        ("POST", "/v2/pre-recorded", Operation.CREATE),
        ("GET", "/v2/pre-recorded", Operation.LIST),
        ("GET", "/v2/pre-recorded/abc", Operation.GET),
        ("DELETE", "/v2/pre-recorded/abc", Operation.DELETE),
        ("GET", "/v2/pre-recorded/abc/file", Operation.DOWNLOAD),
        ("POST", "/v2/transcription", Operation.CREATE),
        ("GET", "/proxy/v2/pre-recorded/abc", Operation.GET),
        ("PATCH", "/v2/pre-recorded/abc", Operation.OTHER),
        ("POST", "/v2/pre-recorded/abc", Operation.OTHER),
    ],
)
def test_operations_are_recognised(method: str, path: str, operation: Operation) -> None:
    assert operation_of(method, path, "/proxy") is operation


def test_loopback_hosts() -> None:
    assert is_loopback("127.0.0.2") and is_loopback("::1") and is_loopback("LOCALHOST")
    assert not is_loopback("api.gladia.io") and not is_loopback("10.0.0.1")
