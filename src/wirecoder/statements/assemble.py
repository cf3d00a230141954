"""From tagged runs (speaker, cue, content) to Statements: which speaker and content go with which cue.

A cue takes the speaker run that is its grammatical subject (or the object of
"according to"), else the nearest speaker run in its sentence; content runs go to
the nearest cue in the same or a neighbouring sentence of the same paragraph. A
quotation split by its cue ("X," he said, "Y.") becomes one content in two pieces.
Content with no cue near it is a statement without a cue: a quotation that goes on
from the last speaker (the resolver gives it that speaker's name). Where a content or
speaker run starts and ends is content_spans.py's and speaker_spans.py's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable

from ..record import Span, Statement
from .content_spans import (before_parenthetical_cue, complement_run, continued_quotations, from_dateline, in_closed_quotation,
                            merge_fragments, opens_quote_at, without_connective, after_addressee, with_relative_pronoun, opens_sentence, quote_goes_on, to_complement, to_quote_close, within_own_clause,
                            without_next_predicate, without_relative_tail, within_sentence,
                            quotations_after_asides, opens_quotation, quoted_phrase, without_verb_adjuncts)
from .frames import (according_content, according_source, claim_clause, claim_cue_start, claim_noun, cut_to_source,
                     frame_cue_extent, frame_noun, frame_possessor, is_according, noun_possessor,
                     report_frame_object, subject_frame_verb)
from .lexicon import Lexicon
from .lines import line_labels, signed_quotations
from .cue_spans import (LONG_CUE_WORDS, bound_prep_object, cue_with_adverb, cue_with_bound_prep,
                        cue_with_pro_object, cue_without_leading_time, cue_without_medium, cue_without_on_date,
                        cue_without_subject_words, cue_without_trailing_prep)
from .runs import CUE_LEFT, Run, gap, run_head
from .speaker_spans import (passive_allows, received_words, relative_subject, speaker_after_fronted,
                            speaker_from_subject, speaker_with_premodifiers, speaker_without_aside,
                            speaker_without_even, speaker_without_relative,
                            speaker_without_time, subject_run)

# The rules of assembly, each of which can be switched off to measure what it does
# (assemble(..., off={...}); `wirecoder eval polnear DIR --without RULE`; the figures in docs/statements.md).
RULES = {
    "quoted-cues-out": "a cue inside a closed quotation is the quoted speaker's aside, not an attribution",
    "signed-quotes": "a line that is a quotation signed with a dash and a name is that name's statement",
    "nested-last": "a cue inside a quotation owns it only when no cue outside it is near",
    "complement-span": "a content run inside the clause the cue governs grows to that whole clause",
    "trim-time-adjunct": "a time adjunct between the cue and its clause's subject is the cue's, not content",
    "from-dateline": "a clause before its cue in the dateline's sentence starts right after the dateline",
    "quote-continues": "a quotation split by its cue that goes on after it is one content in two pieces",
    "parenthetical-cue": "a cue between commas inside its content takes the part before it too",
    "according-clause": "a content run inside an 'according to' clause grows to the whole clause",
    "trailing-cue-clause": "a cue closing its sentence after a comma takes the sentence before the comma",
    "speaker-time": "a speaker run that takes in the verb's time ends before it",
    "speaker-aside": "a speaker run that takes in a participle between commas ends before it",
    "speaker-relative-out": "a speaker run that ends on a relative pronoun ('Mr. Kamin, who') ends before its comma",
    "speaker-subject": "a speaker run that starts before the cue's subject starts at the subject",
    "quote-to-close": "a content piece that opens a quotation runs to its closing mark",
    "cut-cue": "a cue that runs into its content ends where the content starts",
    "self-nested-out": "a cue inside its own content, a content another statement also has, is dropped",
    "bare-cues-out": "a cue with neither speaker nor content is no statement",
    "non-speech-cues-out": "a cue headed by a non-speech word (cues.yaml not_cue_heads) is no attribution",
    "empty-shells-out": "a statement of nobody or of nothing ('Nobody said anything.') is no statement",
    "header-labels-out": "a line label in capitals that names nobody in the article ('BONDS:') is a header",
    "content-own-clause": "a content after its cue ends before a cue verb coordinated with it (', claiming ...')",
    "cue-medium-out": "a cue ends before the medium or occasion it names ('said in an email' -> 'said')",
    "long-bare-cues-out": "a cue of four words or more with no content is a description, not an attribution",
    "cue-prep-out": "a speech verb's cue ends before a preposition that closes it ('said of' -> 'said')",
    "pieces-one-sentence": "a content before its cue joins the one after it only from the cue's own sentence",
    "pieces-sentence-start": "an unquoted content before its cue joins the one after it only when it opens its sentence",
    "pieces-quoted-alike": "a quotation before its cue joins no unquoted content after it",
    "quote-next-paragraph": "a quotation with no cue opening the next paragraph goes on a quoted statement's content",
    "cue-on-date-out": "a cue ends before 'on' and the date that close it ('said on Monday' -> 'said')",
    "catenative-cues-out": "a cue like 'tried' whose 'to' clause lies outside it is no attribution",
    "clause-only-cues": "a cue like 'maintained' or 'advised' is one only with a clause ('maintains a lead' is none)",
    "content-connective-out": "a content opening with 'However,' or 'In addition,' starts after the comma",
    "content-after-addressee": "a content starting at the addressee of 'told' starts at the verb's clause",
    "relative-piece": "a cue in a relative clause takes its pronoun as a first content piece ('what | ...')",
    "nested-out": "a cue inside another statement's unquoted content is part of what that one reports",
    "received-words": "the subject of 'has drawn criticism (from Y)' is its target: the source is Y or nobody",
    "speaker-fronted": "a speaker run that starts inside a fronted phrase starts after its comma ('In a talk, X said')",
    "speaker-adjunct": "with speaker-aside: also the verb's adjunct between commas ('X, at a press gaggle, said'; 'X, like Y,')",
    "speaker-premodifiers": "a speaker run inside the cue's subject starts with the words that premodify it",
    "speaker-even": "a speaker run does not start with the focus adverb 'even' ('Even China ... said')",
    "relative-subject": "a cue whose subject is a relative pronoun takes it over a speaker run that is not its subject",
    "pieces-cue-clause": "an unquoted content before its cue is no part of the cue's own 'that' clause after it",
    "participle-speaker": "a participle cue with no subject (', saying') takes no speaker run the parse does not link it to",
    "parenthetical-free-speakers": "with parenthetical-cue: a speaker run no cue takes does not keep the part before the cue out",
    "raised-subject-piece": "'X is expected to Y', 'X appears to Y': X is the content's first piece, not the speaker",
    "quote-continues-free-speakers": "with quote-continues: a speaker run no cue takes does not split the quotation",
    "cue-when-out": "a cue that opens with 'when' ('when asked about') starts after it",
    "editor-note-out": "a paragraph that opens with 'Editor's note:' is the publication's note, not reporting",
    "content-occasion-out": "a content that is the cue verb's argument ends before the occasion the verb names after it ('in a ruling')",
    "cue-takes-prep": "a cue like 'called' takes the preposition that opens its content, and ends at it ('called for | a ceasefire')",
    "cue-takes-adverb": "a cue verb takes the adverb right after it that modifies it ('said sarcastically', 'said then')",
    "content-relative-out": "an unquoted content ends before a relative clause after a comma that closes it (', who has ...')",
    "cue-subject-words-out": "a cue that opens with words of its verb's subject ('A poll released last year found') starts after them",
    "space-joins-runs": "two runs of one role apart only by an odd space in the line (a no-break space) are one run",
    "cue-takes-pro-object": "a cue like 'put' takes the pronoun object that stands for the words ('as he put it')",
    "one-word-aux-cues-out": "a one-word cue 'is', 'had', 'did' (cues.yaml not_one_word_cues) is no attribution",
    "report-frame": "a sentence opening 'In a CNN poll, ...' is the poll's attribution: cue 'In', content the main clause",
    "possessed-claim": "'X's claim that ...' (a speech or belief noun) is X's statement: cue the noun, content the clause",
    "cue-name-out": "a cue that runs from its verb over a name ends at the verb ('blasted Disney for'); 'Said Ellis:' is Ellis's",
    "cue-time-out": "a cue that opens with its verb's time ('just this month announced') starts at the verb's words after it",
    "quote-after-aside": "a quotation opening the sentence after its cue's aside ('\"X,\" he said, referring to Y. \"Z.\"') goes on the first",
    "quote-fragments-out": "a statement with no cue whose quotation starts mid-quotation ('the quality.\'\'') is a fragment, no statement",
    "quoted-phrases-out": "a statement with no cue whose quotation goes on the writer's sentence ('moved into “a living room”') is none",
    "content-one-sentence": "an unquoted content piece ends at its sentence's full stop, where the parse ran on into the next",
    "content-next-predicate-out": "a content after its cue ends before the cue verb's next finite predicate ('attacked X | and blamed Y')",
}


def check_rules(off) -> frozenset:
    """The rule names of `off` as a set; an unknown name is an error that lists the known ones."""
    off = frozenset(off or ())
    unknown = sorted(off - RULES.keys())
    if unknown:
        raise ValueError(f"unknown assembly rule(s) {', '.join(unknown)}; the rules are: {', '.join(RULES)}")
    return off


_SUBJ = {"nsubj", "nsubjpass", "agent", "poss", "pobj"}
_NEG_WORDS = {"not", "n't", "never", "no"}


def _char_span(doc, text: str, start: int, end: int) -> Span | None:
    a = doc[start].idx
    b = doc[end - 1].idx + len(doc[end - 1].text)
    while a < b and (text[a].isspace() or text[a] == "\u00a0"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] == "\u00a0"):
        b -= 1
    if b <= a:
        return None
    return Span(a, b, text[a:b])


@dataclass
class Article:
    """What every step of one article's assembly reads: the parse, the record, and where each token is."""

    doc: Any
    record: Any
    text: str
    quote_mask: bytearray
    lexicon: Lexicon
    off: frozenset
    sent_of: list  # token -> sentence number
    para_of: list  # token -> paragraph number
    cue_tokens: set = frozenset()  # the tokens of every cue
    taken_tokens: set = frozenset()  # the tokens of every cue and of the speakers the cues take

    def on(self, rule: str) -> bool:
        return rule not in self.off


