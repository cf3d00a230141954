"""Actor coding against the events gold: of the gold sides with a code, how many the matcher codes right.

Each gold article is coded by the pipeline (for its dateline, places and dates); then every
gold source/target span that has a code is given to ``ActorMatcher.resolve`` and the result
compared: the same country (first 3 letters, the part the events match needs) and the same
full code. Sides the matcher leaves uncoded count as misses; a wrong country is a false code.

    python tools/eval_actors.py ../shared/data/events_gold/dev.jsonl [-v] [--records CACHE.jsonl]

``--records`` keeps the coded records in a file and reuses them on the next run (the parse is
the slow part; the matcher is rebuilt each run). Delete the file after changing places.py.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
import time
from pathlib import Path


def _records(gold: list[dict], cache: Path | None, coder):
    from wirecoder.record import Record

    if cache is not None and cache.exists():
        by_id = {}
        for line in cache.read_text(encoding="utf-8").splitlines():
            r = Record.from_dict(json.loads(line))
            by_id[r.id] = r
        if all(a["id"] in by_id for a in gold):
            return by_id
    by_id = {a["id"]: coder.code(a["text"], id=a["id"], date=a.get("date"), title=None) for a in gold}
    if cache is not None:
        cache.write_text("".join(r.to_json() + "\n" for r in by_id.values()), encoding="utf-8")
    return by_id


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--records", type=Path, help="cache of the coded records (read if present, else written)")
    ap.add_argument("--no-coref", action="store_true",
                    help="do not try mention_code (pronouns, 'the minister') where resolve gives no country")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every side coded wrong or not at all")
    args = ap.parse_args(argv)

    from wirecoder import Coder
    from wirecoder.actors import mention_code

    gold = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line.strip()]
    coder = Coder()
    records = _records(gold, args.records, coder)
    t0 = time.perf_counter()
    matcher = coder.resources.actor_matcher  # the one the pipeline uses (built here if the cache was read)
    load_s = time.perf_counter() - t0

    sides = country_ok = full_ok = coded = wrong_country = 0
    misses: collections.Counter = collections.Counter()
    rows = []
    t0 = time.perf_counter()
    calls = 0
    for art in gold:
        record = records[art["id"]]
        for ev in art["events"]:
            for side in ("source", "target"):
                g = ev.get(side)
                if not g or not g.get("code"):
                    continue
                sides += 1
                calls += 1
                ref = matcher.resolve(record, g["start"], g["end"])
                if not args.no_coref and (ref is None or not ref.country):
                    # What the events stage is asked to do for "he" sources (docs/actors.md).
                    ref = mention_code(record, g["start"], g["end"]) or ref
                code = ref.code if ref is not None else None
                # A role without a country ("CVL") has no country: only coded sides count.
                got_country = code[:3] if code and ref.country else None
                if got_country:
                    coded += 1
                if got_country and got_country == g["code"][:3]:
                    country_ok += 1
                    if code == g["code"]:
                        full_ok += 1
                    else:
                        misses["right country, other role"] += 1
                        rows.append(("role", g["text"], g["code"], code))
                elif got_country:
                    wrong_country += 1
                    misses["wrong country"] += 1
                    rows.append(("WRONG", g["text"], g["code"], code))
                else:
                    misses["no country"] += 1
                    rows.append(("none", g["text"], g["code"], code))
    match_s = time.perf_counter() - t0

    def pct(a, b):
        return f"{a / b:.3f}" if b else "-"

    print(f"gold sides with a code: {sides}")
    print(f"country right: {country_ok} ({pct(country_ok, sides)})   full code right: {full_ok} ({pct(full_ok, sides)})")
    print(f"coded with a country: {coded}; of those right: {pct(country_ok, coded)}; wrong country: {wrong_country}")
    for k, v in misses.most_common():
        print(f"  {k}: {v}")
    print(f"matcher load {load_s:.2f} s; {calls} resolve calls {1000 * match_s / max(calls, 1):.2f} ms each, "
          f"{1000 * match_s / len(gold):.1f} ms per article (story country and name index included)")
    if "parse" in coder.timings:
        per = coder.timings["parse"] / len(gold)
        print(f"spaCy parse {1000 * per:.0f} ms per article: the matcher's share {match_s / len(gold) / per:.1%}")
    if args.verbose:
        for kind, text, want, got in sorted(rows):
            print(f"{kind:6} {want:12} {str(got):12} {text!r}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    sys.exit(main())
