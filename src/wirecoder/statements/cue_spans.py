"""Cue boundaries by PolNeAR's conventions: the cue is the verb, without its medium, date, subject words or
time, and with the preposition, adverb or pronoun object PolNeAR keeps in it ("called for", "said
sarcastically", "put it"). Each is an assembly rule of assemble.py (RULES), switched off with --without."""

from __future__ import annotations

from .lexicon import Lexicon
from .runs import Run, run_head

# a cue this long with no content tells what someone did ("did not immediately respond to requests for",
# "made the pledge at"), not what they said: on PolNeAR dev, 7 of 45 such cues are gold cues
LONG_CUE_WORDS = 4


def cue_without_medium(doc, cue: Run, lexicon) -> Run:
    """A cue verb followed, inside the cue, by the medium or occasion of its words ends before it:
    "said in an email" -> "said", "said via email", "wrote on its website" (PolNeAR marks the verb; the
    prepositions and nouns: cues.yaml medium_preps, medium_nouns)."""
    head = run_head(doc, cue)
    if head.pos_ not in ("VERB", "AUX"):
        return cue
    for i in range(head.i + 1, cue.end):
        t = doc[i]
        if t.head.i == head.i and t.dep_ == "prep" and t.lower_ in lexicon.medium_preps:
            objs = [k for k in t.children if k.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() in lexicon.medium_nouns:
                return Run(cue.start, i, cue.sent, cue.para)
            return cue
    return cue


def cue_without_on_date(doc, cue: Run) -> Run:
    """A cue that ends on "on" and a date hung from its verb ends before it: "said on Monday" -> "said"
    (PolNeAR train: 12 such cues of the tagger are gold without the date, 2 with it; a bare "said Monday"
    is gold as often with its day as without, and stays)."""
    head = run_head(doc, cue)
    for i in range(head.i + 1, cue.end):
        t = doc[i]
        if t.head.i == head.i and t.dep_ == "prep" and t.lower_ == "on" and t.right_edge.i == cue.end - 1 \
                and i > cue.start and all(d.ent_type_ == "DATE" or d.ent_type_ == "TIME" for d in t.subtree if d.i != i):
            return Run(cue.start, i, cue.sent, cue.para)
    return cue


def cue_without_subject_words(doc, cue: Run) -> Run:
    """A cue that opens with words of its verb's subject, the subject's own head left out ("A poll | released
    last year found", "The senators | all suggested"), starts after them: they modify the source, and PolNeAR's
    cue is the verb. A cue that holds the subject's head ("His best response was to say") is a nominal cue
    and stays."""
    head = doc[cue.start:cue.end].root  # not run_head: the first word's head, in the subject, is outside the cue
    subjects = [t for t in head.children if t.dep_ in ("nsubj", "nsubjpass")]
    if head.pos_ not in ("VERB", "AUX") or not subjects or cue.start <= subjects[0].i < cue.end:
        return cue
    words = {t.i for t in subjects[0].subtree}
    start = cue.start
    while start < head.i and (start in words or doc[start].is_space):
        start += 1
    return cue if start == cue.start else Run(start, cue.end, cue.sent, cue.para)


def cue_without_leading_time(doc, cue: Run) -> Run:
    """A cue that opens with its verb's time ("just this month announced", "on Friday warned") starts after
    it, as the speaker does (rule speaker-time): PolNeAR's cue is the verb."""
    head = doc[cue.start:cue.end].root
    start = cue.start
    while start < head.i:
        top = doc[start]
        while top.head.i != head.i and top.head.i != top.i and cue.start <= top.head.i < head.i:
            top = top.head
        if not (top.head.i == head.i and top.dep_ in ("prep", "npadvmod", "advmod") and top.left_edge.i == start
                and top.right_edge.i < head.i and any(d.ent_type_ in ("DATE", "TIME") for d in top.subtree)):
            break
        start = top.right_edge.i + 1
        while start < head.i and (doc[start].is_space or doc[start].text == ","):
            start += 1
    return cue if start == cue.start else Run(start, cue.end, cue.sent, cue.para)


_TRAILING_PREPS = {"of", "to", "on", "at", "after"}


def cue_without_trailing_prep(doc, cue: Run, lexicon: Lexicon) -> Run:
    """A cue whose head is one of cues.yaml's prep_free_verbs and whose last word is a preposition of that
    verb ends before it: "said of", "recalled of", "added on", "responded to" -> the verb, as PolNeAR
    marks it ("talked about", "called on", "accused of" keep theirs)."""
    head = run_head(doc, cue)
    last = doc[cue.end - 1]
    if (cue.end - cue.start < 2 or head.pos_ != "VERB" or last.head.i != head.i or last.dep_ != "prep"
            or last.lower_ not in _TRAILING_PREPS or head.lemma_.lower() not in lexicon.prep_free_verbs):
        return cue
    return Run(cue.start, cue.end - 1, cue.sent, cue.para)


def bound_prep(doc, cue: Run, lexicon: Lexicon):
    """The preposition of a cue headed by one of cues.yaml's prep_bound_verbs ("called for", "called on")
    that ends the cue or follows it; None if there is none."""
    head = run_head(doc, cue)
    preps = lexicon.prep_bound_verbs.get(head.lemma_.lower())
    if not preps or head.pos_ != "VERB":
        return None

    def bound(t) -> bool:  # "calling for that successor to be named": "for" is the mark of the verb's clause
        return t.lower_ in preps and (t.head.i == head.i or (t.dep_ == "mark" and t.head.head.i == head.i))

    if cue.end - cue.start > 1 and bound(doc[cue.end - 1]):
        return doc[cue.end - 1]
    if cue.end < len(doc) and bound(doc[cue.end]):
        return doc[cue.end]
    return None


def cue_with_bound_prep(doc, cue: Run, pieces: list[Run], lexicon: Lexicon) -> Run:
    """A cue headed by one of cues.yaml's prep_bound_verbs followed by its preposition ("called" + "for a
    ceasefire") takes it, and the content piece that opened with it starts after it: PolNeAR's cue is
    "called for", its content "a ceasefire". A piece that starts after the preposition's object ("called on
    | Congress | to act") starts at the object: the one called on is part of what is called for. `pieces`
    is changed in place."""
    prep = bound_prep(doc, cue, lexicon)
    if prep is None:
        return cue_through_bound_prep(doc, cue, pieces, lexicon)
    taking = Run(cue.start, prep.i + 1, cue.sent, cue.para)
    obj = next((k for k in prep.children if k.dep_ == "pobj" and k.left_edge.i == prep.i + 1), None)
    for k, r in enumerate(pieces):
        if r.start == prep.i and r.end > prep.i + 1:
            pieces[k] = Run(prep.i + 1, r.end, r.sent, r.para)
            return taking
        if r.start == prep.i + 1:
            return taking
        if obj is not None and r.start == obj.right_edge.i + 1:
            pieces[k] = Run(prep.i + 1, r.end, r.sent, r.para)
            return taking
    return cue


def cue_through_bound_prep(doc, cue: Run, pieces: list[Run], lexicon: Lexicon) -> Run:
    """A cue that runs on past the preposition right after its prep-bound verb ("continued to call for more
    information about" + "the fatal shooting") ends at the preposition, and the content piece right after
    the cue starts after it ("more information about the fatal shooting"). `pieces` is changed in place."""
    verb = next((t for t in doc[cue.start:cue.end - 2] if t.pos_ == "VERB" and t.lemma_.lower() in lexicon.prep_bound_verbs
                 and doc[t.i + 1].lower_ in lexicon.prep_bound_verbs[t.lemma_.lower()] and doc[t.i + 1].head.i == t.i), None)
    if verb is None:
        return cue
    k = verb.i + 1
    for n, r in enumerate(pieces):
        if r.start == cue.end:
            pieces[n] = Run(k + 1, r.end, r.sent, r.para)
            return Run(cue.start, k + 1, cue.sent, cue.para)
    return cue


def bound_prep_object(doc, cue: Run, lexicon: Lexicon) -> Run | None:
    """The content of a prep-bound cue the tagger gave none: the object of its preposition ("called for |
    more school investment"), when the verb is its sentence's main one (not "... because they had only asked
    for the information", a reason the writer gives)."""
    prep = bound_prep(doc, cue, lexicon)
    head = run_head(doc, cue)
    if head.dep_ != "ROOT" and not (head.dep_ == "conj" and head.head.dep_ == "ROOT"):
        return None
    obj = None if prep is None else next((k for k in prep.children if k.dep_ == "pobj"), None)
    if obj is None:
        return None
    a, b = obj.left_edge.i, obj.right_edge.i + 1
    while b > a + 1 and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return Run(a, b, cue.sent, cue.para)


def cue_with_adverb(doc, cue: Run, pieces: list[Run], lexicon: Lexicon) -> Run:
    """A cue verb followed right away by an adverb that modifies it takes it, in brackets too: "said
    sarcastically", "said then", "thought (foolishly)", as PolNeAR marks them. Not an adverb that is or
    opens the content ("said so": cues.yaml not_cue_adverbs), nor a capitalised word the parse calls an
    adverb (a name: "said Skelly"); the adverb does not make a cue with no content long enough to be a
    description (rule long-bare-cues-out: "is talking about" + "now")."""
    head = run_head(doc, cue)
    if head.pos_ != "VERB" or cue.end >= len(doc):
        return cue
    k = cue.end + 1 if doc[cue.end].text == "(" and cue.end + 1 < len(doc) else cue.end
    adv = doc[k]
    if (adv.dep_ != "advmod" or adv.pos_ != "ADV" or adv.head.i != head.i or not adv.is_lower
            or adv.lower_ in lexicon.not_cue_adverbs or any(r.start <= k < r.end for r in pieces)):
        return cue
    end = k + 1
    if k > cue.end and end < len(doc) and doc[end].text == ")":
        end += 1
    if not pieces and len(doc[cue.start:end].text.split()) >= LONG_CUE_WORDS:
        return cue
    return Run(cue.start, end, cue.sent, cue.para)


def cue_with_pro_object(doc, cue: Run, pieces: list[Run], lexicon: Lexicon) -> Run:
    """A cue verb of cues.yaml's pro_object_cues followed right away by its pronoun object takes it: "as the
    mayor put it" -> "put it", as PolNeAR marks it (the pronoun stands for the words, it is no content)."""
    head = run_head(doc, cue)
    objects = lexicon.pro_object_cues.get(head.lemma_.lower())
    if not objects or head.pos_ != "VERB" or head.i != cue.end - 1 or cue.end >= len(doc):
        return cue
    obj = doc[cue.end]
    if obj.dep_ != "dobj" or obj.head.i != head.i or obj.lower_ not in objects or any(r.start <= obj.i < r.end for r in pieces):
        return cue
    return Run(cue.start, cue.end + 1, cue.sent, cue.para)