def assemble(doc, record, runs: dict, quote_mask: bytearray, lexicon: Lexicon,
             off: Iterable[str] = frozenset()) -> list[Statement]:
    """The statements of one article from the tagger's runs, in text order; `off`: rules (RULES) not applied."""
    art = _article(doc, record, quote_mask, lexicon, check_rules(off))
    speakers, cues, contents = (tagged_runs(art, runs.get(role, [])) for role in ("speaker", "cue", "content"))
    labelled = line_labels(doc, record, art.sent_of, art.para_of, lexicon, art.on("header-labels-out"))
    speakers, cues, contents = give_way_to_line_labels(labelled, speakers, cues, contents)
    cues = with_rule_cues(art, cues)
    signed = signed_quotations(doc, record, art.sent_of, art.para_of) if art.on("signed-quotes") else []
    speakers, cues, contents = give_way_to_signed_quotations(signed, speakers, cues, contents)
    framed = [frame_possessor(doc, c, lexicon) is not None
              or (art.on("report-frame") and report_frame_object(doc, c, lexicon) is not None)
              for c in cues]  # before the cues take their auxiliaries
    for c in cues:
        _extend_cue_left(doc, c)
        if art.on("cue-when-out"):
            _cue_without_when(doc, c)
    cue_speaker = [speaker_of_cue(art, c, speakers) for c in cues]
    cue_contents, loose = contents_of_cues(art, cues, contents)

    role_tokens = {i for r in cues + speakers for i in range(r.start, r.end)}
    art.cue_tokens = {i for r in cues for i in range(r.start, r.end)}
    art.taken_tokens = art.cue_tokens | {i for r in cue_speaker if r is not None for i in range(r.start, r.end)}
    statements: list[tuple[int, Statement]] = []
    covered: list[tuple[int, int]] = []  # content of the cues' statements, to keep loose runs out of
    for ci, c in enumerate(cues):
        statements += cue_statements(art, c, cue_speaker[ci], cue_contents[ci], framed[ci], role_tokens, covered)
    statements += line_statements(art, labelled, signed)
    statements += loose_statements(art, loose, speakers, covered)
    statements.sort(key=lambda x: x[0])
    found = [s for _, s in statements]
    if art.on("quote-next-paragraph"):
        found = continued_quotations(art.text, found)
    if art.on("quote-after-aside"):
        found = quotations_after_asides(doc, art.text, found)
    return without_noise(art, found)


