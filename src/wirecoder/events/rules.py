"""The rule coder: event triggers on the dependency parse, with their source and target.

One :class:`Found` per (trigger, source, target): compound actors ("Lavrov and
Kerry") are expanded into one event per pair. Sources come from the subject (or
the ``by`` agent of a passive), targets from the object, a passive subject or a
prepositional object (against/on/with/to/at/into). Triggers are ordered main
clause first (shallower in the tree), then by position.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import coref, patterns
from .lexicon import Lexicon, Trigger

TARGET_PREPS = ("against", "on", "upon", "with", "to", "at", "into", "toward", "towards", "over", "from")
SUBJ = ("nsubj", "csubj")
RELATIVE = {"who", "which", "that", "whom"}
ACTOR_POS = {"NOUN", "PROPN", "PRON"}
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


# The kinds of statement content that make a statement a CAMEO act of its speaker, by their words
# (cues.yaml statement_content). Appeal and threat words ("should", "respond") are left out: measured
# on the dev gold they mark ordinary reported speech far more often than an appeal or a threat.
STATEMENT_ACTS = (("deny", "016"), ("accuse", "112"), ("criticize", "111"), ("praise", "051"))

ACTOR_ENTS = {"PERSON", "NORP", "ORG", "GPE", "FAC", "LOC"}


def actor_like(tok) -> bool:
    return tok is not None and tok.pos_ in ACTOR_POS and tok.ent_type_ not in NOT_ACTORS


def _self_actor(tok, lex) -> bool:
    """tok itself names an actor: a name, a pronoun, an actor entity or an actor noun ("police")."""
    return tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ACTOR_ENTS or is_in(tok, lex.actor_nouns)


def names_actor(tok, lex) -> bool:
    """A target worth the name: a name, a pronoun, an actor noun, or a phrase holding one ("X's request")."""
    if not actor_like(tok):
        return False
    if _self_actor(tok, lex):
        return True
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in ACTOR_ENTS or is_in(t, lex.actor_nouns)
        for t in tok.lefts
        for t in t.subtree
    )


@dataclass
class Found:
    trigger: object  # spaCy Token
    code: Optional[str]
    alt: tuple
    source: object  # Token (head of the noun phrase) or None
    target: object
    negated: bool
    modality: str
    depth: int
    reporting: object = None  # the reporting verb this event is the content of, if any
    verbal: bool = False  # coded from a statement's content (speaker -> content subject)
    from_patterns: bool = False  # the trigger is a verb only the PETRARCH-2 dictionary codes
    undergone: bool = False  # the target undergoes the act and the text need not name its doer ("X faces charges")


_STEMS = (("ies", "y"), ("es", "e"), ("es", ""), ("s", ""), ("ed", "e"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"))


def forms(tok) -> tuple[str, ...]:
    """The lemma, then the word and crude stems of it: the small model's lemmatizer slips ('hopes' -> 'hop')."""
    return _forms(tok.lemma_, tok.lower_)


@lru_cache(maxsize=65536)  # the same few thousand words come back in every article
def _forms(lemma: str, low: str) -> tuple[str, ...]:
    out = [lemma.lower(), low]
    for suffix, repl in _STEMS:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            out.append(low[: -len(suffix)] + repl)
    return tuple(out)


def lookup(tok, table):
    """The table's entry for the first form of tok it has, else None."""
    for form in forms(tok):
        if form in table:
            return table[form]
    return None


def is_in(tok, words) -> bool:
    return any(form in words for form in forms(tok))


def depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok = tok.head
        d += 1
    return d


PHRASE_EXCLUDE = {"relcl", "conj", "cc", "punct", "advcl", "parataxis", "acl", "case"}  # case: the possessive 's
# Prepositions whose phrase says where or when an actor is, not who it is: "police in Norwood",
# "the developments in the conflict" (coded as the actor it names, it made topics into actors).
# "of", "from", "for" stay: "members of the group", "officials from Russia", "spokesman for the ministry".
PHRASE_EXCLUDE_PREPS = {"in", "on", "at", "during", "after", "before", "since", "over", "about", "with",
                        "near", "across", "into", "under", "amid", "regarding", "against", "to", "by"}


