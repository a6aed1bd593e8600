#!/usr/bin/env python3
"""Build the documentation site (warnings are errors) and check that the API reference renders.

python scripts/docs.py                  build into site/ (mkdocs build --strict)
python scripts/docs.py --screenshot     also open the reference's Types page in headless Chromium and
                                        save site-screenshot.png; fails if Chromium is missing or the
                                        page is blank
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
PAGE = SITE / "reference" / "types" / "index.html"
SHOT = ROOT / "site-screenshot.png"
BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")


def build() -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(SITE)], cwd=ROOT, check=True
    )
    if not PAGE.is_file():
        raise SystemExit(f"the reference page was not built: {PAGE}")


def screenshot() -> None:
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None:
        raise SystemExit(
            f"no headless Chromium found (tried {', '.join(BROWSERS)}); apt-get install chromium-headless-shell"
        )
    with tempfile.TemporaryDirectory(prefix="gladia-docs-") as profile:
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--user-data-dir={profile}",
                "--window-size=1280,1400",
                f"--screenshot={SHOT}",
                PAGE.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    colours = _distinct_bytes(SHOT.read_bytes())
    # A blank or unstyled page has a handful of colours; the rendered reference has text, code and a menu.
    if colours < 64:
        raise SystemExit(f"{SHOT.name} looks blank ({colours} distinct pixel byte values)")
    print(f"{SHOT.relative_to(ROOT)}: the reference page rendered ({colours} distinct pixel byte values)")


def _distinct_bytes(png: bytes) -> int:
    """How many distinct byte values the image data holds: a cheap measure of whether anything was drawn."""
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--screenshot", action="store_true", help="check the reference renders in Chromium")
    args = parser.parse_args()
    build()
    if args.screenshot:
        screenshot()
    return 0


if __name__ == "__main__":
    sys.exit(main())
