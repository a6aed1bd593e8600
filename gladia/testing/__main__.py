"""`python -m gladia.testing`: the same as `gladia emulator` (without the CLI extra)."""

import sys

from gladia.testing._command import emulator

if __name__ == "__main__":
    emulator.main(sys.argv[1:], prog_name="python -m gladia.testing")
