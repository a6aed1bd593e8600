"""The typed surface holds: the docs' code type-checks clean, and options with typos do not.

Runs mypy (strict, as configured in pyproject.toml) and pyright (strict, `[tool.pyright]`) on the snippets in
tests/typing: every one but rejected.py must have no error in either checker, and in rejected.py exactly the lines
marked `# rejected` must be errors in both.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TYPING = ROOT / "tests" / "typing"
REJECTED = TYPING / "rejected.py"
#: The typed snippets: every module here but this test and the package's __init__.
SNIPPETS = sorted(str(p) for p in TYPING.glob("*.py") if not p.name.startswith(("test_", "__")))

pytestmark = [pytest.mark.once, pytest.mark.slow, pytest.mark.timeout(600)]


def marked_lines() -> set[int]:
    lines = REJECTED.read_text(encoding="utf-8").splitlines()
    return {number for number, line in enumerate(lines, 1) if line.rstrip().endswith("# rejected")}


def errors_by_file(found: list[tuple[str, int, str]]) -> dict[str, dict[int, list[str]]]:
    files: dict[str, dict[int, list[str]]] = {}
    for path, line, message in found:
        files.setdefault(Path(path).name, {}).setdefault(line, []).append(message)
    return files


def mypy_errors() -> list[tuple[str, int, str]]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--show-absolute-path", *SNIPPETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    found = []
    for line in proc.stdout.splitlines():
        match = re.match(r"(.+?):(\d+): error: (.*)", line)
        if match:
            found.append((match[1], int(match[2]), match[3]))
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    assert proc.returncode == (1 if found else 0), proc.stdout + proc.stderr
    return found


def pyright_errors() -> list[tuple[str, int, str]]:
    proc = subprocess.run(
        [sys.executable, "-m", "pyright", "--outputjson", *SNIPPETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"pyright did not run:\n{proc.stdout}\n{proc.stderr}")
    assert report["summary"]["filesAnalyzed"] >= 4, report["summary"]
    return [
        (d["file"], d["range"]["start"]["line"] + 1, d["message"])
        for d in report["generalDiagnostics"]
        if d["severity"] == "error"
    ]


@pytest.mark.parametrize("checker", [mypy_errors, pyright_errors], ids=["mypy", "pyright"])
def test_docs_code_is_clean_and_typos_are_errors(checker: object) -> None:
    files = errors_by_file(checker())  # type: ignore[operator]
    clean = {name: errors for name, errors in files.items() if name != REJECTED.name}
    assert clean == {}, f"the docs' code must type-check clean: {clean}"
    rejected = files.get(REJECTED.name, {})
    missed = sorted(marked_lines() - set(rejected))
    assert not missed, f"rejected.py lines the checker accepted: {missed}"
    unexpected = {line: rejected[line] for line in sorted(set(rejected) - marked_lines())}
    assert not unexpected, f"errors on lines not marked `# rejected`: {unexpected}"


def test_the_typed_files_hold_every_docs_snippet() -> None:
    # Each `gladia-docs` block of DEVELOPERS.md, line by line (indentation and imports aside), is in docs_*.py.
    from tests.project.test_docs_snippets import snippets

    def lines(text: str) -> list[str]:
        stripped = (line.strip() for line in text.splitlines())
        return [line for line in stripped if line and not line.startswith(("from ", "import "))]

    typed = [lines((TYPING / name).read_text(encoding="utf-8")) for name in ("docs_sync.py", "docs_async.py")]
    blocks = snippets()
    assert len(blocks) >= 4
    for block in blocks:
        wanted = lines(block)
        assert any(
            wanted == have[start : start + len(wanted)] for have in typed for start in range(len(have))
        ), f"not in tests/typing/docs_*.py:\n{block}"


def test_the_types_module_is_light_and_its_views_are_the_models() -> None:
    code = (
        "import sys\n"
        "from gladia.types import TranscriptionOptions, TranscribeOptions\n"
        "assert not [m for m in sys.modules if m.startswith('gladia_api.models.')]\n"
        "from gladia.types import DoneJob, DoneResult\n"
        "from gladia_api.models import PreRecordedResponse, TranscriptionResultDTO\n"
        "assert DoneJob is PreRecordedResponse and DoneResult is TranscriptionResultDTO\n"
        "assert TranscriptionOptions.__required_keys__ == {'audio_url'}\n"
        "assert 'audio_url' not in TranscribeOptions.__annotations__\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
