"""A GDELT/ICEWS-style audit of the ``events`` stage: up to 100 events drawn at random from NAEB hard-news
pages that are not in the events gold, written as a table to be judged by reading each sentence.

    .venv/bin/python tools/audit_events.py [--naeb FILE] [--gold FILE] [--out CSV] [--force]
    .venv/bin/python tools/audit_events.py --summary [--out CSV]
    .venv/bin/python tools/audit_events.py --carry-from OLD_CSV [--out CSV]
    .venv/bin/python tools/audit_events.py --compare [--out CSV]

Drawing the sample (the default action):

1. Pages: every NAEB page (``$WIRECODER_SHARED/data/naeb/articles.json``) whose md5 key, url or
   ``articleBody`` is not one of the events gold (``$WIRECODER_SHARED/data/events_gold/dev.jsonl``).
2. Hard news, by a rule on the page alone (not on what the coder finds), see :func:`hard_news`:
   a body of 500-8,000 characters; no soft section in the url path (sport, entertainment,
   lifestyle, opinion, reviews, shopping... :data:`SOFT_SECTIONS`); and at least
   :data:`MIN_HARD_WORDS` different hard-news words (:data:`HARD_WORDS`: police, court, senator,
   minister, military, sanctions, Israel...) in the title and the first 600 characters of the body.
3. The eligible pages, in md5 order, are shuffled with ``random.Random(SEED)`` and coded in that
   order (reference date = the page's ``date``) until :data:`PAGES` pages have at least one event;
   pages with none are counted and skipped. Should those pages hold fewer than :data:`EVENTS`
   events, further pages are coded in the same order until they do (the script says so).
4. :data:`EVENTS` events are drawn from all events of those pages with ``random.Random(SEED)``
   (``sample``), and written in page order, then text order. When every eligible page has been
   coded and they hold fewer than :data:`EVENTS` events, all of them are taken (the script says
   so): the page rule is not widened, so that the audited population stays the same.

The CSV has one row per event with the judgement columns (``real_event``, ``root_right``,
``source_right``, ``target_right``, ``note``) empty, and the commit the events were coded at.
A file that already holds judgements is not overwritten unless ``--force`` is given.

``--summary`` reads a judged CSV and prints the figures (see :func:`summarize`): rows, the share
of real events, of right roots, sources and targets (of all rows: a side on a row that is not a
real event is judged ``na`` and counts as not right), fully right (all four ``yes``; a ``na``
target on a real event whose text names no target counts as right only when written ``yes``),
and a tally of the error kinds, which are the ``kind:`` prefixes of the notes' ``;``-separated parts.

``--carry-from OLD`` fills the empty judgements of a freshly drawn table from an older judged
table, for each row identical to one of its rows (:func:`identity`: article, trigger offset, CAMEO
code, source and target text and code, negation, modality), and lists them. The notes are copied
as they are: re-read every carried row (row numbers in notes refer to the old table; a duplicate
whose earlier row is no longer produced must be judged again).

``--compare`` recodes the audited pages with the code as it is now and matches each judged row to
today's events of its page (same trigger offset, CAMEO root, source and target code): how many
judged rows, by judgement, are still given, changed or gone, and how many events are new (not
judged). It measures what a change of the coder did to the judged rows; it is no new audit, as the
new rows are unjudged (draw and judge a new sample for that).

Only the sentence of each event is written (NAEB is Apache-2.0), never whole articles.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterable, Optional

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WIRECODER_SHARED", ROOT.parent / "shared"))
DEFAULT_OUT = ROOT / "docs" / "audit" / "events_audit.csv"

SEED = 21  # issue 21
PAGES = 25
EVENTS = 100
MIN_CHARS, MAX_CHARS = 500, 8000
MIN_HARD_WORDS = 2
LEDE_CHARS = 600

#: url path segments (split on / - _ .) that mark a section that is not hard news
SOFT_SECTIONS = frozenset("""
sport sports football nfl mlb nba ncaa boxing f1 tennis golf soccer seahawks baseline college-football
movie entertainment celebrity celebrity-life celebrity-photos popculture movies movies-and-tv music music-features
tvandshowbiz tv film style lifestyle lifeandstyle living life-entertainment food health health-fitness fitness
diet alcohol travel shop shop-with-us shopping checkout deals sales-and-deals review reviews opinion commentary
editorial culture culture-features games gaming tabletop-games dating real-estate realestate investing
explainers podcast miracles books arts family ideas intelligencer-weather premium science space
planet-earth paleontology biology tech technology computing diy flight satire best-2023 car-news
""".split())

#: words of politics, government, justice, conflict and diplomacy (lower case; matched as whole words)
HARD_WORDS = frozenset("""
police officer officers sheriff deputies fbi court courts judge judges jury prosecutor prosecutors attorney
charged charges arrested arrest indicted sentenced convicted lawsuit sued ruling
government minister ministry president senator sen congress congressional lawmakers legislature legislators
parliament governor gov mayor council election elections campaign ballot vote voters democrats republicans
republican democrat gop administration federal agency regulators officials official
military army troops soldiers war attack attacks strike strikes airstrike killed missile missiles drone
sanctions tariff tariffs ban banned protest protesters blockade ceasefire cease-fire hostages
nato eu israel israeli gaza hamas ukraine ukrainian russia russian kremlin china chinese iran iranian
korea taiwan syria yemen houthis hezbollah palestinian palestinians
trump biden sunak putin netanyahu zelensky xi
""".split())

COLUMNS = [
    "row", "article_id", "url", "date", "sentence", "trigger", "trigger_start", "cameo", "cameo_name",
    "source_text", "source_code", "target_text", "target_code", "negated", "modality",
    "real_event", "root_right", "source_right", "target_right", "note", "commit",
]
JUDGEMENTS = ("real_event", "root_right", "source_right", "target_right")
ALLOWED = {"real_event": {"yes", "no"}, "root_right": {"yes", "no", "na"},
           "source_right": {"yes", "no", "na"}, "target_right": {"yes", "no", "na"}}


# -- the page rule -------------------------------------------------------------------------
def _url_segments(url: str) -> set[str]:
    path = re.sub(r"^[a-z]+://[^/]+", "", url.lower()).split("?")[0].split("#")[0]
    parts = set()
    for seg in path.split("/"):
        if seg:
            parts.add(seg)
            parts.update(p for p in re.split(r"[-_.]", seg) if p)
    return parts


def hard_words(title: str, body: str) -> set[str]:
    words = re.findall(r"[a-z][a-z-]*", f"{title or ''} {body[:LEDE_CHARS]}".lower())
    return {w for w in words if w in HARD_WORDS}


def hard_news(page: dict) -> bool:
    """The page rule: length, no soft url section, enough hard-news words in title and lede."""
    body = page.get("articleBody") or ""
    if not MIN_CHARS <= len(body) <= MAX_CHARS:
        return False
    if _url_segments(page.get("url") or "") & SOFT_SECTIONS:
        return False
    return len(hard_words(page.get("title") or "", body)) >= MIN_HARD_WORDS


def not_gold(naeb: dict, gold: Iterable[dict]) -> dict:
    gold = list(gold)
    ids = {g["id"] for g in gold}
    urls = {g.get("url") for g in gold if g.get("url")}
    texts = {g.get("text") for g in gold if g.get("text")}
    return {k: v for k, v in naeb.items()
            if k not in ids and v.get("url") not in urls and v.get("articleBody") not in texts}


def eligible_order(naeb: dict, gold: Iterable[dict], seed: int = SEED) -> list[str]:
    keys = sorted(k for k, v in not_gold(naeb, gold).items() if hard_news(v))
    random.Random(seed).shuffle(keys)
    return keys


# -- coding --------------------------------------------------------------------------------
def _date(value) -> Optional[str]:
    value = str(value or "")
    return value[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value) else None


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def event_rows(key: str, page: dict, record) -> list[dict]:
    rows = []
    for ev in record.events:
        sent = ev.sentence.text if ev.sentence is not None else ""
        rows.append({
            "article_id": key, "url": page.get("url") or "", "date": _date(page.get("date")) or "",
            "sentence": _one_line(sent), "trigger": ev.trigger.text, "trigger_start": ev.trigger.start,
            "cameo": ev.cameo or "", "cameo_name": ev.cameo_name or "",
            "source_text": ev.source.text if ev.source else "", "source_code": (ev.source.code or "") if ev.source else "",
            "target_text": ev.target.text if ev.target else "", "target_code": (ev.target.code or "") if ev.target else "",
            "negated": "true" if ev.negated else "false", "modality": ev.modality,
        })
    return rows


def commit_hash() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty-src" if dirty else "")


def draw(naeb: dict, gold: list[dict], coder, seed: int = SEED, pages: int = PAGES, events: int = EVENTS,
         log=print) -> list[dict]:
    order = eligible_order(naeb, gold, seed)
    log(f"{len(naeb)} NAEB pages, {len(not_gold(naeb, gold))} not in the gold, {len(order)} hard news by the rule")
    chosen: list[tuple[str, list[dict]]] = []
    empty = []
    for key in order:
        if len(chosen) >= pages and sum(len(r) for _, r in chosen) >= events:
            break
        page = naeb[key]
        record = coder.code(page["articleBody"], id=key, date=_date(page.get("date")), url=page.get("url"))
        rows = event_rows(key, page, record)
        if not rows:
            empty.append(key)
            continue
        chosen.append((key, rows))
        if len(chosen) > pages:
            log(f"  page {len(chosen)} drawn beyond {pages}: the first {pages} held fewer than {events} events")
    pool = [(i, r) for i, (_, rows) in enumerate(chosen) for r in rows]
    log(f"coded {len(chosen) + len(empty)} pages in the seeded order: {len(empty)} without an event skipped, "
        f"{len(chosen)} pages with {len(pool)} events")
    if len(pool) < events:
        log(f"  only {len(pool)} events in all eligible pages")
    picked = random.Random(seed).sample(range(len(pool)), min(events, len(pool)))
    picked.sort(key=lambda j: (pool[j][0], pool[j][1]["trigger_start"]))
    commit = commit_hash()
    out = []
    for n, j in enumerate(picked, 1):
        row = dict(pool[j][1], row=n, commit=commit)
        row.update({k: "" for k in (*JUDGEMENTS, "note")})
        out.append(row)
    return out


# -- the table -----------------------------------------------------------------------------
def read_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_rows(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in COLUMNS})


def problems(rows: list[dict]) -> list[str]:
    """What is wrong with a judged table: missing or unknown judgements, a 'no' without a note,
    a side judged on a row that is not an event."""
    out = []
    for r in rows:
        n = r.get("row")
        for c in JUDGEMENTS:
            if r.get(c) not in ALLOWED[c]:
                out.append(f"row {n}: {c} is {r.get(c)!r}")
        if "no" in (r.get(c) for c in JUDGEMENTS) and not (r.get("note") or "").strip():
            out.append(f"row {n}: a 'no' without a note")
        if r.get("real_event") == "no" and any(r.get(c) != "na" for c in JUDGEMENTS[1:]):
            out.append(f"row {n}: not an event, but its root or sides are judged")
        if r.get("real_event") == "yes" and r.get("root_right") == "na":
            out.append(f"row {n}: a real event with root 'na'")
    return out


def error_kinds(note: str) -> list[str]:
    """The kinds a note names: each ';'-separated part that starts with 'kind:'."""
    kinds = []
    for part in (note or "").split(";"):
        m = re.match(r"\s*([a-z][a-z0-9 _/-]*?)\s*:", part)
        if m:
            kinds.append(m.group(1))
    return kinds


def _of(rows: list[dict], column: str) -> float:
    """Share of the real events (real_event yes) with `column` yes ('fully': all four)."""
    real = [r for r in rows if r["real_event"] == "yes"]
    if not real:
        return 0.0
    ok = [r for r in real if (all(r[c] == "yes" for c in JUDGEMENTS) if column == "fully" else r[column] == "yes")]
    return round(100.0 * len(ok) / len(real), 1)


def summarize(rows: list[dict]) -> dict:
    n = len(rows)

    def share(pred) -> float:
        return round(100.0 * sum(1 for r in rows if pred(r)) / n, 1) if n else 0.0

    tally = collections.Counter(k for r in rows for k in error_kinds(r.get("note", "")))
    return {
        "rows": n,
        "real_event": share(lambda r: r["real_event"] == "yes"),
        "root_right": share(lambda r: r["root_right"] == "yes"),
        "source_right": share(lambda r: r["source_right"] == "yes"),
        "target_right": share(lambda r: r["target_right"] == "yes"),
        "fully_right": share(lambda r: all(r[c] == "yes" for c in JUDGEMENTS)),
        "of_real": {c: _of(rows, c) for c in (*JUDGEMENTS[1:], "fully")},
        "pages": len({r["article_id"] for r in rows}),
        "commits": sorted({r.get("commit", "") for r in rows}),
        "error_kinds": tally.most_common(),
    }


def format_summary(s: dict) -> str:
    lines = [
        f"rows: {s['rows']} (from {s['pages']} pages, coded at {', '.join(s['commits'])})",
        f"real events:  {s['real_event']:.1f}%",
        f"root right:   {s['root_right']:.1f}%",
        f"source right: {s['source_right']:.1f}%",
        f"target right: {s['target_right']:.1f}%",
        f"fully right:  {s['fully_right']:.1f}%  (all four yes)",
        "of the real events: root right {root_right:.1f}%, source right {source_right:.1f}%, "
        "target right {target_right:.1f}%, fully right {fully:.1f}%".format(**s["of_real"]),
        "error kinds (notes):",
    ]
    lines += [f"  {k}: {c}" for k, c in s["error_kinds"]]
    return "\n".join(lines)


def identity(row: dict) -> tuple:
    """What makes two rows the same coded event: article, trigger offset, CAMEO code, source and
    target text and code, negation and modality."""
    return (row["article_id"], int(row["trigger_start"]), row["cameo"], row["source_text"], row["source_code"],
            row["target_text"], row["target_code"], row["negated"], row["modality"])


def carry(judged: list[dict], rows: list[dict]) -> list[tuple[int, int]]:
    """Copy the judgements and note of each judged row into the unjudged row of ``rows`` that is
    identical to it (:func:`identity`); rows already judged are left alone. Returns the
    (new row, old row) numbers carried."""
    old = {identity(j): j for j in judged}
    out = []
    for r in rows:
        j = old.get(identity(r))
        if j is None or any(r.get(c) for c in JUDGEMENTS):
            continue
        for c in (*JUDGEMENTS, "note"):
            r[c] = j.get(c, "")
        out.append((int(r["row"]), int(j["row"])))
    return out


def _key(row: dict) -> tuple:
    return (row["article_id"], int(row["trigger_start"]), row["cameo"][:2], row["source_code"], row["target_code"])


def _verdict(row: dict) -> str:
    if row.get("real_event") != "yes":
        return (error_kinds(row.get("note", "")) or ["not-event"])[0]  # not-event | duplicate
    return "fully right" if all(row[c] == "yes" for c in JUDGEMENTS) else "real, partly wrong"


def compare(judged: list[dict], now: dict[str, list[dict]]) -> dict:
    """Judged rows against today's rows of the same pages (``now``: article id -> event rows).

    A judged row is ``kept`` when a row of today has its trigger offset, root and both codes;
    ``changed`` when a row of today has its trigger offset only; else ``gone``. Rows of today
    matched by no judged row are ``new``."""
    today = {}
    for key, rows in now.items():
        for r in rows:
            today.setdefault((key, int(r["trigger_start"])), []).append(r)
    used = set()
    out = collections.defaultdict(collections.Counter)
    status_of = {}
    for j in judged:
        cands = today.get((j["article_id"], int(j["trigger_start"])), [])
        exact = [c for c in cands if _key(c) == _key(j) and id(c) not in used]
        loose = [c for c in cands if id(c) not in used]
        status = "kept" if exact else "changed" if loose else "gone"
        if status != "gone":
            used.add(id((exact or loose)[0]))
        out[_verdict(j)][status] += 1
        status_of[j.get("row", str(len(status_of) + 1))] = (status, _verdict(j))
    new_rows = [r for rows in now.values() for r in rows if id(r) not in used]
    return {"by_verdict": {k: dict(v) for k, v in sorted(out.items())}, "new": len(new_rows),
            "today": sum(len(v) for v in now.values()), "status": status_of, "new_rows": new_rows}


def format_compare(c: dict, commit: str, verbose: bool = False) -> str:
    lines = [f"judged rows against the events of the same pages coded at {commit}:"]
    for verdict, counts in c["by_verdict"].items():
        lines.append(f"  {verdict}: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in ("kept", "changed", "gone")))
    lines.append(f"events today: {c['today']}, of which {c['new']} new (not judged)")
    if verbose:
        for row, (status, verdict) in c["status"].items():
            if status != "kept":
                lines.append(f"  row {row} ({verdict}): {status}")
        for r in c["new_rows"]:
            g = r.get
            lines.append(f"  new: {g('cameo')} {g('trigger')!r} {g('source_text')!r} {g('source_code')} -> "
                         f"{g('target_text')!r} {g('target_code')} | {(g('sentence') or '')[:160]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--naeb", type=Path, default=SHARED / "data" / "naeb" / "articles.json")
    ap.add_argument("--gold", type=Path, default=SHARED / "data" / "events_gold" / "dev.jsonl")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--force", action="store_true", help="overwrite a table that holds judgements")
    ap.add_argument("--summary", action="store_true", help="print the figures of a judged table")
    ap.add_argument("--carry-from", type=Path, metavar="OLD",
                    help="copy the judgements of identical rows of an older judged table into --out")
    ap.add_argument("--compare", action="store_true",
                    help="recode the audited pages now and match the judged rows to today's events")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --compare: list the rows changed, gone and new")
    args = ap.parse_args(argv)

    if args.compare:
        judged = read_rows(args.out)
        naeb = json.loads(args.naeb.read_text(encoding="utf-8"))
        from wirecoder import Coder

        coder = Coder()
        now = {}
        for key in dict.fromkeys(r["article_id"] for r in judged):
            page = naeb[key]
            record = coder.code(page["articleBody"], id=key, date=_date(page.get("date")), url=page.get("url"))
            now[key] = event_rows(key, page, record)
        print(format_compare(compare(judged, now), commit_hash(), verbose=args.verbose))
        return 0

    if args.carry_from:
        rows = read_rows(args.out)
        pairs = carry(read_rows(args.carry_from), rows)
        write_rows(args.out, rows)
        print(f"carried {len(pairs)} judgements from {args.carry_from} (new row <- old row): "
              + ", ".join(f"{n}<-{o}" for n, o in pairs))
        return 0

    if args.summary:
        rows = read_rows(args.out)
        bad = problems(rows)
        for p in bad:
            print("warning:", p, file=sys.stderr)
        print(format_summary(summarize(rows)))
        return 1 if bad else 0

    if args.out.exists() and not args.force:
        if any(r.get(c) for r in read_rows(args.out) for c in JUDGEMENTS):
            print(f"{args.out} holds judgements; --force to draw again over them", file=sys.stderr)
            return 2
    naeb = json.loads(args.naeb.read_text(encoding="utf-8"))
    gold = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    from wirecoder import Coder

    rows = draw(naeb, gold, Coder(), seed=args.seed)
    write_rows(args.out, rows)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
