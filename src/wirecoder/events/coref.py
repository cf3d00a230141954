"""An event's actor through the article's own resolution of who is who (the ``speakers`` stage).

The statements and speakers stages resolve a speaker mention ("he", "Brooks", "the ministry")
to a canonical speaker with an actor code. An event source that is such a mention, or a pronoun
standing for the speaker last named before it, takes that speaker's code.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Optional

from ..record import Record

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
GROUP_PRONOUNS = {"it", "its", "they", "them", "their", "we", "our", "us"}
# Pronouns a quotation's speaker uses of himself or of the body he speaks for.
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
# How far back (characters) a pronoun may reach for the speaker it stands for.
REACH = 400


@dataclass
class Referent:
    name: Optional[str]
    code: Optional[str]
    start: int
    end: int


class SpeakerIndex:
    """The article's resolved speakers, by the spans of their mentions."""

    def __init__(self, record: Record):
        self.mentions: list[Referent] = []
        for st in record.statements:
            if st.speaker is None:
                continue
            self.mentions.append(Referent(st.speaker_name, st.speaker_code, st.speaker.start, st.speaker.end))
        for sp in record.speakers:
            for m in sp.mentions:
                self.mentions.append(Referent(sp.name, sp.code, m.start, m.end))
        self.mentions.sort(key=lambda r: (r.start, r.end))
        # the quotations whose speaker has a role (country + role: a country alone is a person the dictionary does
        # not know, often a voter quoted for colour): (start, end, speaker) of each content piece
        self.quotes = [(c.start, c.end, Referent(st.speaker_name, st.speaker_code, st.speaker.start, st.speaker.end))
                       for st in record.statements if st.speaker is not None and len(st.speaker_code or "") > 3
                       and st.kind in ("direct", "mixed") for c in st.content]
        self.places = [(p.start, p.end) for p in getattr(record, "places", ())]  # "Kiev" the parse took for a person
        self._by_name: dict[str, Optional[str]] = {}
        for sp in record.speakers:
            if sp.code:
                for word in sp.name.split():
                    if len(word) > 2 and word[:1].isupper():
                        self._by_name.setdefault(word.lower(), sp.code)

    def at(self, start: int, end: int) -> Optional[Referent]:
        """The resolved speaker whose mention covers or lies inside (start, end)."""
        for r in self.mentions:
            # a mention covering the phrase must start with it: "Red Sea shipping" inside the speaker span
            # "Houthi attacks on Red Sea shipping" is not that speaker
            if r.code and ((r.start == start and end <= r.end) or (start <= r.start and r.end <= end)):
                return r
        return None

    def quoting(self, start: int, pronoun: str) -> Optional[Referent]:
        """The speaker of the quotation a first-person pronoun at ``start`` lies in ("'I will be introducing
        legislation ...,' Graham said": Graham), else None."""
        if pronoun.lower() not in FIRST_PERSON:
            return None
        return next((r for s, e, r in self.quotes if s <= start < e), None)

    def before(self, start: int, pronoun: str, doc=None) -> Optional[Referent]:
        """The speaker last mentioned by a name (not a pronoun) before ``start``, within REACH; with the ``doc``,
        None for "he"/"she" when another person is named between that mention and the pronoun ("Les Hardy, a
        truck driver, ... He arrived": not the candidate quoted before him)."""
        person = pronoun.lower() in PERSON_PRONOUNS
        best = None
        for r in self.mentions:
            if r.end > start:
                break
            if start - r.end > REACH or not r.code:
                continue
            if person and r.name and not any(w[:1].isupper() for w in r.name.split()):
                continue  # "he" stands for a person with a name, not "the ministry"
            best = r
        if best is not None and person and doc is not None and _other_person_between(doc, best, start, self.places):
            return None
        return best

    def member_code(self, tok) -> Optional[str]:
        """The code of a compound subject ("Ivanka and Jared") by its members' names: the first member
        named by one word of a coded speaker's name, when the members so named share one country."""
        codes = [self.by_surname(t.text) for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]
                 if t.pos_ == "PROPN"]
        codes = [c for c in codes if c]
        return codes[0] if codes and len({c[:3] for c in codes}) == 1 else None

    def by_surname(self, text: str) -> Optional[str]:
        """The code of the speaker a bare name stands for ("Brooks" -> William Brooks)."""
        words = text.split()
        if len(words) == 1:
            return self._by_name.get(words[0].strip(".,").lower())
        return None


