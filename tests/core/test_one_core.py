"""One request path for both APIs: the same redaction, the same settings, the same paging rules, whichever
API a request is for (pre-recorded or live REST), sync and async."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import server as H

ROOT = Path(__file__).resolve().parents[2]
APIS = {"prerecorded": "/v2/pre-recorded", "live": "/v2/live"}


@pytest.fixture
def server() -> Iterator[H.HostileServer]:
    yield from H.serve()


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("api", APIS)
def test_a_key_echoed_in_an_error_is_redacted_for_both_apis(
    server: H.HostileServer, mode: str, api: str
) -> None:
    server.always("GET", APIS[api] + "/{id}", H.echo_key(401))
    outcome = H.call(mode, server.url, "get", H.JOB_ID, api=api, client={"max_retries": 0})
    error = H.raised(outcome, "AuthenticationError")
    assert H.KEY not in str(error) and H.KEY not in repr(error), str(error)
    assert "<redacted>" in str(error), str(error)
    assert H.KEY not in json.dumps(error.body)  # type: ignore[attr-defined]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("api", APIS)
@pytest.mark.parametrize(("given", "copied"), [(1, 4), (4, 1), (0, 2)])
def test_with_options_raises_retries_as_well_as_it_lowers_them(
    server: H.HostileServer, mode: str, api: str, given: int, copied: int
) -> None:
    server.always("GET", APIS[api] + "/{id}", H.reply(503, b"{}"))
    outcome = H.call(
        mode,
        server.url,
        "get",
        H.JOB_ID,
        api=api,
        client={"max_retries": given},
        with_options={"max_retries": copied},
    )
    H.raised(outcome, "InternalServerError")
    assert server.count("GET", APIS[api] + "/{id}") == copied + 1


def _live_session(index: int) -> dict[str, object]:
    return {
        "id": f"00000000-0000-4000-8000-{index:012d}",
        "request_id": f"G-{index}",
        "version": 2,
        "status": "done",
        "created_at": H.iso(1.7e9 + index),
        "kind": "live",
    }


@pytest.mark.timeout(30)
@pytest.mark.parametrize("mode", H.MODES)
def test_a_live_list_whose_next_advances_over_the_same_sessions_ends(
    server: H.HostileServer, mode: str
) -> None:
    # Two sessions, served again and again on pages whose `next` moves forward: a listing that trusted
    # `next` alone would read 1,000 items of which 2 are distinct, in 500 requests.
    base = f"{server.url}/v2/live"
    state = {"offset": 0}

    async def page(x: H.Exchange) -> bool:
        state["offset"] += 2
        body = {
            "first": base,
            "current": base,
            "next": f"{base}?offset={state['offset']}&limit=2",
            "items": [_live_session(0), _live_session(1)],
        }
        return await x.send(200, json.dumps(body).encode())

    server.always("GET", "/v2/live", page)
    outcome = H.call(mode, server.url, "list", api="live", page_size=2, list_limit=1000)
    assert outcome.error is None, outcome.describe()
    assert [s.id for s in outcome.value] == [_live_session(0)["id"], _live_session(1)["id"]]
    assert server.count("GET", "/v2/live") == 2


@pytest.mark.timeout(20)
@pytest.mark.parametrize("mode", H.MODES)
@pytest.mark.parametrize("api", APIS)
def test_both_apis_send_metadata_filters_in_the_bracket_form(
    server: H.HostileServer, mode: str, api: str
) -> None:
    server.always(
        "GET",
        APIS[api],
        H.reply(200, json.dumps({"first": "x", "current": "x", "next": None, "items": []}).encode()),
    )
    outcome = H.call(
        mode, server.url, "list", api=api, custom_metadata={"user": "ada", "vip": True}, page_size=7
    )
    assert outcome.error is None, outcome.describe()
    (request,) = server.received("GET", APIS[api])
    assert request.param("custom_metadata[user]") == ["ada"], request.query
    assert request.param("custom_metadata[vip]") == ["true"], request.query
    assert request.param("limit") == ["7"], request.query


def _sends_http(path: Path) -> list[str]:
    """The calls in `path` of an httpx client's request/send/stream (or httpx's module-level functions)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = node.func.attr
            target = ast.unparse(node.func.value)
            if name in ("request", "send", "stream") and (
                "http" in target.lower() or "client" in target.lower()
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node.func)}")
            if target == "httpx" and name in ("get", "post", "put", "patch", "delete", "request", "stream"):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node.func)}")
    return found


def test_only_the_one_request_path_calls_httpx() -> None:
    # The SDK's requests are all sent by gladia/_core/send_async.py (and its generated sync twin); the
    # transports hand an attempt to the pool (or to a caller's own client) below that path.
    allowed = {
        "gladia/_core/send_async.py",
        "gladia/_core/send_sync.py",
        "gladia/_core/transport.py",
        "gladia/_core/transport_async.py",
        "gladia/_core/transport_sync.py",
    }
    sdk = [
        p for p in (ROOT / "gladia").rglob("*.py") if not {"testing", "cli"} & set(p.relative_to(ROOT).parts)
    ]
    senders = [line for p in sdk if str(p.relative_to(ROOT)) not in allowed for line in _sends_http(p)]
    assert senders == []
    assert _sends_http(ROOT / "gladia/_core/send_async.py"), "the check finds the one place that does send"
