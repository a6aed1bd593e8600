"""`gladia jobs list|get|delete|download`: the jobs of an API key, on Gladia or on an emulator."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gladia._core import constants as C
from gladia.cli._connection import api_options, for_jobs
from gladia.cli._errors import debug_option
from gladia.cli._progress import can_draw
from gladia.cli._render import render
from gladia.cli._shown import json_safe, shown

if TYPE_CHECKING:
    from gladia.prerecorded._client_sync import PreRecordedClient
    from gladia_api.models.pre_recorded_response import PreRecordedResponse

STATUSES = ("queued", "processing", "done", "error")
DEFAULT_LIMIT = 20
_COLUMNS = ("ID", "STATUS", "CREATED", "DURATION", "FILE")
_UNSAFE = re.compile(r"[^\w.-]+")


@click.group()
@debug_option
def jobs() -> None:
    """List, inspect, delete and download your transcription jobs (needs an API key)."""


def _client(ctx: click.Context, api_key: str | None, api_url: str | None) -> PreRecordedClient:
    from gladia._client import GladiaClient  # noqa: PLC0415  (keeps `gladia --help` fast)

    api = for_jobs(ctx, api_key=api_key, api_url=api_url)
    client = GladiaClient(api_key=api.api_key, api_url=api.api_url)
    ctx.call_on_close(client.close)
    return client.prerecorded()


@jobs.command("list")
@click.option(
    "--status", multiple=True, type=click.Choice(STATUSES), help="Only jobs in this status (repeatable)."
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=DEFAULT_LIMIT, show_default=True, help="At most this many."
)
@click.option("--json", "as_json", is_flag=True, help="A JSON array of the jobs, as Gladia returns them.")
@api_options
@debug_option
@click.pass_context
def list_jobs(
    ctx: click.Context,
    status: tuple[str, ...],
    limit: int,
    as_json: bool,
    api_key: str | None,
    api_url: str | None,
) -> None:
    """List jobs, newest first."""
    client = _client(ctx, api_key, api_url)
    found = list(
        client.list(status=list(status) or None, max_items=limit, page_size=min(limit, C.LIST_PAGE_SIZE))
    )
    if as_json:
        click.echo(json_safe(json.dumps([job.to_dict() for job in found], indent=2, ensure_ascii=False)))
    elif not found:
        click.echo("No jobs.", err=True)
    else:
        _print_table([_row(job) for job in found])


@jobs.command("get")
@click.argument("job_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="The whole job as JSON, as Gladia returns it.")
@api_options
@debug_option
@click.pass_context
def get_job(ctx: click.Context, job_id: str, as_json: bool, api_key: str | None, api_url: str | None) -> None:
    """Show one job: its status, its file and, once done, its transcript."""
    job = _client(ctx, api_key, api_url).get(job_id)
    if as_json:
        click.echo(json_safe(json.dumps(job.to_dict(), indent=2, ensure_ascii=False)))
        return
    status = str(job.status)
    if status == "error" and isinstance(job.error_code, int):
        status += f" (error code {job.error_code})"
    fields = [("id", job.id), ("status", status), ("created", job.created_at.isoformat())]
    completed = _present(job.completed_at)
    if isinstance(completed, dt.datetime):
        fields.append(("completed", completed.isoformat()))
    fields.append(("file", _file_summary(job)))
    for name, value in fields:
        click.echo(f"{name + ':':<11}{shown(value)}")
    if str(job.status) == "done":
        click.echo("")
        click.echo(render(job, "text"), nl=False)


@jobs.command("delete")
@click.argument("job_id", metavar="ID")
@api_options
@debug_option
@click.pass_context
def delete_job(ctx: click.Context, job_id: str, api_key: str | None, api_url: str | None) -> None:
    """Delete a finished job and its audio."""
    _client(ctx, api_key, api_url).delete(job_id)
    click.echo(f"Deleted job {job_id}.", err=True)


@jobs.command("download")
@click.argument("job_id", metavar="ID")
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="File or directory to write to ('-': stdout). Default: the job's file name, here.",
)
@api_options
@debug_option
@click.pass_context
def download_job(
    ctx: click.Context, job_id: str, output: str | None, api_key: str | None, api_url: str | None
) -> None:
    """Download the audio a job transcribed."""
    client = _client(ctx, api_key, api_url)
    if output == "-":
        client.download(job_id, sys.stdout.buffer)
        return
    path = Path(output) if output else None
    if path is None or path.is_dir() or str(output).endswith(("/", os.sep)):
        name = _download_name(client.get(job_id))
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
        path = path / name if path is not None else Path(name)
    written = client.download(job_id, path)
    click.echo(f"Wrote {shown(str(path))} ({written} bytes).", err=True)


# ---------------------------------------------------------------------------------------------- helpers


def _present(value: object) -> object:
    from gladia_api.types import Unset  # noqa: PLC0415

    return None if isinstance(value, Unset) else value


def _file_summary(job: PreRecordedResponse) -> str:
    file = _present(job.file)
    if file is None:
        return "-"
    name = getattr(file, "filename", None) or getattr(file, "source", None) or "-"
    duration = getattr(file, "audio_duration", None)
    return f"{name}, {duration:.1f} s" if isinstance(duration, (int, float)) else str(name)


def _download_name(job: PreRecordedResponse) -> str:
    file = _present(job.file)
    name = getattr(file, "filename", None) if file is not None else None
    # The name comes from the server: keep a safe base name only, never a path to somewhere else.
    safe = _UNSAFE.sub("_", Path(str(name or "").replace("\\", "/")).name).strip("._")
    return safe or f"gladia-{job.id}"


def _row(job: PreRecordedResponse) -> tuple[str, ...]:
    file = _present(job.file)
    duration = getattr(file, "audio_duration", None) if file is not None else None
    name = (getattr(file, "filename", None) if file is not None else None) or "-"
    duration_text = f"{duration:.1f} s" if isinstance(duration, (int, float)) else "-"
    created = job.created_at.strftime("%Y-%m-%d %H:%M:%S")
    return (job.id, shown(str(job.status)), created, duration_text, shown(str(name)))


def _print_table(rows: Sequence[tuple[str, ...]]) -> None:
    """A rich table on a terminal; aligned plain columns otherwise (easy to cut and awk)."""
    if can_draw(sys.stdout):
        from rich.console import Console  # noqa: PLC0415  (only on a terminal)
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        table = Table(box=None, pad_edge=False)
        for column in _COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        Console(highlight=False).print(table)
        return
    widths = [max(len(row[i]) for row in [_COLUMNS, *rows]) for i in range(len(_COLUMNS))]
    for row in [_COLUMNS, *rows]:
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
