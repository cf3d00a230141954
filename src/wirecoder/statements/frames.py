"""Attribution frames: "according to X", "in X's words", "X's assessment is that ...", "In X poll, ...",
"X's claim that ...".

Each gives the statement's source (X), its cue (the frame's words) and its content (the clause
it frames); the frame nouns are data (cues.yaml: frames, subject_frames).
"""

from __future__ import annotations

from .lexicon import Lexicon
from .runs import Run


def is_according(doc, run: Run) -> bool:
    """Whether the run is an "according to" cue."""
    return any(doc[i].lower_ == "according" for i in range(run.start, run.end))


def according_object(doc, cue: Run):
    """X's head in an "according to X" cue, or None."""
    if not is_according(doc, cue):
        return None
    for i in range(cue.start, cue.end):
        if doc[i].lower_ == "to":
            for obj in doc[i].children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def report_frame_object(doc, cue: Run, lexicon: Lexicon):
    """X's head in "In X, <main clause>" opening a sentence, X a report noun of cues.yaml report_frames
    ("In a CNN/ORC poll released Monday, 31% of voters said ..."): PolNeAR's cue is "In", its source X,
    its content the main clause; or None."""
    t = doc[cue.start]
    if (cue.end - cue.start != 1 or t.lower_ != "in" or t.dep_ != "prep" or t.head.i != t.sent.root.i
            or t.head.pos_ not in ("VERB", "AUX")):
        return None
    k = t.sent.start
    while k < t.i and (doc[k].is_space or doc[k].is_punct or doc[k].dep_ == "cc"):
        k += 1  # "But in the poll, ...", a quote mark or a line's leading space
    obj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if k != t.i or obj is None or obj.lemma_.lower() not in lexicon.report_frames:
        return None
    return obj if report_frame_extent(doc, obj) is not None else None


def report_frame_extent(doc, obj) -> tuple[int, int, int] | None:
    """(start, end) of the source X of "In X, ..." and where the main clause starts; X takes a participle
    between commas after it ("In the latest poll, conducted in May, Clinton led ...", where the parse hangs
    "conducted" on the verb). None unless a comma follows X and the clause follows that: "In the polls,
    anyway." frames nothing."""
    root = obj.sent.root
    end = obj.right_edge.i + 1
    after = [c.left_edge.i for c in root.children if c.left_edge.i >= end and not c.is_punct]
    clause = min(after + [root.i])
    if end >= clause or doc[end].text != ",":
        return None
    stop = clause
    while stop > end and (doc[stop - 1].is_punct or doc[stop - 1].is_space):
        stop -= 1
    if stop > end:  # an aside: only a participle set off by commas
        if doc[end + 1].tag_ not in ("VBN", "VBG") or doc[clause - 1].text != ",":
            return None
        end = stop
    return obj.left_edge.i, end, clause


def claim_noun(doc, cue: Run, lexicon: Lexicon):
    """The noun of "X's claim that ...": a cue that is a speech or belief noun of the lexicon, with the
    adjectives before it (claim_cue_start), with a possessor and a "that" clause after it ("Trump's claim
    that there have been thousands of shootings", "his earlier insistence that ..."); or None."""
    noun = doc[cue.end - 1]
    if (noun.pos_ != "NOUN" or noun_possessor(noun) is None or claim_cue_start(noun) != cue.start
            or lexicon.cue_type(noun.lemma_, "NOUN") not in ("speech", "belief")):
        return None
    return noun if claim_clause(noun) is not None else None


def claim_cue_start(noun) -> int:
    """Where the cue of "X's earlier claim that" starts: at the noun's adjectives, as PolNeAR marks
    "earlier claim", "nagging concern", "continued insistence"."""
    return min([c.left_edge.i for c in noun.children if c.dep_ == "amod" and c.i < noun.i] + [noun.i])


