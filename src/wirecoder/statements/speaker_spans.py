"""Where a speaker run ends, and which runs can be a cue's source at all.

The tagger's speaker run can take in the verb's time ("The UN Security Council on Friday") or an aside
("Lavrov, speaking to reporters,"); a passive cue's subject is not its source ("was accused of").
"""

from __future__ import annotations

from .lexicon import Lexicon
from .runs import Run, run_head


def speaker_without_time(doc, sp: Run, lexicon: Lexicon) -> Run:
    """A speaker run that takes in the verb's time ("The United Nations Security Council on Friday
    pledged", "Wells Fargo just this month announced") is cut back to the speaker."""
    b = sp.end
    while b > sp.start + 1:
        t = doc[b - 1]
        while t.head.i != t.i and sp.start <= t.head.i < b and t.head.pos_ not in ("VERB", "AUX"):
            t = t.head
        adjunct = (t.dep_ in ("prep", "npadvmod", "advmod") and t.head.pos_ in ("VERB", "AUX")
                   and not (sp.start <= t.head.i < sp.end) and t.left_edge.i > sp.start
                   and t.right_edge.i == b - 1 and any(d.ent_type_ in ("DATE", "TIME") for d in t.subtree))
        # "A CNN/ORC poll in January": a report's time is the report's
        if not adjunct or any(lexicon.cue_type(doc[i].lemma_, "NOUN") == "report"
                              for i in range(sp.start, t.left_edge.i) if doc[i].pos_ == "NOUN"):
            break
        b = t.left_edge.i
        while b > sp.start + 1 and (doc[b - 1].is_space or doc[b - 1].text == ","):
            b -= 1
    return sp if b == sp.end else Run(sp.start, b, sp.sent, sp.para)


def speaker_without_aside(doc, sp: Run, adjuncts: bool = False) -> Run:
    """A speaker run that takes in a participle between commas ("Lavrov, speaking to reporters in Ankara,
    said", "The survey, conducted by the Levada Center," found) is cut back to the one who speaks.
    On PolNeAR the aside is left out of the source (dev and train F1 each +0.001 to +0.002)."""
    b = sp.end
    while b > sp.start + 1 and (doc[b - 1].is_space or doc[b - 1].text == ","):
        b -= 1
    for t in doc[sp.start:b]:
        inside = sp.start <= t.head.i < sp.end
        aside = t.dep_ == "acl" or (t.dep_ == "advcl" and (not inside or (adjuncts and t.head.pos_ in ("PROPN", "NOUN"))))
        aside = aside and t.tag_ in ("VBG", "VBN")
        # "Hillary Clinton, at a later press gaggle, said", "Humphrey, for example, said": the verb's own
        # adjunct. Not "as" (the speaker of "Hawaii, as one of his advisers pointed out"), nor "along with",
        # "like" ("Constitutionalists, like Texas Sen. Ted Cruz,"), which PolNeAR keeps in the source.
        aside = aside or (adjuncts and t.dep_ == "prep" and t.head.pos_ in ("VERB", "AUX") and not inside
                          and t.lower_ not in ("as", "along", "like", "unlike", "with", "including"))
        if (aside and t.left_edge.i > sp.start + 1 and t.right_edge.i == b - 1
                and doc[t.left_edge.i - 1].text == ","):
            end = t.left_edge.i - 1
            while end > sp.start + 1 and (doc[end - 1].is_space or doc[end - 1].text == ","):
                end -= 1
            return Run(sp.start, end, sp.sent, sp.para)
    return sp


def passive_allows(doc, cue: Run, speaker: Run) -> bool:
    """Whether the speaker run can be the source of the cue: a passive cue with its subject ("was
    accused of", "is considered") takes only its agent ("was criticized by the minister")."""
    head = run_head(doc, cue)
    passive = (any(doc[i].dep_ == "auxpass" for i in range(cue.start, cue.end))
               and any(c.dep_ == "nsubjpass" for c in head.children))
    if not passive:
        return True
    agents = [c for c in head.children if c.dep_ == "agent"]
    return any(a.left_edge.i <= i <= a.right_edge.i for a in agents for i in range(speaker.start, speaker.end))