def _article(doc, record, quote_mask, lexicon, off) -> Article:
    n = len(doc)
    sent_of = [0] * n
    for k, s in enumerate(doc.sents):
        for i in range(s.start, s.end):
            sent_of[i] = k
    para_of = [0] * n
    p = 0
    for t in doc:
        para_of[t.i] = p
        if "\n" in t.whitespace_ or "\n" in t.text:
            p += 1
    return Article(doc, record, record.text, quote_mask, lexicon, off, sent_of, para_of)


def tagged_runs(art: Article, spans: list) -> list[Run]:
    """The tagger's runs of one role without edge spaces, and none in page debris.

    A sentence the scraper cut off still holds its statements ("The door is not closed," Peskov
    added, "and we repeat it toda).
    """
    doc = art.doc
    out = []
    for a, b in spans:
        while a < b and doc[a].is_space:
            a += 1
        while b > a and doc[b - 1].is_space:
            b -= 1
        if b <= a or art.record.in_defect(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), ("debris",)):
            continue
        out.append(Run(a, b, art.sent_of[a], art.para_of[a]))
    return _joined_over_spaces(doc, out) if art.on("space-joins-runs") else out


def _joined_over_spaces(doc, runs: list[Run]) -> list[Run]:
    """Runs apart only by a space token inside a line ("has", a no-break space, "acknowledged": spaCy makes it
    a token of its own, which the encoder has no piece for) are one run."""
    out = []
    for r in sorted(runs, key=lambda r: r.start):
        if (out and out[-1].end < r.start and out[-1].sent == r.sent
                and all(doc[i].is_space and "\n" not in doc[i].text for i in range(out[-1].end, r.start))):
            out[-1] = Run(out[-1].start, r.end, out[-1].sent, out[-1].para)
        else:
            out.append(r)
    return out


def give_way_to_line_labels(labelled, speakers, cues, contents):
    """The tagger's runs over a line label ("Peskov: ..."), its colon or its line give way to the
    label's statement, except content around a cue of the tagger's own inside the line (a nested
    attribution)."""
    if not labelled:
        return speakers, cues, contents
    label_tokens = {i for sp, cue, _ in labelled for i in range(sp.start, cue.end)}
    speakers = [r for r in speakers if not label_tokens.intersection(range(r.start, r.end))]
    cues = [r for r in cues if not label_tokens.intersection(range(r.start, r.end))]
    own_lines = [ct for _, _, ct in labelled if not any(ct.start <= c.start < ct.end for c in cues)]
    contents = [r for r in contents if not any(r.start < ct.end and ct.start < r.end for ct in own_lines)]
    return speakers, cues, contents


def with_rule_cues(art: Article, cues: list[Run]) -> list[Run]:
    """The tagger's cues with the rules' (_rule_cues), in text order; rule quoted-cues-out: without
    those inside a closed quotation.

    '"I think we have said it many times," Peskov added': a cue inside a closed quotation is the
    quoted speaker's aside, not an attribution of its own (PolNeAR marks almost none of them).
    """
    doc = art.doc
    cues = sorted(cues + _rule_cues(doc, cues, art.sent_of, art.para_of, art.lexicon, art.quote_mask,
                                    art.on("report-frame"), art.on("possessed-claim")),
                  key=lambda r: r.start)
    if art.on("quoted-cues-out"):
        cues = [c for c in cues if not in_closed_quotation(art.text, doc[c.start].idx, art.quote_mask)]
    return cues


_LIGHT_VERBS = {"make", "do", "get"}


def non_speech_cue(doc, c: Run, lexicon: Lexicon) -> bool:
    """A cue that says nothing of anyone's words: its head is one of cues.yaml's not_cue_heads ("seemed
    eager to", "had made about", "has signed decrees granting") and no other word of it is a cue of the
    lexicon; a head that is one itself ("continue", "propose") only when it governs a verb that is not
    ("continues to fight", "proposes to cut": she continued, "proposes that ..." stay); or its words
    hold a not_cue_phrase ("made a phone call")."""
    words = [doc[i].lower_ for i in range(c.start, c.end)]
    if any(tuple(words[i:i + len(p)]) == p for p in lexicon.not_cue_phrases for i in range(len(words))):
        return True
    head = run_head(doc, c)
    if head.lemma_.lower() not in lexicon.not_cue_heads:
        return False
    if any(doc[i].i != head.i and lexicon.word_cue_type(doc[i].text, doc[i].lemma_, doc[i].pos_)
           for i in range(c.start, c.end)):
        return False
    if any(k.dep_ == "ccomp" for k in head.children):  # "seems to think that ...": what is thought is said
        return False
    if head.lemma_.lower() in _LIGHT_VERBS and any(k.dep_ == "dobj" for k in head.children):
        return False  # "has previously made the case for", "made a strong condemnation of"
    if not lexicon.word_cue_type(head.text, head.lemma_, head.pos_):
        return True
    return any(k.dep_ == "xcomp" and k.pos_ == "VERB" and not lexicon.word_cue_type(k.text, k.lemma_, k.pos_)
               for k in head.children)


def catenative_cue(doc, c: Run, lexicon: Lexicon) -> bool:
    """A cue headed by one of cues.yaml's catenative_heads ("tried", "has begun", "needs") whose "to" clause
    lies outside it: PolNeAR's cue would hold the clause's verb ("tried to explain"), and the tagger's
    cue without it is seldom an attribution ("has tried" + "to use the ad against Clinton")."""
    head = run_head(doc, c)
    return head.lemma_.lower() in lexicon.catenative_heads and any(
        k.dep_ == "xcomp" and k.i >= c.end for k in head.children)


def clauseless_cue(doc, c: Run, lexicon: Lexicon) -> bool:
    """A cue headed by one of cues.yaml's clause_only_heads with no clause of its own: "maintains a
    commanding lead", "advised Obama on the overhaul", "proved to be resistant" (not "maintained that ...")."""
    head = run_head(doc, c)
    return head.lemma_.lower() in lexicon.clause_only_heads and not any(k.dep_ == "ccomp" for k in head.children)


def give_way_to_signed_quotations(signed, speakers, cues, contents):
    """A signed quotation ('"..." ― Omar Khalil') is its signer's alone: the tagger's runs inside
    its line give way."""
    if not signed:
        return speakers, cues, contents
    signed_lines = [(ct.start, sp.end) for sp, _, ct in signed]

    def outside(r):
        return not any(r.start < b and a < r.end for a, b in signed_lines)

    return tuple([r for r in runs_ if outside(r)] for runs_ in (speakers, cues, contents))


