"""Callbacks and webhooks: what Gladia sends when a job changes state, sent from the server's event loop.

A callback goes to the job's `callback_config.url` (with its method) or deprecated `callback_url` (POST)
when the job ends, carrying the result or the error. A webhook goes to every configured URL for
`transcription.created`, `.success` and `.error`, carrying only the job id; with a secret it is signed by
the Standard Webhooks scheme. Each delivery is retried a few times on failure and never holds up a job.

Live sessions use the same machinery: their `live.*` webhooks (`live_webhook`), and the callbacks of their
messages (`live_callback`). A session's callbacks are queued per URL and sent one after the other, in the
order the session produced them, by one background task; the queue is bounded (`live_callback_backlog`),
so a slow or dead receiver costs the session nothing but the callbacks dropped past the bound.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import json
import logging
import secrets
import threading
import time
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, Literal

import attrs
import httpx

from gladia.testing._config import EmulatorConfig
from gladia.testing._fetch import is_loopback
from gladia.testing._signing import signature
from gladia.testing._store import Job

logger = logging.getLogger("gladia.testing")

USER_AGENT = "gladia-emulator"


@attrs.frozen(kw_only=True)
class Delivery:
    """One attempt at sending a callback or webhook, and how the receiver answered."""

    kind: Literal["callback", "webhook"]
    event: str
    url: str
    method: str
    headers: Mapping[str, str]
    body: bytes
    attempt: int
    """1 for the first try, then 2, 3, ... for the retries; 0 for a live callback dropped unsent, because
    `live_callback_backlog` of its session's callbacks were already waiting."""
    status: int | None
    """The receiver's HTTP status, or None when the request failed."""
    error: str | None = None
    sent_at: float = attrs.field(factory=time.time)

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


