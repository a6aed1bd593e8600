"""The `gladia` click group; each command lives in its own module and is added here.

Every failure inside any command passes through one error boundary (`gladia.cli._errors`): one line on
stderr and an exit code, with the traceback only under `--debug`.
"""

from __future__ import annotations

from typing import Any

import click

from gladia._version import __version__
from gladia.cli._errors import debug_option, error_boundary
from gladia.cli._jobs import jobs
from gladia.cli._live import live
from gladia.cli._transcribe import transcribe
from gladia.testing._command import emulator


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        with error_boundary(ctx):
            return super().invoke(ctx)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gladia")
@debug_option
def gladia() -> None:
    """Gladia speech-to-text from the command line.

    Set GLADIA_API_KEY to use Gladia; without it, `gladia transcribe` runs offline with a local engine.
    """


gladia.add_command(transcribe)
gladia.add_command(jobs)
gladia.add_command(live)
gladia.add_command(emulator)
