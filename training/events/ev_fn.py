"""Trace each missed gold event through the event coder: at which stage is it lost?

    PYTHONPATH=src WIRECODER_SHARED=../shared .venv/bin/python training/events/ev_fn.py \
        [GOLD.jsonl] [--part all|tune|confirm] [--stage STAGE] [--fp] [--lemmas]

Codes the gold articles as ``wirecoder eval events`` does (same Coder, same matching), keeps each
article's parse, and for every gold event left unmatched walks the coder's steps on the tokens of
its trigger, in the order ``events.coder.code_events`` applies them:

- ``no-trigger``: no token of the gold trigger is a trigger of the lexicon (the lemma is printed,
  with ``[P]`` when the PETRARCH-2 verb dictionary has the verb; ``--lemmas`` counts them);
- ``dropped-in-rules``: a lexicon trigger the rules pass over (a bare noun after a preposition, a
  speech verb whose content holds other events);
- ``wrong-root``: a trigger there, but the rules code another root;
- ``no-source`` / ``no-target``: the parse gives the trigger no source (no target for a directed act);
- ``check:REASON``: a not-an-event check, the noun-event rule, a modifier or background clause,
  a dropped modality or a heading;
- ``uncoded-source`` / ``uncoded-target``: the actor phrase is not an actor or gets no code;
- ``country``: an event is written but a side's country differs from the gold's;
- ``matched-elsewhere``: a compatible event is written but the matching gave it to another gold event
  (or de-duplication merged it).

``--fp`` also lists the predicted events no gold event matched. Prints one line per missed event and
a count per stage.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

from wirecoder.eval import events as ev_eval
from wirecoder.events import coder as ev_coder
from wirecoder.events import checks, coref, attach, rules

DEFAULT_GOLD = Path(os.environ.get("WIRECODER_SHARED", "../shared")) / "data" / "events_gold" / "dev.jsonl"


def code_with_docs(articles):
    """Code the articles with a Coder, keeping (record, doc, ctx) of each (the events stage is wrapped)."""
    import wirecoder.events as ev_stage
    from wirecoder.pipeline import Coder
    from wirecoder.ingest import Input

    kept = {}
    original = ev_stage.code_events

    def wrapped(record, doc, ctx):
        kept[record.id] = (doc, ctx)
        return original(record, doc, ctx)

    ev_stage.code_events = wrapped
    try:
        coder = Coder()
        inputs = [Input(id=a.id, source=a.url or a.id, text=a.text, date=a.date) for a in articles]
        records = {r.id: r for r in coder.code_inputs(inputs)}
    finally:
        ev_stage.code_events = original
    return {a.id: (records[a.id],) + kept[a.id] for a in articles if a.id in kept}


def _tokens(doc, span):
    cs = doc.char_span(span[0], span[1], alignment_mode="expand")
    return list(cs) if cs is not None else []


def trace(gold, record, doc, ctx, pred_events, lex, ne, vp) -> tuple[str, str]:
    """(stage, detail) where gold event ``gold`` is lost."""
    toks = _tokens(doc, gold.trigger)
    if not toks:
        return "no-trigger", "(no token)"
    sent = toks[0].sent
    found_all = rules.code_sentence(sent, lex, vp)
    found_all = found_all + ev_coder._statement_events(record, doc, sent, found_all, lex)
    ids = {t.i for t in toks}
    mine = [f for f in found_all if f.trigger.i in ids]
    if not mine:
        # a light verb and its event noun ("announced her resignation", "delivered assistance"): the
        # coder's trigger may be the gold trigger's object or the verb carrying it
        near = {c.i for t in toks for c in t.children if c.dep_ in ("dobj", "nsubjpass")}
        near |= {t.head.i for t in toks if t.dep_ in ("dobj", "nsubjpass", "pobj")}
        related = [f for f in found_all if f.trigger.i in near and (f.code or "")[:2] == gold.root]
        if related:
            mine = related
    if not mine:
        t = next((t for t in toks if t.pos_ in ("VERB", "NOUN")), toks[0])
        in_p = any(f in vp.codes for f in rules.forms(t))
        listed = [tr for tok, tr in rules.triggers(sent, lex, vp) if tok.i in ids]
        if listed:  # a lexicon trigger that code_sentence passed over (a bare "under the agreement",
            # a speech verb whose content holds events)
            return "dropped-in-rules", f"{t.lemma_.lower()}/{t.pos_} {listed[0].code}"
        return "no-trigger", f"{t.lemma_.lower()}/{t.pos_}{' [P]' if in_p else ''}"
    root = gold.root
    right = [f for f in mine if (f.code or "")[:2] == root]
    if not right:
        return "wrong-root", f"{mine[0].trigger.lemma_}: {mine[0].code} (gold {gold.cameo})"
    directed = root in ev_coder.DIRECTED_ROOTS
    if all(f.source is None for f in right) and not any(ev_coder._agentless(f.trigger) or f.undergone for f in right):
        return "no-source", right[0].trigger.text
    if directed and all(f.target is None for f in right):
        return "no-target", right[0].trigger.text
    matcher = ctx.actor_matcher
    speakers = coref.SpeakerIndex(record)
    country = attach.story_country(record)
    heading = ev_coder._in_heading(record, sent.start_char)
    reasons = []
    for f in right:
        if heading:
            reasons.append("check:heading")
            continue
        if f.modality in ev_coder.DROPPED_MODALITIES:
            reasons.append(f"check:modality-{f.modality}")
            continue
        why = checks.reason_not_event(f, sent, ne)
        if why is not None:
            reasons.append(f"check:{why}")
            continue
        if f.trigger.pos_ in ("NOUN", "PROPN") and not ev_coder._noun_event_stands(f, lex):
            reasons.append("check:bare-noun")
            continue
        if ev_coder._modifier_clause(f.trigger):
            reasons.append("check:modifier-clause")
            continue
        if ev_coder._background_clause(f.trigger):
            reasons.append("check:background-clause")
            continue
        ev = ev_coder._event(record, sent, f, matcher, ev_coder._acting(sent), lex, ne, speakers, country)
        if ev is None:
            src = ev_coder._actor(record, f.source, matcher, None, lex, ne, speakers, country, True) \
                if f.source is not None else None
            reasons.append("uncoded-source" if f.source is not None and src is None else "uncoded-target")
            continue
        pe = ev_eval.predicted_events([ev])[0]
        if ev_eval.compatible(gold, pe):
            reasons.append("matched-elsewhere")
        else:
            reasons.append(f"country ({pe.source.code if pe.source else None}->{pe.target.code if pe.target else None})")
    order = ["matched-elsewhere", "country", "uncoded-target", "uncoded-source"]
    best = min(reasons, key=lambda r: next((i for i, o in enumerate(order) if r.startswith(o)), len(order)))
    stage = best.split(" ")[0]
    return stage, best + (f" [{right[0].trigger.text}]" if not best.startswith("country") else "")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--part", default="all", choices=ev_eval.PARTS)
    ap.add_argument("--stage", help="print only the misses of this stage (prefix)")
    ap.add_argument("--fp", action="store_true", help="also list the predicted events no gold event matched")
    ap.add_argument("--lemmas", action="store_true", help="count the lemmas of no-trigger misses")
    args = ap.parse_args(argv)

    articles = ev_eval.select_part(ev_eval.load_gold(args.gold), args.part)
    coded = code_with_docs(articles)
    counts = collections.Counter()
    lemmas = collections.Counter()
    for art in articles:
        if art.id not in coded:
            print(f"{art.id[:8]} not coded", file=sys.stderr)
            continue
        record, doc, ctx = coded[art.id]
        lex = ctx.event_lexicon
        ne = ctx.resource("event_not_events", checks.load, "the events not-an-event list")
        vp = ctx.resource("event_verb_patterns", ev_coder.patterns.load, "the CAMEO verb patterns")
        pred = ev_eval.predicted_events(record.events)
        pairs = ev_eval.match(art.events, pred)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        for i, g in enumerate(art.events):
            if i in matched_gold:
                continue
            stage, detail = trace(g, record, doc, ctx, pred, lex, ne, vp)
            counts[stage] += 1
            if stage == "no-trigger":
                lemmas[detail.split(" ")[0]] += 1
            if args.stage is None or stage.startswith(args.stage):
                s = art.text[g.sentence[0]:g.sentence[1]].replace("\n", " ")
                src = g.source.code if g.source else None
                tgt = g.target.code if g.target else None
                print(f"FN {art.id[:6]} {g.cameo:>4} {stage:18} {detail} | {g.trigger_text!r} {src}->{tgt} | {s[:160]}")
        if args.fp:
            for j, p in enumerate(pred):
                if j not in matched_pred:
                    s = art.text[max(0, p.trigger[0] - 80):p.trigger[1] + 80].replace("\n", " ")
                    print(f"FP {art.id[:6]} {p.cameo:>4} {p.trigger_text!r} "
                          f"{p.source.code if p.source else None}->{p.target.code if p.target else None} | {s}")
    print()
    for stage, n in counts.most_common():
        print(f"{n:4d}  {stage}")
    print(f"{sum(counts.values()):4d}  missed in all")
    if args.lemmas:
        print()
        print(", ".join(f"{k} {v}" for k, v in lemmas.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
