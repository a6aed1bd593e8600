"""Tests that interrupt a child process with SIGINT need a child that can take it.

A process started with SIGINT ignored (a background job of a shell without job control, `cmd &` in a
script; some CI runners and service managers) passes that on to every child across exec, and a Python
started so leaves it ignored: Ctrl+C cannot reach it, and such a test could only fail. It is skipped then,
with the reason.
"""

from __future__ import annotations

import contextlib
import functools
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

_PROBE = "import signal, sys; sys.exit(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"


@functools.cache
def sigint_ignored() -> bool:
    """Whether SIGINT is ignored here, or in a child started as the tests start theirs."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        return True
    return subprocess.run([sys.executable, "-c", _PROBE], check=False).returncode != 0


needs_sigint = pytest.mark.skipif(
    sigint_ignored(),
    reason="SIGINT is ignored in this process (started in the background by a script?), so a child "
    "cannot be interrupted with it",
)


@contextlib.contextmanager
def python_handles_sigint() -> Iterator[None]:
    """Python's own Ctrl+C handler (KeyboardInterrupt) in this process for a while, even if it was started
    with SIGINT ignored, where `_thread.interrupt_main()` would do nothing (main thread only)."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
