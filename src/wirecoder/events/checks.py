"""What is not an event, and what is not an actor (data/events/not_events.yaml).

A trigger the rules found is kept only when it is a political act: not a non-political use of the
word ("power demand", "meet its commitments"), not a journalist's or outlet's reporting, not sport
or weather, not a generic description, not a bare speech verb. Its source must be an actor phrase:
a noun phrase naming an actor (a name, a pronoun the article resolves, an actor noun), never a
determiner, adverb, preposition, quote mark, event noun or thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import yaml

from . import actor_codes, rules
from .lexicon import DATA, Lexicon

PERSONAL_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "its",
                     "their", "our", "my", "your"}
QUOTES = set("\"'“”‘’«»„")


@dataclass(frozen=True)
class NotEvents:
    noun_company: dict
    verb_objects: dict
    media_words: frozenset
    reporting_verbs: frozenset
    not_actor_nouns: frozenset
    sports_words: frozenset
    disaster_words: frozenset
    speech_verbs: frozenset
    blocking_governors: frozenset
    generic_determiners: frozenset
    question_verbs: frozenset = frozenset()
    question_words: frozenset = frozenset()
    denial_verbs: frozenset = frozenset()
    denial_objects: frozenset = frozenset()
    needs_object: frozenset = frozenset()
    noun_needs_complement: dict = None
    private_violence_roots: frozenset = frozenset()
    private_roles: frozenset = frozenset()
    official_roles: frozenset = frozenset()
    private_speakers: frozenset = frozenset()
    title_verbs: frozenset = frozenset()
    measure_nouns: frozenset = frozenset()
    reason_nouns: frozenset = frozenset()
    person_object_verbs: frozenset = frozenset()
    conditional_threats: dict = None
    interview_settings: frozenset = frozenset()
    scene_clause_marks: frozenset = frozenset()
    resolution_nouns: frozenset = frozenset()
    performer_nouns: frozenset = frozenset()
    claim_nouns: frozenset = frozenset()
    demonstration_codes: dict = None
    resolution_appeals: dict = None


def load() -> NotEvents:
    """Read data/events/not_events.yaml (a Coder's Resources keeps the one it uses)."""
    data = yaml.safe_load((DATA / "not_events.yaml").read_text(encoding="utf-8"))
    return NotEvents(
        noun_company={k: frozenset(v) for k, v in data["noun_company"].items()},
        verb_objects={k: frozenset(v) for k, v in data["verb_objects"].items()},
        media_words=frozenset(data["media_words"]),
        reporting_verbs=frozenset(data["reporting_verbs"]),
        not_actor_nouns=frozenset(data["not_actor_nouns"]),
        sports_words=frozenset(data["sports_words"]),
        disaster_words=frozenset(data["disaster_words"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        blocking_governors=frozenset(data["blocking_governors"]),
        generic_determiners=frozenset(data["generic_determiners"]),
        question_verbs=frozenset(data["question_verbs"]),
        question_words=frozenset(data["question_words"]),
        denial_verbs=frozenset(data["denial_verbs"]),
        denial_objects=frozenset(data["denial_objects"]),
        needs_object=frozenset(data["needs_object"]),
        noun_needs_complement={k: frozenset(v) for k, v in data["noun_needs_complement"].items()},
        private_violence_roots=frozenset(data["private_violence"]["roots"]),
        private_roles=frozenset(data["private_violence"]["private_roles"]),
        official_roles=frozenset(data["private_violence"]["official_roles"]),
        private_speakers=frozenset(data["private_speakers"]),
        title_verbs=frozenset(data["title_verbs"]),
        measure_nouns=frozenset(data["measure_nouns"]),
        reason_nouns=frozenset(data["reason_nouns"]),
        person_object_verbs=frozenset(data.get("person_object_verbs", ())),
        conditional_threats={str(k): str(v) for k, v in (data.get("conditional_threats") or {}).items()},
        interview_settings=frozenset(data.get("interview_settings", ())),
        scene_clause_marks=frozenset(data.get("scene_clause_marks", ())),
        resolution_nouns=frozenset(data.get("resolution_nouns", ())),
        performer_nouns=frozenset(data.get("performer_nouns", ())),
        claim_nouns=frozenset(data.get("claim_nouns", ())),
        demonstration_codes={str(k): str(v) for k, v in (data.get("demonstration_codes") or {}).items()},
        resolution_appeals={str(k): str(v) for k, v in (data.get("resolution_appeals") or {}).items()},
    )


def _words(tok) -> set:
    return {tok.lower_, tok.lemma_.lower()}


def _neighbours(tok) -> set:
    """The words a noun keeps company with: its modifiers and complements, its verb, and that verb's object."""
    out = set()
    for c in tok.children:
        out |= _words(c)
        if c.dep_ == "prep":
            for g in c.children:
                out |= _words(g)
    head = tok.head
    if head.i != tok.i:
        out |= _words(head)
        if head.dep_ == "prep":  # "a request for comment": comment -> for -> request
            out |= _words(head.head)
    return out


def speech_only(f, ne: NotEvents) -> bool:
    """A speech verb coded with the generic statement code: not an event of its own."""
    tok = f.trigger
    return tok.pos_ in ("VERB", "AUX") and f.code is not None and f.code[:2] == "01" and f.code in ("010", "011") \
        and rules.is_in(tok, ne.speech_verbs)


def reason_not_event(f, sent, ne: NotEvents) -> Optional[str]:
    """Why the found trigger is not an event, or None when it may be one."""
    tok = f.trigger
    lemma_forms = rules.forms(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        for form in lemma_forms:
            company = ne.noun_company.get(form)
            if company is not None and _neighbours(tok) & company:
                return "non-political use"
            needs = ne.noun_needs_complement.get(form)
            if needs is not None and not any(c.lower_ in needs for c in tok.children):
                return "non-political use"  # "made the calls", "co-host Emily"
    else:
        for form in lemma_forms:
            objects = ne.verb_objects.get(form)
            if objects is not None and any(
                c.dep_ in ("dobj", "nsubjpass") and _words(c) & objects for c in tok.children
            ):
                return "non-political use"
    if speech_only(f, ne):
        return "speech verb"
    if rules.is_in(tok, ne.title_verbs) and _title_before_name(tok, ne):
        return "title"
    if tok.pos_ == "VERB" and rules.is_in(tok, ne.needs_object) and not any(
            c.dep_ in ("dobj", "nsubjpass", "dative") for c in tok.children):
        return "non-political use"  # "returned to her home"
    if tok.pos_ == "VERB" and rules.is_in(tok, ne.question_verbs) and _question(tok, ne):
        return "question"
    if tok.pos_ == "VERB" and rules.is_in(tok, ne.denial_verbs) and any(
            c.dep_ in ("dobj", "dative") and not _words(c) & ne.denial_objects for c in tok.children):
        return "non-political use"  # "denying people food": a withholding, not a denial
    if tok.pos_ == "VERB" and rules.is_in(tok, ne.person_object_verbs) and any(
            c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children):
        return "non-political use"  # "was considering Trump": weighing a candidate, not a policy option (014)
    if (f.code or "")[:2] == "04" and _in_interview(tok, ne):
        return "speech setting"  # "In an interview with the paper, A and B discussed the plan": told to a reporter
    if _scene_progressive(tok, ne):
        return "background-clause"  # "he was patrolling the street when the car hit him": the scene of the act
    if _claim_content(tok, ne):
        return "claimed-clause"  # "claims made by Hamas that Israel bombed the hospital": the claim is the act
    if _performed(f, ne):
        return "performance"  # "An actress playing a news anchor reports that ...": a sketch's lines
    if rules.is_in(tok, ne.reporting_verbs) and _media_source(f.source, ne):
        return "media reporting"
    if tok.lower_ == "according" or (tok.head.lower_ == "according"):
        return "media reporting"
    words = {t.lower_ for t in sent}
    if words & ne.disaster_words and not _named(f.source):
        return "disaster"
    if words & ne.sports_words and not _named(f.source) and not _named(f.target):
        return "sport"
    if _generic(f.source, ne) or _generic(_carrier_subject(tok), ne) or _habitual(tok):
        return "generic description"
    gov = tok.head
    if tok.dep_ == "xcomp" and rules.is_in(gov, ne.blocking_governors) and gov.i != tok.i:
        return "blocked"  # "refused to withdraw": the refusal is the event
    return None


def _claim_content(tok, ne: NotEvents) -> bool:
    """A verb heading the that-clause of a claim noun ("claims that Israel bombed the hospital")."""
    return tok.pos_ == "VERB" and tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() in ne.claim_nouns \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


def _performed(f, ne: NotEvents) -> bool:
    """The trigger is in what a performer says ("An actress playing a BBC anchor reports that Israel has bombed
    a hospital"), or the performer's own speech."""
    verb = f.reporting if f.reporting is not None else (f.trigger if rules.is_in(f.trigger, ne.reporting_verbs) else None)
    speaker = rules._child(verb, *rules.SUBJ) if verb is not None else None
    return speaker is not None and speaker.lemma_.lower() in ne.performer_nouns


def _in_interview(tok, ne: NotEvents) -> bool:
    """'In an interview with a magazine, A and B discussed ...': the talk is given to a reporter, not a
    consultation between A and B (CAMEO 04x)."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ne.interview_settings for g in c.children) for c in tok.children)


def _scene_progressive(tok, ne: NotEvents) -> bool:
    """A past progressive with a 'when' clause ("he was investigating the accident when the driver hit him"):
    the progressive sets the scene, the when-clause tells the act."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG" or not any(
            c.dep_ == "aux" and c.lower_ in ("was", "were") for c in tok.children):
        return False
    return any(c.dep_ == "advcl" and c.i > tok.i and any(
        g.dep_ in ("advmod", "mark") and g.lower_ in ne.scene_clause_marks for g in c.children) for c in tok.children)


def _title_before_name(tok, ne: NotEvents) -> bool:
    """'co-host Emily Compagno', 'said to host Kate Bolduan': a title word right before a person's name,
    after a hyphen or under a speech verb."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.ent_type_ != "PERSON":
        return False
    prev = tok.nbor(-1) if tok.i > 0 else None
    return (prev is not None and prev.text == "-") or rules.is_in(tok.head, ne.speech_verbs)


def roles(code: Optional[str]) -> set:
    """The three-letter parts of an actor code ("USACVL" -> {"USA", "CVL"})."""
    return {code[i:i + 3] for i in range(0, len(code), 3)} if code else set()


def private_act(ev, from_statement: bool, ne: NotEvents) -> Optional[str]:
    """Why a coded event is a private matter the guidelines do not code, else None: violence between
    private parties (GUIDELINES 1), or a private person's statement aimed at no coded actor (2)."""
    source_roles = roles(ev.source.code) if ev.source is not None else set()
    target_roles = roles(ev.target.code) if ev.target is not None else set()
    if (ev.cameo or "")[:2] in ne.private_violence_roots and source_roles & ne.private_roles \
            and not source_roles & ne.official_roles and not target_roles & ne.official_roles:
        return "private crime"
    if from_statement and source_roles & ne.private_speakers and not source_roles & ne.official_roles \
            and (ev.target is None or not ev.target.code):
        return "private comment"
    return None


def _question(tok, ne: NotEvents) -> bool:
    """'asked why ...', 'asked whether ...', 'When asked about ...', 'asked: "Will you ...?"'."""
    if any(c.dep_ == "advmod" and c.lower_ == "when" for c in tok.children) and tok.dep_ == "advcl":
        return True
    for c in tok.children:
        if c.dep_ in ("ccomp", "advcl", "xcomp", "dobj", "parataxis"):
            first = c.left_edge
            if first.lower_ in ne.question_words or any(t.text == "?" for t in c.subtree):
                return True
    return False


def _named(tok) -> bool:
    if tok is None or isinstance(tok, tuple):
        return False
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") for t in tok.subtree)


def _media_source(tok, ne: NotEvents) -> bool:
    if tok is None or isinstance(tok, tuple):
        return False
    phrase = [t for t in tok.subtree if not t.is_punct]
    return any(t.lower_ in ne.media_words for t in phrase) and tok.ent_type_ != "GPE"


def _generic(tok, ne: NotEvents) -> bool:
    """'most drones', 'many companies': a class of things, not an actor that acted."""
    if tok is None or isinstance(tok, tuple) or tok.pos_ != "NOUN" or tok.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.dep_ in ("det", "amod", "nummod") and c.lower_ in ne.generic_determiners for c in tok.children)


def _carrier_subject(tok):
    """The subject of the verb an event noun is the object of ("Many firms have announced their withdrawal":
    firms), else None: the noun's own source may be a pronoun bound to it."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "dobj" or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)


def _habitual(tok) -> bool:
    """A plain present verb of a common-noun subject ("researchers provide policy recommendations to
    lawmakers") describes what a kind of actor does, not an act the story reports (GUIDELINES 1)."""
    if tok.tag_ != "VBP" or any(c.dep_ in ("aux", "auxpass", "neg") for c in tok.children):
        return False
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    # "as Israeli forces pummel Gaza": a subject named by its nation or a name is an actor acting now
    return subject is not None and subject.pos_ == "NOUN" and not any(
        t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") for t in subject.subtree)


def actor_phrase(tok, lex: Lexicon, ne: NotEvents) -> bool:
    """Whether the word heads a phrase that names an actor (pronouns are checked by their resolution)."""
    if tok is None:
        return False
    if _nationality_of_act(tok, lex):
        return True  # "Israeli strikes", "under Israeli siege": the nationality is the side that acts
    if tok.is_punct or tok.text in QUOTES or tok.pos_ in ("DET", "ADV", "ADP", "SCONJ", "CCONJ", "PART", "ADJ",
                                                          "VERB", "AUX", "NUM", "INTJ", "SYM", "X"):
        return False
    if tok.ent_type_ in rules.NOT_ACTORS:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL_PRONOUNS
    if rules.is_in(tok, ne.not_actor_nouns) or rules.lookup(tok, lex.nouns) is not None:
        return False  # a thing or an event noun: "the video", "the attack killed"
    return rules.names_actor(tok, lex)


def _nationality_of_act(tok, lex: Lexicon) -> bool:
    """A nationality adjective modifying an event noun ("Israeli strikes", "Russian shelling"): GUIDELINES 3
    codes it as the side that did the act (the gold's "Israeli" ISRMIL)."""
    return tok.pos_ == "ADJ" and tok.ent_type_ == "NORP" and tok.dep_ == "amod" and tok.head.pos_ == "NOUN" \
        and rules.lookup(tok.head, lex.nouns) is not None


def target_phrase(tok, lex: Lexicon, ne: NotEvents) -> bool:
    """Whether the word heads a phrase that may be a target: any noun phrase that is not a thing or an
    event ("the teenage hacker", "240 others", "a kibbutz"), a name, or a pronoun."""
    if tok is not None and tok.pos_ == "ADJ" and tok.ent_type_ == "NORP" and tok.dep_ == "amod":
        return True  # "rejected an Israeli truce deal": the nationality stands for its side
    if tok is None or tok.is_punct or tok.text in QUOTES or tok.pos_ not in ("NOUN", "PROPN", "PRON"):
        return False
    if tok.ent_type_ in rules.NOT_ACTORS:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL_PRONOUNS
    return not (rules.is_in(tok, ne.not_actor_nouns) or rules.lookup(tok, lex.nouns) is not None)


def thing(tok, lex: Lexicon, ne: NotEvents) -> bool:
    """A common noun that names no actor: not a person or role word, no actor among its modifiers
    ("major labor legislation", "500 social accounts"; not "the couple", "Kohberger's attempts")."""
    if tok is None or tok.pos_ != "NOUN" or tok.ent_type_ in rules.ACTOR_ENTS or rules.names_actor(tok, lex):
        return False
    defaults = lex.actor_defaults
    return not (rules.is_in(tok, defaults.person_nouns) or actor_codes.head_role(tok, defaults) is not None
                or rules.is_in(tok, defaults.place_nouns))


def resolution_appeal(f, source_code: Optional[str], ne: NotEvents) -> Optional[str]:
    """The appeal code of aid an IGO's resolution holds ("The Security Council passed a resolution to boost
    humanitarian aid to Gaza": 023x, GUIDELINES 4), or None: the trigger lies inside a resolution noun's phrase,
    or in the purpose of a verb whose object is one."""
    appeal = (ne.resolution_appeals or {}).get(f.code or "")
    if appeal is None or not (source_code or "").startswith("IGO"):
        return None

    def resolution(tok) -> bool:
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in ne.resolution_nouns

    node = f.trigger
    for _ in range(5):
        if node.head.i == node.i:
            return None
        node = node.head
        if resolution(node) or node.pos_ == "VERB" and any(
                c.dep_ in ("dobj", "nsubjpass") and resolution(c) for c in node.children):
            return appeal
    return None


def demonstration_purpose(f, ne: NotEvents) -> Optional[str]:
    """The code of the demonstration a complaint is the purpose of ("organized a walkout last Friday to protest
    the police involvement": 143), or None: a to-infinitive 11x or 14x verb whose governing verb's object is a
    demonstration noun."""
    tok = f.trigger
    if (f.code or "")[:2] not in ("11", "14") or tok.pos_ != "VERB" or tok.dep_ not in ("advcl", "xcomp") \
            or not rules.to_infinitive(tok):
        return None
    return next(((ne.demonstration_codes or {}).get(c.lemma_.lower()) for c in tok.head.children
                 if c.dep_ == "dobj" and c.lemma_.lower() in (ne.demonstration_codes or {})), None)


def conditional_threat(f, ne: NotEvents) -> Optional[str]:
    """The threat code of a punitive act promised as the consequence of a condition ("If this goes
    forward, I will introduce legislation withholding federal funds from any city": 1311), or None."""
    code = f.code or ""
    threat = next((t for c, t in (ne.conditional_threats or {}).items() if code.startswith(c)), None)
    if threat is None:
        return None
    node = f.trigger
    while node.head.i != node.i:
        node = node.head
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
               for c in node.children):
            return threat
    return None
