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


def speaker_without_aside(doc, sp: Run) -> Run:
    """A speaker run that takes in a participle between commas ("Lavrov, speaking to reporters in Ankara,
    said", "The survey, conducted by the Levada Center," found) is cut back to the one who speaks.
    On PolNeAR the aside is left out of the source (dev and train F1 each +0.001 to +0.002)."""
    b = sp.end
    while b > sp.start + 1 and (doc[b - 1].is_space or doc[b - 1].text == ","):
        b -= 1
    for t in doc[sp.start:b]:
        aside = t.dep_ == "acl" or (t.dep_ == "advcl" and not sp.start <= t.head.i < sp.end)
        if (aside and t.tag_ in ("VBG", "VBN") and t.left_edge.i > sp.start + 1 and t.right_edge.i == b - 1
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