def _other_person_between(doc, referent: Referent, start: int, places=()) -> bool:
    """A person introduced between the referent's mention and ``start``: a PERSON entity of two or more words (a
    new person comes with a full name; one word may be a place the parse took for a person: "Kiev") that shares
    no word with the referent's name and is no place the article's places name."""
    words = {w.strip(".,").lower() for w in (referent.name or doc.text[referent.start:referent.end]).split()}
    for ent in doc.ents:
        if ent.start_char >= start:
            break
        if ent.label_ == "PERSON" and len(ent) >= 2 and ent.start_char >= referent.end and not (
                {t.text.lower() for t in ent if t.is_alpha} & words) and not any(
                ps < ent.end_char and ent.start_char < pe for ps, pe in places):
            return True
    return False


# Nouns that stand for two or more people named just before ("Ivanka and her husband ... The couple").
GROUP_NOUNS = {"couple", "pair", "duo"}
# How many sentences back a group mention may reach for the people it stands for.
GROUP_REACH = 2


def _sentences_before(tok, reach: int):
    """The up to ``reach`` sentences before the token's own, the nearest first."""
    sent = tok.sent
    for _ in range(reach):
        if sent.start == 0:
            return
        sent = tok.doc[sent.start - 1].sent
        yield sent


def group_antecedent(tok, plural_pronouns: bool = False):
    """The subject a group mention stands for: for "the couple"/"the pair" (and, with ``plural_pronouns``,
    a sentence-opening "they"), the compound subject ("The adviser and her husband toured", also of a
    passive: "Otieno and Mwangi were caught ... Arrested in 2021, they pleaded guilty") of one of the
    two sentences before, else None."""
    if tok.pos_ == "NOUN":
        if tok.lower_ not in GROUP_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        need_conj = True
    elif plural_pronouns and tok.pos_ == "PRON" and tok.lower_ == "they" and not any(
            t.pos_ in ("NOUN", "PROPN") and t.ent_type_ not in ("DATE", "TIME") for t in tok.doc[tok.sent.start:tok.i]):
        need_conj = False  # "In 2022 they launched": no noun of its own sentence it could stand for
    else:
        return None
    for sent in _sentences_before(tok, GROUP_REACH):
        for t in sent:
            if t.dep_ not in ("nsubj", "nsubjpass") or t.head.dep_ != "ROOT":
                continue
            if any(c.dep_ == "conj" for c in t.children):
                return t
            if t.lower_ in GROUP_NOUNS or (not need_conj and t.tag_ in ("NNS", "NNPS")):
                return t
    if need_conj:
        return _earlier_group(tok)
    return None


def _earlier_group(tok):
    """The people an earlier "the couple" of the article stands for, the nearest such mention first: a story
    keeps its couple ("The couple also spoke with ..." paragraphs after the two were named), else None."""
    for t in reversed(tok.doc[:tok.sent.start]):
        if t.lower_ == tok.lower_ and t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
            found = group_antecedent(t)
            if found is not None:
                return found
    return None


# How many sentences back a definite role noun may reach for its full mention.
DEFINITE_REACH = 3
# Modifiers that make a mention full: they say whose it is ("the Biden administration", "Russia's ministry").
NAMING_DEPS = ("compound", "amod", "poss")


def definite_antecedent(tok):
    """The full mention a bare definite noun stands for ("The administration has left tariffs in place"
    after "The Biden administration is considering ..."): the last noun of the same lemma with a naming
    modifier (a name, a nationality, a possessor) in its own sentence before it or the DEFINITE_REACH
    sentences before, else None. Only "the" + the noun: "an administration", "the new administration" are
    not this."""
    if tok.pos_ != "NOUN" or [c.lower_ for c in tok.children] != ["the"] or tok.tag_ != "NN":
        return None
    own = reversed(tok.doc[tok.sent.start:tok.i])
    for t in itertools.chain(own, *(reversed(sent) for sent in _sentences_before(tok, DEFINITE_REACH))):
        if t.lemma_ == tok.lemma_ and t.pos_ == "NOUN" and any(
                c.dep_ in NAMING_DEPS and c.pos_ in ("PROPN", "ADJ") and c.i < t.i for c in t.children):
            return t
    return None