def noun_phrase(tok) -> tuple[int, int]:
    """Character span of the minimal noun phrase headed by tok (GUIDELINES 3): its subtree without
    relative clauses, participle or infinitive modifiers ("a man suspected of stealing ..."),
    conjoined actors (coded as actors of their own), or phrases of place and time."""
    doc = tok.doc
    left, right = tok.i, tok.i
    for child in tok.children:
        if child.dep_ in PHRASE_EXCLUDE or (child.dep_ == "prep" and child.lower_ in PHRASE_EXCLUDE_PREPS):
            continue
        if child.i < tok.i:
            left = min(left, child.left_edge.i)
        else:
            right = max(right, child.right_edge.i)
    while left < tok.i and (doc[left].is_punct or doc[left].is_space or doc[left].dep_ in ("cc", "prep", "case")):
        left += 1
    while right > tok.i and (
        doc[right].is_space or (doc[right].is_punct and doc[right].text not in (")", "]")) or doc[right].dep_ == "cc"
    ):
        right -= 1
    # a closing bracket belongs in only when its opening one does
    if doc[right].text in (")", "]") and not any(t.text in ("(", "[") for t in doc[left:right]):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def conjuncts(tok) -> list:
    if tok is None:
        return [None]
    out = [tok]
    for c in tok.conjuncts:
        if c.i > tok.i and c.pos_ in ACTOR_POS:
            out.append(c)
    return out


def _child(tok, *deps):
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_object(tok, preps=TARGET_PREPS, lex=None):
    """The first prepositional (or dative) object that is an actor: 'against X', 'on X', 'to X'."""
    ok = actor_like if lex is None else (lambda t: names_actor(t, lex))
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            pobj = _child(c, "pobj")
            if pobj is not None and ok(pobj):
                return pobj
        if c.dep_ == "dative" and ok(c):
            return c
    return None


OBJECT_ACTOR_DEPS = ("poss", "compound", "amod", "nmod")
OBJECT_ACTOR_ENTS = {"PERSON", "NORP", "ORG", "GPE"}
AIMED_PREPS = ("into", "at", "on", "against", "toward", "towards", "upon")


def actor_of_object(obj, lex):
    """The actor an object that is not one stands for (GUIDELINES 3: the target is whom the act is
    aimed at): its owner or the actor modifying it ("rejected Kohberger's attempts", "vetoed a UNSC
    resolution", "rejected an Israeli truce deal"), else the actor it was aimed at ("fired rockets
    into southern Israel"). None when the object names none ("discussed the latest developments")."""
    for c in obj.children:
        if c.dep_ in OBJECT_ACTOR_DEPS and c.i < obj.i and (
                c.pos_ == "PROPN" or c.ent_type_ in OBJECT_ACTOR_ENTS
                or (c.dep_ == "poss" and (c.pos_ == "PRON" or is_in(c, lex.actor_nouns)))):
            return c
    return _prep_object(obj, AIMED_PREPS, lex=lex) or _aimed_nationality(obj)


def _aimed_nationality(obj):
    """The nationality of the things an object is aimed at ("tariffs on Chinese EVs": Chinese), else None."""
    for c in obj.children:
        if c.dep_ == "prep" and c.lower_ in AIMED_PREPS:
            pobj = _child(c, "pobj")
            if pobj is not None:
                return next((m for m in pobj.children if m.dep_ in ("amod", "compound") and m.i < pobj.i
                             and m.ent_type_ in ("NORP", "GPE")), None)
    return None


def _relative_head(tok):
    """'troops who attacked': the relative pronoun stands for the noun the clause modifies."""
    if tok is not None and tok.lower_ in RELATIVE:
        clause = tok.head
        if clause.dep_ == "relcl":
            return clause.head
    return tok