def speaker_of_cue(art: Article, c: Run, speakers: list[Run]) -> Run | None:
    """The speaker run of a cue: its grammatical subject (or the object of "according to"), else the
    nearest speaker run in its sentence or a neighbouring one of its paragraph, else the subject the
    parse gives; a passive cue takes only its agent. The run taken is marked used."""
    doc = art.doc
    best, best_key = None, None
    heads = [doc[i] for i in range(c.start, c.end)]
    for s in speakers:
        if s.para != c.para or abs(s.sent - c.sent) > 1:
            continue
        syntactic = any(
            doc[i].head.i in range(c.start, c.end) and doc[i].dep_ in _SUBJ for i in range(s.start, s.end)
        ) or any(h.head.i in range(s.start, s.end) for h in heads if h.dep_ in ("acl", "relcl"))
        key = (0 if syntactic else 1, 0 if s.sent == c.sent else 1, gap(s, c))
        if best_key is None or key < best_key:
            best, best_key = s, key
    src = according_source(doc, c, art.lexicon, art.on("report-frame"), art.on("possessed-claim"))
    if src is not None and (best is None or best.end <= src[0] or best.start >= src[1]):
        # "Ankara plans ... According to Bilgin, ...": X is the source, not a run the tagger found nearby
        best = Run(src[0], src[1], art.sent_of[src[0]], art.para_of[src[0]])
    if art.on("relative-subject") and best is not None and best_key is not None and best_key[0] == 1:
        best = relative_subject(doc, c, art.sent_of, art.para_of) or best
    if art.on("participle-speaker") and best is not None and best_key is not None and best_key[0] == 1 \
            and not participle_speaker_allowed(doc, c, best):
        return None  # ", saying ...": nobody the parse links it to, not the nearest speaker run
    if best is None:
        best = subject_run(doc, c, art.sent_of, art.para_of)
    if best is not None and not passive_allows(doc, c, best):
        best = None  # "Reagan was once asked ...": the one asked is not the source, nor the last speaker
    received = received_words(doc, c, art.lexicon) if art.on("received-words") else False
    if received is not False and (best is None or received is None
                                  or not (received[0] <= best.start and best.end <= received[1])):
        # "X has drawn criticism from Y": Y, or nobody; never X
        best = None if received is None else Run(received[0], received[1], art.sent_of[received[0]],
                                                 art.para_of[received[0]])
    if best is not None:
        best.used = True
        if src is not None:
            best = cut_to_source(best, src)
    return best


_PARTICIPLE_DEPS = {"advcl", "acl", "xcomp", "pcomp", "conj", "relcl"}


def participle_speaker_allowed(doc, c: Run, sp: Run) -> bool:
    """A cue that is a participle with no subject of its own (", saying ...", "calling for ...") takes a
    speaker run that is not its subject only when the run holds the subject of a verb it hangs from, however
    high ("The mayor spoke on Monday, saying ...", "X said he did not believe ..., arguing ..."), not the nearest noun phrase ("... runoff from a former mine,
    saying ...")."""
    head = run_head(doc, c)
    if head.tag_ != "VBG" or head.dep_ not in _PARTICIPLE_DEPS or any(
            k.dep_ in ("nsubj", "nsubjpass", "agent") for k in head.children) or doc[sp.start].sent != head.sent:
        return True
    up = head
    while up.dep_ != "ROOT" and up.head.i != up.i:
        up = up.head
        for k in up.children:
            if k.dep_ in ("nsubj", "nsubjpass") and sp.start <= k.i < sp.end:
                return True
    return False


def contents_of_cues(art: Article, cues: list[Run], contents: list[Run]) -> tuple[list[list[Run]], list[Run]]:
    """Each content run to the nearest cue of its paragraph (same or neighbouring sentence); the runs
    near no cue are returned apart (loose).

    Rule nested-last: a cue inside a quotation ('"We have always said ...," Peskov told reporters')
    owns it only when no cue outside is near; inside unquoted content, the cue is the content's own.
    """
    doc, para_of, sent_of = art.doc, art.para_of, art.sent_of
    nested_last = art.on("nested-last")
    cue_contents: list[list[Run]] = [[] for _ in cues]
    loose: list[Run] = []
    for ct in contents:
        best, best_key = None, None
        for ci, c in enumerate(cues):
            if c.para != ct.para and not (ct.end <= c.start and para_of[ct.end - 1] == c.para):
                continue
            nested = nested_last and ct.start <= c.start and c.end <= ct.end and art.quote_mask[doc[ct.start].idx]
            # sentence distance between the nearest tokens of the two runs
            ds = min(abs(sent_of[i] - c.sent) for i in (ct.start, ct.end - 1))
            if ds > 1:
                continue
            key = (nested, ds, gap(c, ct))
            if best_key is None or key < best_key:
                best, best_key = ci, key
        if best is None:
            loose.append(ct)
        else:
            cue_contents[best].append(ct)
    return cue_contents, loose