def partitive_head(tok, partitives: frozenset):
    """The group a partitive phrase takes its part of ("Nearly all of the exonerees" -> exonerees, "thousands of
    militants" -> militants), else None: a quantifier of ``partitives`` (or a number) with an "of" whose
    object is a noun."""
    if tok is None or not (tok.lower_ in partitives or tok.ent_type_ == "CARDINAL" and tok.pos_ in ("NUM", "NOUN")):
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


# Words a name's initials skip ("Department of Justice" DOJ, "Civilian Office of Police Accountability" COPA).
_INITIAL_SKIPS = {"of", "for", "and", "the", "on", "&"}


def acronym_antecedent(tok):
    """The last word of a name the article gave in full before an acronym standing for it ("the Chicago Police
    Department" ... "CPD"), else None: an upper-case word of 2 to 6 letters equal to the initials of a run of
    capitalised words earlier in the article (small words inside it skipped), the nearest such run."""
    text = tok.text
    if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()) or tok.pos_ != "PROPN":
        return None
    doc = tok.doc
    best = None
    run: list = []  # the current run of capitalised words (and skipped small words inside it)
    for t in doc[:tok.i]:
        if t.is_title and t.is_alpha and t.lower_ not in _INITIAL_SKIPS or run and t.lower_ in _INITIAL_SKIPS:
            run.append(t)
            continue
        best = _initials_match(run, text) or best
        run = []
    return best


def _initials_match(run: list, acronym: str):
    """The last word of a sub-run whose capitalised words' initials spell ``acronym`` (ending on a name word)."""
    words = [t for t in run if t.lower_ not in _INITIAL_SKIPS]
    n = len(acronym)
    for end in range(len(words), n - 1, -1):
        part = words[end - n:end]
        if "".join(t.text[0] for t in part) == acronym:
            return part[-1]
    return None


def fact_subject(tok):
    """Who "the fact that ..." is about: the subject of the that-clause ("condemned the fact that a police officer
    was sent" -> the officer), else None. The fact is no actor; the clause's subject is the one the act is aimed at."""
    if tok is None or tok.lower_ != "fact" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp", "appos") and c.pos_ in ("VERB", "AUX") and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            return next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ in ("NOUN", "PROPN")), None)
    return None


def with_party(tok):
    """The other party of a thing made with someone ("negotiating a deal with the exonerees" -> the exonerees),
    else None: the object of "with" on the word (for a target that is no actor itself)."""
    if tok is None or tok.pos_ != "NOUN":
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN", "PRON"):
                return obj
    return None


def requested_agent(tok):
    """Who an appeal for an act is addressed to when the act names its agent as a modifier ("reiterated their
    call for timely government intervention" -> the government), else None: a compound or possessive noun on the
    object of "for" on the trigger."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "for":
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is None or obj.pos_ != "NOUN":
                return None
            return next((m for m in obj.children if m.dep_ in ("compound", "poss") and m.pos_ in ("NOUN", "PROPN")), None)
    return None


# Possessive group pronouns the subject of their own clause binds, by number: "its" a singular antecedent,
# "their" a plural one.
BOUND_SINGULAR = {"its"}
BOUND_PLURAL = {"their"}
# Words between the antecedent and the pronoun that are no candidate of their own.
_NOT_CANDIDATES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def _agrees(subj, pronoun: str, collective: frozenset = frozenset()) -> bool:
    plural = subj.tag_ in ("NNS", "NNPS") and subj.ent_type_ != "GPE"  # "the United States" is one
    if pronoun in BOUND_SINGULAR:
        return not plural and (subj.pos_ == "PROPN" or subj.tag_ == "NN")
    return plural or subj.lower_ in collective  # "The Sugar Council ... reiterated their call"


def bound_antecedent(tok, collective: frozenset = frozenset()):
    """The subject that binds a possessive group pronoun on its verb's object ("House Republicans formalized
    their inquiry", "The army continued its raids"), else None. Precision first: the pronoun agrees with the
    subject in number ("their" after a singular noun is left alone, but for a body of ``collective`` nouns: "The
    Sugar Council ... reiterated their call"), and no other noun stands between them outside the subject's own
    phrase (a date does not count). Tried and left out: the subject of a
    complement clause ("The ministry said it would ..."): right antecedents, but the rows they open were wrong
    on the dev gold for other reasons."""
    if tok.pos_ != "PRON" or tok.dep_ != "poss":
        return None
    pronoun = tok.lower_
    if pronoun not in BOUND_SINGULAR | BOUND_PLURAL:
        return None
    owned = tok.head
    if owned.dep_ != "dobj":
        return None
    governor = owned.head
    if governor.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in governor.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > tok.i or subj.pos_ not in ("NOUN", "PROPN") or not _agrees(subj, pronoun, collective):
        return None
    inside = {t.i for t in subj.subtree}
    for t in tok.doc[subj.i + 1:tok.i]:
        if t.i not in inside and t.pos_ in ("NOUN", "PROPN", "PRON") and t.ent_type_ not in _NOT_CANDIDATES:
            return None
    return subj


def subject_after_place(tok):
    """The actor a place name before it locates when the parse gave the verb two subjects ("St. Louis, Missouri
    police crashed into ...": "Louis" and "police"): the second subject, a common noun, else None."""
    if tok is None or tok.ent_type_ != "GPE" or tok.dep_ != "nsubj":
        return None
    return next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i > tok.i and c.pos_ == "NOUN"), None)


