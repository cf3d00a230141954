"""Where a content run starts and ends: the boundary rules assembly applies to the tagger's content.

PolNeAR's content of reported speech is the clause the cue governs ("that" included, final punctuation
excluded); of a quotation, the quotation to its closing mark, in pieces around the cue. The tagger often
stops short or starts late; these rules grow, join or find the content from the parse. Each rule's
figures on PolNeAR are in docs/statements.md.
"""

from __future__ import annotations

from .frames import according_content, is_according
from .lexicon import Lexicon
from .quotes import QUOTE_CHARS
from .runs import CUE_LEFT, Run, run_head


def quotation_end(text: str, at: int, quote_mask: bytearray) -> int:
    """The end of the quotation around the character at `at` (its closing mark included)."""
    end = at
    while end < len(text) and quote_mask[end]:
        end += 1
    return end


def in_closed_quotation(text: str, at: int, quote_mask: bytearray) -> bool:
    """Whether the character at `at` lies inside a quotation that closes (an unbalanced mark runs to
    the end of its paragraph: a cue after it is still the story's own)."""
    if not quote_mask[at]:
        return False
    end = quotation_end(text, at, quote_mask)
    return text[end - 1] in QUOTE_CHARS or text[end - 1] == "'"


_OPEN_QUOTES = "\"“«„‘"


_GOES_ON_MARKS = ",?!"  # a quotation that closes on one of these can go on after the cue


def opens_quote(word: str) -> bool:
    # '' (two apostrophes) opens a quotation in the New York Times; one apostrophe alone is too often a possessive
    return word[:1] in _OPEN_QUOTES or word.startswith("''")


def opens_quotation(text: str, start: int) -> bool:
    """Whether the content at `start` opens a quotation: it starts with an opening mark or right after one."""
    if opens_quote(text[start:start + 2]):
        return True
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    return j > 0 and (text[j - 1] in _OPEN_QUOTES or text[max(0, j - 2):j] == "''")


def quoted_phrase(doc, text: str, start: int, frames: dict) -> bool:
    """Whether the quotation at `start` goes on the writer's sentence: a word stands right before its opening
    mark ("moved into “a living room in Ohio”", "chanted “Lock her up!”"), no colon, comma or sentence end; and
    no frame ("In the words of X, the talks were "useful"": cues.yaml frames) attributes that sentence."""
    j = start
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == 0 or not text[j - 1].isalnum():
        return False
    at = doc.char_span(start, start + 1, alignment_mode="expand")
    return at is None or not any(t.lower_ in frames and t.dep_ == "pobj" and t.head.lower_ == "in" for t in at[0].sent)


def opens_quote_at(doc, k: int) -> bool:
    """Whether the token at k opens a quotation or follows its opening mark."""
    return opens_quote(doc[k].text) or (k > 0 and opens_quote(doc[k - 1].text))


def opens_sentence(doc, k: int) -> bool:
    """Whether only punctuation, spaces or a conjunction ("But", "And") stand before token k in its sentence."""
    return all(t.is_punct or t.is_space or t.dep_ == "cc" for t in doc[doc[k].sent.start:k])


def quote_goes_on(doc, text, first: Run, second: Run, cue: Run, own: set, role_tokens: set) -> bool:
    """ "X,” Clinton said on Thursday in a speech in New York. “Y." is one quotation.

    The first quote ends with a comma inside its marks (its sentence goes on after the
    cue); the second opens with a quote mark in the cue's sentence or the next one; no
    other cue or speaker stands between them.
    """
    last = doc[first.end - 1]
    end = last.idx + len(last.text)
    if not any(ch in text[max(0, end - 3): end + 2] for ch in _GOES_ON_MARKS):
        return False
    start = doc[second.start]
    opens = opens_quote(start.text) or (second.start > 0 and opens_quote(doc[second.start - 1].text))
    if not opens:
        return False
    sent_c, sent_s = doc[cue.start].sent, start.sent
    if sent_s.start not in (sent_c.start, sent_c.end):
        return False
    return not any(i in role_tokens and i not in own for i in range(first.end, second.start))


