"""Build the release files and try them as a user gets them, so a packaging slip cannot land.

    uv run --group release python scripts/check_release.py                 # every Python 3.10-3.13 found
    uv run --group release python scripts/check_release.py --python 3.11   # one (repeatable)
    uv run --group release python scripts/check_release.py --dist DIR      # keep the built files in DIR
    uv run --group release python scripts/check_release.py --built DIR     # test files built before (CI's release)

1. `uv build`: the sdist, then the wheel built from that sdist (so the sdist is complete, too).
2. The metadata: `twine check --strict` (the README renders as the registry renders it), and this script's own
   checks of the wheel's METADATA: the version is gladia/_version.py's, the licence is MIT with its text, the
   summary and the README say "pre-recorded and live", the URLs are absolute https, Requires-Python, and a
   `Programming Language :: Python :: 3.X` classifier for every Python tried here (and none it could try and
   did not); the wheel holds gladia, gladia_api and py.typed, and no tests.
3. For each Python: a new virtual environment in a temporary folder outside the checkout, with only the
   built wheel installed (`gladia[local]`, its dependencies at the versions uv.lock pins), then, from that
   folder: `gladia --version`; an import of every public name (`gladia.__all__`, `gladia.errors`,
   `gladia.types`, `gladia.webhooks`, `gladia.testing`), from the venv, never the checkout; and the offline
   quickstart, `gladia transcribe --local meeting.wav`, whose transcript must match samples/meeting.txt.

Exits 1 when anything fails, saying what; prints what it checked otherwise. Needs uv and network access to
the package registry (or uv's cache) for the dependencies.
"""

from __future__ import annotations

import argparse
import email.parser
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# uv from PATH, else the one scripts/uv installs for machines without it (the README's commands work there too).
UV = shutil.which("uv") or str(ROOT / "scripts" / "uv")
PYTHONS = ("3.10", "3.11", "3.12", "3.13")
# What the quickstart's transcript may differ by (tiny.en hears "ten percent" as "10%"): see tests/_whisper.py.
MAX_WER = 0.12
WHEEL_MUST_HOLD = (
    "gladia/__init__.py",
    "gladia/py.typed",
    "gladia/cli/__init__.py",
    "gladia_api/__init__.py",
)
SDIST_MUST_HOLD = ("README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml", "samples/meeting.wav")
PUBLIC_MODULES = ("gladia", "gladia.errors", "gladia.types", "gladia.webhooks", "gladia.testing")

IMPORT_EVERY_NAME = """
import importlib, os, sys
count = 0
for name in sys.argv[2:]:
    module = importlib.import_module(name)
    if not os.path.realpath(module.__file__).startswith(os.path.realpath(sys.argv[1])):
        sys.exit(f"{name} was imported from {module.__file__}, not from the venv")
    for public in module.__all__:
        getattr(module, public)
        count += 1
print(count)
"""
WORD_ERRORS = """
import sys
from pathlib import Path
from gladia.testing.wer import word_error_rate
print(word_error_rate(Path(sys.argv[1]).read_text(encoding="utf-8"), sys.stdin.read()))
"""


class Failed(Exception):
    """A check failed; the message says which and why."""


