"""Coding one parsed article into events: rules, classifier correction, attachments, de-duplication."""

from __future__ import annotations

import os
import re
from typing import Optional

from .. import ontology
from ..record import ActorRef, Event, Record, Span
from . import actor_codes, attach, checks, classifier, coref, patterns, rules


# The rule's class stands unless the classifier gives it less than this probability.
RULE_CLASS_DOUBT = 0.2
# A source the dictionary and the article's speakers cannot code gives no event.
REQUIRE_SOURCE_CODE = True
# Agentless passives are events with a null source only for these ("was arrested", "was charged",
# "was accused"); "15 people were killed", "buildings were destroyed" are tolls, not acts the text assigns.
# Codes, by prefix: investigations, accusations and charges, and arrests and restrictions (172-175);
# not seizures and destruction of property (171): "buildings were destroyed", "a vessel was seized".
AGENTLESS_CODES = ("09", "11", "172", "173", "174", "175")
# Acts CAMEO directs at someone need a target the coder can code: "X attacked", "X rejected the claim",
# "X met" with no coded actor on the other side is not a row an analyst can use, and on the dev gold
# such rows were mostly wrong (a target phrase required: P/R 0.264/0.123 -> 0.386/0.119, held-back
# part 0.440/0.200 -> 0.550/0.200; a coded one: 0.552/0.163 -> 0.636/0.154, held back 0.667/0.255 ->
# 0.750/0.218). Left out: statements (01), appeals (02), yielding (08), investigations (09) and force
# postures (15), which the gold often codes with no target.
DIRECTED_ROOTS = {"03", "04", "05", "06", "07", "10", "11", "12", "13", "14", "16", "17", "18", "19", "20"}
# Rejections may be of a thing with no actor behind it ("vetoed major labor legislation": GUIDELINES 3,
# the target is null): written with a null target when the object is a plain thing (checks.thing). Measured
# on dev for 11 and 17 as well: they added rows the gold does not code ("condemned the fact that ...",
# "Minnesota banned noncompetes", a domestic rule), so only 12; and only objects the target check lets
# through: words, claims and statements (not_actor_nouns) have authors the gold takes as the target
# ("dismissed the claim" -> its makers; with them: +1 wrong row).
THING_ROOTS = {"12"}
# Support of a thing, its mirror ("said it would back a revised resolution": the gold's target is null); not the
# rest of 05 (signing "the grant of rights" is no event of a thing: NAEB audit, a new wrong row with all of 05).
THING_CODES = ("051",)
# Wishes and conditionals are not reported acts: the gold keeps a handful, the coder's are mostly wrong.
DROPPED_MODALITIES = {"hoped", "hypothetical", "demanded"}



def code_events(record: Record, doc, ctx) -> list[Event]:
    lex = ctx.event_lexicon
    ne = ctx.resource("event_not_events", checks.load, "the events not-an-event list")
    verb_patterns = ctx.resource("event_verb_patterns", patterns.load, "the CAMEO verb patterns")
    matcher = ctx.actor_matcher  # one that breaks raises: an error record, not missing codes
    speakers = coref.SpeakerIndex(record)
    country = attach.story_country(record)
    min_conf = ctx.settings.event_classifier_min
    clf = classifier.load(ctx) if min_conf < 1.0 else None
    sents = [s for s in doc.sents if any(t.is_alpha for t in s) and not record.in_defect(s.start_char, s.end_char)]
    if clf is not None:
        from_coder = ctx.nlp is not None and doc.vocab is ctx.nlp.vocab  # a doc of the pipeline checked
        predictions = clf.predict_sentences(sents, reads_parse=from_coder and classifier.reads_parses(ctx, clf))
    else:
        predictions = [None] * len(sents)
    out: list[Event] = []
    clause_triggers: set[int] = set()
    for sent, pred in zip(sents, predictions):
        found = rules.code_sentence(sent, lex, verb_patterns)
        found = found + _statement_events(record, doc, sent, found, lex)
        if pred is not None:
            found = _choose_alternatives(found, pred, min_conf)
        acting = None
        heading = _in_heading(record, sent.start_char)
        written = []
        for f in found:
            if heading or dropped(f, sent, lex, ne, found) is not None:
                continue
            acting = acting if acting is not None else _acting(sent)
            ev = _event(record, sent, f, matcher, acting, lex, ne, speakers, country)
            if ev is not None and checks.private_act(ev, _from_statement(f), ne) is None:
                written.append((f, ev))
                if f.trigger.pos_ == "VERB":
                    clause_triggers.add(ev.trigger.start)
        coded = {f.trigger.i for f, _ in written}
        vowed = {f.trigger.i for f, ev in written if ev.cameo.startswith(("03", "13")) and _vow_of(f.trigger, lex)}
        out.extend(ev for f, ev in written if not _consulted_content_coded(f, coded) and not _vow_content_coded(f, vowed))
    return _dedupe(_drop_place_twins(record, _drop_alleged(record, out, clause_triggers)), record)