def claim_clause(noun) -> tuple[int, int] | None:
    """The tokens of the "that" clause after a noun ("claim | that ..."), "that" included, closing
    punctuation not; or None."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ not in ("acl", "ccomp", "appos") or c.i < noun.i:
            continue
        mark = next((m for m in c.children if m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i), None)
        if mark is None:
            continue
        a, b = mark.i, c.right_edge.i + 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space) and not doc[b - 1].is_quote:
            b -= 1
        return (a, b) if b - a >= 2 else None
    return None


def according_source(doc, cue: Run, lexicon: Lexicon, report_frames: bool = False,
                     claims: bool = False) -> tuple[int, int] | None:
    """The tokens of X in "according to X": the object's phrase, up to a comma after its head
    ("according to a diplomat familiar with the talks, who said ..." stops before ", who");
    or of X in "in X's words"; with report_frames, of X in "In X poll, ..." (its whole phrase, as
    PolNeAR marks "the latest poll, conducted in May,"); with claims, of X in "X's claim that ..."."""
    framed = report_frame_object(doc, cue, lexicon) if report_frames else None
    if framed is not None:
        return report_frame_extent(doc, framed)[:2]
    obj = according_object(doc, cue)
    if obj is None:
        claim = claim_noun(doc, cue, lexicon) if claims else None
        if claim is not None:  # "Trump's claim that": "Trump's", as PolNeAR marks a possessor that speaks
            owner = noun_possessor(claim)
            return owner.left_edge.i, owner.right_edge.i + 1
        owner = frame_possessor(doc, cue, lexicon)  # "in Peskov's words": Peskov, without the "'s"
        return None if owner is None else (owner.left_edge.i, owner.i + 1)
    a, b = obj.left_edge.i, obj.right_edge.i + 1
    return a, next((k for k in range(obj.i + 1, b) if doc[k].text == ","), b)


def cut_to_source(sp: Run, src: tuple[int, int]) -> Run:
    """A speaker run of "according to X" that runs on past X ("According to British government
    figures, more than 30,000 people ...") is cut back to X; the run overlaps X (or is X)."""
    a, b = max(sp.start, src[0]), min(sp.end, src[1])
    return sp if (a, b) == (sp.start, sp.end) else Run(a, b, sp.sent, sp.para)


def according_content(doc, cue: Run, sp: Run | None, sent_of, para_of, lexicon: Lexicon) -> Run | None:
    """"According to X, <content>." or "<content>, according to X[, who said ...]."; the clause of
    "X's assessment is <content>." """
    sent = doc[cue.start].sent
    end_src = max(cue.end, sp.end if sp is not None else cue.end)
    a, b = end_src, sent.end
    noun = frame_noun(doc, cue, lexicon)
    if noun is not None and noun.dep_ == "nsubj":  # "Lavrov's view, however, is that ...": from "that"
        clause = next(c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.head.i)
        a, b = clause.left_edge.i, min(b, clause.right_edge.i + 1)
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    if b - a < 2 or cue.start > sent.root.i:  # the attribution follows the main clause: the content is before it
        lead = min(cue.start, sp.start) if sp is not None else cue.start
        if noun is not None and noun.dep_ == "pobj":  # ", in Bolton's view": from "in"
            lead = min(lead, noun.head.i)
        a, b = sent.start, lead
        while a < b and (doc[a].is_space or doc[a].dep_ == "cc"):
            a += 1  # "But the goal is not revenue, according to ...": the sentence's conjunction is not content
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
    if b - a < 2:
        return None
    return Run(a, through_closing_quote(doc, a, b), sent_of[a], para_of[a])


def through_closing_quote(doc, a: int, b: int) -> int:
    """The end of content a..b, moved past the closing quote mark of a quotation it opens
    ('Western countries were "using a tragedy to score points."'), so that it stays balanced."""
    inside = "".join(doc[i].text for i in range(a, b))
    unbalanced = inside.count('"') % 2 == 1 or sum(map(inside.count, "“«„")) > sum(map(inside.count, "”»"))
    if not unbalanced:
        return b
    k = b
    while k < len(doc) and k < doc[b - 1].sent.end + 1 and (doc[k].is_punct or doc[k].is_space):
        if doc[k].is_quote:
            return k + 1
        k += 1
    return b


def frame_noun(doc, cue: Run, lexicon: Lexicon):
    """The noun of an "in X's words" / "in X's view" cue (the noun alone, listed under frames in
    cues.yaml) or of an "X's assessment is that ..." cue (subject_frames), or None."""
    noun = doc[cue.start]
    if cue.end - cue.start == 1 and noun.lower_ in lexicon.frames and noun.dep_ == "pobj" and noun.head.lower_ == "in":
        # "..., which, in his words, was ...": not the sentence's frame
        return noun if noun.head.head.i == noun.sent.root.i else None
    for i in range(cue.start, cue.end):
        verb = subject_frame_verb(doc[i], lexicon)
        if verb is not None and cue.end <= verb.i + 1:
            return doc[i]
    return None


def frame_possessor(doc, cue: Run, lexicon: Lexicon):
    """X of a frame cue (frame_noun): "Peskov" in "in Peskov's words", "Peskov's assessment is", or None."""
    noun = frame_noun(doc, cue, lexicon)
    return None if noun is None else noun_possessor(noun)


def noun_possessor(noun):
    """The possessor of a frame noun ("Peskov" of "Peskov's words"), or None."""
    return next((c for c in noun.children if c.dep_ == "poss"), None)


def subject_frame_verb(noun, lexicon: Lexicon):
    """The "is" of "Peskov's assessment is that ...": a subject_frames noun, subject of the sentence's
    main "be", which has a clause (not "The problem is that ...": "problem" is no one's attribution)."""
    if ((noun.lower_ not in lexicon.subject_frames and noun.lemma_.lower() not in lexicon.subject_frames)
            or noun.dep_ != "nsubj"):
        return None
    verb = noun.head
    if verb.lemma_ != "be" or verb.i != noun.sent.root.i or verb.i < noun.i:
        return None
    return verb if any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children) else None


def frame_cue_extent(noun, verb) -> tuple[int, int]:
    """The cue of a frame: its noun; for "X's assessment is that", with the noun's adjectives and its
    verb, as PolNeAR marks them ("most surprising suggestion was", "message long has been"), but not
    across anything else ("argument on Sunday was", "view, however, is": the noun alone)."""
    if verb is None:
        return noun.i, noun.i + 1
    start = min([c.left_edge.i for c in noun.children if c.dep_ == "amod" and c.i < noun.i] + [noun.i])
    doc = noun.doc
    joined = all(doc[k].dep_ in ("aux", "neg", "advmod") and not doc[k].is_punct for k in range(noun.i + 1, verb.i))
    return start, (verb.i + 1 if joined else noun.i + 1)