def up_to_agent(tok):
    """Who an "it is up to X to ..." leaves the act to ("Now it's up to the city's law department to draft
    charges"): X, the object of "up to", for the expletive "it" subject of "be", else None."""
    if tok is None or tok.lower_ != "it" or tok.dep_ != "nsubj" or not (
            tok.head.lemma_ == "be" or tok.head.lower_ in ("'s", "’s")):
        return None
    if not any(c.dep_ in ("advcl", "xcomp", "ccomp") and c.pos_ == "VERB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in tok.head.children):
        return None  # "it is up to 40 miles long": no act left to anyone
    for c in tok.head.children:
        if c.dep_ == "prep" and c.lower_ == "up":
            to = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "to"), None)
            obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return obj
    return None


def conjoined_nouns(tok):
    """The nouns conjoined with a word, directly ("the building and the guards") or as the objects of prepositions
    conjoined with the one it hangs from ("at her head and at officers"), in order."""
    if tok is None:
        return []
    out = [c for c in tok.conjuncts if c.pos_ in ("NOUN", "PROPN")]
    if tok.dep_ == "pobj":
        for prep in tok.head.conjuncts:
            out.extend(g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return sorted(out, key=lambda t: t.i)


def split_abbreviation(tok):
    """The name a full stop the parser split off and took for a word ends ("Lionel Grant Jr., arrested by ...": the
    parse's phrase head is the "."): the name word before it, else None."""
    if tok is None or tok.text != "." or tok.pos_ not in ("PROPN", "NOUN") or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    return before if before.pos_ == "PROPN" and before.idx + len(before.text) == tok.idx else None


def clause_person(tok, gendered: dict):
    """The person a "he"/"she" subject of an adverbial clause stands for when its main clause names, before it, one
    person noun of that gender (``gendered``: pronoun -> nouns) as subject or object ("Police shot a woman after she
    pointed a gun at officers" -> "woman"), else None."""
    words = gendered.get(tok.lower_)
    if not words or tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "advcl":
        return None
    main = tok.head.head
    found = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i < tok.i
             and c.pos_ == "NOUN" and c.lower_ in words]
    return found[0] if len(found) == 1 else None


def repeated_pronoun_subject(tok):
    """The subject pronoun a complement clause's own subject pronoun repeats ("It says it has killed ...",
    "They said they would ..."): the reporting verb's subject, the same word, else None. The coder resolves
    that one in turn (a speaker the statements stage resolved). A noun subject is left out: "The ministry said
    it would ..." opened rows that were wrong on the dev gold for other reasons (notes, try 1)."""
    if tok is None or tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.lower_ not in ("it", "they"):
        return None
    clause = tok.head
    if clause.dep_ != "ccomp" or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > tok.i or subj.pos_ != "PRON" or subj.lower_ != tok.lower_:
        return None
    return subj
