"""`python -m gladia.testing`: the same as `gladia emulator`."""

import sys

from gladia.cli import main

if __name__ == "__main__":
    main(["emulator", *sys.argv[1:]], prog_name="python -m gladia.testing")
