"""The documentation site holds: the guides' code runs (each page's Python blocks in order, in one namespace,
against the emulator, as a reader would paste them), and the API reference covers every public name."""

from __future__ import annotations

import inspect
import re
import shutil
from pathlib import Path

import pytest

import gladia
import gladia.errors
from gladia.testing import Emulator, EmulatorConfig
from tests._reference import ROOT

GUIDES = ROOT / "docs" / "guides"
# Pages whose every ```python block runs here. The others (CLI, migration) show shell commands or code of
# another SDK, or fragments of a web server.
RUN = ("quickstart", "options", "errors", "emulator", "webhooks", "live")
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)
SAMPLE = ROOT / "samples" / "meeting.wav"


def blocks(page: str) -> list[str]:
    return BLOCK.findall((GUIDES / f"{page}.md").read_text(encoding="utf-8"))


def test_the_guides_have_code_to_run() -> None:
    for page in RUN:
        assert blocks(page), page


def test_every_python_block_is_recognised() -> None:
    # A block fenced differently (```py, ```python3, indented fences) would silently escape this test.
    for page in RUN:
        text = (GUIDES / f"{page}.md").read_text(encoding="utf-8")
        fences = re.findall(r"^\s*```(\S*)", text, re.MULTILINE)
        assert {f for f in fences if f.startswith("py")} <= {"python"}, page


@pytest.mark.real_time  # the guides run as a user runs them: the emulator takes real time to finish a job
@pytest.mark.slow
@pytest.mark.parametrize("page", RUN)
def test_guide_runs_against_the_emulator(
    page: str,
    emu: Emulator,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    audio = tmp_path / "meeting.wav"
    shutil.copyfile(SAMPLE, audio)
    said = SAMPLE.with_suffix(".txt").read_text(encoding="utf-8").strip()
    emu.transcripts.add(audio, said)
    emu.live.say(said, duration=12)  # what the live guide's sessions hear, as meeting.wav (12.3 s) says it
    monkeypatch.chdir(tmp_path)
    # The guides name no server: the environment points them at the emulator, as a reader's would.
    monkeypatch.setenv("GLADIA_API_URL", emu.url)
    monkeypatch.setenv("GLADIA_API_KEY", emu.api_key)
    namespace: dict[str, object] = {"__name__": "guide"}
    for index, block in enumerate(blocks(page)):
        code = block.replace("YOUR_GLADIA_API_KEY", emu.api_key)
        exec(compile(code, f"docs/guides/{page}.md block {index + 1}", "exec"), namespace)
    # A page may define pytest tests (the emulator guide does): run them as pytest would, with a fresh
    # emulator for the plugin's fixture and the page's own `gladia_emulator_config` when it has one.
    for name, test in list(namespace.items()):
        if name.startswith("test_") and callable(test):
            make_config = namespace.get("gladia_emulator_config")
            config = make_config.__wrapped__() if make_config is not None else EmulatorConfig()
            with Emulator(config) as fresh, pytest.MonkeyPatch.context() as patch:
                fixtures = {"gladia_emulator": fresh, "monkeypatch": patch, "tmp_path": tmp_path}
                test(**{arg: fixtures[arg] for arg in inspect.signature(test).parameters})
    printed = capsys.readouterr()
    assert "Traceback" not in printed.err
    if page == "live":  # what its readers are told they will see
        first = said.split(".")[0]
        assert printed.out.count(first) >= 3, printed.out  # iterated, subscribed, async
        assert "speech at" in printed.out and "<- ValueError('a bug in my callback')" in printed.out
        assert "over max_unread_bytes (2000)" in printed.out
    print(printed.out)  # shown by `pytest -rP`


def test_the_reference_covers_every_public_name() -> None:
    # mkdocstrings renders a whole module from one `::: module` line; names of `gladia` itself are listed
    # one by one (docs/reference/clients.md), except the errors, which are rendered with gladia.errors.
    directives = set(
        re.findall(
            r"^::: (\S+)$",
            "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs" / "reference").glob("*.md")),
            re.M,
        )
    )
    for module in ("gladia.errors", "gladia.webhooks", "gladia.subtitles", "gladia.testing"):
        assert module in directives, f"add `::: {module}` to a page of docs/reference"
    missing = [
        name
        for name in gladia.__all__
        if name != "__version__" and name not in gladia.errors.__all__ and f"gladia.{name}" not in directives
    ]
    assert not missing, f"add `::: gladia.<name>` to docs/reference/clients.md (or a new page) for {missing}"