class DeliveryLog:
    """Every delivery attempt, oldest first; a test can wait for some to arrive."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._deliveries: list[Delivery] = []

    def append(self, delivery: Delivery) -> None:
        with self._changed:
            self._deliveries.append(delivery)
            self._changed.notify_all()

    def snapshot(self) -> list[Delivery]:
        with self._changed:
            return list(self._deliveries)

    def clear(self) -> None:
        with self._changed:
            self._deliveries.clear()

    def wait(
        self, count: int, timeout: float, keep: Callable[[Delivery], bool] | None = None
    ) -> list[Delivery]:
        """The deliveries `keep` accepts, once there are at least `count` of them.

        Raises:
            TimeoutError: when fewer arrived within `timeout` seconds.
        """
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [d for d in self._deliveries if keep is None or keep(d)]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"expected {count} deliveries within {timeout}s, got {len(found)}: {found}"
                    )
                self._changed.wait(left)


class Notifier:
    """Sends the notifications of job events. Runs in the server's event loop."""

    def __init__(
        self, settings: Callable[[], EmulatorConfig], client: httpx.AsyncClient, log: DeliveryLog
    ) -> None:
        self._settings = settings
        self._client = client
        self._log = log
        self._tasks: set[asyncio.Task[None]] = set()
        # The last webhook sent to each (job, URL): the next one waits for it, so a receiver always gets
        # `transcription.created` before the job's end, even when the job ends at once.
        self._previous: dict[tuple[str, str], asyncio.Task[None]] = {}
        # The callbacks of each (live session, URL) waiting to be sent, and the task sending them.
        self._backlogs: dict[tuple[str, str], collections.deque[tuple[str, bytes]]] = {}
        self._senders: dict[tuple[str, str], asyncio.Task[None]] = {}

    def job_created(self, job: Job) -> None:
        self._webhooks(job.id, "transcription.created")

    def live_webhook(self, session_id: str, event: str) -> None:
        """Send the `live.*` webhook of a step of a live session (its id is the payload, as for jobs)."""
        self._webhooks(session_id, event)

    def live_callback(self, session_id: str, url: str, event: str, message: str) -> None:
        """Queue the callback of one message of a live session: `{id, event, payload: message}`, POSTed.

        Returns at once: the message waits behind the session's earlier callbacks, or is dropped (and
        logged as not sent) when `live_callback_backlog` of them are already waiting.
        """
        body = (
            f'{{"id": {json.dumps(session_id)}, "event": {json.dumps(event)}, "payload": {message}}}'.encode()
        )
        key = (session_id, url)
        backlog = self._backlogs.setdefault(key, collections.deque())
        limit = self._settings().live_callback_backlog
        if len(backlog) >= limit:
            self._log.append(
                Delivery(
                    kind="callback",
                    event=event,
                    url=url,
                    method="POST",
                    headers={},
                    body=body,
                    attempt=0,
                    status=None,
                    error=f"not sent: {limit} callbacks of this session were already waiting (live_callback_backlog)",
                )
            )
            return
        backlog.append((event, body))
        sender = self._senders.get(key)
        if sender is None or sender.done():
            self._senders[key] = self._track(self._send_backlog(key, backlog))

    def job_ended(self, job: Job, result_or_error: Mapping[str, Any]) -> None:
        """Send the callbacks and webhooks of a job that reached `done` or `error`."""
        event = "transcription.success" if job.status == "done" else "transcription.error"
        self._webhooks(job.id, event)
        params = job.request_params
        payload: dict[str, Any] = {"id": job.id, "event": event}
        payload["payload" if job.status == "done" else "error"] = dict(result_or_error)
        payload["custom_metadata"] = job.custom_metadata
        body = json.dumps(payload).encode()
        targets: list[tuple[str, str]] = []
        config = params.get("callback_config") or {}
        if params.get("callback") is True and config.get("url"):
            targets.append((config["url"], config.get("method") or "POST"))
        if params.get("callback_url"):
            targets.append((params["callback_url"], "POST"))
        for url, method in targets:
            self._spawn("callback", event, url, method, body)

    async def close(self) -> None:
        """Cancel deliveries still in flight, and forget the live callbacks still waiting."""
        for backlog in self._backlogs.values():
            backlog.clear()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _send_backlog(
        self, key: tuple[str, str], backlog: collections.deque[tuple[str, bytes]]
    ) -> None:
        try:
            while backlog:
                event, body = backlog.popleft()
                await self._deliver("callback", event, key[1], "POST", body, None, None)
        finally:
            # Nothing runs between the loop's last check and here: a callback queued from now on finds no
            # sender and starts one.
            if self._senders.get(key) is asyncio.current_task():
                del self._senders[key]
            if self._backlogs.get(key) is backlog and not backlog:
                del self._backlogs[key]

    def _webhooks(self, job_id: str, event: str) -> None:
        settings = self._settings()
        if not settings.webhook_urls:
            return
        body = json.dumps({"event": event, "payload": {"id": job_id}}).encode()
        # One id per event, kept on every retry, so receivers can tell a redelivery from a new event.
        message_id = "msg_" + secrets.token_hex(12)
        for url in settings.webhook_urls:
            key = (job_id, url)
            task = self._spawn("webhook", event, url, "POST", body, message_id, self._previous.get(key))
            self._previous[key] = task
            task.add_done_callback(functools.partial(self._forget, key))

    def _forget(self, key: tuple[str, str], task: asyncio.Task[None]) -> None:
        if self._previous.get(key) is task:
            del self._previous[key]

    def _spawn(
        self,
        kind: Literal["callback", "webhook"],
        event: str,
        url: str,
        method: str,
        body: bytes,
        signed_id: str | None = None,
        after: asyncio.Task[None] | None = None,
    ) -> asyncio.Task[None]:
        return self._track(self._deliver(kind, event, url, method, body, signed_id, after))

    def _track(self, work: Coroutine[Any, Any, None]) -> asyncio.Task[None]:
        """Run `work` in the background, to be cancelled by `close`."""
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _deliver(
        self,
        kind: Literal["callback", "webhook"],
        event: str,
        url: str,
        method: str,
        body: bytes,
        message_id: str | None,
        after: asyncio.Task[None] | None,
    ) -> None:
        if after is not None:
            await asyncio.wait([after])
        settings = self._settings()
        if not (settings.allow_remote_urls or is_loopback(url)):
            # Tests stay offline: record what would have been sent, and send nothing.
            self._log.append(
                Delivery(
                    kind=kind,
                    event=event,
                    url=url,
                    method=method,
                    headers={},
                    body=body,
                    attempt=1,
                    status=None,
                    error="not sent: the emulator only contacts loopback hosts unless allow_remote_urls is set",
                )
            )
            return
        for attempt in range(1, settings.delivery_attempts + 1):
            headers = {"content-type": "application/json", "user-agent": USER_AGENT}
            if message_id is not None and settings.webhook_secret:
                timestamp = int(time.time())
                headers["webhook-id"] = message_id
                headers["webhook-timestamp"] = str(timestamp)
                headers["webhook-signature"] = signature(settings.webhook_secret, message_id, timestamp, body)
            status, error = None, None
            try:
                response = await self._client.request(
                    method, url, content=body, headers=headers, timeout=settings.delivery_timeout
                )
                status = response.status_code
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            self._log.append(
                Delivery(
                    kind=kind,
                    event=event,
                    url=url,
                    method=method,
                    headers=headers,
                    body=body,
                    attempt=attempt,
                    status=status,
                    error=error,
                )
            )
            if status is not None and 200 <= status < 300:
                return
            if attempt < settings.delivery_attempts:
                await asyncio.sleep(settings.delivery_retry_seconds * 2 ** (attempt - 1))
        logger.warning("gave up sending the %s %s to %s", kind, event, url)
