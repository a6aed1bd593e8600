"""Set-up and test plumbing: `scripts/uv` brings uv where it is missing without touching the system Python
(which PEP 668 may forbid), and the signal tests know when SIGINT cannot reach a child."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# The outcome does not depend on the Python version running it; seconds of work (started first).
pytestmark = [pytest.mark.once, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
PROBE = "from tests._signals import sigint_ignored; print(sigint_ignored())"


def test_scripts_uv_installs_uv_once_into_its_own_environment(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    # No uv on this PATH (the system directories hold none here; if they did, it would simply be used).
    path = os.pathsep.join([str(bin_dir), "/usr/bin", "/bin"])
    env = {**os.environ, "PATH": path, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("VIRTUAL_ENV", None)
    done = subprocess.run(
        [str(ROOT / "scripts" / "uv"), "--version"],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 and any(
        word in done.stderr.lower() for word in ("connection", "network", "certificate", "resolve")
    ):
        pytest.skip(f"the package registry is unreachable: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("uv ")
    installed = tmp_path / "cache" / "gladia" / "uv" / "bin" / "uv"
    if "installing uv" in done.stderr:
        assert installed.is_file()
        again = subprocess.run(
            [str(ROOT / "scripts" / "uv"), "--version"], check=False, env=env, capture_output=True, text=True
        )
        assert again.returncode == 0
        assert "installing uv" not in again.stderr  # once


def test_an_ignored_sigint_is_seen_in_the_child() -> None:
    def ignore() -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)

    ignored = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, preexec_fn=ignore, capture_output=True, text=True, check=True
    )
    assert ignored.stdout.strip() == "True"
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:

        def default() -> None:
            signal.signal(signal.SIGINT, signal.SIG_DFL)

        taken = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            preexec_fn=default,
            capture_output=True,
            text=True,
            check=True,
        )
        assert taken.stdout.strip() == "False"
