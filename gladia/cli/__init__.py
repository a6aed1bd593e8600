"""The `gladia` command line (the console script). Its commands need click, from the `emulator` or `cli` extra."""

from __future__ import annotations

import sys
from collections.abc import Sequence

INSTALL_HINT = "the gladia command line needs click: pip install 'gladia[emulator]' (or 'gladia[cli]')\n"


def main(args: Sequence[str] | None = None, prog_name: str = "gladia") -> None:
    """Run the `gladia` click group with `args` (the process's arguments when None)."""
    try:
        from gladia.cli._group import gladia  # noqa: PLC0415  (click is optional)
    except ModuleNotFoundError as exc:
        if exc.name != "click":
            raise
        sys.stderr.write(INSTALL_HINT)
        raise SystemExit(1) from None
    gladia.main(args=list(args) if args is not None else None, prog_name=prog_name)
