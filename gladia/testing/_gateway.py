"""What stands in front of the API, as Gladia's gateway does: recording, fault injection and the API key check.

It also maps every spelling of a path to its route (`canonical_path`), answers CORS preflights, and gives
every answer the headers Gladia's answers carry: `x-aipi-call-id` (which Gladia's official SDKs report as
the request id), `content-type: application/json; charset=utf-8` and `Access-Control-Allow-Origin`.

A raw ASGI layer rather than Starlette middleware, because faults need what middleware hides: answering
without reading the body, dropping the answer after handling the request, and sending a body slowly.
"""

from __future__ import annotations

import asyncio
import hmac
import uuid

from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gladia.testing._errors import ORIGINAL_PATH, OWNER, VIA_ALIAS, ApiError, error_response, path_with_query
from gladia.testing._faults import Fault
from gladia.testing._intake import drain
from gladia.testing._routes import canonical_path, route_of
from gladia.testing._state import EmulatorState
from gladia.testing._traffic import RecordedRequest, headers_dict

KEY_HEADER = b"x-gladia-key"
CALL_ID_HEADER = b"x-aipi-call-id"
_JSON = b"application/json"
_JSON_UTF8 = b"application/json; charset=utf-8"
_CORS_METHODS = b"GET, POST, DELETE, OPTIONS"
_CORS_HEADERS = b"x-gladia-key, content-type"
# What a browser script may read of an answer besides the basic headers.
_CORS_EXPOSED = b"x-aipi-call-id, retry-after, content-disposition"
_CORS_MAX_AGE = b"86400"
_SLOW_PIECES = 10
_FAULT_MESSAGES = {
    429: "Too many requests: slow down and retry after the delay in Retry-After",
    500: "Internal server error",
    502: "Bad gateway",
    503: "Service unavailable",
    504: "Gateway timeout",
}


class Gateway:
    """Wraps the API app: every request is counted and recorded, may meet a fault, and must carry a key."""

    def __init__(self, app: ASGIApp, state: EmulatorState) -> None:
        self._app = app
        self._state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        state = self._state
        method, original = scope["method"], scope["path"]
        path, via_alias = canonical_path(original)
        if path != original:
            scope = {**scope, "path": path, "raw_path": path.encode(), ORIGINAL_PATH: original}
            scope[VIA_ALIAS] = via_alias
        send = _with_gateway_headers(send)
        route = route_of(method, path)
        state.counters.count_request(route or f"{method} {path}")
        client = scope.get("client") or ("", 0)
        state.requests.append(
            RecordedRequest(
                method=method,
                path=original,
                query=scope.get("query_string", b"").decode("latin-1"),
                headers=headers_dict(scope["headers"]),
                route=route,
                client=f"{client[0]}:{client[1]}",
            )
        )
        if method == "OPTIONS" and _header(scope, b"access-control-request-method") is not None:
            await _preflight(scope, receive, send)
            return
        # HEAD is served by the GET routes, so it needs the key as they do.
        protected = route is not None or (method == "HEAD" and route_of("GET", path) is not None)
        body = _Body(receive, state)
        faults = state.faults.draw(route)
        delay = sum(f.seconds for f in faults if f.kind == "latency")
        if delay:
            await asyncio.sleep(delay)
        slow = next((f for f in faults if f.kind == "slow_body"), None)
        if slow is not None:
            send = _trickle(send, slow.seconds)
        terminal = next((f for f in faults if f.terminal), None)
        if terminal is None:
            await self._handle(protected, scope, body, send)
            return
        if terminal.when == "after":
            await self._handle(protected, scope, body, _dropped)
        await self._inflict(terminal, scope, body, send)

    async def _handle(self, protected: bool, scope: Scope, body: _Body, send: Send) -> None:
        if protected:
            given = next((value for name, value in scope["headers"] if name == KEY_HEADER), None)
            problem = self._key_problem(given)
            if problem is not None:
                await body.finish(scope)
                await error_response(path_with_query(scope), ApiError(401, problem))(
                    scope, body.receive, send
                )
                return
            # Each key is an account, as on Gladia: what it makes is its own, and it sees nothing else.
            scope = {**scope, OWNER: (given or b"").decode("latin-1")}
        await self._app(scope, body.receive, send)

    def _key_problem(self, given: bytes | None) -> str | None:
        if not given:
            return "gladia key not found: send your API key in the x-gladia-key header"
        if not any(hmac.compare_digest(given, key.encode()) for key in self._state.config.api_keys):
            return "invalid gladia key: this key is not one the emulator was started with"
        return None

    async def _inflict(self, fault: Fault, scope: Scope, body: _Body, send: Send) -> None:
        if fault.kind == "reset" and await self._state.connections.reset(scope.get("client")):
            return
        await body.finish(scope)
        receive = body.receive
        if fault.kind == "redirect":
            response = Response(status_code=fault.status or 307, headers={"location": fault.location or "/"})
            await response(scope, receive, send)
            return
        status = fault.status or 500
        headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
        message = fault.message or _FAULT_MESSAGES.get(status, f"Error {status} injected by the emulator")
        await error_response(path_with_query(scope), ApiError(status, message, headers=headers))(
            scope, receive, send
        )