def cue_statements(art: Article, c: Run, sp: Run | None, runs_: list[Run], framed: bool, role_tokens: set,
                   covered: list) -> list[tuple[int, Statement]]:
    """The statements of one cue: one per content group (a quotation in two pieces is one group), or
    one with the content the parse gives when the tagger gave none. Adds their content to `covered`."""
    doc = art.doc
    if art.on("non-speech-cues-out") and non_speech_cue(doc, c, art.lexicon):
        return []  # its content goes with it: no other cue's (on dev, those moved to another cue were wrong)
    if art.on("cue-name-out"):
        c, sp = cue_without_name(doc, c, sp, art.lexicon)
    pieces = content_pieces(art, c, runs_, role_tokens)
    groups = content_groups(art, c, sp, pieces, role_tokens)
    groups = framed_content(art, c, sp, groups, framed)
    if not groups:
        fallback = complement_run(doc, c, sp, art.sent_of, art.para_of, art.lexicon, art.on("trailing-cue-clause"))
        if fallback is None and art.on("cue-takes-prep"):
            fallback = bound_prep_object(doc, c, art.lexicon)
        groups = [[fallback]] if fallback is not None else [[]]
    said_by = speaker_bounds(art, c, sp)
    out = []
    for g in groups:
        if art.on("quote-to-close"):
            g[:] = [to_quote_close(doc, art.text, r, art.quote_mask, role_tokens) for r in g]
            covered.extend((r.start, r.end) for r in g)
        if g and art.on("content-one-sentence"):
            g[:] = within_sentence(doc, c, g, art.quote_mask)
        if g and art.on("content-relative-out"):
            g[-1] = without_relative_tail(doc, g[-1], art.quote_mask, art.lexicon.tail_relatives)
        if g and art.on("content-connective-out"):
            g[0] = without_connective(doc, g[0], art.lexicon.content_connectives)
        if art.on("content-after-addressee"):
            g[:] = [after_addressee(doc, c, r, art.lexicon.addressee_verbs) for r in g]
        if len(g) == 1 and art.on("relative-piece"):
            g[:] = with_relative_pronoun(doc, c, said_by, g)
        if len(g) == 1 and art.on("raised-subject-piece"):
            raised = raised_subject(doc, c, g[0], art.lexicon.raising_heads)
            if raised is not None:
                g[:] = [raised, g[0]]
                if said_by is not None and said_by.start < raised.end and raised.start < said_by.end:
                    said_by = None
        cue = _cue_before_content(doc, c, g) if art.on("cut-cue") else c
        cue = cue_without_medium(doc, cue, art.lexicon) if art.on("cue-medium-out") else cue
        cue = cue_without_trailing_prep(doc, cue, art.lexicon) if art.on("cue-prep-out") else cue
        cue = cue_without_on_date(doc, cue) if art.on("cue-on-date-out") else cue
        cue = cue_without_subject_words(doc, cue) if art.on("cue-subject-words-out") else cue
        cue = cue_without_leading_time(doc, cue) if art.on("cue-time-out") else cue
        if art.on("cue-takes-prep"):
            cue = cue_with_bound_prep(doc, cue, g, art.lexicon)
        if art.on("cue-takes-adverb"):
            cue = cue_with_adverb(doc, cue, g, art.lexicon)
        if art.on("cue-takes-pro-object"):
            cue = cue_with_pro_object(doc, cue, g, art.lexicon)
        if art.on("catenative-cues-out") and catenative_cue(doc, cue, art.lexicon):
            continue
        if (art.on("one-word-aux-cues-out") and cue.end - cue.start == 1
                and doc[cue.start].lemma_.lower() in art.lexicon.not_one_word_cues):
            continue  # after the cuts above: "has | the support of" as well as the tagger's bare "is"
        if art.on("clause-only-cues") and clauseless_cue(doc, cue, art.lexicon):
            continue
        if art.on("long-bare-cues-out") and not g and c.end - c.start >= LONG_CUE_WORDS > cue.end - cue.start \
                and len(doc[c.start:c.end].text.split()) >= LONG_CUE_WORDS:
            continue  # the cue as the tagger gave it, before its medium and date are cut off
        out.append((c.start, _statement(doc, art.text, art.record, said_by, cue, g, art.quote_mask, art.lexicon)))
    return out


def cue_without_name(doc, c: Run, sp: Run | None, lexicon: Lexicon) -> tuple[Run, Run | None]:
    """The cue and speaker of a cue run that goes on from its first word, a cue verb, over a name: the
    cue is the verb ("blasted Disney for" -> "blasted"; PolNeAR train: 7 of 8); a sentence that opens with
    the verb and the name before a colon or quote mark ("Said Ellis: ...") is the name's statement."""
    verb = doc[c.start]
    if (c.end - c.start < 2 or not _is_name(doc[c.start + 1]) or verb.pos_ not in ("VERB", "AUX")
            and not verb.text[:1].isupper() or not lexicon.word_cue_type(verb.text, verb.lemma_, "VERB")):
        return c, sp  # "said Friday" keeps its day: PolNeAR marks it about as often as not
    name_end = c.start + 1
    while name_end < len(doc) and _is_name(doc[name_end]):
        name_end += 1
    cue = Run(c.start, c.start + 1, c.sent, c.para)
    opens = all(doc[k].is_space or doc[k].is_punct for k in range(verb.sent.start, verb.i))
    if opens and name_end < len(doc) and (doc[name_end].text == ":" or doc[name_end].is_quote):
        return cue, Run(c.start + 1, name_end, c.sent, c.para)
    return cue, sp


def _is_name(t) -> bool:
    return t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")


def raised_subject(doc, c: Run, content: Run, raising_heads: frozenset) -> Run | None:
    """The subject of a cue that is passive or a raising verb, before it, whose "to" clause is the content
    ("The sale is expected | to close in May", "No deal appears | to be near"): PolNeAR's content is the
    subject and the clause, in two pieces, and the subject is nobody's words' source."""
    head = run_head(doc, c)
    t = doc[content.start]
    if t.lower_ != "to" or content.start < c.end or t.head.dep_ != "xcomp" or t.head.head.i != head.i:
        return None
    subj = [k for k in head.children if k.i < c.start and (
        k.dep_ == "nsubjpass" or (k.dep_ == "nsubj" and head.lemma_.lower() in raising_heads))]
    if not subj:
        return None
    a, b = subj[0].left_edge.i, subj[0].right_edge.i + 1
    while b > a + 1 and (doc[b - 1].is_punct or doc[b - 1].is_space):
        b -= 1
    return Run(a, b, content.sent, content.para)


def content_pieces(art: Article, c: Run, runs_: list[Run], role_tokens: set) -> list[Run]:
    """A cue's content runs in text order, fragments joined (merge_fragments); rule complement-span:
    each grown to the clause the cue governs (with trim-time-adjunct, after the cue's time adjunct);
    rule from-dateline: a clause before the cue in the dateline's sentence starts after the dateline."""
    doc = art.doc
    pieces = merge_fragments(sorted(runs_, key=lambda r: r.start), art.sent_of, role_tokens)
    if art.on("complement-span"):
        pieces = [to_complement(doc, c, r, role_tokens, art.on("trim-time-adjunct")) for r in pieces]
    if art.on("from-dateline") and art.record.dateline is not None:
        pieces = [from_dateline(doc, art.record.dateline.span.end, c, r, role_tokens) for r in pieces]
    if art.on("content-own-clause"):
        pieces = [within_own_clause(doc, c, r, art.cue_tokens) for r in pieces]
    if art.on("content-next-predicate-out"):
        pieces = [without_next_predicate(doc, c, r, art.quote_mask) for r in pieces]
    if art.on("content-occasion-out"):
        pieces = [without_verb_adjuncts(doc, c, r, art.lexicon) for r in pieces]
    return pieces


