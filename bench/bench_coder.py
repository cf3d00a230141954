#!/usr/bin/env python3
"""How fast the coder is on this machine, against the bare spaCy pipeline it runs.

    .venv/bin/python bench/bench_coder.py                 # 200 PolNeAR dev articles, one process
    .venv/bin/python bench/bench_coder.py --jobs 2        # also: --jobs 2 against one process
    .venv/bin/python bench/bench_coder.py --input DIR_OR_JSONL -n 500

Prints articles/s, tokens/s, the ratio to ``nlp.pipe`` over the same texts with the
same batch size (same process, same run), peak memory (RSS) and the time each stage
took. Texts come from /work/shared/data/polnear/dev/text (cycled to reach -n), else
from --input, else from a generated corpus of wire stories. A script, not a test:
it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import os
import platform
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR_DEV = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared")) / "data/polnear/dev/text"


def generated_corpus(n: int, seed: int = 7) -> list[str]:
    """Wire stories from templates: datelines, quotes, reported speech, debris lines."""
    rng = random.Random(seed)
    cities = ["MOSCOW", "KIEV", "BRUSSELS", "ANKARA", "BEIJING", "WASHINGTON", "TEHRAN", "BERLIN"]
    agencies = ["/TASS/", "(Reuters)", "/Xinhua/", "(AFP)"]
    people = [("Dmitry Ivanov", "spokesman"), ("Anna Kovacs", "Foreign Minister"),
              ("Li Wen", "Defense Ministry spokesperson"), ("Mark Ellison", "Secretary of State"),
              ("Ahmet Demir", "President"), ("Sara Haddad", "Prime Minister")]
    countries = ["Russia", "Ukraine", "Turkey", "China", "the United States", "Iran", "Germany", "Poland"]
    actions = ["accused {b} of violating the ceasefire", "called on {b} to return to talks",
               "said {b} has not yet fulfilled its obligations", "condemned the strikes carried out by {b}",
               "expressed hope that {b} would resume the dialogue", "warned {b} against new sanctions"]
    months = ["January", "March", "May", "June", "September", "October", "December"]
    out = []
    for _ in range(n):
        city, agency = rng.choice(cities), rng.choice(agencies)
        lines = ["All news", f"{rng.choice(countries)} and {rng.choice(countries)} discuss security",
                 f"{city}, {rng.choice(months)} {rng.randint(1, 28)}. {agency}."]
        for _ in range(rng.randint(6, 14)):
            (who, role), a, b = rng.choice(people), rng.choice(countries), rng.choice(countries)
            act = rng.choice(actions).format(b=b)
            kind = rng.randrange(3)
            if kind == 0:
                lines.append(f"{a}'s {role} {who} {act} on Tuesday.")
            elif kind == 1:
                lines.append(f"\u201cWe will not accept this,\u201d {who} said. \u201cThe talks must go on.\u201d")
            else:
                lines.append(f"According to {who}, {a} {act.split(' ', 1)[1]} in the last {rng.randint(2, 9)} days.")
        if rng.random() < 0.3:
            lines.append("\u201cThe situation remains tense and we")  # cut by a scraper
        out.append("\n\n".join(lines) + "\n")
    return out


def load_texts(args) -> tuple[list[tuple[str, str]], str]:
    """(id, text) pairs and where they came from."""
    if args.input:
        from wirecoder.ingest import iter_inputs

        items = [(i.id, i.text) for i in iter_inputs([args.input]) if i.text]
        where = args.input
    elif POLNEAR_DEV.is_dir():
        items = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(POLNEAR_DEV.glob("*.txt"))]
        where = str(POLNEAR_DEV)
    else:
        items = [(f"gen{i}", t) for i, t in enumerate(generated_corpus(args.n))]
        where = "generated wire stories"
    cycled = list(itertools.islice(itertools.cycle(items), args.n))
    return [(f"{id_}#{k}", text) for k, (id_, text) in enumerate(cycled)], where


def _bar(items, total: int, desc: str):
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="article", file=sys.stderr, mininterval=2, leave=False)


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def peak_rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=200, help="articles to code (cycled from the source)")
    ap.add_argument("--input", help="a file, folder or JSON Lines file to read texts from instead")
    ap.add_argument("--batch-size", type=int, default=None, help="nlp.pipe batch size (default: the setting)")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved bare/coder rounds; the best of each counts")
    ap.add_argument("--jobs", type=int, default=1, help="also measure code_parallel with this many processes")
    args = ap.parse_args()

    from wirecoder import nlp as nlp_mod
    from wirecoder.ingest import Input
    from wirecoder.parallel import code_parallel
    from wirecoder.pipeline import Coder
    from wirecoder.record import ErrorRecord
    from wirecoder.settings import Settings

    settings = Settings.from_env(batch_size=args.batch_size, progress="never")
    texts, where = load_texts(args)
    inputs = [Input(id=i, source=i, text=t) for i, t in texts]
    bs = settings.batch_size
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU(s), {platform.python_implementation()} "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f}")
    print(f"texts: {len(texts)} articles from {where}; batch size {bs}")

    t0 = time.perf_counter()
    nlp = nlp_mod.load(settings.spacy_model)
    coder = Coder(settings, nlp=nlp)
    list(coder.code_inputs(inputs[: min(8, len(inputs))]))  # warm-up: stage resources load lazily
    print(f"load + warm-up: {time.perf_counter() - t0:.1f} s; pipeline: {', '.join(nlp.pipe_names)}")
    coder.timings.clear()

    # Interleaved rounds, best of each: the machine is shared, so one slow round says little.
    bare_s = coder_s = bare_cpu = coder_cpu = float("inf")
    n = len(texts)
    for r in range(args.rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        docs = nlp.pipe([t for _, t in texts], batch_size=bs)
        tokens = sum(len(doc) for doc in _bar(docs, n, f"round {r + 1}: bare spaCy"))
        bare_s, bare_cpu = min(bare_s, time.perf_counter() - t0), min(bare_cpu, time.process_time() - c0)
        coder.timings.clear()
        t0, c0 = time.perf_counter(), time.process_time()
        outputs = list(_bar(coder.code_inputs(inputs), n, f"round {r + 1}: coder"))
        coder_s, coder_cpu = min(coder_s, time.perf_counter() - t0), min(coder_cpu, time.process_time() - c0)
        errors = sum(isinstance(o, ErrorRecord) for o in outputs)
        del outputs

    print(f"bare spaCy nlp.pipe : {n / bare_s:7.2f} articles/s {tokens / bare_s:9.0f} tokens/s ({bare_s:.1f} s)")
    print(f"coder, 1 process    : {n / coder_s:7.2f} articles/s {tokens / coder_s:9.0f} tokens/s ({coder_s:.1f} s, "
          f"{errors} error records)")
    print(f"ratio coder / bare  : {bare_s / coder_s:.2f} wall, {bare_cpu / coder_cpu:.2f} CPU time "
          f"(best of {args.rounds} interleaved rounds)")
    print(f"peak RSS, 1 process : {peak_rss_mb():.0f} MB")
    total = sum(coder.timings.values()) or 1.0
    print("time per stage in the last round (s, share of the coder's stage time):")
    for name, secs in sorted(coder.timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<12} {secs:7.2f}  {100 * secs / total:5.1f}%")

    if args.jobs > 1:
        kids0 = _children_cpu()
        t0, c0 = time.perf_counter(), time.process_time()
        outputs = list(_bar(code_parallel(iter(inputs), settings, args.jobs), n, f"{args.jobs} processes"))
        par_s = time.perf_counter() - t0
        par_cpu = time.process_time() - c0 + _children_cpu() - kids0  # workers are reaped at pool shutdown
        assert len(outputs) == n
        print(f"coder, {args.jobs} processes  : {n / par_s:7.2f} articles/s {tokens / par_s:9.0f} tokens/s "
              f"({par_s:.1f} s incl. pool start)")
        print(f"speed-up vs 1 process: {coder_s / par_s:.2f}x (wall; needs {args.jobs} idle cores to mean much)")
        # CPU spent by parent + workers against one process: the cost of going parallel, which load
        # from other programs on the machine does not change much.
        print(f"CPU time, {args.jobs} processes / 1 process: {par_cpu / coder_cpu:.2f} "
              f"({par_cpu:.1f} s vs {coder_cpu:.1f} s; incl. model load in each worker)")
        print(f"peak RSS, largest worker: {peak_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
