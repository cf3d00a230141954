"""Event data must be reproducible: the same input gives the same output in every process,
whatever Python's per-process string hash seed (which orders sets)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import SAMPLES

TEXT = (
    "WASHINGTON (Reuters) - Tax rates have risen over the last five years, and the past two weeks "
    "saw protests, officials said on Thursday. Police arrested 14 people in the previous three days.\n"
)


def code_in_new_process(path: str, seed: str) -> str:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    result = subprocess.run(
        [sys.executable, "-m", "wirecoder.cli", "code", path, "--date", "2026-09-29"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_same_output_whatever_the_hash_seed(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    sample = sorted((SAMPLES / "text").glob("*.txt"))[0]
    for path in (str(article), str(sample)):
        outputs = {code_in_new_process(path, seed) for seed in ("0", "1", "4")}
        assert len(outputs) == 1, f"{path}: output differs between processes"