class _Body:
    """The request body as the app reads it: its bytes counted, and whether it has all been read."""

    def __init__(self, receive: Receive, state: EmulatorState) -> None:
        self._receive = receive
        self._counters = state.counters
        self.done = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request":
            self._counters.count_bytes(len(message.get("body", b"")))
            self.done = not message.get("more_body", False)
        else:
            self.done = True
        return message

    async def finish(self, scope: Scope) -> None:
        """Read what is left of the body before answering early, so the client gets to read the answer.

        Not once it is all read (the server would wait forever for more), and not when the client waits
        for `100 Continue`: it has sent no body, and answering now spares it sending one.
        """
        if self.done or expects_continue(scope):
            return
        await drain(self.receive)


def _header(scope: Scope, name: bytes) -> bytes | None:
    return next((value for key, value in scope["headers"] if key == name), None)


async def _preflight(scope: Scope, receive: Receive, send: Send) -> None:
    """A browser's CORS preflight: any origin may call with the key header (the key is the credential)."""
    asked = _header(scope, b"access-control-request-headers")
    headers = {
        "access-control-allow-methods": _CORS_METHODS.decode(),
        "access-control-allow-headers": (asked or _CORS_HEADERS).decode("latin-1"),
        "access-control-max-age": _CORS_MAX_AGE.decode(),
    }
    await Response(status_code=204, headers=headers)(scope, receive, send)


def _with_gateway_headers(send: Send) -> Send:
    """A `send` that adds the headers every Gladia answer carries."""
    call_id = str(uuid.uuid4()).encode()

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (name, _JSON_UTF8 if name == b"content-type" and value == _JSON else value)
                for name, value in message.get("headers", ())
            ]
            headers += [
                (CALL_ID_HEADER, call_id),
                (b"access-control-allow-origin", b"*"),
                (b"access-control-expose-headers", _CORS_EXPOSED),
            ]
            message = {**message, "headers": headers}
        await send(message)

    return sending


def expects_continue(scope: Scope) -> bool:
    return any(name == b"expect" and value.lower() == b"100-continue" for name, value in scope["headers"])


async def _dropped(message: Message) -> None:
    """A `send` that drops the answer: the request was handled, the client will never know."""


def _trickle(send: Send, seconds: float) -> Send:
    """A `send` that spreads the first body message over `seconds`, in small pieces."""
    pending = True

    async def slow_send(message: Message) -> None:
        nonlocal pending
        if message["type"] != "http.response.body" or not pending:
            await send(message)
            return
        pending = False
        body: bytes = message.get("body", b"")
        more: bool = message.get("more_body", False)
        size = max(1, -(-len(body) // _SLOW_PIECES))
        pieces = [body[i : i + size] for i in range(0, len(body), size)] or [b""]
        for index, piece in enumerate(pieces):
            await asyncio.sleep(seconds / len(pieces))
            last = index == len(pieces) - 1
            await send({"type": "http.response.body", "body": piece, "more_body": more or not last})

    return slow_send
