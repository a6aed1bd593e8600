"""Fault injection: which requests go wrong, and how. Deterministic: random draws come from a seeded RNG.

Kinds of fault:

    status      answer `status` (429, 500, 502, 503, ...) with Gladia's error body, and `Retry-After` if given
    reset       reset the TCP connection: the client sees a connection error, not a response (with httpx, a
                ReadError, or a RemoteProtocolError when the reset lands while it is still sending)
    latency     wait `seconds` before handling the request
    slow_body   send the response body in small pieces spread over `seconds`
    redirect    answer `status` (307 by default) with `Location: location`

`when="before"` (the default) acts instead of handling the request. `when="after"` (for `status` and
`reset`) handles it first, side effects included (a job is created), then replaces the answer: the
client cannot know its request succeeded, which is how duplicate jobs are made.

A fault fires on the requests to its route (a spec route key such as `"POST /v2/pre-recorded"`, or `"*"`)
after skipping the first `after` of them, at most `times` times, each time with `probability`.
"""

from __future__ import annotations

import random
import threading
from typing import Literal

import attrs

from gladia.testing._routes import ANY, check_route

FaultKind = Literal["status", "reset", "latency", "slow_body", "redirect"]
KINDS = ("status", "reset", "latency", "slow_body", "redirect")
# Faults that decide the answer; the first of them to fire wins. The others only shape it.
TERMINAL = frozenset({"status", "reset", "redirect"})


def _check_kind(instance: Fault, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in KINDS:
        raise ValueError(f"unknown fault kind {value!r}; use one of: {', '.join(KINDS)}")


@attrs.frozen(kw_only=True)
class Fault:
    """One injected fault; see the module docstring."""

    route: str = attrs.field(default=ANY, validator=lambda _, __, value: check_route(value))
    kind: FaultKind = attrs.field(default="status", validator=_check_kind)
    status: int | None = None
    retry_after: str | None = None
    message: str | None = None
    seconds: float = 0.0
    location: str | None = None
    when: Literal["before", "after"] = "before"
    times: int | None = None
    probability: float = 1.0
    after: int = 0

    def __attrs_post_init__(self) -> None:
        if self.kind == "status" and (self.status is None or not 400 <= self.status <= 599):
            raise ValueError(f"a status fault needs an error status (400-599), got {self.status!r}")
        if self.kind == "redirect" and not self.location:
            raise ValueError("a redirect fault needs a location")
        if self.kind == "redirect" and self.status is not None and not 300 <= self.status <= 399:
            raise ValueError(f"a redirect fault needs a 3xx status, got {self.status}")
        if self.kind in ("latency", "slow_body") and self.seconds <= 0:
            raise ValueError(f"a {self.kind} fault needs seconds > 0")
        if self.when not in ("before", "after"):
            raise ValueError(f"when must be 'before' or 'after', got {self.when!r}")
        if self.when == "after" and self.kind not in ("status", "reset"):
            raise ValueError("when='after' applies to status and reset faults only")
        if not 0.0 <= self.probability <= 1.0:
            raise ValueError(f"probability must be between 0 and 1, got {self.probability}")
        if self.times is not None and self.times < 1:
            raise ValueError(f"times must be 1 or more (or None for always), got {self.times}")
        if self.after < 0:
            raise ValueError(f"after must be 0 or more, got {self.after}")

    @property
    def terminal(self) -> bool:
        return self.kind in TERMINAL


@attrs.define
class _Armed:
    fault: Fault
    seen: int = 0
    fired: int = 0


class Faults:
    """The faults of one emulator. Thread-safe: a test adds them while the server draws them."""

    def __init__(self, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._armed: list[_Armed] = []
        self._seed = seed
        self._random = random.Random(seed)

    def add(
        self,
        route: str = ANY,
        kind: FaultKind = "status",
        *,
        status: int | None = None,
        retry_after: str | float | None = None,
        message: str | None = None,
        seconds: float = 0.0,
        location: str | None = None,
        when: Literal["before", "after"] = "before",
        times: int | None = None,
        probability: float = 1.0,
        after: int = 0,
    ) -> Fault:
        """Inject a fault; see the module docstring for the kinds and how they fire.

        Raises:
            ValueError: for an unknown route or kind, or options that do not fit the kind.
        """
        fault = Fault(
            route=route,
            kind=kind,
            status=status,
            retry_after=None if retry_after is None else _retry_after(retry_after),
            message=message,
            seconds=seconds,
            location=location,
            when=when,
            times=times,
            probability=probability,
            after=after,
        )
        with self._lock:
            self._armed.append(_Armed(fault))
        return fault

    def remove(self, fault: Fault) -> None:
        with self._lock:
            self._armed = [armed for armed in self._armed if armed.fault is not fault]

    def clear(self) -> None:
        """Remove every fault and restart the random draws from the seed."""
        with self._lock:
            self._armed.clear()
            self._random = random.Random(self._seed)

    def reseed(self, seed: int) -> None:
        with self._lock:
            self._seed = seed
            self._random = random.Random(seed)

    @property
    def active(self) -> list[Fault]:
        """The faults that may still fire, in the order they were added."""
        with self._lock:
            return [a.fault for a in self._armed if a.fault.times is None or a.fired < a.fault.times]

    def fired(self, fault: Fault) -> int:
        """How many times `fault` has fired."""
        with self._lock:
            return next((a.fired for a in self._armed if a.fault is fault), 0)

    def draw(self, route: str | None) -> list[Fault]:
        """The faults that fire for one request to `route`, in the order added, up to the first terminal one."""
        fired: list[Fault] = []
        with self._lock:
            for armed in self._armed:
                fault = armed.fault
                if fault.route not in (ANY, route):
                    continue
                armed.seen += 1
                if armed.seen <= fault.after:
                    continue
                if fault.times is not None and armed.fired >= fault.times:
                    continue
                if fault.probability < 1.0 and self._random.random() >= fault.probability:
                    continue
                armed.fired += 1
                fired.append(fault)
                if fault.terminal:
                    break
        return fired


def _retry_after(value: str | float) -> str:
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else str(value)
