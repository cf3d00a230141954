"""Speaker resolution within one article: he -> Dmitry Peskov, "the spokesman" -> Dmitry Peskov.

Each statement's local speaker mention gets a canonical name. The article's people
(PERSON entities with the title words around them) and its earlier speakers are the
candidates: a surname maps to the full name seen before it, a role noun ("the
spokesman") to the last person or speaker with that role, a pronoun to the last
speaker (or to a person who became the subject of a main clause after that speaker),
an organisation to its fullest name. A statement without a speaker mention (a
quotation running on) continues the last speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .lexicon import Lexicon

PERSON_PRONOUNS = {"he", "she", "i", "him", "her", "me", "his", "my"}  # possessives: "in his words"
GROUP_PRONOUNS = {"they", "we", "it", "them", "us", "their", "its", "our"}
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}
ORG_LABELS = {"ORG", "GPE", "NORP", "FAC"}
RANKS = {"deputy", "acting", "vice", "senior", "former", "assistant", "under", "interim"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
# "the ministry said in a statement ... the statement said": the statement speaks for its issuer
DOCUMENT_NOUNS = {"statement", "communique", "communiqué", "declaration", "release", "letter", "report"}


@dataclass
class Candidate:
    name: str
    pos: int  # character offset where it was last mentioned
    kind: str  # person | org | other
    role: Optional[str] = None
    org: Optional[str] = None
    main_subject: bool = False  # subject of a main clause
    mentions: list = field(default_factory=list)


def _clean_name(tokens) -> str:
    words = [t for t in tokens if not t.is_punct or t.text in ".-" or t.tag_ == "POS"]  # "nurses' union"
    while words and words[0].lower_ in HONORIFICS | DETERMINERS:
        words = words[1:]
    # the text's own spacing between kept tokens ("People's", not "People 's"); a space where one was dropped
    name = "".join(t.text + (" " if t.whitespace_ or (k + 1 < len(words) and words[k + 1].i != t.i + 1) else "")
                   for k, t in enumerate(words)).replace("\u00a0", " ").replace(" - ", "-").strip()
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)].rstrip()
    return name.strip(" ,.")


def _headed_by_common_noun(tokens, entity) -> Optional[str]:
    """The mention up to its head, when its head is a noun after the first entity in it ("Iran's foreign
    ministry", "Refugee charities", "US Treasury Department" where spaCy splits off "US"); None when
    the mention has no single head, or the head is in that entity or before it ("the opposition CHP")."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or roots[0].i <= max(t.i for t in entity):
        return None
    return _clean_name([t for t in tokens if t.i <= roots[0].i]) or None


def _role_in(tokens, lexicon: Lexicon) -> tuple[Optional[str], Optional[int]]:
    """The longest role phrase among the tokens, and the index of its first token."""
    words = [t.lower_ for t in tokens]
    best, at = None, None
    for i in range(len(words)):
        for j in range(min(len(words), i + 3), i, -1):
            phrase = " ".join(words[i:j])
            # longest wins; a rank ("deputy") gives way to the role it qualifies ("deputy envoy")
            if phrase in lexicon.roles and (best is None or len(phrase) > len(best) or best in RANKS):
                best, at = phrase, i
    return best, at


def _org_before(tokens, role_at: Optional[int]) -> Optional[str]:
    """Proper nouns just before the role word: "Kremlin spokesman" -> Kremlin."""
    if role_at is None:
        return None
    words = []
    i = role_at - 1
    while i >= 0 and (tokens[i].pos_ == "PROPN" or tokens[i].ent_type_ in ORG_LABELS) and tokens[i].ent_type_ != "PERSON":
        words.insert(0, tokens[i].text)
        i -= 1
    while words and words[0].lower() in RANKS:  # "Deputy Treasury Secretary": the org is Treasury
        words = words[1:]
    name = " ".join(words)
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return name or None


def _name_after_role(tokens, role_at: Optional[int], role: str) -> list:
    """The proper-noun run right after the role phrase ("prime minister, Nabil Sarkis"), which
    spaCy's small model often labels ORG; empty unless it has two words or more."""
    if role_at is None:
        return []
    i = role_at + len(role.split())
    while i < len(tokens) and (tokens[i].text == "," or tokens[i].pos_ == "NOUN"):  # "deputy envoy, ..."
        i += 1
    run = []
    while i < len(tokens) and tokens[i].pos_ == "PROPN" and tokens[i].text[:1].isupper():
        run.append(tokens[i])
        i += 1
    return run if len(run) >= 2 else []


class SpeakerResolver:
    def __init__(self, doc, lexicon: Lexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.people = self._people(doc)
        self.speakers: list[Candidate] = []  # in order of statements
        self.last: Optional[Candidate] = None
        self.issuers: dict[str, Candidate] = {}  # document noun -> who last spoke "in a statement"

    def _people(self, doc) -> list[Candidate]:
        """Every PERSON entity with the title words of its noun phrase, in text order."""
        out = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _clean_name(list(ent))
            if not name:
                continue
            np = [t for t in ent.root.subtree if t.sent == ent.sent]
            left = [t for t in np if t.i < ent.start and t.i >= ent.start - 6]
            appos = [t for c in ent.root.children if c.dep_ == "appos" for t in c.subtree]
            role, at = _role_in(left, self.lexicon)
            org = _org_before(left, at)
            if role is None:
                role, at = _role_in(appos, self.lexicon)
                org = _org_before(appos, at)
            if role is None and ent.root.dep_ == "appos":  # "The city's mayor, Tomas Reyes,": the noun it names
                head = ent.root.head
                before = [t for t in head.subtree if t.i < ent.start and t.sent == ent.sent and t.i <= head.i][-6:]
                role, at = _role_in(before, self.lexicon)
                org = _org_before(before, at)
            main = ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.dep_ == "ROOT"
            out.append(Candidate(name, ent.start_char, "person", role, org, main))
        return out

    def _known_person(self, surname: str, before: int) -> Optional[Candidate]:
        """The latest full name (speaker or person seen before) that ends with this surname."""
        best = None
        if not surname.split():
            return None
        for c in self.speakers + [p for p in self.people if p.pos < before]:
            if c.kind == "person" and c.name.split() and c.name != surname and c.name.split()[-1] == surname.split()[-1]:
                if best is None or c.pos > best.pos:
                    best = c
        return best

    def _by_role(self, role: str, before: int) -> Optional[Candidate]:
        best = None
        for c in self.speakers + [p for p in self.people if p.pos < before]:
            if c.role and (c.role == role or c.role.endswith(" " + role)):
                if best is None or c.pos > best.pos:
                    best = c
        return best

    def _last_person(self, before: int) -> Optional[Candidate]:
        last_speaker = next((c for c in reversed(self.speakers) if c.kind == "person"), None)
        later_subject = None
        for p in self.people:
            if p.pos < before and p.main_subject and (last_speaker is None or p.pos > last_speaker.pos):
                later_subject = p
        if later_subject is not None:
            return later_subject
        if last_speaker is not None:
            return last_speaker
        earlier = [p for p in self.people if p.pos < before]
        return earlier[-1] if earlier else None

    def resolve(self, statement, span_tokens) -> Optional[Candidate]:
        """Fill statement.speaker_name/role/org; returns the candidate it resolved to."""
        if statement.speaker is None:
            if statement.cue is not None:
                return None  # a cue with no source ("was criticized for"): not a quotation going on
            cand = self.last
            if cand is not None:
                statement.speaker_name = cand.name
                statement.speaker_role, statement.speaker_org = cand.role, cand.org
            return cand
        start = statement.speaker.start
        tokens = [t for t in span_tokens if not t.is_space]
        cand = self._candidate(tokens, start)
        if cand is not None and not cand.name:
            cand = None
        if cand is not None:
            cand.pos = start
            if cand not in self.speakers:
                self.speakers.append(cand)
            else:  # most recent last
                self.speakers.remove(cand)
                self.speakers.append(cand)
            self.last = cand
            statement.speaker_name = cand.name
            statement.speaker_role, statement.speaker_org = cand.role, cand.org
            cue_words = statement.cue.text.lower().split() if statement.cue is not None else []
            for noun in DOCUMENT_NOUNS.intersection(cue_words):
                self.issuers[noun] = cand
        return cand

    def _same(self, name: str, kind: str) -> Optional[Candidate]:
        for c in self.speakers:
            if c.name == name and c.kind == kind:
                return c
        return None

    def _candidate(self, tokens, start: int) -> Optional[Candidate]:
        tokens = _without_relative_clause(tokens)
        if not tokens:
            return None
        if (len(tokens) <= 3 and tokens[0].lower_ in ("the", "this", "that")
                and tokens[-1].lower_ in self.issuers):  # "the statement said": whoever issued it
            return self.issuers[tokens[-1].lower_]
        named = _name_before_apposition(tokens, self.lexicon)
        if named is not None:  # "Irina Volkova, a lawyer in Kazan": the name, not the words after it
            name_tokens, appos = named
            role, role_at = _role_in(appos, self.lexicon)
            org = _org_before(appos, role_at)
            name = _clean_name(name_tokens)
            full = self._known_person(name, start) if len(name.split()) == 1 else None
            known = full or self._same(name, "person")
            if known is not None:
                if role and not known.role:
                    known.role, known.org = role, org
                return known
            return Candidate(name, start, "person", role, org)
        role, role_at = _role_in(tokens, self.lexicon)
        org = _org_before(tokens, role_at)
        persons = [t for t in tokens if t.ent_type_ == "PERSON"] or _name_after_role(tokens, role_at, role or "")
        if persons:
            first = persons[0].i
            run = [t for t in persons if t.i >= first]
            run = [t for k, t in enumerate(run) if k == 0 or t.i == run[k - 1].i + 1]
            name = _clean_name(run)
            if len(name.split()) == 1:
                full = self._known_person(name, start)
                if full is not None:
                    if role and not full.role:
                        full.role, full.org = role, org
                    return self._register(full)
            known = self._same(name, "person") or next(
                (p for p in self.people if p.name == name and p.pos <= start), None)
            cand = Candidate(name, start, "person", role or (known.role if known else None),
                             org or (known.org if known else None))
            if known is not None and known in self.speakers:
                if role and not known.role:
                    known.role, known.org = role, org
                return known
            return cand
        if len(tokens) == 1 and tokens[0].lower_ in PERSON_PRONOUNS:
            return self._last_person(start)
        if len(tokens) == 1 and tokens[0].lower_ in RELATIVE_PRONOUNS:
            antecedent = _antecedent(tokens[0])
            if antecedent:  # "a diplomat familiar with the talks, who said": the diplomat
                return self._candidate(antecedent, antecedent[0].idx)
            if self.last is not None and self.last.pos >= tokens[0].sent.start_char:
                return self.last  # parsed as a main clause: the speaker named just before in the sentence
        if len(tokens) == 1 and tokens[0].lower_ in GROUP_PRONOUNS:
            return next((c for c in reversed(self.speakers) if c.kind != "person"), self.last)
        propn = [t for t in tokens if t.pos_ == "PROPN" and t.ent_type_ not in ORG_LABELS]
        if propn and not role and len(tokens) <= 3 and propn[0].i == tokens[-len(propn)].i:
            # a name spaCy did not label: treat as a person surname or full name
            name = _clean_name(propn)
            full = self._known_person(name, start) if len(name.split()) == 1 else None
            return full or self._same(name, "person") or Candidate(name, start, "person")
        if role is not None:
            # "the spokesman", "the Kremlin spokesman": the last one with that role
            # "the Sudanese envoy" is one person, whom a "he" after it means; "local officials" are not,
            # nor "the city governor's office" (the role is not the head)
            last = tokens[role_at + len(role.split()) - 1]
            head = last.head == last or all(last.head.i != t.i for t in tokens)
            definite = tokens[0].lower_ in ("the", "this", "that") or (org is not None and role_at is not None)
            if definite and head:  # not "The mayor's office": the office is not the mayor
                prior = self._by_role(role, start)
                if prior is not None and (org is None or prior.org in (None, org)):
                    return prior
            if head and all(c.role != role for c in self.speakers):
                # nobody with that role before (a headline): the article's one person with it, if one only
                later = {p.name: p for p in self.people if p.pos > start and p.role == role
                         and (org is None or p.org in (None, org))}
                if len(later) == 1:
                    return next(iter(later.values()))
            name = _clean_name(tokens)
            kind = "person" if head and last.tag_ in ("NN", "NNP") else "other"
            return self._same(name, kind) or Candidate(name, start, kind, role, org)
        orgs = [t for t in tokens if t.ent_type_ in ORG_LABELS]
        if orgs:
            run = [t for t in orgs if t.ent_iob_ == "B" or t.i == orgs[0].i]
            ent = next((e for e in self.doc.ents if e.start == run[0].i), None)
            ent_tokens = list(ent) if ent is not None else orgs
            name = _clean_name(ent_tokens)
            if any(t.dep_ == "conj" and t.head in tokens for t in orgs):  # "Britain and France"
                return self._same(_clean_name(tokens), "org") or Candidate(_clean_name(tokens), start, "org")
            phrase = _headed_by_common_noun(tokens, ent_tokens)
            if phrase:
                # "Iran's foreign ministry", "the Ukrainian military": the entity only modifies the speaker
                org = name if ent_tokens[0].ent_type_ in ("ORG", "GPE") else None
                return self._same(phrase, "org") or Candidate(phrase, start, "org", org=org)
            return self._same(name, "org") or Candidate(name, start, "org")
        # "the ministry" -> the last organisation speaker with that word in its name
        head = tokens[-1].lower_
        for c in reversed(self.speakers):
            if c.kind == "org" and head in c.name.lower().split():
                return c
        if tokens[0].lower_ in ("the", "this") and tokens[-1].pos_ == "NOUN":
            # no such speaker yet: the last organisation named before with that head ("The Russian
            # Foreign Ministry has declared ..., the ministry said")
            for ent in reversed(self.doc.ents):
                if ent.end_char <= start and ent.label_ == "ORG" and ent[-1].lower_ == head and len(ent) > 1:
                    name = _clean_name(list(ent))
                    return self._same(name, "org") or Candidate(name, start, "org")
        name = _clean_name(tokens)
        return self._same(name, "other") or Candidate(name, start, "other")

    def _register(self, cand: Candidate) -> Candidate:
        return cand


def _name_before_apposition(tokens, lexicon: Lexicon):
    """(name tokens, apposition tokens) of a mention "Name Surname, a/the role ...": two or more
    capitalised proper nouns (not a place or nationality), a comma, then a noun phrase with a role word or
    an article ("Irina Volkova, a lawyer in Kazan", "Michael Mumper, the executive director of Georgians
    for Responsible Cannabis Policy"); None otherwise ("Britain, France and Germany")."""
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if comma is None or comma < 2 or comma + 1 >= len(tokens):
        return None
    name = tokens[:comma]
    while name and name[0].lower_ in HONORIFICS:
        name = name[1:]
    if len(name) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in ("GPE", "NORP", "LOC")
                                for t in name):
        return None
    appos = tokens[comma + 1:]
    if any(t.dep_ == "conj" or t.lower_ in ("and", "or") for t in appos[:2]):
        return None
    if appos[0].lower_ not in ("a", "an", "the") and _role_in(appos, lexicon)[0] is None:
        return None
    return name, appos


def _without_relative_clause(tokens) -> list:
    """A mention without the relative clause it ends with ("The nurses' union, which represents 40,000
    workers," is the nurses' union), unless the mention is no more than the pronoun."""
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.dep_ == "relcl" and t.head.i in inside and t.head.i < t.i:
            cut = {d.i for d in t.subtree}
            kept = [u for u in tokens if u.i not in cut]
            while kept and (kept[-1].is_punct or kept[-1].is_space) and kept[-1].tag_ != "POS":
                kept = kept[:-1]
            return kept if kept else tokens
    return tokens


def _antecedent(pronoun) -> list:
    """The noun phrase a relative pronoun stands for, without its relative clause; the name a noun in
    apposition stands beside ("Ingrid Salo, a councillor who said": Ingrid Salo, a councillor)."""
    clause = pronoun.head
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = clause.head
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        noun = noun.head
    skip = {t.i for t in clause.subtree}
    return [t for t in noun.subtree if t.i not in skip and not t.is_space and not (t.is_punct and t.i > noun.i)]
