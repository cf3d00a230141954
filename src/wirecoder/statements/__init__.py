"""Who said what: attributions (speaker, cue, content) found in the parse.

The ``statements`` stage tags speaker, cue and content runs with the trained
tagger (models/statements), assembles them into Statements and resolves each
speaker mention to a canonical name within the article. The ``speakers`` stage
groups statements by resolved speaker and adds actor codes.
"""

from __future__ import annotations

from ..record import Speaker
from .extract import extract_statements

__all__ = ["extract_statements"]


def statements(record, doc, resources, off=frozenset()) -> None:
    """The article's statements; `off`: assembly rules (statements.assemble.RULES) not applied."""
    for st in extract_statements(record, doc, resources, off):
        # A subheading such as "Expert contacts continue" reads like a cue with no content.
        if not st.content and st.cue is not None and _in_heading(record, st.cue.start):
            continue
        record.statements.append(st)


def _in_heading(record, offset: int) -> bool:
    spans = record.headings + ([record.title_span] if record.title_span else [])
    return any(h.start <= offset < h.end for h in spans)


def speakers(record, doc, ctx) -> None:
    _complete_surnames(record, ctx.statement_lexicon)
    _complete_short_names(record)
    by_name: dict[str, Speaker] = {}
    matcher = ctx.actor_matcher  # one that breaks raises: an error record, not missing codes
    for i, st in enumerate(record.statements):
        if not st.speaker_name:
            continue
        sp = by_name.get(st.speaker_name)
        if sp is None:
            sp = by_name[st.speaker_name] = Speaker(name=st.speaker_name, role=st.speaker_role, org=st.speaker_org)
            record.speakers.append(sp)
        sp.statements.append(i)
        if st.speaker is not None and all(m.start != st.speaker.start for m in sp.mentions):
            sp.mentions.append(st.speaker)
        sp.role = sp.role or st.speaker_role
        sp.org = sp.org or st.speaker_org
        if matcher is not None and st.speaker is not None and st.speaker_code is None:
            st.speaker_code = _code(matcher, record, st)
        sp.code = _more_specific(sp.code, st.speaker_code)
    for sp in record.speakers:  # each statement shares what its speaker's other mentions tell (code, role, org)
        if matcher is not None:  # the canonical name may say more than any mention ("the ministry")
            sp.code = _more_specific(sp.code, _name_code(matcher, record, sp.name))
        for i in sp.statements:
            st = record.statements[i]
            st.speaker_code = _more_specific(st.speaker_code, sp.code)
            if st.speaker_role is None and st.speaker_org is None:  # "according to Bilgin": the foreign minister
                st.speaker_role, st.speaker_org = sp.role, sp.org


def _more_specific(code, other):
    """`other` where it says more of the same actor: "The ministry" alone is GOV, and the speaker's
    other mention, "the Russian Defense Ministry", says RUSGOV ("Russia", RUS, takes RUSGOV too);
    a role with no country ("Security Council": GOV) gives way to any code of its speaker (IGOUNO)."""
    if code is None or other is None or other == code:
        return code or other
    if _role_only(code) or (len(other) > len(code) and (other.endswith(code) or other.startswith(code))):
        return other
    return code


def _role_only(code: str) -> bool:
    """GOV, MIL, PTY ...: a role code with no country (RUS, a country code, is not one)."""
    import pycountry

    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is None


def _complete_surnames(record, lexicon) -> None:
    """A speaker known only by a surname (or a transcript's "PENCE") takes the article's one full name ending in it.

    Resolution runs left to right, so "Peskov" met before (or without) a parse that
    labels "Dmitry Peskov" stays a bare surname; the whole article settles it.
    """
    full_names = {e.text.strip(" ,.") for e in record.entities if e.label == "PERSON"}
    full_names |= {st.speaker_name for st in record.statements if st.speaker_name}
    roles = lexicon.roles
    for st in record.statements:  # "Kremlin Spokesman Dmitry Peskov": the capitalised words after the role
        if st.speaker is None:
            continue
        words = st.speaker.text.replace("\u00a0", " ").split()
        after_role = [i for i, w in enumerate(words) if w.lower() in roles]
        tail = words[after_role[-1] + 1 :] if after_role else []
        if len(tail) >= 2 and all(w[:1].isupper() for w in tail):
            full_names.add(" ".join(tail).strip(" ,."))
    full_names = {n.replace("\u00a0", " ") for n in full_names if len(n.split()) >= 2}
    for st in record.statements:
        name = st.speaker_name
        if not name or len(name.split()) != 1:
            continue
        # a transcript writes the surname in capitals ("PENCE: Well, ...")
        matches = {n for n in full_names if n.split()[-1] == name or (name.isupper() and n.split()[-1].upper() == name)}
        if len(matches) == 1:
            st.speaker_name = matches.pop()


def _complete_short_names(record) -> None:
    """A name of several capitalised words that ends the article's one longer speaker name is that
    speaker: a headline's "Security Council" is the body's "U.N. Security Council" (not when two
    names end so: "Foreign Ministry" beside "Russian Foreign Ministry" and "Estonian Foreign Ministry")."""
    names = {st.speaker_name for st in record.statements if st.speaker_name}
    for st in record.statements:
        name = st.speaker_name
        words = (name or "").split()
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        longer = {n for n in names if n.endswith(" " + name)}
        if len(longer) == 1:
            st.speaker_name = longer.pop()


def _name_code(matcher, record, name: str):
    # A matcher that breaks raises (an error record), not a missing code (issue 20).
    ref = matcher.lookup(name, record.anchor_date())
    return ref.code if ref is not None else None


def _code(matcher, record, st):
    ref = matcher.resolve(record, st.speaker.start, st.speaker.end, record.anchor_date())
    return ref.code if ref is not None else None
