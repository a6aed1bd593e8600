#!/usr/bin/env python3
"""Compile openapi/gladia.yaml into generated/gladia_api, check it is current, or compare with upstream.

    python scripts/regenerate.py                      write generated/gladia_api from the spec
    python scripts/regenerate.py --check              exit 1 (with a summary) if generated/ is stale
    python scripts/regenerate.py --compare UPSTREAM   structural drift report against Gladia's document
    python scripts/regenerate.py --compare SDK        ... against an installed gladiaio-sdk's generated types
                                                      (repeat --compare to check both sources in one run)

The generator (openapi-python-client) is pinned in pyproject.toml, reads openapi/generator.yaml and our
templates in openapi/templates, and writes into a scratch directory; ruff then tidies the output with
openapi/ruff-generated.toml. Only then is the result copied over generated/gladia_api (or compared with
it), so the same spec always gives byte-identical files, wherever the checkout lives.
"""

from __future__ import annotations

import argparse
import difflib
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi" / "gladia.yaml"
CONFIG = ROOT / "openapi" / "generator.yaml"
TEMPLATES = ROOT / "openapi" / "templates"
RUFF_CONFIG = ROOT / "openapi" / "ruff-generated.toml"
DEVIATIONS = ROOT / "openapi" / "DEVIATIONS.md"
PACKAGE = "gladia_api"
TARGET = ROOT / "generated" / PACKAGE

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _sdk_types  # noqa: E402
from _spec_compare import Report, compare, load_deviations, load_document  # noqa: E402
from _typing_gen import check_lazy, narrowed_module, params_module  # noqa: E402


def _run(cmd: list[str], cwd: Path | None = None) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False)
    output = proc.stdout + proc.stderr
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}\n{output}")
    return output


def build(into: Path) -> Path:
    """Generate the package into `into`/gladia_api and return that path."""
    out = into / PACKAGE
    log = _run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(SPEC),
            "--config",
            str(CONFIG),
            "--custom-template-path",
            str(TEMPLATES),
            "--meta",
            "none",
            "--output-path",
            str(out),
            "--overwrite",
        ]
    )
    # A warning means part of the spec was silently dropped (that is how Gladia's own document loses
    # InitTranscriptionRequest), so any warning fails the build.
    if "encountered while generating" in log:
        raise SystemExit(f"openapi-python-client reported problems; nothing was written:\n{log}")
    # The static types the generator cannot write: TypedDicts of the request bodies, narrowed views.
    document = load_document(str(SPEC))
    check_lazy(document)
    (out / "params.py").write_text(params_module(document), encoding="utf-8")
    (out / "narrowed.py").write_text(narrowed_module(document), encoding="utf-8")
    ruff = [sys.executable, "-m", "ruff"]
    _run([*ruff, "check", "--quiet", "--fix-only", "--config", str(RUFF_CONFIG), str(out)])
    _run([*ruff, "format", "--quiet", "--config", str(RUFF_CONFIG), str(out)])
    (out / "py.typed").write_text("")
    # The spec travels with the package: the SDK validates options against it before any request, and
    # the emulator validates request bodies with the same rules.
    (out / "openapi.json").write_text(
        json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return out


def _tree(path: Path) -> dict[str, Path]:
    return {
        str(p.relative_to(path)): p
        for p in sorted(path.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def check(fresh: Path) -> int:
    """Print how generated/ differs from a fresh build; return the exit status."""
    want, have = _tree(fresh), _tree(TARGET) if TARGET.exists() else {}
    missing = sorted(set(want) - set(have))
    extra = sorted(set(have) - set(want))
    changed = sorted(n for n in set(want) & set(have) if not filecmp.cmp(want[n], have[n], shallow=False))
    if not (missing or extra or changed):
        print(f"generated/{PACKAGE} is up to date with openapi/gladia.yaml ({len(want)} files).")
        return 0
    print(f"generated/{PACKAGE} does not match openapi/gladia.yaml:")
    for label, names in (("missing", missing), ("unexpected", extra), ("changed", changed)):
        for name in names:
            print(f"  {label:<10} {name}")
    for name in changed[:3]:
        diff = difflib.unified_diff(
            have[name].read_text(encoding="utf-8").splitlines(),
            want[name].read_text(encoding="utf-8").splitlines(),
            f"generated/{PACKAGE}/{name}",
            "expected",
            lineterm="",
            n=1,
        )
        print("\n".join(list(diff)[:40]))
    print("Run `python scripts/regenerate.py` and commit the result; never edit generated/ by hand.")
    return 1


def write(fresh: Path) -> None:
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(fresh, TARGET, ignore=shutil.ignore_patterns("__pycache__"))
    print(f"wrote generated/{PACKAGE} ({len(_tree(TARGET))} files) from openapi/gladia.yaml")


# Rows of DEVIATIONS.md that excuse a difference from the official SDK's types, not from the document.
_SDK_ROW = "sdk-"


def run_compare(upstream: str) -> int:
    """Print the drift between our spec and `upstream`; 1 when some drift is not listed in DEVIATIONS.md.

    `upstream` is Gladia's OpenAPI document (a path or URL), or an installed `gladiaio-sdk` (its package
    directory, a site-packages or virtual environment holding it, or a Python interpreter that imports it).
    """
    ours = load_document(str(SPEC))
    deviations = load_deviations(DEVIATIONS)
    package = None if upstream.startswith(("http://", "https://")) else _sdk_types.find_package(upstream)
    if package is None:
        theirs = load_document(upstream)
        report = compare(ours, theirs, [d for d in deviations if not d.pattern.startswith(_SDK_ROW)])
        print(report.render(upstream))
        return 0 if not report.unlisted else 1
    official = _sdk_types.read(package)
    drifts, unmapped = _sdk_types.compare(ours, official)
    report = Report(
        f"the generated types of gladiaio-sdk {official.version} ({len(official.enums)} enums, "
        f"{len(official.classes)} dataclasses, {len(official.events)} message kinds)",
        drifts,
        [d for d in deviations if d.pattern.startswith(_SDK_ROW)],
    )
    print(report.render(str(package)))
    if unmapped:
        print(f"Official types with no schema of the same meaning here (not compared): {', '.join(unmapped)}")
    return 0 if not report.unlisted else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help="exit 1 if generated/ differs from the spec's output"
    )
    mode.add_argument(
        "--compare",
        metavar="UPSTREAM",
        action="append",
        help="Gladia's OpenAPI document (path or URL) or an installed gladiaio-sdk (package, site-packages, "
        "venv or python); repeat to compare with several",
    )
    args = parser.parse_args(argv)
    if args.compare:
        return max(run_compare(upstream) for upstream in args.compare)
    # Keep the scratch directory outside the checkout so no project configuration leaks into the build.
    with tempfile.TemporaryDirectory(prefix="gladia-regen-") as scratch:
        os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
        fresh = build(Path(scratch))
        if args.check:
            return check(fresh)
        write(fresh)
        return 0


if __name__ == "__main__":
    sys.exit(main())