def shared_patient(verb):
    """The one a participle with no subject of its own is done to, when it shares a passive's or a clause's
    subject: "White was convicted ... and sentenced" (White), "Arrested in 2012, they pleaded guilty"
    (they); else None."""
    if verb.tag_ != "VBN" or _child(verb, *SUBJ, "nsubjpass", "auxpass") is not None:
        return None
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ == "VERB":
        return _child(head, "nsubjpass")
    if verb.dep_ == "advcl" and verb.i < head.i and head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("mark", "advmod") for c in verb.children if c.i < verb.i):
        return _child(head, "nsubj", "nsubjpass")
    return None


def verb_arguments(verb, lex: Lexicon):
    """(source, target) heads for a verb trigger."""
    patient = shared_patient(verb)
    if patient is not None:
        agent = _child(verb, "agent")
        return _relative_head(_child(agent, "pobj") if agent is not None else None), _relative_head(patient)
    passive = _child(verb, "nsubjpass")
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and passive is None:
        # "militants backed by Iran": the noun is the one acted on, the agent acts
        agent = _child(verb, "agent")
        return _relative_head(_child(agent, "pobj") if agent is not None else None), verb.head
    if passive is None and _child(verb, "auxpass") is not None:
        # "Rafah ... has been targeted": a passive verb sharing another verb's subject is done to it
        agent = _child(verb, "agent")
        source = _child(agent, "pobj") if agent is not None else None
        return _relative_head(source), _relative_head(inherited_subject(verb))
    if passive is not None:
        agent = _child(verb, "agent")
        source = _child(agent, "pobj") if agent is not None else None
        # "aid was delivered by X to Syria": the recipient, not the thing delivered
        target = _prep_object(verb, ("to", "against", "with", "on", "upon"), lex=lex) or passive
    else:
        source = _child(verb, *SUBJ)
        target = _child(verb, "dobj", "dative")
        # "pardoned thousands of people convicted of ...": the group a number or quantifier takes part of
        target = coref.partitive_head(target, lex.actor_defaults.partitives) or target
        if target is not None and actor_like(target) and not _self_actor(target, lex):
            # "rejected Kohberger's attempts": the owner; "sentenced the teenage hacker" stays
            target = actor_of_object(target, lex) or _prep_object(verb, lex=lex) or target
        elif not names_actor(target, lex):
            # a plain noun object stands when no named actor follows a preposition
            target = _prep_object(verb, lex=lex) or (target if actor_like(target) else None)
    if target is None:
        # "refused to release the hostages": the embedded verb's object
        xcomp = _child(verb, "xcomp")
        if xcomp is not None and xcomp.pos_ == "VERB":
            target = _child(xcomp, "dobj") or _prep_object(xcomp)
            target = target if actor_like(target) else None
            if target is not None and not names_actor(target, lex):
                target = _aimed_nationality(target) or target  # "considering raising tariffs on Chinese EVs"
    if target is None and passive is None and verb.dep_ in ("xcomp", "advcl") and to_infinitive(verb):
        # "wrote to the US Department of Agriculture to request that ...": the one the governing verb addresses
        target = _prep_object(verb.head, ("to",), lex=lex)
    if source is None and passive is None:  # "no ships were damaged": no agent to inherit
        source = inherited_subject(verb)
    return _relative_head(source), _relative_head(target)


