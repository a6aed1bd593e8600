"""Secrets: credentials in api_url and the API key never show in a repr, an error, its chain or the logs,
even when the server echoes them; the key never goes to another origin."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from gladia import AsyncGladiaClient, GladiaClient, errors
from tests.hostile import server as H

PASSWORD = "secret-pass-3f9a"
GET = ("GET", "/v2/pre-recorded/{id}")


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


def _shown(error: BaseException) -> str:
    """Everything an exception chain shows: str and repr of each, and of the requests and headers behind."""
    texts: list[str] = []
    for exc in H.chain(error):
        texts += [str(exc), repr(exc), str(exc.args)]
        for name in ("request", "response"):
            try:
                part = getattr(exc, name, None)
            except RuntimeError:  # httpx raises when an error has no request
                continue
            if part is not None:
                texts += [repr(part), repr(part.headers), str(getattr(part, "url", ""))]
    return "\n".join(texts)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_api_url_credentials_are_masked_everywhere(
    server: H.HostileServer, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="gladia")
    url = server.url.replace("http://", f"http://user:{PASSWORD}@")
    refused: errors.ConfigurationError | None = None
    try:
        GladiaClient(api_key=H.KEY, api_url=url).close()
    except errors.ConfigurationError as exc:  # refusing credentials in api_url is fine, quietly
        refused = exc
    if refused is not None:
        assert PASSWORD not in str(refused)
        assert PASSWORD not in repr(refused)
        return
    if mode == "sync":
        with GladiaClient(api_key=H.KEY, api_url=url) as gladia:
            shown = [repr(gladia), repr(gladia.prerecorded()), str(gladia.api_url), repr(gladia.raw)]
    else:
        gladia_async = AsyncGladiaClient(api_key=H.KEY, api_url=url)
        shown = [
            repr(gladia_async),
            repr(gladia_async.prerecorded()),
            str(gladia_async.api_url),
            repr(gladia_async.raw),
        ]
        import asyncio

        asyncio.run(gladia_async.close())
    server.on(*GET, H.truncate(b'{"id": '))
    broken = H.call(mode, url, "get", H.JOB_ID, client={"max_retries": 0})
    missing = H.call(mode, url, "get", H.JOB_ID, client={"max_retries": 0})
    shown += [_shown(H.raised(broken, "APIConnectionError")), _shown(H.raised(missing, "NotFoundError"))]
    shown += [record.getMessage() for record in caplog.records]
    leaks = [text for text in shown if PASSWORD in text]
    assert not leaks, leaks[0][:500]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("status", [400, 401, 500])
def test_a_key_echoed_by_the_server_is_redacted(
    server: H.HostileServer, mode: str, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="gladia")
    server.always(*GET, H.echo_key(status))
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_retries": 0})
    error = H.raised(outcome, "APIError")
    assert H.KEY not in str(error), str(error)
    assert H.KEY not in repr(error)
    assert H.KEY not in _shown(error)
    assert not [r for r in caplog.records if H.KEY in r.getMessage()]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(H.truncate(b'{"id": '), id="truncated"),
        pytest.param(H.reset(), id="reset"),
        pytest.param(H.drip(b'{"id": "' + b" " * 100, 0.3), id="timeout"),
    ],
)
def test_the_key_is_masked_in_the_requests_behind_an_error(
    server: H.HostileServer, mode: str, answer: H.Handler
) -> None:
    server.always(*GET, answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_retries": 0, "timeout": 1})
    error = H.raised(outcome, "APIConnectionError")
    assert server.received(*GET)[0].headers["x-gladia-key"] == H.KEY  # it was sent...
    assert H.KEY not in _shown(error)  # ...but shows nowhere


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_the_key_does_not_follow_a_redirect_to_another_origin(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    with H.HostileServer() as elsewhere:
        elsewhere.add_job()
        server.always(*GET, H.redirect(f"{elsewhere.url}/v2/pre-recorded/{job.id}"))
        outcome = H.call(mode, server.url, "get", job.id, client={"max_retries": 0})
        seen = elsewhere.requests
    H.typed(outcome)
    for request in seen:
        assert "x-gladia-key" not in request.headers
        assert H.KEY not in repr(request.headers)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_same_origin_redirect_keeps_working(server: H.HostileServer, mode: str) -> None:
    job = server.add_job()
    server.on(*GET, H.redirect(f"/v2/pre-recorded/{job.id}"))
    outcome = H.call(mode, server.url, "get", job.id)
    assert outcome.error is None, outcome.describe()
    assert [r.headers.get("x-gladia-key") for r in server.received(*GET)] == [H.KEY, H.KEY]


def _echo_in_a_broken_200() -> H.Handler:
    async def handler(x: H.Exchange) -> bool:
        key = x.request.headers.get("x-gladia-key", "")
        return await x.send(200, f'{{"id": "{key}", "status": '.encode())

    return handler


def _echo_in_a_redirect() -> H.Handler:
    async def handler(x: H.Exchange) -> bool:
        key = x.request.headers.get("x-gladia-key", "")
        return await x.send(307, b"", {"location": f"/v2/gone?key={key}"})

    return handler


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(_echo_in_a_broken_200(), id="in-a-200-that-is-not-json"),
        pytest.param(_echo_in_a_redirect(), id="in-a-redirect-location"),
    ],
)
def test_a_key_echoed_anywhere_is_redacted(server: H.HostileServer, mode: str, answer: H.Handler) -> None:
    server.always(*GET, answer)
    outcome = H.call(mode, server.url, "get", H.JOB_ID, client={"max_retries": 0})
    error = H.raised(outcome)
    assert H.KEY not in str(error), str(error)
    assert H.KEY not in _shown(error)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_result_url_on_another_origin_never_gets_the_key(server: H.HostileServer, mode: str) -> None:
    with H.HostileServer() as elsewhere:

        async def create(x: H.Exchange) -> bool:
            job = x.server._create_job(x.request)
            body = {"id": job.id, "result_url": f"{elsewhere.url}/v2/pre-recorded/{job.id}"}
            return await x.send(201, json.dumps(body).encode())

        server.always("POST", "/v2/pre-recorded", create)
        outcome = H.call(
            mode, server.url, "create_and_poll", {"audio_url": "https://example.com/a.wav"}, timeout=10
        )
        seen = list(elsewhere.requests)
    assert outcome.error is None, outcome.describe()
    for request in seen:
        assert "x-gladia-key" not in request.headers


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
def test_the_key_never_shows_in_a_clients_reprs(server: H.HostileServer, mode: str) -> None:
    if mode == "sync":
        with GladiaClient(api_key=H.KEY, api_url=server.url) as gladia:
            shown = [repr(gladia), repr(gladia.prerecorded()), repr(gladia.raw)]
    else:
        gladia_async = AsyncGladiaClient(api_key=H.KEY, api_url=server.url)
        shown = [repr(gladia_async), repr(gladia_async.prerecorded()), repr(gladia_async.raw)]
        import asyncio

        asyncio.run(gladia_async.close())
    assert not [text for text in shown if H.KEY in text]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize(
    ("method", "route", "args"),
    [
        ("create", ("POST", "/v2/pre-recorded"), ({"audio_url": "https://example.com/a.wav"},)),
        ("upload_file", ("POST", "/v2/upload"), (b"RIFF" + bytes(2000),)),
        ("delete", ("DELETE", "/v2/pre-recorded/{id}"), (H.JOB_ID,)),
    ],
    ids=["create", "upload_file", "delete"],
)
def test_a_write_redirected_to_another_origin_never_carries_the_key(
    server: H.HostileServer, mode: str, method: str, route: tuple[str, str], args: tuple[object, ...]
) -> None:
    with H.HostileServer() as elsewhere:
        server.always(*route, H.redirect(f"{elsewhere.url}/elsewhere", 307))
        outcome = H.call(mode, server.url, method, *args, client={"max_retries": 0})
        seen = list(elsewhere.requests)
    H.typed(outcome)
    for request in seen:
        assert "x-gladia-key" not in request.headers
        assert H.KEY not in repr(request.headers)
