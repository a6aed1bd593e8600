"""Progress of `gladia transcribe` on stderr: rich progress bars on a terminal, plain lines otherwise.

One bar counts finished sources; each source in flight has its own line, showing the bytes uploaded
(from the SDK's `on_progress`), then the job's status (from `on_status`) or, offline, how much of the audio
the local engine has transcribed. rich is imported only when there is a terminal to draw on. Without one,
nothing is drawn, but a long offline transcription says how far it has got every `PERIODIC_SECONDS`.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import time
from typing import Any, Protocol, TextIO

from gladia.cli._shown import shown

PERIODIC_SECONDS = 10.0


class ItemProgress(Protocol):
    """The line of one source in flight."""

    def uploading(self, sent: int, total: int | None) -> None: ...

    def status(self, text: str) -> None: ...

    def transcribing(self, done: float, total: float) -> None:
        """`done` seconds of the audio's `total` are transcribed (offline; from the engine's thread)."""

    def finish(self) -> None: ...


class Progress(Protocol):
    """The whole run's progress."""

    def item(self, label: str) -> ItemProgress: ...

    def finished(self, outcome: str) -> None: ...

    def note(self, text: str) -> None:
        """Print a line on stderr (above the bars, when there are bars)."""

    def close(self) -> None: ...


class _Silent:
    """Draws nothing: stderr is not a terminal (a pipe, a file, CI)."""

    def item(self, label: str) -> _Periodic:
        return _Periodic(shown(label))

    def finished(self, outcome: str) -> None:
        pass

    def note(self, text: str) -> None:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def close(self) -> None:
        pass


class _Periodic:
    """One source's line without a terminal: only a long transcription's progress, one line at a time."""

    def __init__(self, label: str) -> None:
        self._label = label
        self._every = PERIODIC_SECONDS
        self._lock = threading.Lock()
        self._next = time.monotonic() + self._every

    def uploading(self, sent: int, total: int | None) -> None:
        pass

    def status(self, text: str) -> None:
        pass

    def transcribing(self, done: float, total: float) -> None:
        with self._lock:
            now = time.monotonic()
            if now < self._next or total <= 0:
                return
            self._next = now + self._every
        sys.stderr.write(
            f"{self._label}: transcribed {_clock(done)} of {_clock(total)} ({done / total:.0%})\n"
        )
        sys.stderr.flush()

    def finish(self) -> None:
        pass


def can_draw(stream: TextIO) -> bool:
    """Whether to draw with rich on `stream`: a terminal, and rich installed (the `cli` extra)."""
    return stream.isatty() and importlib.util.find_spec("rich") is not None


def make_progress(total: int) -> Progress:
    """Bars for `total` sources when stderr is a terminal, else a progress that draws nothing."""
    if not can_draw(sys.stderr):
        return _Silent()
    return _Bars(total)


class _Bars:
    def __init__(self, total: int) -> None:
        from rich.console import Console  # noqa: PLC0415  (only on a terminal: keeps `gladia --help` fast)
        from rich.progress import (  # noqa: PLC0415
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bars = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}", markup=False),
            BarColumn(bar_width=30),
            TextColumn("{task.fields[status]}", markup=False),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        self._counts: dict[str, int] = {}
        self._total = total
        self._overall = self._bars.add_task("Transcribing", total=total, status=f"0/{total}")
        self._bars.start()

    def item(self, label: str) -> _Line:
        return _Line(self._bars, self._bars.add_task(_shorten(label), total=None, status="starting"))

    def finished(self, outcome: str) -> None:
        self._counts[outcome] = self._counts.get(outcome, 0) + 1
        finished = sum(self._counts.values())
        counts = ", ".join(f"{count} {name}" for name, count in sorted(self._counts.items()))
        self._bars.update(self._overall, completed=finished, status=f"{finished}/{self._total} ({counts})")

    def note(self, text: str) -> None:
        self._bars.console.print(text, markup=False, highlight=False)

    def close(self) -> None:
        self._bars.stop()


class _Line:
    def __init__(self, bars: Any, task: Any) -> None:
        self._bars = bars
        self._task = task
        self._transcribing = False

    def uploading(self, sent: int, total: int | None) -> None:
        shown = f"uploading {_size(sent)}" + (f" / {_size(total)}" if total else "")
        self._bars.update(self._task, total=total, completed=sent, status=shown)

    def status(self, text: str) -> None:
        if self._transcribing and text == "processing":
            return  # the bar of the audio transcribed says more
        self._bars.update(self._task, total=None, status=text)

    def transcribing(self, done: float, total: float) -> None:
        self._transcribing = True
        shown = f"transcribed {_clock(done)} / {_clock(total)}"
        self._bars.update(self._task, total=total, completed=done, status=shown)

    def finish(self) -> None:
        self._bars.remove_task(self._task)


def _shorten(label: str, width: int = 40) -> str:
    label = shown(label)
    return label if len(label) <= width else "..." + label[-(width - 3) :]


def _size(count: float) -> str:
    for unit in ("B", "kB", "MB"):
        if count < 1000:
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count:.1f} GB"


def _clock(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"