def inherited_subject(verb):
    """Subject of a verb with none of its own: 'agreed to withdraw', 'urged Kiev to fulfil', conjoined verbs."""
    seen = 0
    while verb.dep_ in ("xcomp", "conj", "advcl", "relcl", "acl") and seen < 4:
        head = verb.head
        seen += 1
        if verb.dep_ == "advcl" and verb.tag_ == "VBN":
            return None  # "Asked about the plan, the minister said": the minister was asked, not asking
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ != "VB"):
            return head if head.pos_ in ACTOR_POS else None
        if verb.dep_ == "acl":
            # "looking for pretexts to impose": climb from the noun to its verb
            while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return None
            verb = head
            subj = _child(verb, *SUBJ)
            if subj is not None:
                return subj
            continue
        if verb.dep_ == "xcomp":
            obj = _child(head, "dobj")  # object control: "urged Kiev to fulfil"
            if obj is not None and obj.pos_ in ACTOR_POS:
                return obj
        if verb.dep_ in ("xcomp", "advcl") and to_infinitive(verb):
            passive = _child(head, "nsubjpass")  # "An officer was sent to investigate": the officer does
            if passive is not None and passive.pos_ in ACTOR_POS:
                return passive
        subj = _child(head, *SUBJ)
        if subj is None:
            agent = _child(head, "agent")
            subj = _child(agent, "pobj") if agent is not None else None
        if subj is not None:
            return subj
        verb = head
    return None


def _between(tok):
    """(first, second) heads of a "between A and B" phrase on tok, the sides of a mutual act, else None."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            pobj = _child(c, "pobj")
            if pobj is not None:
                conj = [x for x in pobj.conjuncts if x.i > pobj.i]
                if conj:
                    return _relative_head(pobj), _relative_head(conj[0])
    return None


def undergone_by(noun, lex: Lexicon):
    """The one an act noun is done to when the text need not name its doer: the object of "charges were
    filed against" (a passive without agent), the owner of "my client's arrest"; else None. ("X faces
    charges" is the trigger lexicon's: multiword triggers marked `undergone`.)"""
    head = noun.head
    if noun.dep_ == "nsubjpass" and head.pos_ == "VERB" and _child(head, "agent") is None:
        against = _prep_object(head, ("against",), lex=lex)
        if against is not None:
            return against
    # "Russia's arrest of the journalist", "Hamas's release of hostages": with an of-object the owner is the doer
    if is_in(noun, lex.possessor_is_target) and not any(c.dep_ == "prep" and c.lower_ in ("by", "of") for c in noun.children):
        return _child(noun, "poss")
    return None


def noun_arguments(noun, lex: Lexicon):
    """(source, target) heads for an event noun: 'Israel's offensive against X', 'talks between A and B'."""
    source = target = None
    sides = _between(noun)
    if sides is None and noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ in ("VERB", "AUX"):
        sides = _between(noun.head)  # "Gun battles continued between Israeli forces and Palestinian fighters"
    if sides is not None:
        return sides
    for c in noun.children:
        if c.dep_ == "poss":
            source = c
        elif c.dep_ in ("amod", "compound") and c.i < noun.i and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"):
            source = source or c
        elif c.dep_ == "prep" and c.lower_ == "between":
            pobj = _child(c, "pobj")
            if pobj is not None:
                conj = [x for x in pobj.conjuncts if x.i > pobj.i]
                source, target = pobj, (conj[0] if conj else None)
        elif c.dep_ == "prep" and c.lower_ == "by":
            source = _child(c, "pobj") or source
    target = target or _prep_object(noun, lex=lex)
    if target is None and source is not None:
        # "Russia's invasion of Ukraine", "the troops' killing of unarmed civilians": with its doer named,
        # an act noun's "of" is the one it is done to
        target = _prep_object(noun, ("of",), lex=lex)
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX") and (
        is_in(head, lex.light_verbs) or lookup(head, lex.verbs) is None
    ):
        # "launched an offensive": the launcher is the source; not "condemned the attack"
        vs, vt = verb_arguments(head, lex)
        source = source or (vs if noun.dep_ == "dobj" else None)
        if noun.dep_ == "nsubjpass":
            source = source or vs
        target = target or _prep_object(head, lex=lex)
    elif noun.dep_ == "pobj" and head.lower_ in ("in", "by") and head.head.pos_ == "VERB" and (
            _child(head.head, "nsubjpass", "auxpass") is not None):
        # "was killed in an Israeli airstrike", "has been targeted in Israeli strikes": done to the subject
        target = target or verb_arguments(head.head, lex)[1]
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ in ("in", "to", "into"):
        # "took part in talks", "agreed to a ceasefire"
        source = source or verb_arguments(head.head, lex)[0]
    if source is not None and source.i == noun.i:
        source = None
    return _relative_head(source), _relative_head(target)