def to_quote_close(doc, text, r: Run, quote_mask: bytearray, role_tokens: set) -> Run:
    """A content piece that opens a quotation runs to its closing mark, over the sentences after the
    first ("''The real issue is governance. It would be better if ...,'' he said" is one content),
    as long as no other cue or speaker stands inside it."""
    k = r.start
    if not opens_quote(doc[k].text) and not (k > 0 and opens_quote(doc[k - 1].text)):
        return r
    if not opens_quote(doc[k].text):
        k -= 1
    end = r.end
    c = quotation_end(text, doc[k].idx, quote_mask)  # the mask reads '' as a mark too
    stop = end
    while stop < len(doc) and doc[stop].idx < c:
        stop += 1
    if stop <= end or any(i in role_tokens for i in range(end, stop)):
        return r
    return Run(r.start, stop, r.sent, r.para)


def before_parenthetical_cue(doc, cue: Run, sp: Run | None, after: Run, role_tokens: set) -> Run | None:
    """The first part of a content the cue interrupts: "All of this, he acknowledges, could be undone"
    (the cue and its speaker between commas inside the sentence, the content going on after them) is
    one content, "All of this" + "could be undone"; the tagger finds the second part only."""
    lead = min(cue.start, sp.start) if sp is not None else cue.start
    if after.start < cue.end or lead < 2 or doc[lead - 1].text != ",":
        return None
    if opens_quote(doc[after.start].text) or opens_quote(doc[after.start - 1].text):
        return None  # 'As a phone rang, the announcer said, "It's 3 a.m. ..."': the quotation alone
    between = range(max(cue.end, sp.end if sp is not None else 0), after.start)
    head = run_head(doc, cue)
    if not any(doc[i].text == "," for i in between) or not all(
            doc[i].is_punct or doc[i].is_space or i == head.i or head.is_ancestor(doc[i]) for i in between):
        return None  # the cue's own adjuncts only ("..., Stumpf explained earlier in the hearing, ...")
    sent = doc[lead].sent
    a, b = sent.start, lead - 1
    while a < b and (doc[a].is_space or (doc[a].is_punct and not doc[a].is_quote)):
        a += 1
    if b <= a or doc[after.start].sent.start != sent.start or any(i in role_tokens for i in range(a, b)):
        return None
    if not any(doc[i].is_alpha for i in range(a, b)):
        return None
    return Run(a, b, after.sent, after.para)


MERGE_GAP = 15  # tokens


def merge_fragments(pieces: list[Run], sent_of, role_tokens: set) -> list[Run]:
    """Content runs of one cue split by a short gap in the same sentence are one content.

    The content tagger often breaks a long complement ("the United States | to step up |
    military efforts ..."); PolNeAR's content is the whole stretch. The gap must hold no
    cue or speaker token, so "X," he said, "Y" stays two pieces.
    """
    out: list[Run] = []
    for r in pieces:
        if out:
            last = out[-1]
            gap = range(last.end, r.start)
            if (0 <= len(gap) <= MERGE_GAP and sent_of[last.end - 1] == sent_of[r.start]
                    and not any(i in role_tokens for i in gap)):
                last.end = max(last.end, r.end)
                continue
        out.append(Run(r.start, r.end, r.sent, r.para))
    return out


COMPLEMENT_DEPS = ("ccomp", "xcomp")


def to_complement(doc, cue: Run, r: Run, role_tokens: set, trim_time: bool = True) -> Run:
    """A content run inside the clause the cue governs grows to that whole clause.

    PolNeAR's content of reported speech is the complement clause ("that" included,
    final punctuation excluded); the tagger often stops a few words short.
    """
    head = run_head(doc, cue)
    for c in head.children:
        if c.dep_ not in COMPLEMENT_DEPS or c.i < cue.end:
            continue
        a, b = c.left_edge.i, c.right_edge.i + 1
        if not (a <= r.start and r.end <= b) and not (r.start <= c.i < r.end):
            continue
        for m in head.children:
            if m.dep_ == "mark" and m.i == a - 1:
                a = m.i
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        a, b = min(a, r.start), max(b, r.end)
        if any(i in role_tokens for i in range(a, b) if not (r.start <= i < r.end)):
            return r
        return Run(after_time_adjunct(doc, cue, a, b) if trim_time else a, b, r.sent, r.para)
    return r


