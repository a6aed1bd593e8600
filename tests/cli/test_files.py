"""What `gladia transcribe` writes, and how: never through a planted link, checked before anything is paid for,
and names shown with their control characters escaped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from gladia.cli import _outputs
from gladia.testing import Emulator
from tests._cli import against, distinct_wav, run
from tests.conftest import make_wav

TEXT = "Written safely."


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def wav(tmp_path: Path, emu: Emulator) -> Path:
    path = tmp_path / "hello.wav"
    path.write_bytes(make_wav(1.0, tone=True))
    emu.transcripts.add(path, TEXT)
    return path


def requests(emu: Emulator) -> int:
    return sum(emu.counters.requests.values())


def can_write_into_read_only_folders() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------------------------------------- links


def test_an_output_that_is_a_planted_link_is_replaced_not_written_through(
    emu: Emulator, wav: Path, tmp_path: Path
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "hello.txt").symlink_to(victim)
    result = run(["transcribe", str(wav), "-o", "out/", *against(emu)])
    assert result.exit_code == 0, result.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    output = tmp_path / "out" / "hello.txt"
    assert not output.is_symlink()
    assert output.read_text(encoding="utf-8") == TEXT + "\n"


def test_the_temporary_file_is_created_exclusively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Someone guessed the next temporary name and planted a link there: it is skipped, never opened.
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    names = iter(["guessed", "another"])
    monkeypatch.setattr(_outputs.secrets, "token_hex", lambda n: next(names))
    planted = tmp_path / ".gladia-guessed.part"
    planted.symlink_to(victim)
    _outputs.write_atomic(tmp_path / "result.txt", "the transcript\n")
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert planted.is_symlink()
    assert (tmp_path / "result.txt").read_text(encoding="utf-8") == "the transcript\n"
    assert not (tmp_path / ".gladia-another.part").exists()  # renamed into place
    # Its mode is a new file's (0o666 less the umask), not mkstemp's 0o600.
    umask = os.umask(0)
    os.umask(umask)
    if os.name == "posix":
        assert (tmp_path / "result.txt").stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_state_file_that_is_a_link_is_refused(emu: Emulator, wav: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".gladia-state.jsonl").symlink_to(victim)
    result = run(["transcribe", str(wav), "-o", "out/", *against(emu)])
    assert result.exit_code == 1
    assert "is a symbolic link" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert requests(emu) == 0


# ---------------------------------------------------------------------------------------------- checked first


@pytest.mark.skipif(
    can_write_into_read_only_folders(), reason="running as root, who can write into a read-only folder"
)
def test_an_unwritable_output_folder_is_refused_before_anything_is_sent(
    emu: Emulator, wav: Path, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        result = run(["transcribe", str(wav), "-o", "locked/", "--no-state", *against(emu)])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 2, result.stderr
    assert "locked: cannot write a file in this folder (Permission denied)" in result.stderr
    assert requests(emu) == 0


def test_an_output_folder_under_a_file_is_refused_before_anything_is_sent(
    emu: Emulator, wav: Path, tmp_path: Path
) -> None:
    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    other = tmp_path / "other.wav"
    other.write_bytes(distinct_wav(3))
    result = run(["transcribe", str(wav), str(other), "-o", "notes/out", *against(emu)])
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: 1 output cannot be written; nothing was sent:\n")
    assert requests(emu) == 0


def test_a_name_too_long_for_the_file_system_is_refused_before_anything_is_sent(
    emu: Emulator, tmp_path: Path
) -> None:
    source = tmp_path / ("x" * 251 + ".wav")  # 255 bytes: the longest name most file systems take
    source.write_bytes(make_wav(1.0, tone=True))
    emu.transcripts.add(source, TEXT)
    refused = run(["transcribe", str(source), "-o", "out/", "-f", "json", *against(emu)])
    assert refused.exit_code == 2, refused.stderr
    assert "the name is 256 bytes, and this file system allows 255" in refused.stderr
    assert requests(emu) == 0
    # The same name with a 4-letter extension fits, and the temporary file's name does not depend on it.
    written = run(["transcribe", str(source), "-o", "out/", *against(emu)])
    assert written.exit_code == 0, written.stderr
    assert (tmp_path / "out" / ("x" * 251 + ".txt")).read_text(encoding="utf-8") == TEXT + "\n"


# ---------------------------------------------------------------------------------------------- names shown


CONTROL_NAMES = ["red\x1b[31mX\x07.wav", "line\nbreak.wav", "rtl\u202eva.wav"]


def test_control_characters_in_names_are_escaped(emu: Emulator, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number, name in enumerate(CONTROL_NAMES):
        (folder / name).write_bytes(distinct_wav(number))
    emu.configure(default_transcript="Fine.")
    emu.transcripts.fail(folder / CONTROL_NAMES[0], error_code=500, message="bad \x1b]0;title\x07 audio")
    result = run(["transcribe", "in", "-o", "out", *against(emu)])
    assert result.exit_code == 1
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in result.stderr
    assert "red\\x1b[31mX\\x07.wav" in result.stderr
    assert "line\\nbreak.wav" in result.stderr
    assert "rtl\\u202eva.wav" in result.stderr
    assert "bad \\x1b]0;title\\x07 audio" in result.stderr  # the server's reason too
    assert result.stderr.count("\n") == len(CONTROL_NAMES) + 1  # one line per source, and the totals

    as_json = run(["transcribe", "in", "-o", "out", "--json", *against(emu)])
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in as_json.stdout
    sources = {json.loads(line)["source"] for line in as_json.stdout.splitlines()}
    assert sources == {str(Path("in", name)) for name in CONTROL_NAMES}  # what scripts read back is exact


def test_an_error_naming_a_file_escapes_it(emu: Emulator) -> None:
    result = run(["transcribe", "gone\x1bc.wav", *against(emu)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "gone\\x1bc.wav: no such file" in result.stderr