def content_groups(art: Article, c: Run, sp: Run | None, pieces: list[Run], role_tokens: set) -> list[list[Run]]:
    """The pieces grouped into contents: pieces flanking the cue (and its speaker) are one quotation in
    two parts when only the cue, its speaker and short linking words stand between them, or (rule
    quote-continues) when the first closes on a comma inside its marks and the second opens a quotation;
    rule parenthetical-cue: "All of this, he acknowledges, could be undone" takes "All of this" too."""
    doc = art.doc
    groups: list[list[Run]] = []
    for r in pieces:
        if groups and groups[-1][-1].end <= c.start and r.start >= c.end and len(groups[-1]) == 1:
            between = [doc[i] for i in range(groups[-1][-1].end, r.start)]
            inside = set(range(c.start, c.end)) | (set(range(sp.start, sp.end)) if sp else set())
            linked = all(t.i in inside or t.is_punct or t.is_space or t.dep_ in _LINKING_DEPS for t in between) \
                and len(between) < 15
            keep = across_cue(art, groups[-1][-1], r, c) if linked else "both"
            if keep == "join":
                groups[-1].append(r)
                continue
            blocking = art.taken_tokens if art.on("quote-continues-free-speakers") else role_tokens
            if art.on("quote-continues") and quote_goes_on(doc, art.text, groups[-1][-1], r, c, inside, blocking):
                groups[-1].append(r)
                continue
            if keep == "second":  # the piece before is not this content's first part, nor a content of this cue
                groups[-1] = [r]
                continue
            if keep == "first":
                continue
        groups.append([r])
    if art.on("parenthetical-cue") and len(groups) == 1 and len(groups[0]) == 1:
        blocking = art.taken_tokens if art.on("parenthetical-free-speakers") else role_tokens
        head_part = before_parenthetical_cue(doc, c, sp, groups[0][0], blocking)
        if head_part is not None:
            groups = [[head_part, groups[0][0]]]
    return groups


def across_cue(art: Article, first: Run, second: Run, c: Run) -> str:
    """What becomes of a content piece before the cue and one after it, with only the cue, its speaker and
    linking words between them: "join" (one content in two pieces), "first" or "second" (that one alone
    is the cue's), "both" (two contents). Rule pieces-one-sentence: the piece before joins only from the
    cue's own sentence ("[A]. Clinton says [B]": B); pieces-sentence-start: unquoted, only when it opens
    its sentence ("Back in Virginia, Mr. Clarke said, he decided ..."), not an object the tagger found
    mid-sentence ("pressed him on [his handling of the scam], to admit [that ...]": the second);
    pieces-quoted-alike: a quotation joins no unquoted piece after it ('"I am proud of you," he told [some
    of the miners]': the first)."""
    doc = art.doc
    quoted = opens_quote_at(doc, first.start)
    if art.on("pieces-one-sentence") and art.sent_of[first.end - 1] != c.sent:
        return "second"
    if not quoted:
        if art.on("pieces-cue-clause") and cue_own_that_clause(doc, c, second):
            return "second"
        return "join" if not art.on("pieces-sentence-start") or opens_sentence(doc, first.start) else "second"
    # "..., but "when it comes ...": a conjunction may come before the mark
    if art.on("pieces-quoted-alike") and not any(opens_quote_at(doc, k)
                                                  for k in range(second.start, min(second.start + 2, second.end))):
        return "first"
    return "join"


def cue_own_that_clause(doc, c: Run, second: Run) -> bool:
    """The content after the cue is the cue verb's own "that" clause ("While there is no law ..., many
    candidates have understood | that it is necessary ..."): what comes before the cue is the sentence's
    adjunct or another clause, not this content's first part ("It is no surprise, he said, that ..." hangs
    the clause on "surprise" and stays one content)."""
    t = doc[second.start]
    head = run_head(doc, c)
    return t.lower_ == "that" and t.dep_ == "mark" and t.head.dep_ == "ccomp" and t.head.head.i == head.i


_LINKING_DEPS = ("cc", "advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound")


def framed_content(art: Article, c: Run, sp: Run | None, groups: list[list[Run]], framed: bool) -> list[list[Run]]:
    """The content of a frame cue: "In his words, Western countries were 'using ...'" is the whole main
    clause, not its quoted part only; rule according-clause: a run the tagger found inside an
    "according to" clause ("the opening of the border") grows to the whole clause."""
    doc = art.doc
    if art.on("possessed-claim") and claim_noun(doc, c, art.lexicon) is not None:
        a, b = claim_clause(doc[c.end - 1])  # "Trump's claim | that ...": the clause, whatever the tagger found
        return [[Run(a, b, art.sent_of[a], art.para_of[a])]]
    if framed:
        clause = according_content(doc, c, sp, art.sent_of, art.para_of, art.lexicon)
        return [[clause]] if clause is not None else groups
    if art.on("according-clause") and len(groups) == 1 and len(groups[0]) == 1 and is_according(doc, c):
        clause = according_content(doc, c, sp, art.sent_of, art.para_of, art.lexicon)
        r = groups[0][0]
        if clause is not None and clause.start <= r.start and r.end <= clause.end:
            return [[clause]]
    return groups


def speaker_bounds(art: Article, c: Run, sp: Run | None) -> Run | None:
    """Where the cue's speaker starts and ends (it depends on the cue alone): rule speaker-time, without
    the verb's time ("The UN Security Council on Friday pledged"); speaker-aside, without a participle
    between commas ("Lavrov, speaking to reporters in Ankara, said"); speaker-subject, from the cue's
    subject ("During a visit to Riga, the minister said"). The source of a report frame is its whole phrase
    ("In the latest poll, conducted in May, ...": report_frame_extent), which those rules would cut."""
    doc = art.doc
    if sp is not None and art.on("report-frame") and report_frame_object(doc, c, art.lexicon) is not None:
        return sp
    if sp is not None and art.on("speaker-fronted"):
        sp = speaker_after_fronted(doc, sp, c)
    said_by = speaker_without_time(doc, sp, art.lexicon) if sp is not None and art.on("speaker-time") else sp
    said_by = (speaker_without_aside(doc, said_by, art.on("speaker-adjunct")) if said_by is not None
               and art.on("speaker-aside") else said_by)
    said_by = speaker_from_subject(doc, said_by, c) if said_by is not None and art.on("speaker-subject") else said_by
    if said_by is not None and art.on("speaker-premodifiers"):
        said_by = speaker_with_premodifiers(doc, said_by, c)
    if said_by is not None and art.on("speaker-even"):
        said_by = speaker_without_even(doc, said_by)
    if said_by is not None and art.on("speaker-relative-out"):
        said_by = speaker_without_relative(doc, said_by, c)
    return said_by