def after_time_adjunct(doc, cue: Run, a: int, b: int) -> int:
    """The start of content a..b past a time adjunct between the cue and the clause's subject:
    "said on Monday he hoped ..." is the cue's time, not what was said (the parser may hang
    "on Monday" from either verb)."""
    k = a
    while k < b and (doc[k].is_punct or doc[k].is_space):
        k += 1
    if k >= b or any(not (doc[i].is_punct or doc[i].is_space) or doc[i].is_quote for i in range(cue.end, k)):
        return a  # nothing left, not right after the cue, or quoted ('saying "on her worst day" she ...')
    t = doc[k]
    while t.head.i != t.i and t.head.left_edge.i == k and t.head.dep_ in ("prep", "npadvmod"):
        t = t.head
    if t.dep_ not in ("prep", "npadvmod") or t.left_edge.i != k or not any(
            d.ent_type_ in ("DATE", "TIME") for d in t.subtree):
        return a
    n = t.right_edge.i + 1
    while n < b and (doc[n].is_punct or doc[n].is_space):
        n += 1
    subject = n < b and any(s.dep_ in ("nsubj", "nsubjpass") and s.left_edge.i == n for s in doc[n].sent
                            if s.head.i != s.i and s.head.i > n)
    return n if subject else a


def from_dateline(doc, dateline_end: int, cue: Run, r: Run, role_tokens: set) -> Run:
    """A content clause put before its cue in the dateline's sentence starts right after the dateline:
    in "KYIV, 3 March (Ukrinform) - Russian forces attacked a power plant ..., the governor said" the parse
    hangs the dateline on the clause and the tagger starts the content late, at "a power plant"."""
    if r.end > cue.start or doc[r.start].idx < dateline_end or doc[doc[r.start].sent.start].idx >= dateline_end:
        return r
    k = r.start
    while k > 0 and doc[k - 1].idx >= dateline_end:
        k -= 1
    while k < r.start and (doc[k].is_punct or doc[k].is_space):
        k += 1
    head = run_head(doc, cue)
    clause = next((c for c in head.children if c.dep_ == "ccomp" and c.i < cue.start
                   and c.left_edge.i <= r.start and r.end - 1 <= c.right_edge.i), None)
    if k == r.start or clause is None or any(i in role_tokens for i in range(k, r.start)):
        return r
    return Run(k, r.end, r.sent, r.para)


def complement_run(doc, cue: Run, sp: Run | None, sent_of, para_of, lexicon: Lexicon,
                   trailing: bool = True) -> Run | None:
    """The clause the cue introduces ("said that ..."), when the tagger gave no content."""
    head = run_head(doc, cue)
    if is_according(doc, cue):
        return according_content(doc, cue, sp, sent_of, para_of, lexicon)
    comp = [c for c in head.children if c.dep_ in ("ccomp", "xcomp") and c.i > head.i]
    # or the clause put before the cue: "Washington has not kept its promises, Peskov told reporters"
    comp = comp or [c for c in head.children if c.dep_ == "ccomp" and c.i < head.i]
    if not comp:
        return clause_before_trailing_cue(doc, head, sp, sent_of, para_of, lexicon) if trailing else None
    c = comp[0]
    a = c.left_edge.i
    # the complementizer belongs to the content in PolNeAR ("that the talks ...")
    for m in head.children:
        if m.dep_ == "mark" and a - 1 == m.i:
            a = m.i
    b = c.right_edge.i + 1
    while b > a and doc[b - 1].is_punct:
        b -= 1
    if b <= a or (sp is not None and a < sp.end and b > sp.start):
        return None
    return Run(a, b, sent_of[a], para_of[a])


def clause_before_trailing_cue(doc, head, sp: Run | None, sent_of, para_of, lexicon: Lexicon) -> Run | None:
    """The sentence before a subject and speech verb that close it after a comma, when the parse hung
    the verb on that sentence's own ("A ceasefire ... collapsed within hours, with shelling reported
    overnight, residents said on Tuesday": "said" is an adverbial clause of "collapsed", not its governor)."""
    if (head.dep_ not in ("advcl", "parataxis", "conj") or head.head.i > head.i or head.head.dep_ != "ROOT"
            or head.tag_ not in ("VBD", "VBZ") or lexicon.word_cue_type(head.text, head.lemma_, "VERB") != "speech"):
        return None
    sent = head.sent
    subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    if subject is None:
        return None  # not "..., X said": "..., leveling charges at ...", "..., voting for ..."
    left = subject.left_edge.i
    between_ok = all(t.i in range(left, subject.right_edge.i + 1) or (t.head.i == head.i and t.dep_ in CUE_LEFT)
                     for t in doc[left:head.i])
    if not between_ok or left <= sent.start or doc[left - 1].text != "," or any(
            not (t.is_punct or t.is_space) for t in doc[head.right_edge.i + 1:sent.end]):
        return None
    if sp is not None and not (left <= sp.start and sp.end <= head.right_edge.i + 1):
        return None
    a, b = sent.start, left - 1
    while a < b and (doc[a].is_space or (doc[a].is_punct and not doc[a].is_quote)):
        a += 1
    if b - a < 3:
        return None
    return Run(a, b, sent_of[a], para_of[a])


