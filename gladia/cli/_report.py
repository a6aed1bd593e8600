"""How `gladia transcribe` reports its sources: a summary on stderr, or one JSON object per source for scripts.

The summary is a rich table on a terminal and plain lines otherwise (one per source, easy to grep in a CI
log), then the totals. With `--json`, stdout carries one JSON object per line per source, as each finishes:

    {"source": "a.wav", "status": "done", "job_id": "...", "output": "out/a.txt", "error": null,
     "failed_addons": [{"name": "diarization", "reason": "...", "status_code": 501, "exception": "..."}]}

`status` is `done`, `skipped` (finished by an earlier run), `failed` or `interrupted`; without `-o`, a done
source also has `result` (the transcript, or with `--format json` the whole job).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

from gladia.cli._batch import DONE, FAILED, INTERRUPTED, SKIPPED, Outcome
from gladia.cli._errors import one_line
from gladia.cli._render import result_value
from gladia.cli._shown import json_safe, shown
from gladia.prerecorded._outcome import FailedAddon

# Beyond this many sources, the table on a terminal lists only those that did not finish.
_TABLE_ROWS = 30
_ORDER = (DONE, SKIPPED, FAILED, INTERRUPTED)


def json_line(outcome: Outcome, fmt: str, subtitles_config: object = None) -> str:
    """The `--json` line of one source."""
    found: dict[str, Any] = {
        "source": outcome.source.label,
        "status": outcome.status,
        "job_id": outcome.job_id,
        "output": str(outcome.output) if outcome.output is not None else None,
        "error": one_line(outcome.error) if outcome.error is not None else None,
        "failed_addons": [addon.to_dict() for addon in outcome.failed_addons],
    }
    if outcome.job is not None:
        found["result"] = result_value(outcome.job, fmt, subtitles_config)
    return json_safe(json.dumps(found, ensure_ascii=False))


# The flag that asks for each add-on, for the offline advice.
_ADDON_FLAGS = {"diarization": "--diarization", "translation": "--translate", "summarization": "--summarize"}


def addon_lines(outcomes: Sequence[Outcome], *, offline: bool = False) -> list[str]:
    """One line per add-on that failed in a done job, with the reason (offline: what can be done instead)."""
    return [
        shown(_offline_addon_line(outcome, addon) if offline else _addon_line(outcome, addon))
        for outcome in outcomes
        for addon in outcome.failed_addons
    ]


def _addon_line(outcome: Outcome, addon: FailedAddon) -> str:
    status = f" ({addon.status_code})" if addon.status_code is not None else ""
    return f"warning: {outcome.source.label}: the {addon.name} add-on failed{status}: {addon.reason}"


def _offline_addon_line(outcome: Outcome, addon: FailedAddon) -> str:
    """The local engine only transcribes: say so, and what an offline user can do, not the emulator's advice
    to tests (register a transcript naming the speakers)."""
    flag = _ADDON_FLAGS.get(addon.name)
    speakers = ", so every utterance is speaker 0" if addon.name == "diarization" else ""
    leave_out = f"leave out {flag}" if flag else "leave that option out"
    return (
        f"warning: {outcome.source.label}: the {addon.name} add-on does not run offline: the local engine "
        f"only transcribes{speakers} (the transcript itself is complete). Offline, {leave_out}; or set "
        "GLADIA_API_KEY to have Gladia run it."
    )


def totals(outcomes: Sequence[Outcome]) -> str:
    counts = Counter(outcome.status for outcome in outcomes)
    parts = ", ".join(f"{counts[status]} {status}" for status in _ORDER if counts[status])
    noun = "source" if len(outcomes) == 1 else "sources"
    return f"{len(outcomes)} {noun}: {parts or 'nothing to do'}"


def _detail(outcome: Outcome) -> str:
    if outcome.error is not None:
        return shown(one_line(outcome.error))
    if outcome.output is not None:
        return shown(str(outcome.output))
    return ""


def plain_summary(outcomes: Sequence[Outcome]) -> str:
    """One line per source, then the totals."""
    lines = []
    for outcome in outcomes:
        detail = _detail(outcome)
        arrow = " -> " if outcome.error is None else ": "
        lines.append(f"{outcome.status:<11} {shown(outcome.source.label)}{arrow + detail if detail else ''}")
    lines.append(totals(outcomes))
    return "\n".join(lines) + "\n"


def print_summary(outcomes: Sequence[Outcome], *, terminal: bool) -> None:
    """The summary on stderr: a table on a terminal, plain lines otherwise."""
    if not terminal:
        sys.stderr.write(plain_summary(outcomes))
        sys.stderr.flush()
        return
    from rich.console import Console  # noqa: PLC0415  (only on a terminal)
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415  (Text, not markup: names and errors may hold brackets)

    rows = list(outcomes)
    if len(rows) > _TABLE_ROWS:
        rows = [o for o in outcomes if o.status in (FAILED, INTERRUPTED)]
    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("Source", "Status", "Output or error"):
        table.add_column(column, overflow="fold")
    styles = {DONE: "green", SKIPPED: "cyan", FAILED: "red", INTERRUPTED: "yellow"}
    for outcome in rows:
        table.add_row(
            Text(shown(outcome.source.label)),
            Text(outcome.status, style=styles[outcome.status]),
            Text(_detail(outcome)),
        )
    console = Console(stderr=True, highlight=False)
    if rows:
        console.print(table)
    console.print(totals(outcomes), markup=False)
