"""Code the same articles with two revisions of wirecoder and report what differs, field by field.

    tools/compare_records.py main WORKTREE                     # the bundled samples (text and HTML)
    tools/compare_records.py main WORKTREE --polnear ../shared/data/polnear/dev
    tools/compare_records.py main WORKTREE --polnear DIR --limit 20 --keep /tmp/cmp

A revision is anything ``git archive`` takes (``main``, ``HEAD``, a commit) or ``WORKTREE`` (the
files as they are now). Each revision's ``src/`` is unpacked to a temporary folder and codes the
inputs in its own Python process (``PYTHONPATH`` set to it), with the settings of the environment
(``OMP_NUM_THREADS=1`` is set so both runs are deterministic). Records are matched by id; for
each top-level record field the report gives the records whose field differs and the bytes of
JSON that differ (the length of both serialisations where they are unequal, a rough size).
``provenance`` is reported apart: it names the checkout, not what was coded.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "src" / "wirecoder" / "samples"

# Runs inside the revision's checkout: read the paths the way `wirecoder code` does, write JSONL.
_CODE = r"""
import json, sys
from wirecoder.ingest import iter_inputs
from wirecoder.pipeline import Coder
paths, out = json.loads(sys.argv[1]), sys.argv[2]
coder = Coder()
with open(out, "w", encoding="utf-8") as fh:
    for inp, rec in zip(iter_inputs(paths), coder.code_inputs(iter_inputs(paths))):
        d = rec.to_dict()
        d["id"] = inp.source  # file paths are unique where ids from file names might not be
        fh.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
"""


def unpack(rev: str, into: Path) -> Path:
    """`rev`'s src/ under `into`; WORKTREE copies the working tree's src/ as it is."""
    into.mkdir(parents=True, exist_ok=True)
    if rev == "WORKTREE":
        subprocess.run(["rm", "-rf", str(into / "src")], check=True)
        subprocess.run(["cp", "-a", str(ROOT / "src"), str(into)], check=True)
        return into / "src"
    archive = into / "src.tar"
    with open(archive, "wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    archive.unlink()
    return into / "src"


def code(rev: str, paths: list[str], work: Path) -> dict[str, dict]:
    """Records of `rev` by input path; a commit's records kept in `work` from an earlier run are reused."""
    if rev != "WORKTREE":
        rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", rev], capture_output=True, text=True,
                             check=True).stdout.strip()
    out = work / f"{rev}-{len(paths)}.jsonl"
    if rev == "WORKTREE" or not out.exists():
        _run(rev, paths, work, out)
    records = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        records[d["id"]] = d
    return records


def _run(rev: str, paths: list[str], work: Path, out: Path) -> None:
    src = unpack(rev, work / rev)
    env = dict(os.environ, PYTHONPATH=str(src), OMP_NUM_THREADS="1")
    subprocess.run([sys.executable, "-c", _CODE, json.dumps(paths), str(out)], env=env, check=True)
    subprocess.run(["rm", "-rf", str(src.parent)], check=True)


def compare(a: dict[str, dict], b: dict[str, dict]) -> dict:
    """Per field: records that differ, bytes of JSON in the differing values, one example id."""
    fields: dict[str, dict] = {}
    for rid in sorted(set(a) | set(b)):
        ra, rb = a.get(rid, {}), b.get(rid, {})
        for name in sorted(set(ra) | set(rb)):
            ja = json.dumps(ra.get(name), ensure_ascii=False, sort_keys=True)
            jb = json.dumps(rb.get(name), ensure_ascii=False, sort_keys=True)
            f = fields.setdefault(name, {"records": 0, "bytes": 0, "example": None})
            if ja != jb:
                f["records"] += 1
                f["bytes"] += len(ja.encode()) + len(jb.encode())
                f["example"] = f["example"] or rid
    return {"articles": len(set(a) | set(b)), "only_in_a": sorted(set(a) - set(b)),
            "only_in_b": sorted(set(b) - set(a)), "fields": fields}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rev_a")
    ap.add_argument("rev_b")
    ap.add_argument("--polnear", help="a PolNeAR folder (text/*.txt) to code besides the samples")
    ap.add_argument("--limit", type=int, default=0, help="only the first N PolNeAR articles (sorted by name)")
    ap.add_argument("--no-samples", action="store_true", help="leave the bundled samples out")
    ap.add_argument("--keep", help="keep both revisions' records (JSONL) in this folder")
    args = ap.parse_args(argv)

    paths = [] if args.no_samples else sorted(str(p) for p in SAMPLES.glob("text/*.txt")) + sorted(
        str(p) for p in SAMPLES.glob("html/*.html"))
    if args.polnear:
        texts = sorted(Path(args.polnear, "text").glob("*.txt"))
        paths += [str(p) for p in (texts[: args.limit] if args.limit else texts)]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="wirecoder-compare-"))
    a = code(args.rev_a, paths, work)
    b = code(args.rev_b, paths, work)
    result = compare(a, b)
    print(f"{result['articles']} articles; {args.rev_a} vs {args.rev_b}")
    for side, ids in (("only in " + args.rev_a, result["only_in_a"]), ("only in " + args.rev_b, result["only_in_b"])):
        if ids:
            print(f"  {side}: {len(ids)} ({ids[0]} ...)")
    print(f"  {'field':<16} {'records':>8} {'bytes':>9}  example")
    same = []
    for name, f in result["fields"].items():
        if f["records"]:
            print(f"  {name:<16} {f['records']:>8} {f['bytes']:>9}  {Path(f['example']).name}")
        else:
            same.append(name)
    print("  identical: " + ", ".join(same))
    if args.keep:
        print(f"records kept in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