def within_own_clause(doc, cue: Run, r: Run, cue_tokens: set) -> Run:
    """A content after its cue ends before a cue verb coordinated with or hung on it after a comma or
    "and"/"but" ("said that A, claiming that B", "said A and called B ..."): that is the speaker's next
    statement, not part of this one; and it ends on no comma, dash or conjunction ("... the car and").
    A quotation is left whole."""
    if r.start < cue.end or opens_quote(doc[r.start].text) or (r.start > 0 and opens_quote(doc[r.start - 1].text)):
        return r
    end = r.end
    for i in range(r.start + 1, r.end):
        t = doc[i]
        if (i in cue_tokens and t.dep_ in ("conj", "advcl") and t.pos_ == "VERB" and t.left_edge.i > r.start
                and doc[t.left_edge.i - 1].lower_ in (",", "and", "but")):
            end = t.left_edge.i
            break
    while end > r.start + 1 and ((doc[end - 1].is_punct and not doc[end - 1].is_quote) or doc[end - 1].is_space
                                 or doc[end - 1].dep_ == "cc"):
        end -= 1
    return r if end == r.end else Run(r.start, end, r.sent, r.para)


_SENTENCE_ENDS = (".", "?", "!")


def _ends_sentence(doc, i: int, end: int, quote_mask: bytearray) -> bool:
    """Token i is a full stop (or ?, !) outside quotation marks after which a new sentence opens before `end`
    (a capitalised word or an opening quote mark); not the stop of a short capitalised abbreviation that
    the parse split off ("Col. Qaddafi", "Lt. Gov.")."""
    t, prev = doc[i], doc[i - 1]
    if t.text not in _SENTENCE_ENDS or quote_mask[t.idx] or (prev.text[:1].isupper() and len(prev.text) <= 3):
        return False
    k = i + 1
    while k < end and doc[k].is_space:
        k += 1
    return k < end and (opens_quote(doc[k].text) or doc[k].text[:1].isupper())


def within_sentence(doc, cue: Run, pieces: list[Run], quote_mask: bytearray) -> list[Run]:
    """An unquoted content piece ends at the end of its sentence, and the pieces after it go: "said the museum
    filled a gap in the schools. ''Throughout the time we've been here, ...,''" runs into the next sentence's
    quotation, where the parse did not split the two. A quotation's content is left whole, and so is that of
    a line's label or a signed quotation's dash (a cue of no words), whose content is the whole line."""
    if not any(ch.isalpha() for ch in doc[cue.start:cue.end].text):
        return pieces
    for n, r in enumerate(pieces):
        if opens_quote_at(doc, r.start) or doc[r.start].is_quote:
            continue
        for i in range(r.start + 1, r.end - 1):
            if _ends_sentence(doc, i, r.end, quote_mask):
                return pieces[:n] + [Run(r.start, i, r.sent, r.para)]
    return pieces


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl", "csubj")
_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def _finite(t) -> bool:
    return t.tag_ in _FINITE_TAGS or any(k.dep_ in ("aux", "auxpass") and k.tag_ in _FINITE_TAGS for k in t.children)


def without_next_predicate(doc, cue: Run, r: Run, quote_mask: bytearray) -> Run:
    """A content after its cue ends before a second finite predicate of the cue verb's subject ("attacked
    [the officers] and blamed ...", "did not want [to remain in the hospital], but was treated ...", "declined
    [that assignment] and has since left ..."): what the speaker did next is not what was said. The predicate
    has no subject of its own ("..., but her plan would ..." is another clause, left in) and stands outside
    quotation marks."""
    if r.start < cue.end or opens_quote_at(doc, r.start):
        return r
    head = run_head(doc, cue)
    for t in head.children:
        if (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and r.start < t.left_edge.i < r.end
                and not quote_mask[t.idx] and _finite(t) and not any(k.dep_ in _SUBJECT_DEPS for k in t.children)):
            end = t.left_edge.i
            while end > r.start + 1 and (doc[end - 1].is_punct and not doc[end - 1].is_quote or doc[end - 1].is_space
                                         or doc[end - 1].dep_ == "cc"):
                end -= 1
            return Run(r.start, end, r.sent, r.para)
    return r


_ARGUMENT_DEPS = ("ccomp", "dobj", "xcomp", "attr", "oprd", "dative")


