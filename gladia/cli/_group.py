"""The `gladia` click group; each command lives in its own module and is added here."""

from __future__ import annotations

import click

from gladia._version import __version__
from gladia.cli._emulator import emulator


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gladia")
def gladia() -> None:
    """Gladia speech-to-text from the command line."""


gladia.add_command(emulator)
