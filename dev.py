#!/usr/bin/env python3
"""Set up wirecoder in ./.venv and run the demo or the tests. Needs only Python 3.10+.

    python3 dev.py demo    # set up, code the bundled sample articles, print a summary
    python3 dev.py test    # set up, run the test suite
    python3 dev.py setup   # set up only

Safe to run again: the virtual environment is reused and only re-installed when
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".wirecoder-installed"


def run(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def setup() -> None:
    if sys.version_info < (3, 10):
        sys.exit(f"wirecoder needs Python 3.10 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(str(BIN / "python"), "-m", "pip", "install", "--quiet", "-e", ".[test]")
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "help"
    if what not in {"demo", "test", "setup"}:
        print(__doc__)
        return 0 if what in {"help", "-h", "--help"} else 1
    setup()
    if what == "demo":
        return subprocess.run([str(BIN / "wirecoder"), "demo", *argv[1:]], cwd=ROOT).returncode
    if what == "test":
        return subprocess.run([str(BIN / "python"), "-m", "pytest", *argv[1:]], cwd=ROOT).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