def _verb_adjunct(k, lexicon: Lexicon) -> bool:
    """The cue verb's child k is the occasion it names ("in a ruling", "during the forum"). Its time, its
    clauses ("as ...", ", but X ...") are left in: PolNeAR dev and train keep them in the content as often."""
    return k.dep_ == "prep" and k.lower_ in lexicon.occasion_preps and any(
        p.dep_ == "pobj" and p.lemma_.lower() in lexicon.occasion_nouns for p in k.children)


def without_verb_adjuncts(doc, cue: Run, r: Run, lexicon: Lexicon) -> Run:
    """A content after its cue that is the cue verb's argument (its clause or object) ends before the
    occasion the verb names after that argument ("rejected that argument | in a ruling released
    Thursday", "asked how he would combat the group | during the forum"): where it was said is not what
    was said. A quotation is left whole."""
    if r.start < cue.end or opens_quote(doc[r.start].text) or (r.start > 0 and opens_quote(doc[r.start - 1].text)):
        return r
    head = run_head(doc, cue)
    arg = next((k for k in head.children if k.i >= cue.end and k.left_edge.i <= r.start <= k.right_edge.i), None)
    if arg is None or arg.dep_ not in _ARGUMENT_DEPS:
        return r
    end = r.end
    for k in head.children:
        if k.i > arg.right_edge.i and r.start < k.left_edge.i < end and _verb_adjunct(k, lexicon):
            end = k.left_edge.i
    while end > r.start + 1 and ((doc[end - 1].is_punct and not doc[end - 1].is_quote) or doc[end - 1].is_space
                                 or doc[end - 1].dep_ == "cc"):
        end -= 1
    return r if end == r.end else Run(r.start, end, r.sent, r.para)


def continued_quotations(text: str, statements: list) -> list:
    """A quotation with no cue that opens the paragraph right after a quoted statement is the rest of that
    statement's content, a piece of it, as PolNeAR marks it ('"No one is writing songs for her," he said.
    <paragraph> "Right now, the vote is against Trump."': one content in two pieces, he its speaker); the
    statement without a cue goes. The two open with the same mark (a straight quote after curly ones is
    another quotation, often the scraper's). `statements` in text order."""
    out: list = []
    last = None  # the statement with a cue whose quotation may go on, and where its sentence ends
    for st in statements:
        if st.cue is None and st.speaker is None and last is not None and st.content and st.kind == "direct":
            prev, end = last
            between = text[end:st.content[0].start]
            if ("\n" in between and not between.strip(" \t\n\u00a0")
                    and text[st.content[0].start] == text[prev.content[-1].start]):  # the same marks
                prev.content.extend(st.content)
                last = (prev, st.content[-1].end)
                continue
        out.append(st)
        # a cue in words: not a line's label ("PENCE: ...") nor a signed quotation's dash
        if (st.cue is not None and any(ch.isalpha() for ch in st.cue.text) and st.content and st.kind == "direct"
                and st.sentence is not None):
            ends = [st.sentence.end, st.content[-1].end, st.cue.end] + ([st.speaker.end] if st.speaker else [])
            last = (st, max(ends))
        elif st.content or st.cue is not None:
            last = None
    return out


def _span_head(doc, span):
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    return tokens.root if tokens is not None and len(tokens) else None


def _goes_on_after_aside(doc, text: str, first, second) -> bool:
    """`second`'s quotation is the rest of `first`'s: '"X," Hedge said, referring to the resorts. "Y."' The first
    is one quotation before its cue that closes on a comma (or ?, !) inside its marks; the second, one quotation
    that opens the next sentence of the same paragraph, and whose cue stands in the first cue's sentence, hung
    on that cue (its participle "referring to", its occasion "in a statement", a relative clause on its speaker:
    "..., who has known them for decades"). An aside with a quotation of its own in its sentence ('..., adding,
    "Z."') is a statement of its own."""
    if first.cue is None or second.cue is None or len(first.content) != 1 or len(second.content) != 1:
        return False
    if first.kind != "direct" or second.kind != "direct" or not any(ch.isalpha() for ch in first.cue.text):
        return False
    quote, rest = first.content[0], second.content[0]
    if quote.end > first.cue.start or second.cue.start < first.cue.end or "\n" in text[quote.end:rest.start]:
        return False
    if not any(ch in text[max(0, quote.end - 3): quote.end + 2] for ch in _GOES_ON_MARKS) or not opens_quote(rest.text):
        return False
    head, aside = _span_head(doc, first.cue), _span_head(doc, second.cue)
    opening = doc.char_span(rest.start, rest.end, alignment_mode="expand")
    if head is None or aside is None or opening is None:
        return False
    sent = head.sent
    return aside.sent.start == sent.start and head.is_ancestor(aside) and opening[0].sent.start == sent.end