def subject_run(doc, cue: Run, sent_of, para_of) -> Run | None:
    """The cue's grammatical subject when the tagger gave none (X of "according to X" is taken before).

    Not the subject of a passive cue: the source of "was criticized" is its agent, if any.
    """
    head = run_head(doc, cue)
    cands = [c for c in head.children if c.dep_ in ("nsubj", "poss")]
    if not cands:
        return None
    subj = cands[0]
    a, b = subj.left_edge.i, subj.right_edge.i + 1
    if a < cue.end and b > cue.start:
        return None
    return Run(a, b, sent_of[a], para_of[a])


def speaker_from_subject(doc, sp: Run, cue: Run) -> Run:
    """A speaker run that starts before the cue's subject and ends with it starts at the subject:
    "On Tuesday's radio show, the former secretary of state said", "a meeting with the editorial board
    Trump said", "Mr. Kamin, who emphasized" (PolNeAR's source is "who"; the resolver names it). Only
    when what comes before is linked by a verb, preposition or subordinator, or the subject is a
    relative pronoun: a bare noun phrase before it is the parse's apposition or coordination ("The
    family, protesters and civic leaders")."""
    head = run_head(doc, cue)
    end = sp.end
    while end > sp.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    for subject in head.children:
        if subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        left, right = subject.left_edge.i, subject.right_edge.i
        if not (sp.start < left and right + 1 >= end and right < sp.end):
            continue
        linked = subject.lower_ in ("who", "which", "that") or any(
            t.pos_ in ("VERB", "ADP", "SCONJ") for t in doc[sp.start:left])
        if linked:
            return Run(left, sp.end, sp.sent, sp.para)
    return sp



_RELATIVE_WORDS = {"who", "which", "whose", "whom"}


def speaker_without_relative(doc, sp: Run, cue: Run) -> Run:
    """A speaker run that ends on the relative pronoun of a clause it leaves out ("Mr. Kamin, who")
    ends before the comma, when the cue comes after the speaker. A whole relative clause stays:
    PolNeAR's source keeps it as often as not (dev: 8 "X, who ..." sources without it, 10 with it)."""
    b = sp.end
    if cue.start < b or b - sp.start < 3 or doc[b - 1].lower_ not in _RELATIVE_WORDS or doc[b - 2].text != ",":
        return sp
    return Run(sp.start, b - 2, sp.sent, sp.para)


def received_words(doc, cue: Run, lexicon: Lexicon):
    """The "from" object of a cue that receives words ("has drawn sharp criticism from fellow Republicans",
    "came under fire", "took heat for"), as (start, end) tokens, or None when nobody is named; False when
    the cue is no such cue. The subject of such a cue is the target of the words, never their source."""
    head = run_head(doc, cue)
    if head.lemma_.lower() not in lexicon.receiving_verbs:
        return False
    nouns = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    nouns += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "under" for g in c.children if g.dep_ == "pobj"]
    nouns = [n for n in nouns if n.lemma_.lower() in lexicon.received_nouns or n.lower_ in lexicon.received_nouns]
    if not nouns:
        return False
    for t in [head] + nouns:
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == "from":
                objs = [g for g in p.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0].left_edge.i, _coordination_end(doc, objs[0].right_edge.i + 1)
    return None


def _coordination_end(doc, end: int) -> int:
    """The end of a phrase the parse cut at its conjunction ("mainstream media outlets and [leftwing
    activist reporters]", where "leftwing" was parsed as a verb): after the nouns that follow it."""
    if end >= len(doc) or doc[end - 1].dep_ != "cc":
        return end
    k, last = end, None
    while k < len(doc) and (doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "DET", "NUM") or doc[k].tag_ == "VBG") and doc[k].sent.start == doc[end - 1].sent.start:
        if doc[k].pos_ in ("NOUN", "PROPN"):
            last = k
        k += 1
    return last + 1 if last is not None else end


_FRONT_MARKS = {",", "—", "–", "―", "--", "-"}


