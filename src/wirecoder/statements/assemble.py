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

from ..record import Span, Statement
from .content_spans import (before_parenthetical_cue, complement_run, from_dateline, in_closed_quotation,
                            merge_fragments, quote_goes_on, to_complement, to_quote_close)
from .frames import (according_content, according_source, cut_to_source, frame_cue_extent, frame_noun,
                     frame_possessor, is_according, noun_possessor, subject_frame_verb)
from .lexicon import Lexicon
from .lines import line_labels, signed_quotations
from .runs import CUE_LEFT, Run, gap, run_head
from .speaker_spans import (passive_allows, speaker_from_subject, speaker_without_aside, speaker_without_time,
                            subject_run)

# Each rule below can be switched off to measure what it does (the figures in docs/statements.md).
COMPLEMENT_SPAN = True
QUOTE_CONTINUES = True
NESTED_LAST = True
TRIM_TIME_ADJUNCT = True
CUT_CUE = True
SPEAKER_TIME = True
SPEAKER_ASIDE = True
SPEAKER_SUBJECT = True
FROM_DATELINE = True
TRAILING_CUE_CLAUSE = True
ACCORDING_CLAUSE = True
SELF_NESTED_OUT = True
PARENTHETICAL_CUE = True
QUOTE_TO_CLOSE = True
SIGNED_QUOTES = True
QUOTED_CUES_OUT = True
BARE_CUES_OUT = True

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


