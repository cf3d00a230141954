"""Cost of the events stage per article beside the parse, on the bundled sample stories.

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_events.py [--repeat 5]

Codes the samples once to warm up (models and dictionaries load), then --repeat
more times, and prints the mean seconds per article of the parse and of the events stage.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wirecoder import Coder
from wirecoder.ingest import Input

SAMPLES = Path(__file__).resolve().parent.parent / "src" / "wirecoder" / "samples" / "text"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    inputs = lambda: [Input(id=str(i), source=f"sample {i}", text=t) for i, t in enumerate(texts)]  # noqa: E731
    coder = Coder()
    list(coder.code_inputs(inputs()))  # warm-up: loads models, dictionaries
    coder.timings.clear()
    events = 0
    for _ in range(args.repeat):
        events += sum(len(r.events) for r in coder.code_inputs(inputs()))
    n = len(texts) * args.repeat
    t = coder.timings
    chars = sum(len(x) for x in texts) / len(texts)
    print(f"{len(texts)} sample articles (mean {chars:.0f} chars) x {args.repeat}: {events / n:.1f} events/article")
    print(f"parse  {1000 * t.get('parse', 0) / n:7.1f} ms/article")
    print(f"events {1000 * t.get('events', 0) / n:7.1f} ms/article ({t.get('events', 0) / max(t.get('parse', 1e-9), 1e-9):.0%} of the parse)")


if __name__ == "__main__":
    main()