def line_statements(art: Article, labelled, signed) -> list[tuple[int, Statement]]:
    """The statements of whole lines: a speaker label and its colon ("Peskov: ...", "Poll: ..."), and a
    quotation signed with a dash and a name."""
    doc, text = art.doc, art.text
    out = []
    for sp, cue, ct in labelled:
        st = _statement(doc, text, art.record, sp, cue, [ct], art.quote_mask, art.lexicon)
        st.type = _cue_type(doc, sp, doc[sp.end - 1], art.lexicon) if sp.end - sp.start == 1 else "speech"  # "Poll:"
        out.append((cue.start, st))
    for sp, cue, ct in signed:
        out.append((ct.start, _statement(doc, text, art.record, sp, cue, [ct], art.quote_mask, art.lexicon)))
    return out


def loose_statements(art: Article, loose: list[Run], speakers: list[Run], covered: list) -> list[tuple[int, Statement]]:
    """Statements without a cue: content near no cue, not inside a cue's content, with a speaker run
    left over in its sentence if there is one (else the resolver continues the last speaker)."""
    out = []
    for ct in loose:
        if any(a <= ct.start and ct.end <= b for a, b in covered):
            continue  # a sentence of a quotation that a cue's content now runs over
        sp = None
        for s in speakers:
            if not s.used and s.sent == ct.sent and s.para == ct.para:
                sp = s
                s.used = True
                break
        out.append((ct.start, _statement(art.doc, art.text, art.record, sp, None, [ct], art.quote_mask, art.lexicon)))
    return out


def without_noise(art: Article, found: list[Statement]) -> list[Statement]:
    """The statements that are attributions.

    With no cue, only a quotation is a statement (one going on from the last speaker); unquoted
    content with no cue near it is the tagger's noise (on PolNeAR dev, 19 right of 99).
    Rule self-nested-out: "... has declared X and ordered Y, the ministry said": a cue inside its own
    content, whose content another statement also has, is the tagger's stray cue inside what that
    statement reports. Rule bare-cues-out: a cue with neither speaker nor content ("was declared",
    "are expected") says nothing of anyone.
    """
    out = [s for s in found if s.cue is not None or (s.content and s.kind == "direct")]
    if art.on("quote-fragments-out"):
        out = [s for s in out if s.cue is not None or opens_quotation(art.text, s.content[0].start)]
    if art.on("quoted-phrases-out"):
        out = [s for s in out if s.cue is not None
               or not quoted_phrase(art.doc, art.text, s.content[0].start, art.lexicon.frames)]
    if art.on("self-nested-out"):
        contents = [tuple((c.start, c.end) for c in s.content) for s in out]
        shared = {key for key, n in Counter(contents).items() if n > 1}
        out = [s for s, key in zip(out, contents)
               if not (key in shared and s.cue is not None
                       and any(c.start < s.cue.start and s.cue.end < c.end for c in s.content))]
    if art.on("nested-out"):
        out = [s for s in out if not nested_in_reported(art, s, out)]
    if art.on("bare-cues-out"):  # not "Donald Trump is drawing criticism" (rule received-words: nobody named)
        out = [s for s in out if s.speaker is not None or s.content or _receives_words(art, s)]
    if art.on("empty-shells-out"):
        out = [s for s in out if not empty_shell(s, art.lexicon)]
    if art.on("long-bare-cues-out"):
        out = [s for s in out if s.content or s.cue is None or len(s.cue.text.split()) < LONG_CUE_WORDS]
    if art.on("editor-note-out"):
        out = [s for s in out if not in_editor_note(art.text, s, art.lexicon.editor_notes)]
    return out


def in_editor_note(text: str, st: Statement, notes: tuple) -> bool:
    """The statement stands in a paragraph that opens with "Editor's note:": the publication's standing
    note to its readers, not the story's reporting (PolNeAR marks no attribution in such notes but by chance)."""
    spans = [x for x in [st.cue, st.speaker, *st.content] if x is not None]
    if not spans:
        return False
    at = min(x.start for x in spans)
    line = text[text.rfind("\n", 0, at) + 1:at + 1].lstrip(" \t\u00a0*_").lower().replace("\u2019", "'")
    return line.startswith(notes)


def nested_in_reported(art: Article, st: Statement, statements: list[Statement]) -> bool:
    """Rule nested-out: a cue outside quotation marks inside another statement's content ("He said Obama
    hopes that ...", "Police have said they have no plans ...") is part of what that statement reports,
    not a statement of its own: PolNeAR marks the outer attribution, its content running over the inner
    cue, and seldom the inner one."""
    if st.cue is None or art.quote_mask[st.cue.start]:
        return False
    a, b = st.cue.start, st.cue.end
    return any(o is not st and o.cue is not None and (o.cue.start, o.cue.end) != (a, b)
               and any(c.start <= a and b <= c.end for c in o.content) for o in statements)


def _receives_words(art: Article, st: Statement) -> bool:
    span = art.doc.char_span(st.cue.start, st.cue.end, alignment_mode="expand") if st.cue is not None else None
    return (span is not None and art.on("received-words")
            and received_words(art.doc, Run(span.start, span.end, 0, 0), art.lexicon) is not False)




def empty_shell(st: Statement, lexicon: Lexicon) -> bool:
    """A statement of nobody that says nothing ("Nobody said anything.", "No one commented.") or of
    nothing ("He said nothing."): the words of cues.yaml's empty_speakers and empty_contents."""
    def bare(text: str) -> str:
        return " ".join(text.lower().strip(_STRIP).split())

    said_nothing = bool(st.content) and bare(" ".join(c.text for c in st.content)) in lexicon.empty_contents
    if st.speaker is not None and bare(st.speaker.text) in lexicon.empty_speakers:
        return not st.content or said_nothing  # "No one expected a full 90 minutes of ...": a belief
    return said_nothing


_STRIP = " .,;:!?\"'“”‘’«»()[]\u00a0\n\t"