def negated(tok, lex: Lexicon) -> bool:
    """'did not attack', 'has not yet fulfilled', 'no talks', 'refused to withdraw'."""
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return True
        if c.dep_ in ("nsubjpass", "nsubj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children):
            return True  # "no ships were damaged", "no other member has faced charges"
    head = tok.head
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return negated(head, lex)
    if tok.dep_ == "xcomp" and is_in(head, lex.negating_governors):
        return True
    return False


def modality(tok, lex: Lexicon, reporting=None) -> str:
    """asserted | hoped | planned | threatened | demanded | hypothetical | future."""
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj"):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if tok.dep_ == "dobj":
            mode = lookup(verb, lex.modality_governors)
            if mode:
                return mode  # "all want a ceasefire", "seek talks"
    hops = 0
    node = verb
    while node.dep_ in ("xcomp", "ccomp", "conj") and hops < 3:
        gov = node.head
        mode = lookup(gov, lex.modality_governors) if node.dep_ != "conj" else None
        if mode:
            return mode
        if gov.lemma_ == "go" and gov.tag_ == "VBG":
            return "future"
        node = gov
        hops += 1
    for c in verb.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.modality_aux:
            mode = lex.modality_aux[c.lower_]
            if mode == "hypothetical" and c.lower_ == "would" and reporting is not None \
                    and not is_in(reporting, lex.belief_verbs):
                return "future"  # reported speech: "said it would respond"
            return mode
        if c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks:
            return "hypothetical"
    if _under_condition(verb, lex):
        return "hypothetical"
    return _clause_above_mode(verb, lex)


def _under_condition(verb, lex) -> bool:
    """An act anywhere inside a clause opened by "if", "unless" or "whether" ("Whether it is a court that
    determines he mobilized a mob ... I don't think it matters") is a condition, not a report (NAEB audit)."""
    return any(c.dep_ == "mark" and c.lower_ in lex.hypothetical_marks for a in verb.ancestors for c in a.children)


def _clause_above_mode(verb, lex) -> str:
    """'could decide on a recommendation to fire', 'would need to consult', 'hoped to reach a deal to
    end': an act inside a clause that is itself hoped, planned or conditional is not asserted."""
    node, hops = verb, 0
    while node.dep_ in ("xcomp", "acl", "pobj", "prep", "dobj", "advcl") and hops < 5:
        gov = node.head
        if gov.i == node.i:
            break
        if node.dep_ == "acl" and gov.pos_ == "NOUN":
            mode = lookup(gov, lex.modality_governors)
            if mode:
                return mode  # "plans to target the press", "a pledge to withdraw"
        if gov.pos_ in ("VERB", "AUX"):
            if node.dep_ in ("xcomp", "dobj") or _purpose(node):
                mode = lookup(gov, lex.modality_governors)
                if mode:
                    return mode
            for c in gov.children:
                if c.dep_ == "aux" and lex.modality_aux.get(c.lower_) == "hypothetical" and c.lower_ != "would":
                    return "hypothetical"  # "could", "might", "may" above the act
        node, hops = gov, hops + 1
    return "asserted"


def to_infinitive(verb) -> bool:
    """The verb is marked by "to" ("to attack", "to protest"): an infinitive."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _purpose(node) -> bool:
    """An infinitival adverbial clause: the aim of its governor ("campaigned ... to return the issue")."""
    return node.dep_ == "advcl" and to_infinitive(node)


def reporting_governor(tok, lex: Lexicon):
    """The reporting verb ('said') whose content clause holds tok, if any."""
    node = tok
    hops = 0
    while node.head.i != node.i and hops < 6:
        if node.dep_ in ("ccomp", "parataxis") and is_in(node.head, lex.reporting_verbs):
            return node.head
        node = node.head
        hops += 1
    return None


def triggers(sent, lex: Lexicon, verb_patterns=None) -> list[tuple[object, Trigger]]:
    """(token, trigger) of the sentence; ``verb_patterns`` (patterns.VerbPatterns) refine codes, None: off."""
    out = []
    # multiword triggers ("pleaded guilty", "seized hostages"): the verb is the event, its word is not one
    multi = {t.i: m for t in sent if t.pos_ == "VERB" for m in (lex.multiword_trigger(t, forms),) if m is not None}
    consumed = {m[1].i for m in multi.values()}
    for tok in sent:
        if tok.i in multi:
            if multi[tok.i][0].code is not None:  # null: a sense that is no event ("appeal to voters")
                out.append((tok, multi[tok.i][0]))
        elif tok.i in consumed:
            continue
        elif tok.pos_ == "VERB":
            particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")] + _clause_marks(tok)
            trig = None
            for p in particles:
                trig = lookup(tok, lex.phrasal.get(p, {}))
                if trig is not None:
                    break
            if trig is None:
                trig = lookup(tok, lex.verbs)
            if trig is None or trig.code is not None:
                # the PETRARCH-2 verb patterns: a code from the verb's object or preposition ("ask * EXTRADITION")
                use = verb_patterns is not None and patterns.applies(trig is not None)
                pat = patterns.match(tok, forms(tok), verb_patterns) if use else None
                if pat is not None and (trig is None or patterns.MODE == "override" or pat[:2] == trig.code[:2]):
                    trig = Trigger(pat, trig.alt if trig is not None else (), from_patterns=trig is None)
                elif trig is None:
                    bare = patterns.bare_code(forms(tok), verb_patterns) if verb_patterns is not None else None
                    trig = Trigger(bare, from_patterns=True) if bare is not None else None
            if trig is not None and trig.code:
                if is_in(tok, lex.light_verbs) and any(
                    c.dep_ == "dobj" and lookup(c, lex.nouns) is not None for c in tok.children
                ):
                    continue  # "imposed sanctions": the noun is the event
                out.append((tok, trig))
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ != "compound":
            trig = lookup(tok, lex.nouns)
            if trig is not None and trig.code:
                out.append((tok, trig))
        elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT") and _child(tok, "ccomp") is not None:
            trig = lookup(tok, lex.adjectives)  # "was worried that ...": the comment is the event
            if trig is not None and trig.code:
                out.append((tok, trig))
    return _without_carriers(out)


ARMED_ROLES = ("MIL", "REB")


def _armed(subject, lex: Lexicon) -> bool:
    """The subject is armed forces or fighters by its head noun ("Russian troops", "Hamas fighters")."""
    return subject is not None and any(
        lex.actor_defaults.head_roles.get(f) in ARMED_ROLES for f in forms(subject))


def _armed_object(obj, lex: Lexicon) -> bool:
    """The object is fighters by its head noun or its apposition's ("clearing out Hamas militants", "dismantle
    Hamas, the Palestinian armed group"; "an armed group"): force, whoever the subject is ("it", a country)."""
    for phrase in (obj, _child(obj, "appos")) if obj is not None else ():
        if phrase is not None and (_armed(phrase, lex) or any(c.dep_ == "amod" and c.lower_ == "armed"
                                                              for c in phrase.children)):
            return True
    return False


def _clause_marks(verb) -> list:
    """"called for the piece to be returned": the parse hangs "for" on the infinitive clause as its
    mark; right after the verb it is the verb's preposition ("call for")."""
    return [m.lower_ for c in verb.children if c.dep_ in CONTENT_CLAUSES
            for m in c.children if m.dep_ == "mark" and m.i == verb.i + 1 and m.lower_ == "for"]


# The clauses of a verb that may hold what its message says ("wrote to X, asking ...", "wrote to X to request").
CONTENT_CLAUSES = ("advcl", "xcomp", "ccomp")


def _without_carriers(found: list) -> list:
    """A carrier verb ("wrote to the minister") is no event when a clause of it is a trigger of its own
    ("..., asking him to resign"): the letter is coded once, by its content (GUIDELINES 4)."""
    at = {tok.i for tok, _ in found}
    return [(tok, trig) for tok, trig in found
            if not (trig.carrier and any(c.dep_ in CONTENT_CLAUSES and c.i in at for c in tok.children))]


def content_target(subject, lex: Lexicon):
    """Whom a statement act is about: the content's subject when it names an actor, else the owner of
    what it names ("Trump's comments are unhelpful": Trump); None for "this", "it was"."""
    subject = _relative_head(subject)
    if subject is None or _self_actor(subject, lex) and subject.pos_ != "PRON":
        return subject
    if subject.pos_ == "PRON":
        return subject if subject.lower_ not in ("it", "this", "that", "these", "those", "what") else None
    return actor_of_object(subject, lex)


def content_event(verb, lex: Lexicon):
    """A statement whose content accuses, appeals, threatens or denies: (code, content head) or None."""
    content = _child(verb, "ccomp")
    if content is None:
        return None
    words = {t.lower_ for t in content.subtree} | {t.lemma_.lower() for t in content.subtree}
    for kind, code in STATEMENT_ACTS:
        if words & lex.statement_content[kind]:
            return code, content
    return None


# Acts two sides do with each other: meetings, talks, agreements, cooperation (CAMEO 03-06).
MUTUAL_ROOTS = {"03", "04", "05", "06"}


# Acts of force: the place they hit is their target when no actor is named (GUIDELINES 3, "a place
# attacked is its country").
FORCE_ROOTS = {"18", "19", "20"}


# Deployments (154): what is sent is the source's own force, not a side; the act is aimed at the object of its
# purpose clause ("sending more troops to Khan Younis to target Hamas militants"), coded once, as the
# deployment (the dev gold codes one event there).
DEPLOYING = ("154",)


def deployment_purpose(verb):
    """The to-infinitive purpose clause of a deployment verb ("is sending troops ... to target X"), else None."""
    return next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and to_infinitive(c)),
                None)


