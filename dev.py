#!/usr/bin/env python3
"""Set up wirecoder in ./.venv from the lock files and run the demo or the tests. Needs only Python 3.11+.

    python3 dev.py demo    # install the runtime (requirements.lock), code the bundled samples, print a summary
    python3 dev.py test    # install runtime + test extras (requirements-test.lock), run the test suite
    python3 dev.py setup   # install runtime + test extras only
    python3 dev.py lock    # refresh both lock files from pyproject.toml (pip-tools in ./.venv-tools)

The virtual environment is made with the interpreter's own pip (never upgraded: it is what a new
user has) and filled from a lock file with hashes, then wirecoder itself is installed editable
without dependencies. Safe to run again: it re-installs only when pyproject.toml or a lock changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".wirecoder-installed"
RUNTIME_LOCK = "requirements.lock"
TEST_LOCK = "requirements-test.lock"
TOOLS = ROOT / ".venv-tools"
# The pip-compile options both lock files are made with (their headers repeat the full command).
COMPILE = ["--quiet", "--generate-hashes", "--allow-unsafe", "--strip-extras", "--no-emit-index-url",
           "--no-emit-find-links", "--no-emit-trusted-host"]


def run(*cmd: str) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def _fingerprint(lock: str) -> str:
    h = hashlib.sha256()
    for name in ("pyproject.toml", lock):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def _installed() -> dict:
    try:
        return json.loads(STAMP.read_text())
    except (OSError, ValueError):
        return {}


def setup(lock: str = TEST_LOCK) -> None:
    """Make .venv hold exactly `lock` (the test lock holds the runtime one too) and wirecoder."""
    if sys.version_info < (3, 11):
        sys.exit(f"wirecoder needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    have = _installed()
    if have.get(lock) == _fingerprint(lock) or (lock == RUNTIME_LOCK and have.get(TEST_LOCK) == _fingerprint(TEST_LOCK)):
        return
    python = str(BIN / "python")
    # --no-deps: the lock already names every package; letting pip resolve again makes it look
    # up extras such as weasel's smart-open[http] on the index, where a newer release breaks
    # hash mode ("all requirements must have their versions pinned"). pip check then proves
    # the locked set is complete and consistent.
    run(python, "-m", "pip", "install", "--quiet", "--require-hashes", "--no-deps", "-r", lock)
    run(python, "-m", "pip", "check")
    # wirecoder itself, from this folder; setuptools comes from the lock, so nothing unpinned is fetched
    run(python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation", "-e", ".")
    STAMP.write_text(json.dumps({lock: _fingerprint(lock)}))


def lock() -> int:
    """Re-resolve both lock files: the test lock first, then the runtime lock held to its versions."""
    if not (TOOLS / "bin" / "pip-compile").exists():
        venv.EnvBuilder(with_pip=True).create(TOOLS)
        run(str(TOOLS / "bin" / "python"), "-m", "pip", "install", "--quiet", "pip-tools>=7.4,<8")
    compile_ = str(TOOLS / "bin" / "pip-compile")
    run(compile_, *COMPILE, "--upgrade", "--extra", "test", "--output-file", TEST_LOCK, "pyproject.toml")
    run(compile_, *COMPILE, "--constraint", TEST_LOCK, "--output-file", RUNTIME_LOCK, "pyproject.toml")
    return 0


def main(argv: list[str]) -> int:
    what = argv[0] if argv else "help"
    if what not in {"demo", "test", "setup", "lock"}:
        print(__doc__)
        return 0 if what in {"help", "-h", "--help"} else 1
    if what == "lock":
        return lock()
    setup(RUNTIME_LOCK if what == "demo" else TEST_LOCK)
    if what == "demo":
        return subprocess.run([str(BIN / "wirecoder"), "demo", *argv[1:]], cwd=ROOT).returncode
    if what == "test":
        return subprocess.run([str(BIN / "python"), "-m", "pytest", *argv[1:]], cwd=ROOT).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