def assemble(doc, record, runs: dict, quote_mask: bytearray, lexicon: Lexicon) -> list[Statement]:
    text = record.text
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

    def make(role):
        out = []
        for a, b in runs.get(role, []):
            while a < b and doc[a].is_space:
                a += 1
            while b > a and doc[b - 1].is_space:
                b -= 1
            # page debris holds no statements; a sentence the scraper cut off still does
            # ("The door is not closed," Peskov added, "and we repeat it toda)
            if b <= a or record.in_defect(doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text), ("debris",)):
                continue
            out.append(Run(a, b, sent_of[a], para_of[a]))
        return out

    speakers, cues, contents = make("speaker"), make("cue"), make("content")
    labelled = line_labels(doc, record, sent_of, para_of, lexicon)
    if labelled:
        # the tagger's runs over a label, its colon or its line give way to the label's statement,
        # except content around a cue of the tagger's own inside the line (a nested attribution)
        label_tokens = {i for sp, cue, _ in labelled for i in range(sp.start, cue.end)}
        speakers = [r for r in speakers if not label_tokens.intersection(range(r.start, r.end))]
        cues = [r for r in cues if not label_tokens.intersection(range(r.start, r.end))]
        own_lines = [ct for _, _, ct in labelled if not any(ct.start <= c.start < ct.end for c in cues)]
        contents = [r for r in contents if not any(r.start < ct.end and ct.start < r.end for ct in own_lines)]
    cues = sorted(cues + _rule_cues(doc, cues, sent_of, para_of, lexicon, quote_mask), key=lambda r: r.start)
    if QUOTED_CUES_OUT:
        # "“I think we have said it many times,” Peskov added": a cue inside a closed quotation is the
        # quoted speaker's aside, not an attribution of its own (PolNeAR marks almost none of them)
        cues = [c for c in cues if not in_closed_quotation(text, doc[c.start].idx, quote_mask)]
    signed = signed_quotations(doc, record, sent_of, para_of) if SIGNED_QUOTES else []
    if signed:
        # a signed quotation is its signer's alone: the tagger's runs inside its line give way
        signed_lines = [(ct.start, sp.end) for sp, _, ct in signed]
        def outside(r):
            return not any(r.start < b and a < r.end for a, b in signed_lines)
        speakers, cues, contents = ([r for r in runs_ if outside(r)] for runs_ in (speakers, cues, contents))
    frames = {ci: frame_possessor(doc, c) is not None for ci, c in enumerate(cues)}
    for c in cues:
        _extend_cue_left(doc, c)

    # speaker of each cue
    cue_speaker: dict[int, Run | None] = {}
    for ci, c in enumerate(cues):
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
        src = according_source(doc, c)
        if src is not None and (best is None or best.end <= src[0] or best.start >= src[1]):
            # "Ankara plans ... According to Bilgin, ...": X is the source, not a run the tagger found nearby
            best = Run(src[0], src[1], sent_of[src[0]], para_of[src[0]])
        if best is None:
            best = subject_run(doc, c, sent_of, para_of)
        if best is not None and not passive_allows(doc, c, best):
            best = None  # "Reagan was once asked ...": the one asked is not the source, nor the last speaker
        if best is not None:
            best.used = True
            if src is not None:
                best = cut_to_source(best, src)
        cue_speaker[ci] = best

    # content to the nearest cue of the same paragraph (same or neighbouring sentence)
    cue_contents: dict[int, list[Run]] = {ci: [] for ci in range(len(cues))}
    loose: list[Run] = []
    for ct in contents:
        best, best_key = None, None
        for ci, c in enumerate(cues):
            if c.para != ct.para and not (ct.end <= c.start and para_of[ct.end - 1] == c.para):
                continue
            # a cue inside a quotation ("We have always said ...," Peskov told reporters) owns it only
            # when no cue outside is near; inside unquoted content, the cue is the content's own
            nested = NESTED_LAST and ct.start <= c.start and c.end <= ct.end and quote_mask[doc[ct.start].idx]
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

    role_tokens = {i for r in cues + speakers for i in range(r.start, r.end)}
    statements: list[tuple[int, Statement]] = []
    covered: list[tuple[int, int]] = []  # content of the cues' statements, to keep loose runs out of
    for ci, c in enumerate(cues):
        sp = cue_speaker[ci]
        pieces = merge_fragments(sorted(cue_contents[ci], key=lambda r: r.start), sent_of, role_tokens)
        if COMPLEMENT_SPAN:
            pieces = [to_complement(doc, c, r, role_tokens, TRIM_TIME_ADJUNCT) for r in pieces]
        if FROM_DATELINE and record.dateline is not None:
            pieces = [from_dateline(doc, record.dateline.span.end, c, r, role_tokens) for r in pieces]
        groups: list[list[Run]] = []
        for r in pieces:
            # pieces flanking the cue (and its speaker) are one quotation in two parts
            if groups and groups[-1][-1].end <= c.start and r.start >= c.end and len(groups[-1]) == 1:
                between = [doc[i] for i in range(groups[-1][-1].end, r.start)]
                inside = set(range(c.start, c.end)) | (set(range(sp.start, sp.end)) if sp else set())
                if all(t.i in inside or t.is_punct or t.is_space or t.dep_ in ("cc", "advmod", "npadvmod", "prep", "pobj", "det", "amod", "compound")
                       for t in between) and len(between) < 15:
                    groups[-1].append(r)
                    continue
                if QUOTE_CONTINUES and quote_goes_on(doc, text, groups[-1][-1], r, c, inside, role_tokens):
                    groups[-1].append(r)
                    continue
            groups.append([r])
        if PARENTHETICAL_CUE and len(groups) == 1 and len(groups[0]) == 1:
            head_part = before_parenthetical_cue(doc, c, sp, groups[0][0], role_tokens)
            if head_part is not None:  # "All of this, he acknowledges, could be undone ..."
                groups = [[head_part, groups[0][0]]]
        if frames[ci]:
            # "In his words, Western countries were “using ...”": the whole clause, not the quoted part only
            clause = according_content(doc, c, sp, sent_of, para_of)
            groups = [[clause]] if clause is not None else groups
        elif ACCORDING_CLAUSE and len(groups) == 1 and len(groups[0]) == 1 and is_according(doc, c):
            # "According to Bilgin, the opening of the border ... has not yet been implemented": the tagger's
            # run inside the clause ("the opening of the border") grows to the whole clause
            clause = according_content(doc, c, sp, sent_of, para_of)
            r = groups[0][0]
            if clause is not None and clause.start <= r.start and r.end <= clause.end:
                groups = [[clause]]
        if not groups:
            fallback = complement_run(doc, c, sp, sent_of, para_of, lexicon, TRAILING_CUE_CLAUSE)
            groups = [[fallback]] if fallback is not None else [[]]
        # the speaker's bounds depend on the cue alone: one trim serves each of its contents
        said_by = speaker_without_time(doc, sp, lexicon) if sp is not None and SPEAKER_TIME else sp
        said_by = speaker_without_aside(doc, said_by) if said_by is not None and SPEAKER_ASIDE else said_by
        said_by = speaker_from_subject(doc, said_by, c) if said_by is not None and SPEAKER_SUBJECT else said_by
        for g in groups:
            if QUOTE_TO_CLOSE:
                g[:] = [to_quote_close(doc, text, r, quote_mask, role_tokens) for r in g]
                covered.extend((r.start, r.end) for r in g)
            cue = _cue_before_content(doc, c, g) if CUT_CUE else c
            statements.append((c.start, _statement(doc, text, record, said_by, cue, g, quote_mask, lexicon)))
    for sp, cue, ct in labelled:
        st = _statement(doc, text, record, sp, cue, [ct], quote_mask, lexicon)
        st.type = _cue_type(doc, sp, doc[sp.end - 1], lexicon) if sp.end - sp.start == 1 else "speech"  # "Poll:"
        statements.append((cue.start, st))
    for sp, cue, ct in signed:
        statements.append((ct.start, _statement(doc, text, record, sp, cue, [ct], quote_mask, lexicon)))
    for ct in loose:
        if any(a <= ct.start and ct.end <= b for a, b in covered):
            continue  # a sentence of a quotation that a cue's content now runs over
        sp = None
        for s in speakers:  # a speaker run left over in the same sentence
            if not s.used and s.sent == ct.sent and s.para == ct.para:
                sp = s
                s.used = True
                break
        statements.append((ct.start, _statement(doc, text, record, sp, None, [ct], quote_mask, lexicon)))
    statements.sort(key=lambda x: x[0])
    # with no cue, only a quotation is a statement (one going on from the last speaker); unquoted
    # content with no cue near it is the tagger's noise (on PolNeAR dev, 19 right of 99)
    out = [s for _, s in statements if s.cue is not None or (s.content and s.kind == "direct")]
    if SELF_NESTED_OUT:
        # "... has declared X and ordered Y, the ministry said": a cue inside its own content whose content
        # another statement also has is the tagger's stray cue inside what that statement reports
        contents = [tuple((c.start, c.end) for c in s.content) for s in out]
        shared = {key for key, n in Counter(contents).items() if n > 1}
        out = [s for s, key in zip(out, contents)
               if not (key in shared and s.cue is not None
                       and any(c.start < s.cue.start and s.cue.end < c.end for c in s.content))]
    if BARE_CUES_OUT:
        # a cue with neither speaker nor content ("was declared", "are expected") says nothing of anyone
        out = [s for s in out if s.speaker is not None or s.content]
    return out


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


def _rule_cues(doc, cues: list, sent_of, para_of, lexicon, quote_mask: bytearray) -> list:
    """Cues the tagger may miss: a reporting or belief verb with a subject and a "that" clause;
    the noun of an "in X's words" frame."""
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
        if t.i not in taken and not quote_mask[t.idx] and frame_possessor(doc, Run(t.i, t.i + 1, 0, 0)):
            start, end = frame_cue_extent(t, subject_frame_verb(t, lexicon))
            if not taken.intersection(range(start, end)):
                out.append(Run(start, end, sent_of[t.i], para_of[t.i]))
    return out


def _cue_type(doc, run: Run, head, lexicon: Lexicon) -> str:
    if is_according(doc, run):
        return "report"
    noun = frame_noun(doc, run)
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