def dropped(f, sent, lex, ne, found=()) -> Optional[str]:
    """Why a found trigger gives no event before its actors are looked at, or None (one place for the coder
    and tools/trace_events.py); ``found``: all the sentence's found triggers."""
    if f.modality in DROPPED_MODALITIES and _intent_code(f, lex) is None:
        return f"modality:{f.modality}"
    if _admitted(f, found):
        return "admitted-clause"
    why = checks.reason_not_event(f, sent, ne)
    if why is not None:
        return why
    if f.trigger.pos_ in ("NOUN", "PROPN") and not _noun_event_stands(f, lex, ne):
        return "noun-not-carried"
    if _modifier_clause(f.trigger) and not (_measure_content(f.trigger, ne) and checks.conditional_threat(f, ne)):
        return "modifier-clause"
    if _background_clause(f.trigger):
        return "background-clause"
    if _copular_purpose(f.trigger):
        return "copular-description"
    return None


# An admission (015) is coded as the admission; the act it admits is its content ("Rivera admitted that he met
# with co-conspirators"). A party's claim of its own use of force ("the army admitted it struck the camp") is
# coded as the act (GUIDELINES 5), so those roots stay.
ADMITTING = ("015",)
CLAIMED_FORCE_ROOTS = ("18", "19", "20")


def _admitted(f, found) -> bool:
    """The trigger heads the clause an admission trigger of the same sentence takes ("admitted that he met ...")."""
    if (f.code or "").startswith(CLAIMED_FORCE_ROOTS + ADMITTING):
        return False
    node = f.trigger
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "admitted that he met them and paid them"
    if node.dep_ != "ccomp":
        return False
    return any(a.trigger.i == node.head.i and (a.code or "").startswith(ADMITTING) for a in found)


# CAMEO acts that are allegations: the acts their speaker alleges are coded as the allegation
# (GUIDELINES 5), not again as events of their own.
ALLEGING = ("11", "016")


def _drop_alleged(record: Record, events: list[Event], verbal: set) -> list[Event]:
    """Drop events told by a clause in the content of a statement whose speaker, in the same sentence,
    accuses, criticises or denies ("The general condemned Israel ..., saying the regime is killing
    citizens": the condemnation is the event, the killing is what it alleges). An event noun there is
    taken as known ("accused her counterpart of hypocrisy, pointing to Russia's invasion of Ukraine":
    the dev gold codes the invasion)."""
    alleging = [a for a in events if a.source is not None and a.source.code and (a.cameo or "").startswith(ALLEGING)]
    if not alleging:
        return events
    out = []
    for ev in events:
        st = record.statements[ev.statement] if ev.statement is not None else None
        inside = st is not None and any(c.start <= ev.trigger.start < c.end for c in st.content)
        if inside and ev.trigger.start in verbal and ev not in alleging and any(
                a.sentence == ev.sentence and (a.statement == ev.statement or _speaks(a.source, st)) for a in alleging):
            continue
        out.append(ev)
    return out


def _speaks(actor: ActorRef, st) -> bool:
    """The actor is the statement's speaker: the same words, or the speaker's code (a bare role such as
    'MIL' completed with the story's country in the event's)."""
    if st.speaker is not None and actor.start < st.speaker.end and st.speaker.start < actor.end:
        return True
    return bool(st.speaker_code) and actor.code.endswith(st.speaker_code)


def _from_statement(f) -> bool:
    """The event is a speaker's verbal act: coded from a statement's content, or a comment (CAMEO 01)."""
    return f.verbal or (f.code or "")[:2] == "01"


def _acting(sent) -> list[tuple[int, int]]:
    """(start, end) of words acting in the sentence ("Kiev will withdraw", "Baghdad said"): places there
    are actors, not where it happened."""
    return [(t.idx, t.idx + len(t.text)) for t in sent if t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "compound")]


def _choose_alternatives(found: list, probs: dict[int, float], min_conf: float) -> list:
    """The classifier may only choose between the codes a trigger's pattern allows (its ``alt``): when it is
    confident of a class that one of the alternatives has and finds the pattern's own class unlikely."""
    penta = max(probs, key=probs.get)
    if probs[penta] < min_conf:
        return found
    for f in found:
        rule_class = ontology.penta_of(f.code) if f.code else None
        if rule_class is not None and rule_class != penta and probs.get(rule_class, 0.0) < RULE_CLASS_DOUBT:
            f.code = next((a for a in f.alt if ontology.penta_of(a) == penta), f.code)
    return found


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
            (code for kind, code in rules.STATEMENT_ACTS if words & lex.statement_content[kind]),
            None,
        )
        if code is None:
            continue
        ids = {t.i for t in content_tokens}
        subject = next((t for t in content_tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.i in ids
                        and t.pos_ in rules.ACTOR_POS), None)
        target = rules.content_target(subject, lex)
        speaker = doc.char_span(st.speaker.start, st.speaker.end, alignment_mode="expand") if st.speaker else None
        source = speaker.root if speaker is not None else None
        extra.append(rules.Found(cue.root, code, (), source, target, st.negated, "asserted", 99, None, True))
    return extra