def speaker_after_fronted(doc, sp: Run, cue: Run) -> Run:
    """A speaker run that starts inside the phrase put before its clause ("With 50 days until [the election,
    Minyon Moore] called", "[In a panel discussion in Washington, Marc H. Morial] told", "Inspired by [Suu
    Kyi's story, former first lady Laura Bush]") starts after that phrase's comma or dash: when the run
    comes before its cue, and opens with a preposition or subordinator or right after one (or after a verb:
    "To understand [the real Dred Scott, Chief Justice Roberts] said")."""
    if sp.end > cue.start or sp.end - sp.start < 3:
        return sp
    first = doc[sp.start]
    before = doc[sp.start - 1] if sp.start > 0 and doc[sp.start - 1].sent.start == first.sent.start else None
    opened = (first.pos_ in ("ADP", "SCONJ") and first.lower_ != "as") or (
        before is not None and before.pos_ in ("ADP", "SCONJ", "VERB") and before.lower_ != "as")
    if not opened:
        return sp
    for k in range(sp.start + 1, sp.end - 1):
        if doc[k].text not in _FRONT_MARKS or (doc[k].text == "-" and not doc[k - 1].whitespace_):
            continue  # not the hyphen of "African-Americans"
        j = k + 1
        while j < sp.end and (doc[j].is_space or doc[j].is_quote or (doc[j].is_punct and doc[j].text in _FRONT_MARKS)):
            j += 1
        if j >= sp.end or doc[j].lower_ in ("as", "who", "which", "that", "whose", "whom"):
            return sp
        # the phrase hangs on what comes before the run, and nothing after its comma hangs on it ("a number
        # of candidates, including Trump", "Rep. Elijah Cummings, the top Democrat": an apposition)
        hangs_left = all(t.head.i < sp.start or sp.start <= t.head.i < k or first.pos_ in ("ADP", "SCONJ")
                         for t in doc[sp.start:k])
        free = all(not (sp.start <= t.head.i < k) for t in doc[j:sp.end])
        if not (hangs_left and free) or doc[j].pos_ in ("VERB", "AUX") or not any(
                t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[j:sp.end]):
            return sp
        return Run(j, sp.end, sp.sent, sp.para)
    return sp


_RELATIVE_SUBJECTS = {"who", "which"}  # not "that": "a raft of new rules that promise" is the rules' (PolNeAR)


def relative_subject(doc, cue: Run, sent_of, para_of) -> Run | None:
    """The relative pronoun that is the cue's own subject ("the scientific literature, which left little
    doubt", "demonstrators, who have ... called for"): PolNeAR's source is the pronoun (the resolver names
    what it stands for)."""
    head = run_head(doc, cue)
    for c in head.children:
        if c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS and c.tag_ in ("WP", "WDT") and not (cue.start <= c.i < cue.end):
            return Run(c.i, c.i + 1, sent_of[c.i], para_of[c.i])
    # "who have taken to the streets and called for": the subject of the verb it is coordinated with
    if head.dep_ == "conj":
        return relative_subject(doc, Run(head.head.i, head.head.i + 1, cue.sent, cue.para), sent_of, para_of)
    return None


_PREMODIFIERS = {"compound", "amod", "det", "nmod", "poss", "case", "nummod", "dep", "punct"}


def speaker_with_premodifiers(doc, sp: Run, cue: Run) -> Run:
    """A speaker run that starts inside the cue's subject, after words that only premodify it, starts
    with the subject: "Republican vice-presidential nominee Gov. [Mike Pence] said", where the tagger
    stopped at the no-break spaces around "Gov.". Not over a comma or a word of another clause."""
    head = run_head(doc, cue)
    for subj in head.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or not (sp.start <= subj.i < sp.end):
            continue
        left = subj.left_edge.i
        if left >= sp.start:
            return sp
        before = doc[left:sp.start]
        # a hyphen inside a word ("vice-presidential"), not a dash between words ("predictable - Donald J. Trump")
        spaced_mark = any((t.is_punct or t.text in "-–—") and (t.whitespace_ or doc[t.i - 1].whitespace_) for t in before)
        if not spaced_mark and all((t.dep_ in _PREMODIFIERS or t.is_space) and t.text not in (",", ";", ":", "(", ")")
                                   for t in before):
            return Run(left, sp.end, sp.sent, sp.para)
    return sp