def quotations_after_asides(doc, text: str, statements: list) -> list:
    """A quotation whose cue is an aside of the quoted statement before it (`_goes_on_after_aside`) goes on that
    statement's content, as PolNeAR marks it (one content in two pieces); its own statement goes. `statements`
    in text order."""
    out: list = []
    for st in statements:
        if out and _goes_on_after_aside(doc, text, out[-1], st):
            out[-1].content.extend(st.content)
            continue
        out.append(st)
    return out


def without_connective(doc, r: Run, connectives: tuple) -> Run:
    """A content that opens with a discourse connective and a comma ("However, slower growth ...", "In
    addition, the campaign plans ...": cues.yaml content_connectives) starts after the comma."""
    words = [doc[i].lower_ for i in range(r.start, min(r.end, r.start + 5))]
    for conn in connectives:
        n = len(conn)
        if tuple(words[:n]) == conn and len(words) > n and words[n] == ",":
            k = r.start + n + 1
            while k < r.end and doc[k].is_space:
                k += 1
            if r.end - k >= 2:
                return Run(k, r.end, r.sent, r.para)
    return r


def after_addressee(doc, cue: Run, r: Run, verbs: frozenset) -> Run:
    """A content that starts at the addressee of a cue of cues.yaml's addressee_verbs and runs over the
    verb's clause ("told [reporters that the talks had failed]") starts at the clause: "that the talks had
    failed", as PolNeAR marks it."""
    head = run_head(doc, cue)
    if head.lemma_.lower() not in verbs:
        return r
    obj = next((k for k in head.children if k.dep_ in ("dobj", "dative") and k.i >= cue.end), None)
    comp = next((k for k in head.children if k.dep_ == "ccomp" and k.i > head.i), None)
    if obj is None or comp is None or obj.left_edge.i != r.start:
        return r
    k = comp.left_edge.i
    if not (r.start < k < r.end) or k <= obj.right_edge.i:
        return r
    return Run(k, r.end, r.sent, r.para)


def without_relative_tail(doc, r: Run, quote_mask: bytearray, pronouns: frozenset) -> Run:
    """A content that ends with a relative clause set off by a comma ("... to pardon Hillary Clinton, who has
    not been charged", "... the reality of climate change, which makes him an outlier") ends before the
    comma: the clause is the writer's description of a noun of the content, not part of what was said.
    Not inside quotation marks, where it is the speaker's own words."""
    for k in range(r.start + 1, r.end - 1):
        pron = doc[k + 1]
        if doc[k].text != "," or pron.lower_ not in pronouns or quote_mask[pron.idx]:
            continue
        rel = pron
        while rel.dep_ != "relcl" and rel.head.i != rel.i and rel.i - k <= 3:
            rel = rel.head
        if rel.dep_ != "relcl" or not (r.start <= rel.head.i < k):
            continue
        if all(doc[i].is_punct and not doc[i].is_quote or doc[i].is_space for i in range(rel.right_edge.i + 1, r.end)):
            return Run(r.start, k, r.sent, r.para)
    return r


_RELATIVES = {"what", "which", "that", "who", "whom"}


def with_relative_pronoun(doc, cue: Run, sp: Run | None, pieces: list) -> list:
    """The content of a cue in a relative clause takes the relative pronoun before its speaker as a
    first piece when it is the object of the cue or of its content, as PolNeAR marks it: "what he called |
    'the beginning of a new era'", "which Mr. Clarke says | he is doing everything he can to keep open"."""
    if not pieces or pieces[0].start < cue.end:
        return pieces
    lead = sp.start if sp is not None and sp.end <= cue.start else cue.start
    k = lead - 1
    if k < 0 or doc[k].lower_ not in _RELATIVES or (sp is not None and sp.start <= k < sp.end):
        return pieces
    head = run_head(doc, cue)
    w = doc[k]
    first = pieces[0]
    if w.head.i != head.i and not (first.start <= w.head.i < pieces[-1].end):
        return pieces
    if w.dep_ not in ("dobj", "attr", "oprd"):  # an object: PolNeAR leaves a subject out ("which he said | were")
        return pieces
    return [Run(k, k + 1, first.sent, first.para)] + list(pieces)
