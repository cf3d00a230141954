"""Trace each missed gold event (and each wrong row) through the event coder's steps, to count the error classes.

    PYTHONPATH=src WIRECODER_SHARED=../shared .venv/bin/python tools/trace_events.py \
        ../shared/data/events_gold/dev.jsonl [--part tune|confirm] [--class CLASS] [--fp] [--quiet]

The gold articles are coded by the pipeline (as `wirecoder eval events` does); the events stage's
parse is kept. For every gold event the scorer leaves unmatched, the trace finds the gold trigger's
token, the rules' candidates at it (`rules.code_sentence` and the statement cues), and runs each
candidate through the same steps as `events.coder` (filters, source and target on the parse, their
actor phrases and codes, the directed-act target rule), reporting the furthest one got:

    no-trigger        the coder has no trigger at the gold trigger (the lexicon's area)
    filtered:WHY      a not-an-event filter dropped it (heading, modality, not_events, noun, clause)
    no-source         the parse gives the trigger no source (and it is no agentless passive kept)
    source-not-actor  the source head is not an actor phrase (checks.actor_phrase)
    source-uncoded    the source is an actor phrase the dictionary and speakers leave uncoded
    no-target         a directed act with no target on the parse
    target-uncoded    a directed act whose target has no code
    root              written, but with another CAMEO root
    country:SIDE      written, with a side coded to another country than the gold's
    written           a row fit to match was written (lost to the one-to-one matching or de-duplication)

Each line gives the coder's source/target span and code against the gold's. `--fp` lists the
written rows nothing matched, with the gold events of their sentence. A summary counts the classes.
This is a tool for reading errors: it mirrors the steps of `events.coder.code_events`, so a change
there should be mirrored here.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import types
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

import wirecoder.events as events_stage  # noqa: E402
from wirecoder.eval import events as ev_eval  # noqa: E402
from wirecoder.events import actor_codes, attach, checks, coder as ev_coder, coref, patterns, rules  # noqa: E402

_CAPTURED: dict[str, tuple] = {}


def _capture():
    original = events_stage.code_events

    def wrapped(record, doc, ctx):
        _CAPTURED[record.id] = (record, doc, ctx)
        return original(record, doc, ctx)

    events_stage.code_events = wrapped


def _side(ref) -> str:
    if ref is None:
        return "-"
    text = ref.text if hasattr(ref, "text") else ref.get("text", "")
    code = ref.code if hasattr(ref, "code") else ref.get("code")
    return f"{text[:40]!r}={code or '?'}"


def _country(code):
    return code[:3].upper() if code else None


def trace_found(record, doc, ctx, sent, f, gold, state):
    """(class, detail, source ref, target ref) of one candidate, through the coder's steps."""
    lex = ctx.event_lexicon
    ne, matcher, speakers, country = state["ne"], ctx.actor_matcher, state["speakers"], state["country"]
    if ev_coder._in_heading(record, sent.start_char):
        return "filtered:heading", "", None, None
    why = ev_coder.dropped(f, sent, lex, ne, state.get("found", ()))
    if why is not None:
        detail = f"src={f.source} tgt={f.target}" if why == "noun-not-carried" else ""
        return f"filtered:{why}", detail, None, None
    tok = f.trigger
    date = attach.event_date(record, doc, sent, tok)[0]
    args = (matcher, date, lex, ne, speakers, country)
    ev_coder.settle_arguments(record, f, lex, ne)  # the same source, target and code as coder._event
    if f.source is None:
        if f.verbal:
            return "no-source", "statement act without speaker", None, None
        if not (f.undergone or ev_coder._agentless(tok)) or not (f.code or "").startswith(ev_coder.AGENTLESS_CODES):
            return "no-source", "", None, None
        source = ev_coder._reporting_authority(record, f, *args)
    else:
        head = coref.partitive_head(f.source, lex.actor_defaults.partitives) or f.source  # as coder._actor: "all of the exonerees"
        head = coref.split_abbreviation(head) or head  # as coder._actor: "Lionel Grant Jr., arrested"
        if not checks.actor_phrase(head, lex, ne):
            return "source-not-actor", f"head={head.text!r}/{head.pos_}/{head.dep_}", None, None
        source = ev_coder._actor(record, f.source, *args, required=True)
        if source is None:
            s, e = rules.noun_phrase(head)
            ref = attach.actor_ref(record, s, e, matcher, date, country)
            return "source-uncoded", f"head={head.text!r}", ref, None
    target = ev_coder._actor(record, f.target, *args, required=False) if f.target is not None else None
    if source is not None and target is not None and (
            (source.start, source.end) == (target.start, target.end) or ev_coder._same_actor(source, target, f.target)):
        target = None
    actor_codes.victims_country(record, sent.start_char, sent.end_char, source, target, f.code, country, matcher)
    if (f.code or "")[:2] in ev_coder.DIRECTED_ROOTS or f.from_patterns:
        if ev_coder.done_to_thing(f, target, lex, ne):
            target = None
            if source is None:
                return "no-source", "thing target, agentless", None, None
        elif f.target is None:
            return "no-target", "", source, None
        elif target is None or not target.code:
            return "target-uncoded", f"head={f.target.text!r}", source, target
    if ev_coder._evacuation_order(f, source, lex):
        f.code = "100"
    why = checks.private_act(types.SimpleNamespace(cameo=f.code, source=source, target=target),
                             ev_coder._from_statement(f), ne)
    if why is not None:
        return f"filtered:{why}", "", source, target
    if (f.code or "")[:2] != (gold.cameo or "")[:2]:
        return "root", f"{f.code} vs {gold.cameo}", source, target
    for name, g, p in (("source", gold.source, source), ("target", gold.target, target)):
        if g is not None and g.code and (p is None or _country(p.code) != g.country):
            return f"country:{name}", "", source, target
    return "written", "", source, target