def _event(record: Record, sent, f, matcher, acting, lex, ne, speakers, country) -> Optional[Event]:
    """The event of a found trigger, or None when its source is not an actor the article names."""
    tok = f.trigger
    date, date_ref, precision, date_source = attach.event_date(record, tok.doc, sent, tok)
    settle_arguments(record, f, lex, ne)
    if f.source is None:
        if f.verbal:
            return None  # a statement's act needs its speaker ("the jury was instructed to determine if ...")
        if not (f.undergone or _agentless(tok)) or not (f.code or "").startswith(AGENTLESS_CODES):
            return None  # an active verb whose subject the parse did not find: no claim to make
        source = _reporting_authority(record, f, matcher, date, lex, ne, speakers, country)
    else:
        source = _actor(record, f.source, matcher, date, lex, ne, speakers, country, required=True)
        if source is None:
            return None
    target = _actor(record, f.target, matcher, date, lex, ne, speakers, country, required=False) if f.target is not None else None
    if source is not None and target is not None and (
            (source.start, source.end) == (target.start, target.end) or _same_actor(source, target, f.target)):
        target = None
    actor_codes.victims_country(record, sent.start_char, sent.end_char, source, target, f.code, country, matcher)
    f.code = checks.resolution_appeal(f, source.code if source is not None else None, ne) or f.code
    if (f.code or "")[:2] in DIRECTED_ROOTS or f.from_patterns:  # a verb only the dictionary codes: a full row
        if done_to_thing(f, target, lex, ne):
            target = None  # "vetoed major labor legislation": done to a thing, no actor (GUIDELINES 3)
            if source is None:
                return None  # "Abortion is now banned in 15 states": no actor on either side
        elif target is None or not target.code:
            return None
    if _evacuation_order(f, source, lex):
        f.code = "100"
    intent = _intent_code(f, lex) or _vowed_force(f, lex)  # after the target check: as its act needs
    if intent is not None:
        f.code, f.modality = intent, ("hoped" if f.modality == "hoped" else "asserted")
    trigger = Span.of(record.text, tok.idx, tok.idx + len(tok.text))
    entry = ontology.lookup(f.code) if f.code else None
    ev = Event(
        trigger=trigger,
        sentence=Span.of(record.text, sent.start_char, sent.end_char),
        source=source,
        target=target,
        cameo=f.code,
        negated=f.negated,
        modality=f.modality,
        date=date,
        date_span=Span.of(record.text, date_ref.start, date_ref.end) if date_ref is not None else None,
        date_precision=precision,
        date_source=date_source,
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


def done_to_thing(f, target: Optional[ActorRef], lex, ne) -> bool:
    """A directed act done to a thing, written with a null target (one place for the coder and
    tools/trace_events.py): a rejection or a support of a plain thing, a measure, a thing one acts "against"."""
    code = f.code or ""
    if code[:2] not in THING_ROOTS and not code.startswith(THING_CODES):
        return False
    if target is not None:
        return not target.code and checks.thing(f.target, lex, ne)
    return f.target is not None and (rules.is_in(f.target, ne.measure_nouns) or _opposed_thing(f.target, lex, ne))


def _opposed_thing(tok, lex, ne) -> bool:
    """A thing a rejection is "against" ("pushed back against calls for a cease-fire"): what is opposed, not whom
    (a dismissed claim's object stands for its makers; a thing one acts against does not)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "against" and checks.thing(tok, lex, ne)


# Who reports an agentless arrest, charge or accusation is taken as its agent (GUIDELINES 2: "police
# said she was arrested" is coded with the police as source): the authorities that do these acts.
REPORTING_AUTHORITIES = {"COP", "JUD", "GOV", "MIL", "SPY"}


def settle_arguments(record: Record, f, lex, ne) -> None:
    """Set a found trigger's source, target and code as the coder reads them before looking at its actors
    (one place for the coder and tools/trace_events.py): the subject after a dateline or a place, the one
    an "it is up to X" leaves the act to, a measure's author, a partitive's group, a conditional threat."""
    tok = f.trigger
    f.source = _subject_after_dateline(record, f)
    f.source = coref.subject_after_place(f.source) or coref.up_to_agent(f.source) or f.source  # "it's up to X to"
    f.code = checks.conditional_threat(f, ne) or checks.demonstration_purpose(f, ne) or f.code
    if _measure_content(tok, ne) and f.source is not None and f.source.i == tok.head.i:
        author = tok.head.head  # "he will introduce legislation withholding funds": the measure's author acts
        subject = next((c for c in author.children if c.dep_ in rules.SUBJ), None)
        f.source = subject if subject is not None else rules.inherited_subject(author)
    f.target = coref.partitive_head(f.target, lex.actor_defaults.partitives) or coref.fact_subject(f.target) or f.target  # "any of the officers"
    if f.target is not None and not checks.target_phrase(f.target, lex, ne):
        f.target = coref.with_party(f.target) or f.target  # "negotiating a deal with the exonerees"
    if f.target is None and (f.code or "").startswith("02"):
        f.target = coref.requested_agent(tok)  # "their call for government intervention"


def _reporting_authority(record: Record, f, matcher, date, lex, ne, speakers, country) -> Optional[ActorRef]:
    """The police, court or government whose statement reports an agentless passive, else None."""
    subject = rules._child(f.reporting, *rules.SUBJ) if f.reporting is not None else None
    if subject is None:
        return None
    ref = _actor(record, subject, matcher, date, lex, ne, speakers, country, required=True)
    if ref is None or not ref.code or not checks.roles(ref.code[:6]) & REPORTING_AUTHORITIES:
        return None
    return ref


def _evacuation_order(f, source: Optional[ActorRef], lex) -> bool:
    """An appeal by a military to leave ("It asked Gaza's civilians to ... evacuate"): a demand (GUIDELINES 4)."""
    if not (f.code or "").startswith("02") or source is None or not source.code or f.trigger.pos_ != "VERB":
        return False
    if not checks.roles(source.code) & lex.evacuation_roles:
        return False
    return any(rules.is_in(t, lex.evacuation_verbs)
               for c in f.trigger.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree)


def _in_heading(record: Record, offset: int) -> bool:
    """A subheading of the body ("How the attack unfolded") names events the prose tells."""
    return any(h.start <= offset < h.end for h in record.headings)


def _noun_event_stands(f, lex, ne) -> bool:
    """An event noun is a reported act when a verb carries it ("launched an offensive", "talks were held")
    or when it names both sides ("Russia's invasion of Ukraine"); a bare mention ("the war", "its
    attacks", "the Hamas attack") is background, and a statement noun ("remarks") never is an act."""
    if f.code is None or f.code[:2] == "01":
        return False
    tok = f.trigger
    head = tok.head
    carried = tok.dep_ in ("dobj", "nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.i != tok.i \
        and rules.is_in(head, lex.light_verbs)
    if carried and f.source is not None or f.undergone and f.target is not None:
        return True  # "He faces charges": done to him, by whom the text need not say
    if _given_reason(tok, ne):
        return False
    return f.source is not None and f.target is not None


def _given_reason(tok, ne) -> bool:
    """An event noun given as the reason of another act ("renewed its bombardment in response to the Israeli
    massacres against civilians") is what that act's author alleges, not an event of its own (GUIDELINES 5)."""
    return tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.lemma_ in ne.reason_nouns


def _modifier_clause(tok) -> bool:
    """A participle describing a noun ("the council members proposing the changes", "militants
    supporting Haley") describes who someone is, not an act the story reports."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i < tok.head.i and not any(
            c.dep_ in rules.SUBJ or c.dep_ == "mark" for c in tok.children):
        return True  # "Agreeing with Moser, the councilman said": how he spoke; "wrote, asking X to" stays
    if _narrated_participle(tok):
        return False
    return tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBG", "VBN")


def _measure_content(tok, ne) -> bool:
    """An active participle with its own object under a bill or measure that a verb takes ("will introduce
    legislation withholding federal funds from any city"): what the measure does to its target, the act of
    the measure's author (GUIDELINES 4), not a description of a noun."""
    head = tok.head
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and any(c.dep_ == "dobj" for c in tok.children) \
        and rules.is_in(head, ne.measure_nouns) and head.dep_ in ("dobj", "nsubjpass") \
        and head.head.pos_ in ("VERB", "AUX") and head.head.i != head.i


def _narrated_participle(tok) -> bool:
    """A past participle set off by a comma after the noun it follows, with its agent ("Lionel White,
    detained by border police at the crossing"; "the rockets, supplied by Ruritania"), narrates
    a past act done to that noun by a named doer; a restrictive one with no comma ("militants backed by
    Iran") still tells who they are."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.i > 0 and tok.doc[tok.i - 1].text == "," \
        and any(c.dep_ == "agent" for c in tok.children)


def _same_actor(source: ActorRef, target: ActorRef, target_head) -> bool:
    """The target is the source again: a pronoun or "their governments" resolved to the source's own
    code ("the judge rejected attempts to dismiss the case against him" is not the judge against
    himself), or the same named person."""
    if not source.code or source.code != target.code:
        return False
    if source.name and source.name == target.name:
        return True
    return target_head is not None and (target_head.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in target_head.children))


def _background_clause(tok) -> bool:
    """A verb of a relative clause ("soldiers who helped save lives", "a war that has devastated Yemen")
    or in the past perfect ("after settlers had stormed the compound") tells background: who someone is
    or what came before, which the gold codes where the story tells it (dev: 0 of 12 such rows right)."""
    if tok.pos_ != "VERB":
        return False
    node = tok
    while node.dep_ in ("xcomp", "advcl") and node.head.pos_ == "VERB" and rules.to_infinitive(node):
        node = node.head  # "the proxy forces Iran uses to attack Israeli interests": what the clause says of them
    if node.dep_ == "relcl":
        return True
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and not any(c.dep_ in ("aux", "auxpass", *rules.SUBJ)
                                                                    for c in tok.children):
        tok = tok.head  # "had forced her way into his home and attacked him": the conjunct shares the past perfect
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _consulted_content_coded(f, coded: set) -> bool:
    """A consultation whose object is a plan or proposal with its own act coded in the sentence ("Bannon and
    Patel discussed plans to target the press"): coded once, by its content, as GUIDELINES 4 codes a phone
    call carrying a demand."""
    if (f.code or "")[:2] != "04" or f.trigger.pos_ != "VERB":
        return False
    return any(c.dep_ == "dobj" and any(x.dep_ == "acl" and x.i in coded for x in c.children)
               for c in f.trigger.children)


def _copular_purpose(tok) -> bool:
    """A to-infinitive of a noun that a copula predicates of its subject ("He wasn't part of the plan to kill
    Moïse", "it was the first attempt to seize the port") says what a plan or effort is, not that the subject
    announced it (GUIDELINES 4 codes an announced plan, "announced a plan to", with modality planned)."""
    if tok.pos_ != "VERB" or tok.dep_ != "acl" or not rules.to_infinitive(tok):
        return False
    node = tok.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node.lemma_ == "be"


def _agentless(tok) -> bool:
    """A passive with no agent ("two journalists were detained"): the text names no source."""
    if tok.pos_ == "VERB" and rules.shared_patient(tok) is not None:
        return not any(c.dep_ == "agent" for c in tok.children)  # "was convicted and sentenced", "Arrested in 2012, they"
    return tok.pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and not any(
        c.dep_ == "agent" for c in tok.children)


def _actor(record: Record, tok, matcher, date, lex, ne, speakers, country, required: bool,
           depth: int = 0) -> Optional[ActorRef]:
    """The actor a phrase names, coded by the dictionary or by the article's resolved speakers.

    A source (``required``) that is not an actor phrase, or a pronoun the article does not resolve,
    gives None (no event); a target that is not an actor phrase is dropped (None)."""
    tok = coref.partitive_head(tok, lex.actor_defaults.partitives) or tok  # "nearly all of the exonerees": the group is the actor
    tok = coref.split_abbreviation(tok) or tok  # "Lionel Grant Jr., arrested by"
    if not (checks.actor_phrase(tok, lex, ne) if required else checks.target_phrase(tok, lex, ne)):
        return None
    start, end = _trim_dateline(record, *rules.noun_phrase(tok))
    ref = attach.actor_ref(record, start, end, matcher, date, country)
    group = None
    if ref.code is None and depth < 3 and (tok.pos_ != "PRON" or speakers.at(tok.idx, tok.idx + len(tok.text)) is None):
        group = coref.group_antecedent(tok, plural_pronouns=True)
    elif depth < 3 and _same_role_before(record, tok, ref, start, end, matcher, date, lex, ne, speakers, country, required, depth):
        return ref
    if group is not None:  # "The couple spoke with ...": the two named before
        code = speakers.member_code(group)  # "Ivanka and Jared": one of them a coded speaker
        if code:
            ref.code, ref.country = code, code[:3]
            return ref
        if _coded_by(record, ref, group, matcher, date, lex, ne, speakers, country, required, depth):
            return ref
    full = coref.acronym_antecedent(tok) if ref.code is None and depth < 3 else None
    if full is not None:  # "CPD" after "the Chicago Police Department"
        if _coded_by(record, ref, full, matcher, date, lex, ne, speakers, country, required, depth):
            return ref
    bound = coref.bound_antecedent(tok, lex.actor_defaults.collective_nouns) if ref.code is None and depth < 3 and group is None else None
    if bound is not None and speakers.at(tok.idx, tok.idx + len(tok.text)) is None:  # "they formalized their inquiry"
        if _coded_by(record, ref, bound, matcher, date, lex, ne, speakers, country, required, depth):
            return ref
    again = (coref.repeated_pronoun_subject(tok) or _reporter_subject(tok, lex)) if ref.code is None and depth < 3 else None
    if again is not None and speakers.at(tok.idx, tok.idx + len(tok.text)) is None:  # "It says it has killed"
        if _coded_by(record, ref, again, matcher, date, lex, ne, speakers, country, required, depth):
            return ref
    if tok.pos_ == "PRON":
        found = speakers.at(tok.idx, tok.idx + len(tok.text))
        if found is None and required:  # "'I will introduce ...,' Graham said"; as a target ("struck me") left out
            found = speakers.quoting(tok.idx, tok.lower_)
        named = coref.clause_person(tok, lex.actor_defaults.gendered_nouns) if found is None and depth < 3 else None
        if named is not None and _coded_by(record, ref, named, matcher, date, lex, ne, speakers, country, required, depth):
            return ref  # "Police shot a woman after she pointed a gun"
        if found is None and tok.lower_ in coref.PERSON_PRONOUNS:
            found = speakers.before(tok.idx, tok.lower_, tok.doc if required else None)
        if (found is None or not found.code) and not required and tok.lower_ in coref.PERSON_PRONOUNS:
            named = _person_before(tok)
            if named is not None:
                # "he was arrested": a target pronoun stands for the person last named before it
                person = attach.actor_ref(record, named.start_char, named.end_char, matcher, date, country)
                if person.code is None:
                    actor_codes.complete(person, named.root, country, lex.actor_defaults, names=True)
                if person.code:
                    ref.code, ref.country, ref.name = person.code, person.country, person.name or named.text
                return ref
        if found is None or not found.code:
            return None if required else ref
        ref.code, ref.name = found.code, found.name
        ref.country = found.code[:3] if len(found.code) >= 3 and not actor_codes.role_only(found.code, lex.actor_defaults) else None
        return actor_codes.complete(ref, None, country, lex.actor_defaults)
    if ref.code is None or len(ref.code) <= 3 and ref.country is None:
        found = speakers.at(start, end)
        code = found.code if found is not None else speakers.by_surname(record.text[start:end])
        if code:
            ref.code = code
            ref.country = ref.country or (code[:3] if len(code) >= 3 else None)
            if found is not None:
                ref.name = ref.name or found.name
    actor_codes.complete(ref, tok, country, lex.actor_defaults, names=not required)
    if required and ref.code is None and REQUIRE_SOURCE_CODE:
        return None
    if not required and ref.code is None and depth < 3:
        # an uncoded target gives way to a coded one conjoined with it: "pointed a gun at her head and at officers"
        for other in coref.conjoined_nouns(tok):
            named = _actor(record, other, matcher, date, lex, ne, speakers, country, required, depth + 1)
            if named is not None and named.code:
                return named
    if not required and ref.code is None:
        ref.country = ref.code = actor_codes.place_country(record, start, end, tok, country, lex.actor_defaults)
    return ref


def _reporter_subject(tok, lex):
    """The noun subject of the reporting verb whose content clause has the pronoun ``tok`` as its own subject,
    when they agree in number ("The U.S. said it would back ...", "Polish farmers said that they would suspend
    ..."), else None (coref.repeated_pronoun_subject takes a repeated pronoun)."""
    if tok is None or tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in ("it", "they"):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or not rules.is_in(clause.head, lex.reporting_verbs):
        return None
    subj = rules._child(clause.head, "nsubj")
    if subj is None or subj.i > tok.i or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    return subj if coref._agrees(subj, "its" if tok.lower_ == "it" else "their") else None


def _intent_code(f, lex) -> Optional[str]:
    """The 03x code of an act the source says it will do ("The farmers said they would suspend the protest":
    0352) or hopes to do itself ("Kyiv hoped to reach an agreement": 037), else None: a future act in the
    content of a reporting verb whose subject is the act's own (the same phrase, or a pronoun that stands for
    it). GUIDELINES 5 codes such intents 03x, asserted, and a hope with the 03x it amounts to."""
    if f.source is None or f.verbal:
        return None
    if f.modality == "hoped":
        if not _own_hope(f.trigger, lex):
            return None
    elif f.modality == "planned":
        if _vow_of(f.trigger, lex) is None:  # "pledged to meet the president": 036, the pledge's own row goes
            return None
    elif f.modality != "future" or f.reporting is None:
        return None
    else:
        speaker = rules._child(f.reporting, "nsubj")
        if speaker is None or f.source.i != speaker.i and speaker not in (
                coref.repeated_pronoun_subject(f.source), _reporter_subject(f.source, lex)):
            return None
    code = f.code or ""
    return next((lex.intent_codes[code[:n]] for n in (4, 3, 2) if code[:n] in lex.intent_codes), None)


# A promise (vow, pledge, promise: CAMEO 030) whose content is coded is coded once, by its content.
PROMISING = "030"


def _vow_of(tok, lex):
    """The promise verb ("vowed", "pledged") whose infinitive the act is, else None."""
    if tok.dep_ != "xcomp" or tok.pos_ != "VERB":
        return None
    gov = tok.head
    trig = rules.lookup(gov, lex.verbs)
    return gov if trig is not None and trig.code == PROMISING else None


def _vowed_force(f, lex) -> Optional[str]:
    """The threat code of an act of force its source vows to do ("Israel has vowed to dismantle Hezbollah": 138),
    else None."""
    if f.source is None or _vow_of(f.trigger, lex) is None:
        return None
    return lex.vowed_force_codes.get((f.code or "")[:2])


def _vow_content_coded(f, vowed: set) -> bool:
    """A promise whose infinitive is written as its intent or threat (``vowed``: trigger indices): that row
    stands for the promise (one event per act, GUIDELINES 6)."""
    if f.code != PROMISING or f.trigger.pos_ != "VERB":
        return False
    return any(c.dep_ == "xcomp" and c.i in vowed for c in f.trigger.children)


def _own_hope(tok, lex) -> bool:
    """The act is one its source hopes to do itself ("Kyiv hoped to reach an agreement with Poland"): reached from
    a verb of hope through infinitives and objects only, not a clause with a subject of its own ("hoped that
    Russia would ...")."""
    node, hops = tok, 0
    while node.dep_ in ("xcomp", "dobj") and hops < 3:
        gov = node.head
        if node.dep_ == "xcomp" and rules.lookup(gov, lex.modality_governors) == "hoped":
            return True
        node, hops = gov, hops + 1
    return False


def _same_role_before(record: Record, tok, ref: ActorRef, start: int, end: int, matcher, date, lex, ne, speakers,
                      country, required: bool, depth: int) -> bool:
    """A bare definite role noun whose country came from the story ("The administration" CHNGOV in a story on
    Chinese cars) takes the country of its full mention before it ("The Biden administration": USAGOV) when
    that mention is coded with the same role; returns whether ``ref`` was so recoded."""
    full = coref.definite_antecedent(tok)
    if full is None or not ref.code or any(r.country for r in matcher.find_in_text(record.text, start, end)):
        return False  # the phrase names its own country
    named = _actor(record, full, matcher, date, lex, ne, speakers, country, required, depth + 1)
    if named is None or not named.code or named.code[3:] != ref.code[3:]:
        return False  # "the press" USAMED after "the American press" USA: not the same role
    _copy_code(ref, named)
    return True


def _coded_by(record: Record, ref: ActorRef, other, matcher, date, lex, ne, speakers, country, required: bool,
              depth: int) -> bool:
    """``ref`` takes the code of the phrase at ``other`` it stands for (a group, an acronym's full name, a
    bound pronoun's antecedent) when that phrase is coded; returns whether it was."""
    named = _actor(record, other, matcher, date, lex, ne, speakers, country, required, depth + 1)
    if named is None or not named.code:
        return False
    _copy_code(ref, named)
    return True


def _copy_code(ref: ActorRef, named: ActorRef) -> None:
    ref.code, ref.country, ref.sector, ref.name = named.code, named.country, named.sector, named.name


# How far back (characters) a target pronoun may reach for the person it stands for.
PERSON_REACH = 300


def _person_before(tok):
    """The PERSON entity last named before a pronoun, within PERSON_REACH characters, else None."""
    best = None
    for ent in tok.doc.ents:
        if ent.end_char > tok.idx:
            break
        if ent.label_ == "PERSON" and tok.idx - ent.end_char <= PERSON_REACH:
            best = ent
    return best


def _subject_after_dateline(record: Record, f):
    """A dateline the parser took for the subject ("ATLANTA -- Federal drug officials are warning", "NEW
    DELHI, Sep 2 (IANS) The minister said"): the verb's subject after it, else none."""
    span = record.dateline.span if record.dateline is not None else None
    src = f.source
    if span is None or src is None or not (span.start <= src.idx < span.end):
        return src
    return next((c for c in f.trigger.children if c.dep_ in rules.SUBJ and c.idx >= span.end), None)


def _trim_dateline(record: Record, start: int, end: int) -> tuple[int, int]:
    """A phrase that runs over the dateline ("LONDON (AP) — A man") starts after it."""
    span = record.dateline.span if record.dateline is not None else None
    if span is not None and start < span.end < end:
        start = span.end
        while start < end and not record.text[start].isalnum():
            start += 1
    return start, end


def _actor_key(actor: Optional[ActorRef]):
    """Who an actor is, for matching events across sentences: its code, else its words."""
    if actor is None:
        return None
    return actor.code or (actor.name or actor.text).lower()


# "Jennings also asked the judge to ...", "has also accused": the act is told as one more, not again.
_ALSO = re.compile(r"\balso\s+(?:\w+\s+)?$", re.I)


def _told_as_another(record: Optional[Record], ev: Event) -> bool:
    return record is not None and bool(_ALSO.search(record.text[ev.sentence.start:ev.trigger.start]))


def _dedupe(events: list[Event], record: Optional[Record] = None) -> list[Event]:
    """One event per trigger and actors; and one per (code, source, target, polarity, modality) across the
    article unless their own sentences give different dates (a headline repeated in the body is one event)."""
    seen_exact: set = set()
    kept: dict = {}
    out = []
    for ev in _merge_agentless(events):
        # GUIDELINES 3: "A and B attacked C" is one event per source only when A and B have different codes
        # conjoined objects that name no actor ("requested the design and construction of a missile") are one
        exact = (ev.trigger.start, _actor_key(ev.source), ev.target.code if ev.target is not None else None)
        if exact in seen_exact:
            continue
        seen_exact.add(exact)
        if ev.source is not None:
            # an uncoded target is told in other words each time ("its commitments", "the commitments")
            target_key = ev.target.code if ev.target is not None else None
            same = (ev.cameo, _actor_key(ev.source), target_key, ev.negated, ev.modality)
            earlier = kept.get(same)
            if earlier is None and target_key is None and ev.target is not None:
                # "is now considering additional tariffs" after "is considering raising tariffs on Chinese EVs":
                # a target told in words that name no actor is the earlier row's again
                earlier = next((o for k, o in kept.items() if k[:2] == same[:2] and k[3:] == same[3:]), None)
            if earlier is None and ev.source.text.lower() in checks.PERSONAL_PRONOUNS and ev.source.code:
                # "it ordered tens of thousands of residents to leave" after the lede's "Israel ... orders tens of
                # thousands more people to leave": a pronoun and the same verb retelling the act of its country's actor
                earlier = next((o for k, o in kept.items() if k[0] == ev.cameo and k[2:] == same[2:]
                                and o.source.code and o.source.code[:3] == ev.source.code[:3]
                                and _same_word(o.trigger.text, ev.trigger.text)), None)
            if (
                earlier is not None
                and earlier.sentence != ev.sentence
                and not _told_as_another(record, ev)
                and (earlier.date == ev.date or earlier.date_span is None or ev.date_span is None)
            ):
                if earlier.date_span is None and ev.date_span is not None:
                    earlier.date, earlier.date_span = ev.date, ev.date_span
                earlier.place = earlier.place or ev.place
                earlier.mentions.append(ev.trigger)
                continue
            kept[same] = ev
        out.append(ev)
    return out


def _same_word(a: str, b: str) -> bool:
    """Two inflections of one word ("orders", "ordered"): they share all but their endings (two letters)."""
    a, b = a.lower(), b.lower()
    n = len(os.path.commonprefix([a, b]))
    return n >= 4 and n >= min(len(a), len(b)) - 2


def _sides_countries(ev: Event) -> set:
    return {a.code[:3] for a in (ev.source, ev.target) if a is not None and a.code}


def _place_only(record: Record, actor: Optional[ActorRef]) -> bool:
    """A side that is a place standing for its side ("the Gaza battles"): coded with a bare country, or its
    words are a place the record found."""
    if actor is None or not actor.code:
        return False
    return len(actor.code) == 3 or any(p.start <= actor.start and actor.end <= p.end for p in record.places)


def _drop_place_twins(record: Record, events: list[Event]) -> list[Event]:
    """One sentence telling the same fighting twice, once with a place for a side ("29 soldiers were injured
    in the Gaza battles, amid clashes between occupation soldiers and Palestinian factions"): the row whose
    source is a place is the same event as the one of the same root between the same countries whose
    sides are named actors (GUIDELINES 1: one event per real-world event). A row told inside the other's target
    phrase is an act of that target's own ("working to dismantle Hamas, the armed group that launched an attack on
    Israel"), no twin."""
    def twin(ev):
        return any(o is not ev and o.sentence == ev.sentence and (o.cameo or "")[:2] == (ev.cameo or "")[:2]
                   and o.source is not None and o.source.code and not _place_only(record, o.source)
                   and _sides_countries(o) == _sides_countries(ev)
                   and not (o.target is not None and o.target.start <= ev.trigger.start < o.target.end)
                   for o in events)
    return [ev for ev in events if not (_place_only(record, ev.source) and twin(ev))]


def _surname(actor: Optional[ActorRef]) -> Optional[str]:
    """The last capitalised word of a named person or group ("Morris", "Rivera"), else None."""
    if actor is None or not actor.code:
        return None
    words = [w.strip(".,'’\"“”") for w in (actor.name or actor.text).split()]
    words = [w for w in words if w[:1].isupper() and w.isalpha() and w.lower() not in coref.PERSON_PRONOUNS]
    return words[-1] if words else None


def _pronoun(actor: Optional[ActorRef]) -> bool:
    return actor is not None and actor.text.lower() in coref.PERSON_PRONOUNS


def _merge_agentless(events: list[Event]) -> list[Event]:
    """An agentless act told again with its agent ("Morris was detained ..." then "police arrested Morris") is
    one event, kept where its actors are named (GUIDELINES 1: coded at its first full mention); two
    agentless tellings of the same act on the same named person are one too."""
    out: list[Event] = []
    for ev in events:
        name = _surname(ev.target)
        twin = None
        if name is not None:
            twin = next((o for o in out if o.cameo == ev.cameo and (o.source is None or ev.source is None)
                         and o.target is not None and o.target.code == ev.target.code and _surname(o.target) == name
                         and o.negated == ev.negated and o.modality == ev.modality), None)
        if twin is None and ev.source is None and _pronoun(ev.target):
            # "He was sentenced in October" after "Rivera ... was sentenced to life": the act told again
            twin = next((o for o in reversed(out) if o.cameo == ev.cameo and o.target is not None
                         and not _pronoun(o.target) and o.negated == ev.negated and o.modality == ev.modality), None)
        if twin is None:
            out.append(ev)
            continue
        if twin.source is None and ev.source is not None:
            out[out.index(twin)] = ev  # the mention that names the agent stands for the event
            ev.mentions = sorted(twin.mentions + [twin.trigger] + ev.mentions, key=lambda m: m.start)
        else:
            twin.mentions.append(ev.trigger)
    return out
