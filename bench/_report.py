"""RESULTS.md: when, where and what was measured, a summary of the goals, then one section per row.

Scripts other than run.py may keep a section of their own at the end of RESULTS.md (`OWN_SECTIONS`, e.g.
bench/local_live.py's): run.py keeps those as they are when it rewrites the file.
"""

from __future__ import annotations

import os
import platform
import re
from datetime import datetime, timezone
from pathlib import Path

from _results import Row, Table


def machine() -> list[tuple[str, str]]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memory = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    release = Path("/etc/os-release")
    pretty = (
        re.search(r'^PRETTY_NAME="?([^"\n]+)', release.read_text(), re.MULTILINE)
        if release.exists()
        else None
    )
    return [
        ("CPU", f"{model.group(1) if model else platform.processor()}, {os.cpu_count()} logical cores"),
        ("RAM", f"{int(memory.group(1)) / 1024**2:.1f} GiB" if memory else "unknown"),
        ("OS", f"{pretty.group(1) if pretty else platform.system()}, Linux {platform.release()}"),
        ("Python", f"{platform.python_implementation()} {platform.python_version()} (every process)"),
    ]


def _table(table: Table) -> list[str]:
    lines = ["| " + " | ".join(table.header) + " |", "|" + "---|" * len(table.header)]
    lines += ["| " + " | ".join(cells) + " |" for cells in table.rows]
    return lines


def render(
    rows: list[Row],
    *,
    mode: str,
    command: str,
    seconds: float,
    versions: list[tuple[str, str]],
    setup: list[str],
) -> str:
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    minutes, rest = divmod(round(seconds), 60)
    out = [
        "# Benchmarks: gladia beside the official SDK and the limits",
        "",
        f"Written by `{command}` ({mode} run) on {now}; the run took {minutes} min {rest:02d} s. Every "
        "number "
        "below was measured in that run, with every contender of a row against the same emulator "
        "(`gladia.testing`, in its own process). Medians, with (min to max) over the rounds.",
        "",
        "Run it from a clone: `uv run --all-extras python bench/run.py` (Linux, with uv and curl; it makes "
        "its virtual environments under `bench/.work/`). `--quick` runs the same code with tiny sizes and "
        "writes `bench/RESULTS-quick.md`.",
        "",
        "## Machine and versions",
        "",
        "| | |",
        "|---|---|",
    ]
    out += [f"| {name} | {value} |" for name, value in machine() + versions]
    out += ["", *setup, "", "## Goals", "", "| # | goal | measured | |", "|---|---|---|---|"]
    for row in rows:
        for goal in row.goals:
            out.append(f"| {row.number} | {goal.text} | {goal.measured} | {goal.mark} |")
    failures = [(row, failure) for row in rows for failure in row.failures]
    if failures:
        out += [
            "",
            "## Failures",
            "",
            "These contenders crashed or gave wrong results; their numbers are missing:",
            "",
        ]
        for row, failure in failures:
            out += [
                f"- row {row.number}:",
                "",
                "  ```",
                *(f"  {line}" for line in failure.splitlines()),
                "  ```",
            ]
    for row in rows:
        out += ["", f"## {row.number}. {row.title}", "", row.how, "", *_table_lines(row.tables), ""]
        shown: set[str] = set()
        for goal in row.goals:
            out.append(f"- {goal.mark} {goal.text}: {goal.measured}.")
            if goal.met is False:
                new = [line for line in goal.why if line not in shown]
                out += [f"  - **Missed.** {line}" for line in new]
                out += ["  - **Missed**: see above for what limits it."] if goal.why and not new else []
                shown.update(goal.why)
        out += [f"- {note}" for note in row.notes]
        out += ["", f"_Row {row.number} took {row.seconds:.0f} s._"]
    return "\n".join(out) + "\n"


def _table_lines(tables: list[Table]) -> list[str]:
    lines: list[str] = []
    for table in tables:
        if lines:
            lines.append("")
        lines += _table(table)
    return lines


#: The headings of the sections that other scripts write in RESULTS.md, each with the script that writes it.
OWN_SECTIONS = {"## Local live transcription": "bench/local_live.py"}


def _section(text: str, heading: str) -> re.Match[str] | None:
    return re.search(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)


def own_sections(path: Path) -> str:
    """The sections of `path` that other scripts wrote (`OWN_SECTIONS`), to append when run.py rewrites it."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    found = (_section(text, heading) for heading in OWN_SECTIONS)
    return "".join(f"\n{match.group(0).rstrip()}\n" for match in found if match)


def put_section(path: Path, heading: str, body: str) -> None:
    """Writes `heading` and `body` into `path` in place of its section of that heading, or at its end."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    section = f"{heading}\n\n{body.strip()}\n"
    match = _section(text, heading)
    if match:
        text = text[: match.start()] + section + ("\n" if text[match.end() :] else "") + text[match.end() :]
    else:
        text = f"{text.rstrip()}\n\n{section}" if text.strip() else section
    path.write_text(text, encoding="utf-8")
