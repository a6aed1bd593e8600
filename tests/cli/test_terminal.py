"""Progress bars and the summary table when stderr is a terminal (a real pty), plain lines when it is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gladia.testing import Emulator
from tests._cli import against, command, process_env, run_process, write_wavs

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def run_on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run `gladia ARGS` with stderr on a pseudo-terminal: (exit status, stdout, what the terminal showed)."""
    import pty

    main, secondary = pty.openpty()
    process = subprocess.Popen(
        command(*args),
        cwd=cwd,
        env=process_env(COLUMNS="120", LINES="40", TERM="xterm-256color"),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=secondary,
    )
    os.close(secondary)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # EIO: the process closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    assert process.stdout is not None
    stdout = process.stdout.read().decode()
    process.stdout.close()
    return process.wait(timeout=30), stdout, shown.decode(errors="replace")


@pytest.fixture
def clips(tmp_path: Path, emu: Emulator) -> list[Path]:
    emu.configure(default_transcript="Words.", processing_seconds=0.3)
    return write_wavs(tmp_path / "in", 6)


@pytest.mark.slow
def test_a_terminal_gets_progress_bars_and_a_table(emu: Emulator, clips: list[Path], tmp_path: Path) -> None:
    status, stdout, shown = run_on_a_terminal(["transcribe", "in", "-o", "out", *against(emu)], tmp_path)
    assert status == 0, shown
    assert stdout == ""
    assert "\x1b[" in shown  # drawn, not printed
    assert "Transcribing" in shown
    assert "6/6" in shown
    assert "Output or error" in shown  # the table's header
    assert "6 sources: 6 done" in shown


def test_one_source_keeps_stdout_clean_while_stderr_draws(
    emu: Emulator, clips: list[Path], tmp_path: Path
) -> None:
    status, stdout, shown = run_on_a_terminal(["transcribe", str(clips[0]), *against(emu)], tmp_path)
    assert status == 0, shown
    assert stdout == "Words.\n"
    assert "Transcribing" in shown


@pytest.mark.slow
def test_no_terminal_no_progress(emu: Emulator, clips: list[Path], tmp_path: Path) -> None:
    result = run_process(["transcribe", "in", "-o", "out", *against(emu)], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\x1b[" not in result.stderr
    assert "Transcribing" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 7  # one plain line per source, then the totals
    assert all(line.startswith("done        in") for line in lines[:-1])
