"""Coding one parsed article into events: rules, classifier correction, attachments, de-duplication."""

from __future__ import annotations

from typing import Optional

from .. import ontology
from ..record import ActorRef, Event, Record, Span
from . import attach, classifier, rules, spans


# The rule's class stands unless the classifier gives it less than this probability.
RULE_CLASS_DOUBT = 0.2


def code_events(record: Record, doc, ctx) -> list[Event]:
    lex = ctx.event_lexicon
    matcher = attach.actor_matcher(ctx)
    min_conf = ctx.settings.event_classifier_min
    clf = classifier.load(ctx) if min_conf < 1.0 else None
    sents = [s for s in doc.sents if any(t.is_alpha for t in s) and not record.in_defect(s.start_char, s.end_char)]
    if clf is not None:
        from_coder = ctx.nlp is not None and doc.vocab is ctx.nlp.vocab  # a doc of the pipeline checked
        predictions = clf.predict_sentences(sents, reads_parse=from_coder and classifier.reads_parses(ctx, clf))
    else:
        predictions = [None] * len(sents)
    per_sentence = []
    for sent, pred in zip(sents, predictions):
        found = rules.code_sentence(sent, lex)
        if pred is not None:
            found = _apply_class(found, sent, pred, min_conf, lex)
        per_sentence.append(found)
    # the span tagger runs only on sentences with an event (it costs more than the rules)
    tagger = spans.load(ctx) if ctx.settings.event_span_tagger else None
    if tagger is not None:
        busy = [i for i, found in enumerate(per_sentence) if found]
        for i, sent_spans in zip(busy, tagger.tag([(sents[i].start_char, sents[i].text) for i in busy])):
            per_sentence[i] = _refine_main_actors(per_sentence[i], sent_spans)
    out: list[Event] = []
    for sent, found in zip(sents, per_sentence):
        found = found + _statement_events(record, doc, sent, found, lex)
        if found:
            acting = _acting(sent)
            out.extend(_event(record, sent, f, matcher, acting) for f in found)
    return _dedupe(out)


def _acting(sent) -> list[tuple[int, int]]:
    """(start, end) of words acting in the sentence ("Kiev will withdraw", "Baghdad said"): places there
    are actors, not where it happened."""
    return [(t.idx, t.idx + len(t.text)) for t in sent if t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "compound")]


def _apply_class(found: list, sent, probs: dict[int, float], min_conf: float, lex) -> list:
    """The classifier's class wins over the first event's when it is confident and finds the rule's class
    unlikely; a sentence without events gets one at its main verb."""
    penta = max(probs, key=probs.get)
    if probs[penta] < min_conf:
        return found
    if found:
        first = found[0]
        rule_class = ontology.penta_of(first.code) if first.code else None
        if rule_class is not None and rule_class != penta and probs.get(rule_class, 0.0) < RULE_CLASS_DOUBT:
            code = next((a for a in first.alt if ontology.penta_of(a) == penta), ontology.PENTA_GENERIC[penta])
            for f in found:
                if f.trigger.i == first.trigger.i:
                    f.code = code
        return found
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return found
    source, target = rules.verb_arguments(root, lex)
    return [
        rules.Found(root, ontology.PENTA_GENERIC[penta], (), s, t, rules.negated(root, lex), rules.modality(root, lex), 0)
        for s in rules.conjuncts(source)
        for t in rules.conjuncts(target)
    ]


def _refine_main_actors(found: list, tagged: list[tuple[str, int, int]]) -> list:
    """The span tagger re-bounds the actors of the sentence's main event, without changing who they are:
    a tagged span replaces the rule's noun phrase when it holds that actor's head word and no other
    actor or the trigger; an actor the rules left empty is filled from the tagger's span of that role."""
    if not found or not tagged:
        return found
    trigger = found[0].trigger
    main = [f for f in found if f.trigger.i == trigger.i]
    heads = [t.idx for f in main for t in (f.source, f.target) if t is not None and not isinstance(t, tuple)]
    heads.append(trigger.idx)
    # a passive subject is never the source ("aid was delivered by X"): keep the tagger off it
    heads += [t.idx for t in trigger.children if t.dep_ == "nsubjpass"]

    def free(label, avoid=None):
        for lab, a, b in tagged:
            if lab == label and not any(a <= h < b for h in heads) and (avoid is None or b <= avoid[0] or avoid[1] <= a):
                return (a, b)
        return None

    def rebound(actor, label):
        if actor is None:
            return free(label)
        if isinstance(actor, tuple):
            return actor
        for _, a, b in tagged:
            if [h for h in heads if a <= h < b] == [actor.idx]:
                return (a, b)
        # the tagger puts this role elsewhere, on words the rules gave no role
        return free(label, avoid=rules.noun_phrase(actor)) or actor

    for f in main:
        source, target = rebound(f.source, "SOURCE"), rebound(f.target, "TARGET")
        if source is not None and target is not None and _bounds(source) == _bounds(target):
            continue
        f.source, f.target = source, target
    return found


