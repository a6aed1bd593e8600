"""The virtual environments the contenders run in, made with uv under bench/.work/ and reused while current.

- `official`: the official SDK from PyPI (`gladiaio-sdk`), never a dependency of this project.
- `gladia`: this checkout installed as a user's `pip install 'gladia[live]'` would (the core and websockets,
  which `import gladia` never loads), so extras of the development environment (rich and click make
  `import httpx` slower) distort nothing. Reinstalled when
  the package's sources change.

Both use the runner's own interpreter, so every contender runs on the same Python.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# uv from PATH, else the one scripts/uv installs for machines without it (the README's commands work there too).
UV = shutil.which("uv") or str(ROOT / "scripts" / "uv")
WORK = ROOT / "bench" / ".work"
OFFICIAL_PACKAGE = "gladiaio-sdk"
OFFICIAL_SERIES = "2.2."  # the release line measured; a newer line is a deliberate change here
OFFICIAL_REQUIREMENT = "gladiaio-sdk>=2.2,<2.3"
_FINGERPRINT_FILE = ".bench-gladia-fingerprint"
_VERSIONS = """
import importlib.metadata as m, json, sys
found = {}
for name in sys.argv[1:]:
    try:
        found[name] = m.version(name)
    except m.PackageNotFoundError:
        pass
found["python"] = "%d.%d.%d" % sys.version_info[:3]
print(json.dumps(found))
"""


@dataclass(frozen=True)
class Env:
    name: str
    python: Path
    versions: dict[str, str]


_NOT_PASSED = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE", "GLADIA_LOG")


def clean_environ() -> dict[str, str]:
    """The environment for a contender: nothing of the runner's virtual environment leaks into it, and
    Python keeps its bytecode caches (as after any `pip install`), whatever this shell says."""
    return {k: v for k, v in os.environ.items() if k not in _NOT_PASSED}


def official(*, refresh: bool = False) -> Env:
    venv = WORK / "venv-official"
    names = (OFFICIAL_PACKAGE, "httpx", "dataclasses-json")
    versions = None if refresh else _versions(venv, names)
    if versions is None or not versions.get(OFFICIAL_PACKAGE, "").startswith(OFFICIAL_SERIES):
        _create(venv)
        _uv("pip", "install", "--quiet", "--python", str(_python(venv)), OFFICIAL_REQUIREMENT)
        versions = _versions(venv, names)
        if versions is None or OFFICIAL_PACKAGE not in versions:
            raise RuntimeError(f"{OFFICIAL_PACKAGE} did not install in {venv}")
    _compile(venv)
    return Env("official", _python(venv), versions)


def gladia(*, refresh: bool = False) -> Env:
    venv = WORK / "venv-gladia"
    names = ("gladia", "httpx", "attrs")
    fingerprint = _fingerprint()
    marker = venv / _FINGERPRINT_FILE
    versions = None if refresh else _versions(venv, names)
    current = marker.is_file() and marker.read_text() == fingerprint
    if versions is None or "gladia" not in versions or not current:
        if versions is None:
            _create(venv)
        # As `pip install 'gladia[live]'` (the core plus websockets, which `import gladia` never loads);
        # reinstalled because the sources changed.
        _uv(
            "pip",
            "install",
            "--quiet",
            "--python",
            str(_python(venv)),
            "--reinstall-package",
            "gladia",
            f"{ROOT}[live]",
        )
        marker.write_text(fingerprint)
        versions = _versions(venv, names)
        if versions is None or "gladia" not in versions:
            raise RuntimeError(f"gladia did not install in {venv}")
    _compile(venv)
    return Env("gladia", _python(venv), versions)


def _compile(venv: Path) -> None:
    """Write the bytecode caches of everything installed, as pip does when it installs (uv does not)."""
    python = _python(venv)
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        env=clean_environ(),
    ).stdout.strip()
    subprocess.run(
        [str(python), "-m", "compileall", "-q", "-j", "0", site],
        check=True,
        stdout=subprocess.DEVNULL,
        env=clean_environ(),
    )


def _python(venv: Path) -> Path:
    return venv / "bin" / "python"


def _create(venv: Path) -> None:
    print(f"  creating {venv.relative_to(ROOT)} (uv venv)", flush=True)
    if venv.exists():
        shutil.rmtree(venv)
    _uv("venv", "--quiet", "--python", sys.executable, str(venv))


def _uv(*args: str) -> None:
    subprocess.run([UV, *args], check=True, env=clean_environ())


def _versions(venv: Path, names: tuple[str, ...]) -> dict[str, str] | None:
    """Versions of `names` (and of Python) in the venv; None when it is missing or on another Python."""
    python = _python(venv)
    if not python.exists():
        return None
    done = subprocess.run(
        [str(python), "-c", _VERSIONS, *names],
        check=False,
        capture_output=True,
        text=True,
        env=clean_environ(),
    )
    if done.returncode != 0:
        return None
    versions: dict[str, str] = json.loads(done.stdout)
    if versions["python"] != "{}.{}.{}".format(*sys.version_info[:3]):
        return None
    return versions


def _fingerprint() -> str:
    """A hash of everything `pip install gladia` takes from this checkout."""
    digest = hashlib.sha256()
    files = [ROOT / "pyproject.toml"]
    for package in (ROOT / "gladia", ROOT / "generated" / "gladia_api"):
        files += sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def curl_version() -> str:
    done = subprocess.run(["curl", "--version"], capture_output=True, text=True, check=True)
    return done.stdout.split()[1]


def checkout() -> str:
    """The commit measured, and whether the package's sources differ from it."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}  # read-only: never refresh the index
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--", "gladia", "generated", "pyproject.toml"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"{head}, with uncommitted changes to the package" if changed else head