ORDER = ["written", "country:source", "country:target", "root", "target-uncoded", "no-target", "source-uncoded",
         "source-not-actor", "no-source"]


def _rank(cls: str) -> int:
    return ORDER.index(cls) if cls in ORDER else len(ORDER)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold")
    ap.add_argument("--part", default="all", choices=ev_eval.PARTS)
    ap.add_argument("--class", dest="only", default=None, help="print only the misses of this class (prefix)")
    ap.add_argument("--fp", action="store_true", help="list the written rows nothing matched")
    ap.add_argument("--quiet", action="store_true", help="the summary only")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    _capture()
    articles = ev_eval.select_part(ev_eval.load_gold(args.gold), args.part)
    predictions = ev_eval.code_articles(articles, progress=False)
    counts = collections.Counter()
    fp_lines = []
    for art in articles:
        record, doc, ctx = _CAPTURED[art.id]
        pred = ev_eval.predicted_events(predictions.get(art.id, ()))
        pairs = ev_eval.match(art.events, pred)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        state = {"ne": ctx.resource("event_not_events", checks.load, "the events not-an-event list"),
                 "speakers": coref.SpeakerIndex(record), "country": attach.story_country(record)}
        verb_patterns = ctx.resource("event_verb_patterns", patterns.load, "the CAMEO verb patterns")
        lex = ctx.event_lexicon
        for i, g in enumerate(art.events):
            if i in matched_gold:
                continue
            span = doc.char_span(g.trigger[0], g.trigger[1], alignment_mode="expand")
            sent = span.root.sent if span is not None else None
            cands = []
            if sent is not None:
                found = rules.code_sentence(sent, lex, verb_patterns)
                found = found + ev_coder._statement_events(record, doc, sent, found, lex)
                ids = {t.i for t in span}
                state["found"] = found
                cands = [f for f in found if f.trigger.i in ids]
            if not cands:
                cls, detail, src, tgt = "no-trigger", "", None, None
            else:
                traced = [trace_found(record, doc, ctx, sent, f, g, state) + (f,) for f in cands]
                cls, detail, src, tgt, _ = min(traced, key=lambda t: _rank(t[0]))
            counts[cls] += 1
            if args.quiet or (args.only and not cls.startswith(args.only)):
                continue
            gs = f"{g.source.text[:40]!r}={g.source.code or '?'}" if g.source else "-"
            gt = f"{g.target.text[:40]!r}={g.target.code or '?'}" if g.target else "-"
            print(f"[{cls}] {art.id[:8]} {g.trigger_text!r} {g.cameo} {detail}")
            print(f"    gold  {gs} -> {gt}")
            print(f"    coder {_side(src)} -> {_side(tgt)}")
            if sent is not None:
                print(f"    | {sent.text.strip()[:300]}")
        if args.fp:
            for j, p in enumerate(pred):
                if j in matched_pred:
                    continue
                text = record.text
                golds = [g for g in art.events if g.sentence and g.sentence[0] <= p.trigger[0] < g.sentence[1]]
                sent = next((s for s in doc.sents if s.start_char <= p.trigger[0] < s.end_char), None)
                fp_lines.append(f"[FP] {art.id[:8]} {p.trigger_text!r} {p.cameo} {_side(p.source)} -> {_side(p.target)}")
                for g in golds:
                    gs = f"{g.source.text[:30]!r}={g.source.code}" if g.source else "-"
                    gt = f"{g.target.text[:30]!r}={g.target.code}" if g.target else "-"
                    fp_lines.append(f"    gold {g.trigger_text!r} {g.cameo} {gs} -> {gt}")
                if sent is not None:
                    fp_lines.append(f"    | {sent.text.strip()[:300]}")
                del text
    if fp_lines:
        print("\n".join(fp_lines))
    total = sum(counts.values())
    print(f"\nmissed gold events: {total}")
    for cls, n in counts.most_common():
        print(f"  {cls:28} {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