def run(args: list[str], *, cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> str:
    """Run a command; its stdout, or Failed with its output."""
    done = subprocess.run(
        args, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, check=False, timeout=900
    )
    if done.returncode != 0:
        raise Failed(
            f"`{' '.join(args)}` exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-4000:]}"
        )
    return done.stdout


def version() -> str:
    found = re.search(
        r'__version__ = "([^"]+)"', (ROOT / "gladia" / "_version.py").read_text(encoding="utf-8")
    )
    if found is None:
        raise Failed("gladia/_version.py has no __version__")
    return found.group(1)


def find_python(minor: str) -> str | None:
    """An interpreter for Python `minor` ("3.12"): this one, pyenv's, else one on PATH (as .ci/run finds 3.10)."""
    if f"{sys.version_info.major}.{sys.version_info.minor}" == minor:
        return sys.executable
    pyenv = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    for candidate in sorted(glob.glob(f"{pyenv}/versions/{minor}.*/bin/python{minor}"), reverse=True):
        if subprocess.run([candidate, "-c", "pass"], check=False).returncode == 0:
            return candidate
    found = shutil.which(f"python{minor}")
    if found and subprocess.run([found, "-c", "pass"], check=False, capture_output=True).returncode == 0:
        return found
    return None


def build(dist: Path, expected: str, *, built: bool) -> tuple[Path, Path]:
    """`uv build` into `dist` (the sdist and the wheel built from it), unless `built`; the two files."""
    if not built:
        run([UV, "build", "--out-dir", str(dist), "--quiet"], cwd=ROOT)
    wheels, sdists = sorted(dist.glob("*.whl")), sorted(dist.glob("*.tar.gz"))
    if [w.name for w in wheels] != [f"gladia-{expected}-py3-none-any.whl"] or [s.name for s in sdists] != [
        f"gladia-{expected}.tar.gz"
    ]:
        raise Failed(
            f"expected one wheel and one sdist of gladia {expected} in {dist}, got {os.listdir(dist)}"
        )
    return wheels[0], sdists[0]


def check_metadata(
    wheel: Path, sdist: Path, expected: str, tried: list[str], untried: list[str]
) -> list[str]:
    """twine check, then this script's own checks; a line per check passed."""
    out = run([sys.executable, "-m", "twine", "check", "--strict", str(wheel), str(sdist)], cwd=ROOT)
    passed = [f"twine check --strict: {out.count('PASSED')} files PASSED (the README renders)"]
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        meta = email.parser.Parser().parsestr(archive.read(f"gladia-{expected}.dist-info/METADATA").decode())
    problems = []
    if meta["Version"] != expected:
        problems.append(f"Version is {meta['Version']}, not gladia/_version.py's {expected}")
    if meta["License-Expression"] != "MIT" or "LICENSE" not in (meta.get_all("License-File") or []):
        problems.append("the licence must be License-Expression: MIT with License-File: LICENSE")
    if f"gladia-{expected}.dist-info/licenses/LICENSE" not in names:
        problems.append("the wheel does not carry the LICENSE text")
    if meta["Requires-Python"] != ">=3.10":
        problems.append(f"Requires-Python is {meta['Requires-Python']!r}, not '>=3.10'")
    if "pre-recorded and live" not in (meta["Summary"] or ""):
        problems.append("the summary does not say 'pre-recorded and live'")
    description = meta.get_payload()
    if meta["Description-Content-Type"] != "text/markdown" or "pre-recorded and live" not in description:
        problems.append("the description is not the README (markdown, saying 'pre-recorded and live')")
    urls = meta.get_all("Project-URL") or []
    if not urls or not all(url.partition(", ")[2].startswith("https://") for url in urls):
        problems.append(f"Project-URL must be absolute https URLs, got {urls}")
    classifiers = set(meta.get_all("Classifier") or [])
    for minor in tried:
        if f"Programming Language :: Python :: {minor}" not in classifiers:
            problems.append(f"tried on Python {minor}, but no classifier says so")
    for minor in PYTHONS:
        if f"Programming Language :: Python :: {minor}" in classifiers and minor not in tried + untried:
            problems.append(f"a classifier lists Python {minor}, which this run could try and did not")
    for line in classifiers:
        listed = line.removeprefix("Programming Language :: Python :: ")
        if re.fullmatch(r"3\.\d+", listed) and listed not in PYTHONS:
            problems.append(f"a classifier lists Python {listed}, which this check does not know to try")
    problems += [f"the wheel lacks {name}" for name in WHEEL_MUST_HOLD if name not in names]
    if any(name.startswith("tests/") for name in names):
        problems.append("the wheel holds tests/")
    with tarfile.open(sdist) as archive:
        held = {name.partition("/")[2] for name in archive.getnames()}
    problems += [f"the sdist lacks {name}" for name in SDIST_MUST_HOLD if name not in held]
    if problems:
        raise Failed("metadata:\n  - " + "\n  - ".join(problems))
    passed.append(
        f"metadata: version {expected}, MIT with its text, Requires-Python >=3.10, {len(urls)} URL(s), "
        f"classifiers for Python {', '.join(tried)}; wheel and sdist contents"
    )
    return passed


def constraints(folder: Path) -> Path:
    """The versions uv.lock pins, as pip constraints: the wheel's dependencies install as CI tests them."""
    path = folder / "constraints.txt"
    text = run(
        [
            UV,
            "export",
            "--frozen",
            "--no-hashes",
            "--no-emit-project",
            "--all-extras",
            "--no-dev",
            "--quiet",
        ],
        cwd=ROOT,
    )
    path.write_text(text, encoding="utf-8")
    return path


def try_on(python: str, minor: str, wheel: Path, pins: Path, folder: Path, expected: str) -> str:
    """The wheel in a new venv on `python`, used from `folder` (outside the checkout); a line of what worked."""
    venv = folder / f"venv-{minor}"
    started = time.monotonic()
    run([UV, "venv", "--quiet", "--python", python, str(venv)], cwd=folder)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    interpreter = str(bin_dir / "python")
    run(
        [UV, "pip", "install", "--quiet", "--python", interpreter, "-c", str(pins), f"{wheel}[local]"],
        cwd=folder,
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GLADIA_", "VIRTUAL_ENV", "PYTHONPATH"))}
    said = run([str(bin_dir / "gladia"), "--version"], cwd=folder, env=env).strip()
    if said != f"gladia, version {expected}":
        raise Failed(f"Python {minor}: `gladia --version` printed {said!r}")
    names = run(
        [interpreter, "-c", IMPORT_EVERY_NAME, str(venv), *PUBLIC_MODULES], cwd=folder, env=env
    ).strip()
    shutil.copyfile(ROOT / "samples" / "meeting.wav", folder / "meeting.wav")
    transcript = run([str(bin_dir / "gladia"), "transcribe", "--local", "meeting.wav"], cwd=folder, env=env)
    rate = float(
        run(
            [interpreter, "-c", WORD_ERRORS, str(ROOT / "samples" / "meeting.txt")],
            cwd=folder,
            env=env,
            stdin=transcript,
        )
    )
    if rate > MAX_WER:
        raise Failed(
            f"Python {minor}: the quickstart's transcript is off ({rate:.0%} of words wrong):\n{transcript}"
        )
    return (
        f"Python {minor}: gladia --version, {names} public names imported from the venv, the offline "
        f"quickstart ({rate:.0%} words wrong) in {time.monotonic() - started:.0f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", choices=PYTHONS, help="a Python to try (repeatable)")
    parser.add_argument(
        "--dist", type=Path, help="build into this folder and keep it (default: a temporary one)"
    )
    parser.add_argument(
        "--built", type=Path, help="test the wheel and sdist already in this folder; build nothing"
    )
    args = parser.parse_args()
    expected = version()
    wanted = args.python or list(PYTHONS)
    found = {minor: find_python(minor) for minor in wanted}
    missing = [minor for minor, python in found.items() if python is None]
    tried = [minor for minor, python in found.items() if python is not None]
    # A classifier may list a Python not tried for want of an interpreter, or left out with --python.
    untried = [minor for minor in PYTHONS if minor not in tried] if args.python else missing
    if not tried:
        print(f"no Python among {', '.join(wanted)} found here", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="gladia-release-") as scratch:
        folder = Path(scratch)
        if folder.resolve().is_relative_to(ROOT):
            print(
                f"the temporary folder {folder} is inside the checkout; set TMPDIR elsewhere", file=sys.stderr
            )
            return 1
        dist = (args.built or args.dist or folder / "dist").resolve()
        try:
            wheel, sdist = build(dist, expected, built=args.built is not None)
            lines = [f"{'found' if args.built else 'built'} {wheel.name} and {sdist.name}"]
            lines += check_metadata(wheel, sdist, expected, tried, untried)
            pins = constraints(folder)
            for minor in tried:
                lines.append(try_on(str(found[minor]), minor, wheel, pins, folder, expected))
        except Failed as failure:
            print(f"release check FAILED: {failure}", file=sys.stderr)
            return 1
    for line in lines:
        print(f"ok  {line}")
    for minor in missing:
        print(f"--  Python {minor}: not tried, no interpreter found here")
    return 0


if __name__ == "__main__":
    sys.exit(main())