# Rejections (12): what is opposed may be a thing ("pushed back against calls for ..."; GUIDELINES 3, null target).
REJECTING = "12"


# "attacks in Gaza", "strikes across the Gaza Strip", "shelling throughout the region"
PLACE_STRUCK_PREPS = ("in", "across", "throughout")


def _place_struck(tok, lex: Lexicon):
    """The named place an act of force took place in ("carrying out attacks in Gaza", "shelled in
    Kharkiv"): an "in" phrase on a verb trigger, or on a noun trigger a light verb carries (not a bare
    mention: "after Hamas's attacks in southern Israel" is background)."""
    if tok.pos_ == "NOUN":
        if tok.dep_ != "dobj" or not is_in(tok.head, lex.light_verbs):
            return None
        nodes = (tok, tok.head)
    else:
        nodes = (tok,)
    for node in nodes:
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_STRUCK_PREPS:
                pobj = _child(c, "pobj")
                if pobj is not None and pobj.ent_type_ in ("GPE", "LOC") and pobj.pos_ == "PROPN":
                    return pobj
    return None


def code_sentence(sent, lex: Lexicon, verb_patterns=None) -> list[Found]:
    found: list[Found] = []
    trig_list = triggers(sent, lex, verb_patterns)
    trigger_ids = {t.i for t, _ in trig_list}
    absorbed: set = set()  # purpose clauses of a deployment, coded by it
    for tok, trig in trig_list:
        code, alt = trig.code, trig.alt
        undergoer = None
        reporting = reporting_governor(tok, lex)
        verbal = False
        if tok.pos_ == "ADJ":  # a comment adjective: the copula's subject comments (undirected)
            source = _child(tok, *SUBJ, "nsubjpass") if tok.dep_ == "ROOT" else verb_arguments(tok.head, lex)[0]
            target = None
        elif tok.pos_ == "VERB":
            source, target = verb_arguments(tok, lex)
            if trig.armed and not (_armed(source, lex) or _armed_object(target, lex)):
                continue  # "migrants crossed into Texas": no incursion
            obj = _child(tok, "dobj")
            if trig.thing_code and obj is not None and not _self_actor(obj, lex):
                code = trig.thing_code  # "vowed to fight the proposal": opposition, not force
            if trig.undergone:  # "X faces charges", "X came under criticism": done to X by someone unnamed
                source, target = None, source
            if (code or "").startswith(DEPLOYING) and _child(tok, "nsubjpass") is None:
                purpose = deployment_purpose(tok)
                target = _child(purpose, "dobj") if purpose is not None else None
                if purpose is not None:
                    absorbed.add(purpose.i)
            if is_in(tok, lex.reporting_verbs) and code == "010":
                content = _child(tok, "ccomp")
                cued = content_event(tok, lex)
                if cued is not None:
                    code, head = cued
                    target = content_target(_child(head, "nsubj", "nsubjpass"), lex)
                    verbal = True
                elif content is not None and any(t.i in trigger_ids for t in content.subtree):
                    continue  # the reported events stand for this statement
                else:
                    target = _child(tok, "dative") or _prep_object(tok, ("to",))
        else:
            undergoer = undergone_by(tok, lex)
            if undergoer is not None:
                source, target = None, undergoer
            else:
                source, target = noun_arguments(tok, lex)
                if target is None and trig.target_preps:  # "declared their support for Hamas"
                    target = _prep_object(tok, trig.target_preps, lex=lex)
            if source is None and target is None and tok.dep_ == "pobj":
                continue  # "under the agreement": a mention, not an event
        if target is None and (code or "")[:2] in FORCE_ROOTS:
            target = _place_struck(tok, lex)
        if target is None and (code or "")[:2] == REJECTING and tok.pos_ == "VERB":
            # "pushed back against calls for a cease-fire": the thing opposed (the coder writes it as a null target)
            against = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "against"), None)
            target = _child(against, "pobj") if against is not None else None
        neg = negated(tok, lex)  # "no officer faced charges": a subject with "no"
        mod = modality(tok, lex, reporting)
        sources = conjuncts(source)
        if target is None and len(sources) == 1 and source is not None:
            # "the foreign ministers of Norway and Chile met": the two countries' ministers, each with the other
            of = next((c for c in source.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            pobj = _child(of, "pobj") if of is not None else None
            if pobj is not None and len(conjuncts(pobj)) > 1:
                sources = conjuncts(pobj)
        if (target is None or not names_actor(target, lex)) and len(sources) > 1 and (code or "")[:2] in MUTUAL_ROOTS:
            # "Modi and his Israeli counterpart discussed the latest developments": a topic, not a side
            # "Lavrov and Kerry met": the first with the others (not "the US and Russia abstained")
            pairs = [(sources[0], t) for t in sources[1:]]  # GUIDELINES 3: one event, first-named -> second-named
        else:
            pairs = list(itertools.product(sources, conjuncts(target)))
        for s, t in pairs:
            if s is not None and t is not None and s.i == t.i:
                t = None
            found.append(Found(tok, code, alt, s, t, neg, mod, depth(tok), reporting, verbal, trig.from_patterns,
                               undergone=trig.undergone or undergoer is not None))
    found = [f for f in found if f.trigger.i not in absorbed]
    found.sort(key=lambda f: (f.depth, f.trigger.i))
    return found
