#!/usr/bin/env python3
"""The hostile corpora of the tests (tests/test_hostile_inputs.py and tests/test_hostile_batch.py) as one
folder, run through `wirecoder code` (--jobs 1 and 2) and `wirecoder ingest` twice; prints the counts.

    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/hostile_run.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))


def main() -> None:
    from test_hostile_batch import BAD_NAME, CORPUS
    from test_hostile_inputs import HOSTILE

    work = Path(tempfile.mkdtemp())
    folder = work / "corpus"
    expected = 0
    for rel, (data, items) in CORPUS.items():
        (folder / "batch" / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / "batch" / rel).write_bytes(data)
        expected += len(items)
    (folder / "batch" / BAD_NAME).write_bytes(b"The minister said the talks went on.\n")
    expected += 1
    for name, (data, _) in HOSTILE.items():
        (folder / "old" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "old" / name).write_bytes(data)
        expected += 1
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "WIRECODER_PROGRESS": "never"}
    outs = {}
    for jobs in ("1", "2"):
        out = work / f"out{jobs}.jsonl"
        r = subprocess.run([sys.executable, "-m", "wirecoder.cli", "code", str(folder), "--jobs", jobs, "-o", str(out)],
                           env=env, capture_output=True, text=True, timeout=900)
        rows = [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]
        outs[jobs] = [{k: v for k, v in row.items() if k != "provenance"} for row in rows]
        errors = sum(1 for row in rows if "error" in row)
        print(f"code --jobs {jobs}: exit {r.returncode}, {expected} inputs, {len(rows)} lines "
              f"({len(rows) - errors} records, {errors} error records), {len({x['id'] for x in rows})} unique ids, "
              f"lost {expected - len(rows)}, tracebacks on stderr: {r.stderr.count('Traceback')}")
    print(f"--jobs 1 and --jobs 2 lines identical (provenance aside): {outs['1'] == outs['2']}")
    db = work / "h.duckdb"
    for round_ in ("first", "second"):
        r = subprocess.run([sys.executable, "-m", "wirecoder.cli", "ingest", str(folder), "--db", str(db)],
                           env=env, capture_output=True, text=True, timeout=900)
        print(f"ingest ({round_}): exit {r.returncode}: {r.stderr.strip().splitlines()[-1]}")


if __name__ == "__main__":
    main()
