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
SEEDS = ("0", "1", "4")


def code_in_new_processes(paths: list[str], seeds) -> dict[str, list[str]]:
    """The JSON Lines `wirecoder code PATHS` writes in one new process per hash seed, by seed.

    The processes run side by side: each loads spaCy once and codes every path (one record a line,
    in the order of `paths`)."""
    procs = {
        seed: subprocess.Popen(
            [sys.executable, "-m", "wirecoder.cli", "code", *paths, "--date", "2026-09-29"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONHASHSEED=seed),
        )
        for seed in seeds
    }
    outputs = {}
    for seed, proc in procs.items():
        try:
            out, err = proc.communicate(timeout=300)
        finally:
            proc.kill()
        assert proc.returncode == 0, err
        outputs[seed] = out.splitlines()
    return outputs


def test_same_output_whatever_the_hash_seed(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    sample = sorted((SAMPLES / "text").glob("*.txt"))[0]
    paths = [str(article), str(sample)]
    outputs = code_in_new_processes(paths, SEEDS)
    for seed, lines in outputs.items():
        assert len(lines) == len(paths), f"seed {seed}: {len(lines)} records for {len(paths)} inputs"
    for i, path in enumerate(paths):
        assert len({lines[i] for lines in outputs.values()}) == 1, f"{path}: output differs between processes"