def _cue_before_content(doc, cue: Run, pieces: list[Run]) -> Run:
    """A cue that runs into its content ends where the content starts: "vowed to harshly punish" with
    the content "to harshly punish ..." is the cue "vowed" (the cue and content taggers disagree)."""
    end = cue.end
    for r in pieces:
        if cue.start < r.start < end:
            end = r.start
    while end > cue.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return cue if end == cue.end else Run(cue.start, end, cue.sent, cue.para)


def _statement(doc, text, record, sp, cue, pieces, quote_mask, lexicon) -> Statement:
    st = Statement()
    if sp is not None:
        st.speaker = _close_bracket(text, _trim_marks(text, _char_span(doc, text, sp.start, sp.end)))
    if cue is not None:
        # a colon alone is a cue ("Peskov: ..."); elsewhere edge marks are not part of one
        whole = _char_span(doc, text, cue.start, cue.end)
        st.cue = whole if whole is not None and whole.text == ":" else _trim_marks(text, whole)
        head = run_head(doc, cue)
        st.type = _cue_type(doc, cue, head, lexicon)
        st.negated = any(c.dep_ == "neg" or c.lower_ in _NEG_WORDS and c.dep_ in ("neg", "advmod") for c in head.children)
    for r in pieces:
        span = _char_span(doc, text, r.start, r.end)
        if span is not None:
            st.content.append(span)
    if st.content:
        inside = sum(quote_mask[i] for s in st.content for i in range(s.start, s.end) if text[i].isalnum())
        total = sum(1 for s in st.content for i in range(s.start, s.end) if text[i].isalnum())
        if total and inside >= 0.9 * total:
            st.kind = "direct"
        elif inside > 0:
            st.kind = "mixed"
        else:
            st.kind = "indirect"
    anchor = cue if cue is not None else pieces[0]
    sent = doc[anchor.start].sent
    st.sentence = _char_span(doc, text, sent.start, sent.end)
    return st


def _extend_cue_left(doc, cue: Run) -> None:
    """PolNeAR cues carry their auxiliaries: "has publicly signaled", "would have described"."""
    head = run_head(doc, cue)
    if head.pos_ not in ("VERB", "AUX"):
        return
    left = {c.i for c in head.children if c.dep_ in CUE_LEFT and c.i < head.i}
    while cue.start - 1 in left and doc[cue.start - 1].sent == head.sent:
        cue.start -= 1


def _cue_without_when(doc, cue: Run) -> None:
    """A cue that opens with the "when" of its clause ("when asked about", "When pressed") starts after it:
    PolNeAR marks the verb (train: none of the tagger's 37 such cues is gold as it stands, 27 are without "when")."""
    while cue.end - cue.start > 1 and doc[cue.start].lower_ == "when" and doc[cue.start].tag_ == "WRB":
        cue.start += 1


_EDGE_MARKS = set("\"“”«»„‹›,;:—–-()[] \u00a0\t\n")


def _trim_marks(text: str, span: Span | None) -> Span | None:
    """A speaker or cue never starts or ends with a quote mark or comma."""
    if span is None:
        return None
    a, b = span.start, span.end
    while a < b and text[a] in _EDGE_MARKS:
        a += 1
    while b > a and text[b - 1] in _EDGE_MARKS:
        b -= 1
    return Span(a, b, text[a:b]) if b > a else None


def _close_bracket(text: str, span: Span | None) -> Span | None:
    """A speaker that opens a bracket takes its closing one ("... Humanitarian Affairs (OCHA)")."""
    if span is None or span.text.count("(") <= span.text.count(")") or text[span.end:span.end + 1] != ")":
        return span
    return Span(span.start, span.end + 1, text[span.start:span.end + 1])


def _rule_cues(doc, cues: list, sent_of, para_of, lexicon, quote_mask: bytearray, report_frames: bool = False,
               claims: bool = False) -> list:
    """Cues the tagger may miss: a reporting or belief verb with a subject and a "that" clause;
    the noun of an "in X's words" frame; with report_frames, the "In" of "In a CNN poll, ..."; with claims,
    the noun of "X's claim that ..."."""
    taken = {i for c in cues for i in range(c.start, c.end)}
    out = []
    for t in doc:
        if t.pos_ != "VERB" or t.i in taken or not lexicon.word_cue_type(t.text, t.lemma_, "VERB"):
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            continue
        if any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
               for c in t.children):
            out.append(Run(t.i, t.i + 1, sent_of[t.i], para_of[t.i]))
    for t in doc:  # "In his words, ...", "in Bolton's view": the noun is the cue (PolNeAR's "view")
        # not inside a quotation: "It's an invasion, in our estimation, of ..." is the quoted speaker's aside
        if t.i not in taken and not quote_mask[t.idx] and frame_possessor(doc, Run(t.i, t.i + 1, 0, 0), lexicon):
            start, end = frame_cue_extent(t, subject_frame_verb(t, lexicon))
            if not taken.intersection(range(start, end)):
                out.append(Run(start, end, sent_of[t.i], para_of[t.i]))
    if report_frames:
        for t in doc:
            if (t.i not in taken and not quote_mask[t.idx]
                    and report_frame_object(doc, Run(t.i, t.i + 1, 0, 0), lexicon) is not None):
                out.append(Run(t.i, t.i + 1, sent_of[t.i], para_of[t.i]))
    if claims:
        for t in doc:
            start = claim_cue_start(t)
            if (not taken.intersection(range(start, t.i + 1)) and not quote_mask[t.idx]
                    and claim_noun(doc, Run(start, t.i + 1, 0, 0), lexicon) is not None):
                out.append(Run(start, t.i + 1, sent_of[t.i], para_of[t.i]))
    return out


def _cue_type(doc, run: Run, head, lexicon: Lexicon) -> str:
    if is_according(doc, run) or report_frame_object(doc, run, lexicon) is not None:
        return "report"
    noun = frame_noun(doc, run, lexicon)
    if noun is not None and noun_possessor(noun) is not None:  # a frame with its owner
        return (lexicon.frames.get(noun.lower_) or lexicon.subject_frames.get(noun.lower_)
                or lexicon.subject_frames[noun.lemma_.lower()])
    for i in range(run.start, run.end):
        t = doc[i]
        kind = lexicon.word_cue_type(t.text, t.lemma_, t.pos_)
        if kind and t.i == head.i:
            return kind
    for i in range(run.start, run.end):
        kind = lexicon.cue_type(doc[i].lemma_, doc[i].pos_)
        if kind:
            return kind
    return "speech"