def _bounds(actor) -> tuple[int, int]:
    return actor if isinstance(actor, tuple) else rules.noun_phrase(actor)


def _unique(actors) -> list:
    out, seen = [], set()
    for a in actors:
        key = None if a is None else _bounds(a)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _statement_events(record: Record, doc, sent, found: list, lex) -> list:
    """Verbal events from the statements stage whose cue the parse did not code (quotes closed by 'he said')."""
    extra = []
    coded = {f.trigger.i for f in found}
    for st in record.statements:
        if st.cue is None or not st.content or not (sent.start_char <= st.cue.start < sent.end_char):
            continue
        cue = doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand")
        if cue is None or any(t.i in coded for t in cue):
            continue
        words = set()
        content_tokens = []
        for c in st.content:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                content_tokens.extend(span)
                words |= {t.lower_ for t in span} | {t.lemma_.lower() for t in span}
        code = next(
            (code for kind, code in (("deny", "016"), ("threaten", "130"), ("accuse", "112"), ("appeal", "020"))
             if words & lex.statement_content[kind]),
            None,
        )
        if code is None:
            continue
        ids = {t.i for t in content_tokens}
        target = next((t for t in content_tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids
                       and t.pos_ in rules.ACTOR_POS), None)
        speaker = doc.char_span(st.speaker.start, st.speaker.end, alignment_mode="expand") if st.speaker else None
        source = speaker.root if speaker is not None else None
        extra.append(rules.Found(cue.root, code, (), source, target, st.negated, "asserted", 99, None, True))
    return extra


def _event(record: Record, sent, f, matcher, acting) -> Event:
    tok = f.trigger
    trigger = Span.of(record.text, tok.idx, tok.idx + len(tok.text))
    date, date_ref = attach.sentence_date(record, sent.start_char, sent.end_char)
    entry = ontology.lookup(f.code) if f.code else None
    ev = Event(
        trigger=trigger,
        sentence=Span.of(record.text, sent.start_char, sent.end_char),
        source=_actor(record, f.source, matcher, date),
        target=_actor(record, f.target, matcher, date),
        cameo=f.code,
        negated=f.negated,
        modality=f.modality,
        date=date,
        date_span=Span.of(record.text, date_ref.start, date_ref.end) if date_ref is not None else None,
    )
    ev.place = attach.sentence_place(record, sent.start_char, sent.end_char, tok.idx, acting)
    if entry is not None:
        ev.cameo_name, ev.root, ev.quad, ev.penta = entry.name, entry.root, entry.quad, entry.penta
        ev.plover, ev.mode, ev.context = entry.plover, entry.mode, entry.context
    anchor = f.reporting if f.reporting is not None else tok
    ev.statement = attach.statement_index(record, tok.idx, tok.idx + len(tok.text))
    if ev.statement is None and f.reporting is not None:
        ev.statement = attach.statement_index(record, anchor.idx, anchor.idx + len(anchor.text))
    return ev


def _actor(record: Record, tok, matcher, date) -> Optional[ActorRef]:
    if tok is None:
        return None
    start, end = _bounds(tok)  # a token heading a noun phrase, or a tagged (start, end)
    return attach.actor_ref(record, start, end, matcher, date)


def _key(actor: Optional[ActorRef]):
    if actor is None:
        return None
    return actor.code, (actor.name or actor.text).lower()


def _actor_key(actor: Optional[ActorRef]):
    """Who an actor is, for matching events across sentences: its code, else its words."""
    if actor is None:
        return None
    return actor.code or (actor.name or actor.text).lower()


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per trigger and actors; and one per (code, source, target, polarity, modality) across the
    article unless their own sentences give different dates (a headline repeated in the body is one event)."""
    seen_exact: set = set()
    kept: dict = {}
    out = []
    for ev in events:
        exact = (ev.trigger.start, _key(ev.source), _key(ev.target))
        if exact in seen_exact:
            continue
        seen_exact.add(exact)
        if ev.source is not None and ev.target is not None:
            same = (ev.cameo, _actor_key(ev.source), _actor_key(ev.target), ev.negated, ev.modality)
            earlier = kept.get(same)
            if (
                earlier is not None
                and earlier.sentence != ev.sentence
                and (earlier.date == ev.date or earlier.date_span is None or ev.date_span is None)
            ):
                if earlier.date_span is None and ev.date_span is not None:
                    earlier.date, earlier.date_span = ev.date, ev.date_span
                earlier.place = earlier.place or ev.place
                continue
            kept[same] = ev
        out.append(ev)
    return out
