"""Gladia's documented snippets (quoted in DEVELOPERS.md) run unchanged but for the import, sync and async."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._reference import ROOT
from tests.conftest import Receiver, make_wav

TEXT = "Gladia and Solaria transcribe this call for Salesforce."
SNIPPET = re.compile(r"```python gladia-docs\n(.*?)```", re.DOTALL)


def snippets() -> list[str]:
    return SNIPPET.findall((ROOT / "DEVELOPERS.md").read_text(encoding="utf-8"))


def test_developers_md_quotes_the_documented_snippets() -> None:
    found = snippets()
    assert len(found) == 4
    joined = "\n".join(found)
    for call in (
        ".transcribe(",
        ".upload_file(",
        ".create(",
        ".poll(",
        ".create_and_poll(",
        ".prerecorded_async()",
    ):
        assert call in joined, call
    assert all(s.count("from gladia import GladiaClient") == 1 for s in found)


@pytest.mark.parametrize(
    "index", range(4), ids=["transcribe", "upload-create-poll", "create-and-poll", "async"]
)
def test_snippet_runs_against_the_emulator(
    index: int,
    emu: Emulator,
    receiver: Receiver,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    audio = tmp_path / "call.wav"
    audio.write_bytes(make_wav(3.0, tone=True))
    emu.transcripts.add(audio, TEXT)
    url = receiver.serve("/call.wav", make_wav(2.5, tone=True))
    emu.transcripts.add(url, TEXT)
    # The snippets name no server: the environment points them at the emulator, as a user would.
    monkeypatch.setenv("GLADIA_API_URL", emu.url)
    code = (
        snippets()[index]
        .replace("YOUR_GLADIA_API_KEY", emu.api_key)
        .replace("YOUR_AUDIO_URL_OR_LOCAL_PATH", str(audio))
        .replace("YOUR_LOCAL_PATH", str(audio))
        .replace("YOUR_AUDIO_URL", url)
        .replace('"https://..."', repr(receiver.url + "/gladia-callback"))
    )
    namespace: dict[str, object] = {"__name__": "snippet"}
    exec(compile(code, f"DEVELOPERS.md snippet {index}", "exec"), namespace)
    printed = capsys.readouterr().out
    assert TEXT in printed
    job = namespace.get("transcription") or namespace.get("result")
    if job is not None:
        assert job.status == "done"  # type: ignore[attr-defined]
    if index == 2:
        (callback,) = receiver.wait(1)
        assert callback.method == "POST" and callback.path == "/gladia-callback"
        assert b"transcription.success" in callback.body
