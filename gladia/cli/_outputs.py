"""Where each source's result goes (stdout, one file, or one file per source in a directory), and writing it.

In a directory each source gets `<stem><ext>`; when stems collide, the first source (in the order the
sources were named) keeps the plain name and the next ones get `<stem>-2`, `<stem>-3`, ... so the same
command always writes the same files. Files are written whole or not at all (a temporary file, renamed).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from gladia.cli._errors import usage_error
from gladia.cli._render import EXTENSIONS
from gladia.cli._sources import Source

STDOUT = "-"


@attrs.frozen
class OutputPlan:
    """The output file of each source (None: its result goes to stdout) and the folder they go to."""

    targets: dict[Source, Path | None]
    directory: Path

    @property
    def to_stdout(self) -> bool:
        return any(target is None for target in self.targets.values())


def plan_outputs(sources: Sequence[Source], output: str | None, fmt: str, *, json_lines: bool) -> OutputPlan:
    """Decide every output path before anything is sent.

    Raises:
        CliError: (exit 2) several sources without a directory to write to, or `-o` naming a file for them.
    """
    if output is None or output == STDOUT:
        if len(sources) > 1 and not json_lines:
            raise usage_error(
                f"{len(sources)} sources: pass -o DIR to write one file per source (or --json to get "
                "every result on stdout)"
            )
        return OutputPlan({source: None for source in sources}, Path.cwd())
    path = Path(output)
    as_directory = len(sources) > 1 or path.is_dir() or output.endswith(("/", os.sep))
    if not as_directory:
        return OutputPlan({sources[0]: path}, path.parent)
    if path.exists() and not path.is_dir():
        raise usage_error(f"-o {output}: several sources need a directory, and this is a file")
    return OutputPlan(dict(zip(sources, _names(sources, path, EXTENSIONS[fmt]), strict=True)), path)


def _names(sources: Sequence[Source], directory: Path, extension: str) -> list[Path]:
    taken: set[str] = set()
    names = []
    for source in sources:
        name, number = f"{source.stem}{extension}", 1
        # casefold: on macOS and Windows `A.txt` and `a.txt` are the same file.
        while name.casefold() in taken:
            number += 1
            name = f"{source.stem}-{number}{extension}"
        taken.add(name.casefold())
        names.append(directory / name)
    return names


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file beside it, so `path` never holds half a result."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        partial.write_text(text, encoding="utf-8", newline="")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
