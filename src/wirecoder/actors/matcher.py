"""Find and code actor mentions in text with one compiled token trie.

Matching is on word tokens (``\\w+``), case- and accent-folded, so "U.S.",
"Russia's" and "al-Qaeda" tokenise the same way in dictionary and text. Case
still matters where the dictionary says so: an alias written with a capital
needs a capital in the text ("Chad", not "chad"), an acronym needs capitals
("US", not "us"), and lower-case agent words match in any case.

Adjacent matches form one mention: "Russian Foreign Minister Sergei Lavrov"
is the person, "Syrian government troops" is SYR + MIL, "the foreign ministry
of Russia" is RUS + GOV, "Kremlin spokesman" is RUS + GOV.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..record import ActorRef
from ..loading import collector_paused
from .dictionary import NON_STATE, ActorEntry, country_of, sector_of

_TOKEN = re.compile(r"\w+")
# A name ending in a generational suffix is a person's, whatever the parser's entity label ("Paul Otieno Sr.").
_SUFFIXED_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)? ([A-Z][a-z]+),? (?:Sr|Jr)\b\.?")


def suffixed_surnames(text: str) -> set:
    """Surnames of the names with Sr./Jr. in a text ("Paul Otieno Sr." -> "Otieno")."""
    return {m.group(1) for m in _SUFFIXED_NAME.finditer(text)}
# What may stand between the tokens of one name ("U.S.", "al-Qaeda", "Sa'ar").
_NAME_GAP = re.compile(r"^[ \u00a0\t\-\u2010\u2011\u2013'\u2019.]{0,3}$")
# What may stand between the parts of one mention ("Russia's Foreign Ministry").
_MENTION_GAP = re.compile(r"^[ \u00a0\t\-\u2010\u2011'\u2019]{0,3}$")
# Unmatched words allowed inside one mention between its parts.
_FILLERS = {
    "s", "state", "top", "senior", "chief", "acting", "interim", "deputy", "then", "new", "own", "national",
    "federal", "central", "local", "regional", "provincial", "main", "elite", "de", "facto", "incoming",
    "outgoing", "caretaker", "first", "current", "sitting", "powerful", "influential", "longtime", "veteran",
    "hardline", "moderate", "embattled", "beleaguered", "exiled", "ousted", "late", "jailed", "detained",
    "wartime", "permanent", "special", "presidential", "foreign", "defence", "defense", "official",
}
# Capitalised words next to a place name that do not make it part of a longer name.
_NOT_NAME_PARTS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "i", "mr", "mrs", "ms", "dr",
}
_SENTENCE_STARTERS = {
    "the", "a", "an", "in", "on", "at", "from", "for", "but", "and", "or", "meanwhile", "when", "while", "after",
    "before", "if", "as", "since", "though", "although", "both", "then", "also", "yet", "so", "by", "with",
    "to", "of", "that", "this", "why", "how", "what", "where", "now", "still", "later", "earlier", "today",
    "according", "unlike", "like", "including", "despite", "amid", "over", "under", "during",
}
_FORMER = {"former", "ex", "erstwhile", "onetime", "retired"}
# Capitalised words before a surname that are not a first name ("Said Lavrov", "Mr. Putin").
_TITLE_WORDS = {"said", "says", "told", "asked", "added", "sir", "lord", "lady", "dame", "prof", "gen", "col"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "von", "van", "der", "den", "de", "la", "le", "da", "di", "abu", "ben"}
_OF = {"of", "for"}
# Alias forms that are nationality words: matched only as written, accents included (see _Alias.plain).
_NATIONALITY_FORMS = {"adjective", "demonym"}
_KIND_RANK = {"person": 6, "group": 5, "organization": 4, "metonym": 3, "country": 2, "agent": 1}


def fold(token: str) -> str:
    """Lower case without accents: the form tokens are matched in."""
    if token.isascii():
        return token.lower()
    t = unicodedata.normalize("NFKD", token.casefold())
    return "".join(c for c in t if not unicodedata.combining(c))


def _case_rule(token: str) -> int:
    """0: any case; 1: capital first letter; 2: all capitals (acronyms and initials)."""
    if token.isupper() and (len(token) >= 2 or token.isalpha()):
        return 2
    if token[:1].isupper():
        return 1
    return 0


def _case_ok(rule: int, token: str) -> bool:
    if rule == 0:
        return True
    if rule == 2:
        return token.isupper()
    return token[:1].isupper()


@dataclass
class _Alias:
    entry: ActorEntry
    form: str  # name | adjective | demonym | agent | title
    rules: tuple[int, ...]
    # per token, True where a nationality word is written without accents: "Germán" (a first name) is not "German"
    plain: tuple[bool, ...] = ()


# Roles that are offices of a state: not held in an organisation a place gives its name to.
STATE_ROLES = {"GOV", "LEG", "JUD", "MIL", "COP", "SPY"}


@dataclass
class _Match:
    i: int  # first token
    j: int  # one past the last token
    alias: _Alias

    @property
    def entry(self) -> ActorEntry:
        return self.alias.entry

    def alias_start(self, toks) -> int:
        return toks[self.i][0]


class ActorMatcher:
    """The dictionary compiled into a trie; ``find`` and ``resolve`` code actor mentions."""

    def __init__(self, entries: dict[str, ActorEntry], gazetteer=None):
        with collector_paused():
            self._build(entries, gazetteer)

    def _build(self, entries: dict[str, ActorEntry], gazetteer) -> None:
        self.entries = entries
        self.gazetteer = gazetteer  # places that stand for their country; None: places are not looked up
        self._trie: dict = {}
        self._per_record: dict = {}  # id(record) -> (weakref, stamp, story country and article names)
        self._country_names = {
            tuple(fold(w) for w in _TOKEN.findall(n))
            for e in entries.values() if e.kind == "country" for n in e.names
        }
        surnames: dict[str, list[ActorEntry]] = {}
        for e in entries.values():
            if e.kind == "agent":
                for n in e.names:
                    self._add(n, _Alias(e, "agent", ()))
                for n in e.titles:
                    self._add(n, _Alias(e, "title", ()))
                continue
            for n in e.names:
                self._add(n, _Alias(e, "name", ()))
            for n in e.adjectives:
                self._add(n, _Alias(e, "adjective", ()))
            for n in e.demonyms:
                self._add(n, _Alias(e, "demonym", ()))
            if e.kind == "person" and e.surname is not None:
                surname = e.surname if isinstance(e.surname, str) else _TOKEN.findall(e.name)[-1]
                surnames.setdefault(fold(surname), []).append(e)
        # The surname alone names a person; where several people share it (or a listed
        # alias), the article's date decides between them (see _pick).
        for folded, people in surnames.items():
            for e in people:
                surname = e.surname if isinstance(e.surname, str) else _TOKEN.findall(e.name)[-1]
                self._add(surname, _Alias(e, "name", ()))

    # -- building ---------------------------------------------------------
    def _add(self, phrase: str, alias: _Alias) -> None:
        tokens = _TOKEN.findall(phrase)
        if not tokens:
            return
        alias.rules = tuple(_case_rule(t) for t in tokens)
        if alias.form in _NATIONALITY_FORMS:
            alias.plain = tuple(t.isascii() for t in tokens)
        node = self._trie
        for t in tokens:
            node = node.setdefault(fold(t), {})
        node.setdefault(None, []).append(alias)

    # -- matching ---------------------------------------------------------
    @staticmethod
    def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str, str]]:
        return [(m.start(), m.end(), m.group(), fold(m.group())) for m in _TOKEN.finditer(text, start, end)]

    def _raw_matches(self, text: str, toks, date: Optional[str] = None) -> list[_Match]:
        """Longest dictionary match at each position, left to right, not overlapping."""
        out = []
        i, n = 0, len(toks)
        while i < n:
            node = self._trie
            best: Optional[_Match] = None
            j = i
            while j < n:
                if j > i and not _NAME_GAP.match(text[toks[j - 1][1] : toks[j][0]]):
                    break
                node = node.get(toks[j][3])
                if node is None:
                    break
                j += 1
                fitting = [
                    a for a in node.get(None, ())
                    if all(_case_ok(r, toks[i + k][2]) for k, r in enumerate(a.rules))
                    and not any(plain and not toks[i + k][2].isascii() for k, plain in enumerate(a.plain))
                ]
                if fitting:
                    alias = _pick(fitting, date)
                    if alias is not None:
                        best = _Match(i, j, alias)
            if best is not None:
                out.append(best)
                i = best.j
            else:
                i += 1
        return [
            m for k, m in enumerate(out)
            if not self._inside_longer_name(text, toks, out, k) and not self._other_persons_surname(text, toks, out, k)
        ]

    @staticmethod
    def _other_persons_surname(text: str, toks, matches: list[_Match], k: int) -> bool:
        """A one-word name of a listed person after a first name the dictionary does not give
        them: "Sherrod Brown" is not Gordon Brown, "Raul Rivera" not a listed Rivera."""
        m = matches[k]
        if m.entry.kind != "person" or m.j - m.i != 1 or m.i == 0:
            return False
        if k > 0 and matches[k - 1].j == m.i:
            return False  # a title or a country before it: "President Biden", "Russia's Lavrov"
        prev = toks[m.i - 1]
        if text[prev[1] : m.alias_start(toks)] != " " or not prev[2][:1].isupper() or prev[2].isupper():
            return False
        return prev[3] not in _NOT_NAME_PARTS and prev[3] not in _SENTENCE_STARTERS and prev[3] not in _TITLE_WORDS

    @staticmethod
    def _inside_longer_name(text: str, toks, matches: list[_Match], k: int) -> bool:
        """A place name that is part of a longer proper name: "Paris Hilton", "said George Washington"."""
        m = matches[k]
        if m.entry.kind not in ("metonym", "country") or m.alias.form != "name":
            return False
        if m.j < len(toks) and (k + 1 == len(matches) or matches[k + 1].i != m.j):
            word = toks[m.j][2]
            if text[toks[m.j - 1][1] : toks[m.j][0]] == " " and word[:1].isupper() and not word.isupper():
                if fold(word) not in _NOT_NAME_PARTS:
                    return True
        if m.i > 0 and (k == 0 or matches[k - 1].j != m.i):
            word = toks[m.i - 1][2]
            if text[toks[m.i - 1][1] : toks[m.i][0]] == " " and word[:1].isupper() and not word.isupper():
                if fold(word) not in _NOT_NAME_PARTS and fold(word) not in _SENTENCE_STARTERS:
                    return True
        return False

    def _chunks(self, text: str, toks, matches: list[_Match]) -> list[list[_Match]]:
        """Group matches that form one mention (adjacent, or with filler words between)."""
        chunks: list[list[_Match]] = []
        for m in matches:
            if chunks and self._joins(text, toks, chunks[-1][-1], m):
                chunks[-1].append(m)
            else:
                chunks.append([m])
        return chunks

    def _joins(self, text: str, toks, prev: _Match, m: _Match) -> bool:
        between = range(prev.j, m.i)
        if len(between) > 3:
            return False
        edges = [prev.j - 1, *between, m.i]
        for a, b in zip(edges, edges[1:]):
            gap = text[toks[a][1] : toks[b][0]]
            if len(toks[a][2]) == 1 and toks[a][2].isupper() and gap.startswith("."):
                gap = gap[1:]  # after an initial: "U.S. troops"
            if not _MENTION_GAP.match(gap):
                return False
        capitalised_ok = m.entry.kind == "agent" and toks[m.i][2][:1].isupper()
        for k in between:
            word, folded = toks[k][2], toks[k][3]
            if folded in _FILLERS or (capitalised_ok and word[:1].isupper()):
                continue
            return False
        # Two named actors side by side are two mentions ("Putin Erdogan talks"), except a
        # country or seat of power before a person, organisation or group.
        if prev.entry.kind in ("person", "organization", "group") and m.entry.kind != "agent":
            return False
        if prev.entry.kind == "person" and m.entry.kind == "agent":
            return False
        return True

    # -- coding -----------------------------------------------------------
    def _code_chunk(
        self, text: str, toks, chunk: list[_Match], date: Optional[str], context_country: Optional[str]
    ) -> ActorRef:
        start_tok, end_tok = chunk[0].i, chunk[-1].j
        kinds = [m.entry.kind for m in chunk]
        former = start_tok > 0 and toks[start_tok - 1][3] in _FORMER
        if former:
            start_tok -= 1

        if end_tok - start_tok > 1 and toks[start_tok][3] == "the":
            start_tok += 1  # the mention is "Kremlin", not "the Kremlin"

        def ref(code, country, sector, name):
            s, e = toks[start_tok][0], toks[end_tok - 1][1]
            last = toks[end_tok - 1][2]
            if len(last) == 1 and last.isupper() and text[e : e + 1] == ".":
                e += 1  # keep the full stop of an abbreviation: "U.S."
            return ActorRef(start=s, end=e, text=text[s:e], code=code, country=country, sector=sector, name=name)

        people = [m for m in chunk if m.entry.kind == "person"]
        if people:
            p = people[-1]
            code, country, sector = self.person_code(p.entry, date)
            end_tok = p.j
            return ref(code, country, sector, p.entry.name)
        named = [m for m in chunk if m.entry.kind in ("group", "organization")]
        if named:
            g = named[0].entry
            code, country, sector = _entry_code(g, date)
            if former and country and chunk[-1].entry.kind == "agent" and chunk[-1].i > named[0].i:
                # "former National Security Council adviser": no longer in the office the organisation holds
                return ref(country + "ELI", country, sector_of(country + "ELI"), None)
            return ref(code, country, sector, g.name)
        agents = [m for m in chunk if m.entry.kind == "agent"]
        places = [m for m in chunk if m.entry.kind in ("country", "metonym")]
        country_match = places[-1] if places and agents else (places[0] if places else None)
        if not agents:
            e = country_match.entry
            m = country_match
            name = e.name if e.kind == "country" else text[toks[start_tok][0] : toks[m.j - 1][1]]
            return ref(e.code, e.country, e.sector, name)
        head = agents[-1]
        # "a former Colombian soldier", "ex-officials": out of the office or force the word names (GUIDELINES 3)
        role = "ELI" if former and (head.alias.form == "title" or head.entry.role in STATE_ROLES) else head.entry.role
        sector = sector_of("XXX" + role) if role else head.entry.sector
        country = country_match.entry.country if country_match else None
        # "the foreign ministry of Russia": a country after "of"/"for" completes an agent.
        if country is None and end_tok < len(toks) and toks[end_tok][3] in _OF:
            k = end_tok + 1
            if k < len(toks) and toks[k][3] == "the":
                k += 1
            tail = self._raw_matches(text, toks[k : min(len(toks), k + 6)], date)
            if tail and tail[0].i == 0 and tail[0].entry.kind in ("country", "metonym"):
                country = tail[0].entry.country
                end_tok = k + tail[0].j
        # A title before an unknown name: "Foreign Minister Faisal Mekdad".
        name = None
        if head.alias.form == "title" and head is chunk[-1] and head.j == end_tok:
            k = end_tok
            def gap_ok(k: int) -> bool:
                gap = text[toks[k - 1][1] : toks[k][0]]
                if k == end_tok and gap.startswith(".") and len(toks[k - 1][2]) <= 4 and toks[k - 1][2][:1].isupper():
                    gap = gap[1:]  # after an abbreviated title: "Sen. Sherrod Brown", "Lt. Gov. Kathy Hochul"
                return bool(_MENTION_GAP.match(gap))

            while k < len(toks) and k - end_tok < 4 and gap_ok(k):
                w = toks[k][2]
                if w[:1].isupper() or (toks[k][3] in _NAME_PARTICLES and k + 1 < len(toks)):
                    k += 1
                else:
                    break
            while k > end_tok and toks[k - 1][3] in _NAME_PARTICLES:
                k -= 1
            if k > end_tok:
                s, e = toks[end_tok][0], toks[k - 1][1]
                name = text[s:e]
                end_tok = k
        if country is None and context_country:
            country = context_country
        if country and role == head.entry.role and country in head.entry.in_country:
            role = head.entry.in_country[country]  # "deputies" in the US serve a sheriff
            sector = sector_of("XXX" + role) or sector
        code = (country + role) if country and role else role
        return ref(code, country, sector, name)

    def person_code(self, entry: ActorEntry, date: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(code, country, sector) of a person on a date: the role in force, else the fallback."""
        return _entry_code(entry, date)

    # -- public API ----------------------------------------------------------
    def find_in_text(
        self,
        text: str,
        start: int = 0,
        end: Optional[int] = None,
        date: Optional[str] = None,
        context_country: Optional[str] = None,
    ) -> list[ActorRef]:
        """Every actor mention in text[start:end], in order, not overlapping."""
        end = len(text) if end is None else end
        toks = self._tokens(text, start, end)
        date = _normal_date(date)
        matches = self._raw_matches(text, toks, date)
        return [
            self._code_chunk(text, toks, chunk, date, context_country)
            for chunk in self._chunks(text, toks, matches)
        ]

    def resolve_text(
        self,
        text: str,
        start: int = 0,
        end: Optional[int] = None,
        date: Optional[str] = None,
        context_country: Optional[str] = None,
        places: Optional[list] = None,
        article_name=None,
        not_places: frozenset = frozenset(),
    ) -> Optional[ActorRef]:
        """The best actor in text[start:end]: the first named or country-coded one, else the first.

        A place named in the phrase gives its country where the dictionary gives none:
        "residents of Aleppo" is SYRCVL, "Idlib" alone is SYR (CAMEO codes places by country).
        `places` (a record's ``places``) are used instead of the gazetteer when given;
        `article_name(start, end)` may name an actor the article coded elsewhere, tried before
        places (a surname that is also a town)."""
        found = self.find_in_text(text, start, end, date)
        for k, ref in enumerate(found):
            if ref.country:
                # "Iran-backed Houthi rebels", "US-led coalition": the country modifies what follows.
                if _MODIFIER_AFTER.match(text, ref.end) and any(r.country for r in found[k + 1 :]):
                    continue
                if article_name is not None and ref.name and " " not in ref.text.strip() and ref.text != ref.name:
                    # a bare surname ("Johnson") the article gave to someone else ("Mayor Brandon Johnson")
                    named = article_name(ref.start, ref.end)
                    if named is not None and named.code != ref.code and named.name != ref.name:
                        return named
                return ref
        end = len(text) if end is None else end
        if article_name is not None:
            named = article_name(start, end)
            if named is not None:
                for ref in found:  # the title it came with: "Sen. Sherrod Brown", not "Sherrod Brown"
                    if ref.start <= named.start and named.end <= ref.end:
                        ref.code, ref.country, ref.sector, ref.name = named.code, named.country, named.sector, named.name
                        return ref
                return named
        place = None
        if places is not None:  # the places stage's places first: vetted against the parse
            place = _record_place_in(places, text, start, end)
        if place is None and self.gazetteer is not None:
            place = _place_in(text, start, end, self._trie, self.gazetteer, not_places)
        if place is None:
            if found and context_country:  # the story's country, only where the phrase names none
                found = self.find_in_text(text, start, end, date, context_country)
            return found[0] if found else None
        if found:
            ref = found[0]
            role = ref.code
            ref.country = place[1]
            ref.code = place[1] + role if role else place[1]
            return ref
        s, e, country, name = place[0][0], place[0][1], place[1], place[2]
        return ActorRef(start=s, end=e, text=text[s:e], code=country, country=country, sector=None, name=name)

    def find(self, record, start: int = 0, end: Optional[int] = None, date: Optional[str] = None,
             context_country: Optional[str] = None) -> list[ActorRef]:
        """Every actor mention in a character range of the record, in order, not overlapping.

        Mentions inside the dateline or a stretch marked as not prose (debris) are left out; a
        country name that is also a state of the story's country ("Georgia") takes that country."""
        refs = self.find_in_text(record.text, start, end, date or record_date(record), context_country)
        skip = [(d.start, d.end) for d in getattr(record, "defects", ()) if d.kind != "truncated_sentence"]
        dl = getattr(record, "dateline", None)
        if dl is not None and dl.span is not None:
            skip.append((dl.span.start, dl.span.end))
        skip.extend(self._dateline_heads(record))
        if skip:
            refs = [r for r in refs if not any(s < r.end and r.start < e for s, e in skip)]
        home = self.story_country(record)
        return [self._settle_collision(record, r, home) for r in refs]

    def resolve(self, record, start: int, end: int, date: Optional[str] = None,
                context_country: Optional[str] = None, story: bool = True) -> Optional[ActorRef]:
        """The best actor inside the span of a noun phrase, its span narrowed to the mention.

        With `story` (the default) the record is the context: a generic agent without a country
        takes the story's country (:meth:`story_country`; `context_country` overrides it), a
        dateline at the start of the span is left out, places come from ``record.places`` once
        the places stage has run, a country name that is a state of the story's country is that
        country, a country named alone stands for its government ("Israel" -> ISRGOV), and a
        short name the article introduced with a title or as a speaker takes that person's code
        ("Hochul" after "Gov. Kathy Hochul")."""
        date = date or record_date(record)
        if not story:
            return self.resolve_text(record.text, start, end, date, context_country)
        text = record.text
        start, end = self._prose_range(record, start, end)
        if start >= end:
            return None
        home = context_country or self.story_country(record)
        ref = self.resolve_text(text, start, end, date, home, places=self._record_places(record),
                                article_name=lambda s, e: self._article_name(record, s, e, date, home),
                                not_places=self._record_info(record)["surnames"])
        ref = self._settle_collision(record, ref, home)
        if ref is not None and ref.code and ref.code == ref.country and self._names_country_alone(text, start, end, ref):
            ref.code, ref.sector = ref.country + "GOV", "GOV"
        elif ref is not None and ref.code and ref.code == ref.country and ref.start > start:
            ref = self._role_in_place(text, start, ref, date) or ref
        if ref is not None and home and ref.country == home and ref.code and len(ref.code) == 6:
            self._article_role_country(record, ref, date)
        return ref

    def _role_in_place(self, text: str, start: int, place: ActorRef, date) -> Optional[ActorRef]:
        """A role the phrase names before the country or place it chose ("interim CEO of the Georgia Pharmacy
        Association", "Georgia" the US state; "a spokesman for Russia"): the role in that place's country
        (USABUS, RUSGOV), else None. An office of the state is not taken from a place inside another
        organisation's name."""
        role = next((r for r in self.find_in_text(text, start, place.start, date) if r.code and not r.country), None)
        if role is None:
            return None
        if role.code in STATE_ROLES and re.match(r"\s+[A-Z]", text[place.end:]):
            return None  # "the president of the Georgia Nurses Association" holds no office of the state
        role.country, role.code = place.country, place.country + role.code
        return role

    def _article_role_country(self, record, ref: ActorRef, date) -> None:
        """A role the phrase names without a country ("the military", "police") is the article's own
        actor of that role when one country's holds it there ("the military" in a Gaza story that names
        the Israeli army and the IDF: ISRMIL), before the story's country (which there may be Gaza's)."""
        bare = self.find_in_text(record.text, ref.start, ref.end, date)
        if len(bare) != 1 or bare[0].country or not bare[0].code or bare[0].code != ref.code[3:]:
            return
        role = bare[0].code
        if role not in ARTICLE_ROLES:
            return
        info = self._record_info(record)
        if "roles" not in info:
            info["roles"] = _role_countries(self.find_in_text(record.text, 0, len(record.text), record_date(record)))
        country = info["roles"].get(role)
        if country and country != ref.country:
            ref.country, ref.code = country, country + role

    # -- the record as context ------------------------------------------------
    def story_country(self, record) -> Optional[str]:
        """The country a story is about: the dateline's place counts three, every place in
        ``record.places`` one; the most counted country if it is counted twice or more."""
        return self._record_info(record)["home"]

    def _record_info(self, record) -> dict:
        key = id(record)
        stamp = (len(record.text), len(getattr(record, "places", ())), len(getattr(record, "statements", ())),
                 len(getattr(record, "sentences", ())))
        hit = self._per_record.get(key)
        if hit is not None and hit[0]() is record and hit[1] == stamp:
            return hit[2]
        # Surnames of the people the parse found ("Raul Rivera"): never a town on their own.
        surnames = frozenset(
            fold(_TOKEN.findall(e.text)[-1]) for e in getattr(record, "entities", ())
            if e.label == "PERSON" and len(_TOKEN.findall(e.text)) >= 2
        ) | {fold(w) for w in suffixed_surnames(record.text)}
        info = {"home": _story_country(record, self._country_mentions(record)), "names": None, "surnames": surnames}
        if len(self._per_record) > 64:
            self._per_record.clear()
        self._per_record[key] = (weakref.ref(record), stamp, info)
        return info

    def _country_mentions(self, record) -> list[str]:
        """Countries of the dictionary's actor mentions in the article (outside the dateline):
        "U.S.", "Israeli troops", "the Kremlin"; international bodies are not countries."""
        text = record.text
        date = record_date(record)
        return [r.country for r in self.find_in_text(text, 0, len(text), date)
                if r.country and r.country not in NON_STATE]

    @staticmethod
    def _record_places(record):
        places = getattr(record, "places", None)
        return list(places) if places else None

    @staticmethod
    def _dateline_heads(record) -> list[tuple[int, int]]:
        """'ATLANTA --' at the start of a paragraph: a dateline the structure stage did not mark."""
        text = record.text
        out = []
        for m in _DATELINE_HEAD.finditer(text):
            out.append((m.start(1), m.end()))
        return out

    def _prose_range(self, record, start: int, end: int) -> tuple[int, int]:
        text = record.text
        dl = getattr(record, "dateline", None)
        spans = [(dl.span.start, dl.span.end)] if dl is not None and dl.span is not None else []
        m = _DATELINE_HEAD.match(text, start) if start == 0 or text[start - 1] == "\n" else None
        if m is None:
            m = _DATELINE_HEAD_AT.match(text, start)
        if m is not None:
            spans.append((start, m.end()))
        for s, e in spans:
            if s <= start < e:
                start = e
        while start < end and not (text[start].isalnum() or text[start] in "\"“'"):
            start += 1
        return start, end

    def _settle_collision(self, record, ref: Optional[ActorRef], home: Optional[str]) -> Optional[ActorRef]:
        """A country name that is also a state or region of the story's country: that country
        ("Georgia" in a story from Atlanta is the US state, not GEO)."""
        if ref is None or not ref.code or ref.code != ref.country or not home or home == ref.country:
            return ref
        places = [p for p in getattr(record, "places", ()) if p.start == ref.start and p.end == ref.end]
        if places:
            if places[0].country and places[0].country != ref.country and places[0].kind != "country":
                ref.code = ref.country = places[0].country
            return ref
        if self.gazetteer is not None:
            cands = self.gazetteer.lookup(ref.text)
            if any(c.kind in ("admin", "region") and c.country == home for c in cands):
                ref.code = ref.country = home
        return ref

    def _names_country_alone(self, text: str, start: int, end: int, ref: ActorRef) -> bool:
        """The phrase is a country's name and nothing more ("Israel", "the US", "Russia's")."""
        words = [fold(w) for w in _TOKEN.findall(text[start:end])]
        while words and words[0] == "the":
            words = words[1:]
        if words and words[-1] == "s" and text[start:end].rstrip().endswith(("'s", "’s")):
            words = words[:-1]
        return tuple(words) in self._country_names and tuple(fold(w) for w in _TOKEN.findall(ref.text)) == tuple(words)

    def _article_name(self, record, start: int, end: int, date, home) -> Optional[ActorRef]:
        """A capitalised name in the span that the article gave a code elsewhere."""
        info = self._record_info(record)
        if info["names"] is None:
            info["names"] = self._article_names(record, date, home)
        names = info["names"]
        if not names:
            return None
        text = record.text
        toks = self._tokens(text, start, end)
        for i, (s, e, word, folded) in enumerate(toks):
            if not word[:1].isupper():
                continue
            # The longest known name starting here: "Kathy Hochul", else "Hochul".
            for j in range(min(len(toks), i + 4), i, -1):
                key = tuple(t[3] for t in toks[i:j])
                if key in names and toks[j - 1][2][:1].isupper():
                    code, country, sector, name = names[key]
                    if j == i + 1 and self._other_first_name(text, toks, i, name):
                        # "Ivanka Trump" is not Donald Trump: of his country, in no office of his
                        s = toks[i - 1][0]
                        e = toks[j - 1][1]
                        return ActorRef(start=s, end=e, text=text[s:e], code=country, country=country, sector=None,
                                        name=text[s:e])
                    e = toks[j - 1][1]
                    return ActorRef(start=s, end=e, text=text[s:e], code=code, country=country, sector=sector, name=name)
        return None

    def _other_first_name(self, text: str, toks, i: int, name: str) -> bool:
        """The surname at token i follows a capitalised first name that is not the named person's own
        ("Ivanka Trump" after the article named Donald Trump)."""
        if i == 0 or text[toks[i - 1][1]:toks[i][0]] != " ":
            return False
        prev = toks[i - 1]
        if not prev[2][:1].isupper() or prev[3] in _SENTENCE_STARTERS or len(prev[2]) < 3 or prev[2].isupper():
            return False
        if self._raw_matches(text, toks[i - 1:i], None):
            return False  # a title or a country before the surname: "Gov. Hochul", "President Trump"
        return fold(prev[2]) not in {fold(w) for w in _TOKEN.findall(name)}

    def _article_names(self, record, date, home) -> dict:
        """Names the article codes: titled people ("Gov. Kathy Hochul") and coded speakers, by
        full name and by surname; a surname two coded people share is left out."""
        found: dict[tuple, set] = {}

        def add(name: Optional[str], code, country, sector, least: int = 2):
            if not name or not code or not country:
                return
            words = tuple(fold(w) for w in _TOKEN.findall(name))
            if len(words) < least or not all(w[:1].isupper() for w in _TOKEN.findall(name)):
                return
            for key in (words, words[-1:]):
                found.setdefault(key, set()).add((code, country, sector, name))

        text = record.text
        for ref in self.find_in_text(text, 0, len(text), date, home):
            if ref.name and ref.country and ref.name in ref.text and ref.code:
                # "Gov. Hochul": a surname after a title is a name too
                add(ref.name, ref.code, ref.country, ref.sector, least=1 if ref.text.endswith(ref.name) else 2)
            elif ref.code and ref.country and not ref.name and len(ref.code) > 3:
                # "the county's deputy prosecuting attorney, Ashley Jennings,": a name in apposition to a title
                after = _APPOSITION_AFTER.match(text, ref.end)
                if after is not None:
                    add(after.group(1), ref.code, ref.country, ref.sector)
        for st in getattr(record, "statements", ()):
            code = getattr(st, "speaker_code", None)
            if code and len(code) > 3 and st.speaker_name:
                add(st.speaker_name, code, country_of(code), sector_of(code))
        out = {}
        for key, vals in found.items():
            codes = {v[0] for v in vals}
            if len(codes) == 1:
                out[key] = sorted(vals, key=lambda v: -len(v[3]))[0]
        return out

    def lookup(self, name: str, date: Optional[str] = None) -> Optional[ActorRef]:
        """Code a bare name or phrase (e.g. a speaker's name); offsets are into `name`."""
        return self.resolve_text(name, 0, len(name), date)


# Places that stand for their country in a phrase: cities this large, regions, states.
# Smaller towns share their names with surnames ("Rivera", Uruguay) too often.
_PLACE_ACTOR_POPULATION = 100_000
# A place name before one of these names a road, a bridge or a building, not the place.
_NOT_PLACE_AFTER = {
    "road", "street", "avenue", "highway", "boulevard", "lane", "bridge", "crossing", "checkpoint", "square",
    "station", "airport", "stadium", "hotel", "hospital", "university", "school", "club", "family", "drive",
}
# ", Ashley Jennings," / ", Ashley Jennings." after a title: the name in apposition.
_APPOSITION_AFTER = re.compile(r",[ \t]+((?:[A-Z][a-z]+[ \t]+){1,2}[A-Z][a-z]+)(?=[ \t]*[,.;)]|[ \t]+(?:said|says|told)\b)")
_MODIFIER_AFTER = re.compile(r"[-‐‑](?:backed|led|based|allied|supported|sponsored|aligned|funded)\b", re.I)
# "ATLANTA --", "GAZA CITY (AP) —": a dateline at the start of a paragraph.
_DATELINE_HEAD = re.compile(
    r"(?:^|\n)[ \t]*((?:[A-Z][A-Z.'’-]+)(?:[ ,]+[A-Z][A-Za-z.'’-]+)*(?:[ \t]*\([^)\n]{1,30}\))?"
    r"[ \t]*(?:--|—|–)[ \t]*)"
)
_DATELINE_HEAD_AT = re.compile(
    r"(?:[A-Z][A-Z.'’-]+)(?:[ ,]+[A-Z][A-Za-z.'’-]+)*(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?:--|—|–)[ \t]*"
)


# The story's country must hold this share of the country mentions (Gaza stories split
# between Israel and the Palestinian territories get none: agents there stay uncoded).
STORY_COUNTRY_SHARE = 0.5


# Roles whose bare mention ("the military", "police", "the court", "militants") stands for the article's own
# actor of that role; not civilians (victims are often of the other side) nor the rest.
ARTICLE_ROLES = {"MIL", "COP", "SPY", "JUD", "REB"}
# The share of a role's coded mentions in the article one country must hold (and at least two mentions).
ARTICLE_ROLE_SHARE = 0.66


def _role_countries(refs) -> dict[str, str]:
    """role -> the country holding most of the article's mentions of that role, where one clearly does."""
    counts: dict[str, Counter] = {}
    for r in refs:
        if r.code and r.country and len(r.code) >= 6 and r.code[:3] == r.country and r.country not in NON_STATE:
            counts.setdefault(r.code[3:6], Counter())[r.country] += 1
    out = {}
    for role, c in counts.items():
        (country, n), *_ = c.most_common(1)
        if n >= 2 and n >= ARTICLE_ROLE_SHARE * sum(c.values()):
            out[role] = country
    return out


def _story_country(record, actor_countries: list[str] = ()) -> Optional[str]:
    counts: Counter = Counter(actor_countries)
    places = list(getattr(record, "places", ()) or ())
    dl = getattr(record, "dateline", None)
    for p in places:
        if not p.country:
            continue
        in_dateline = dl is not None and dl.span is not None and dl.span.start <= p.start < dl.span.end
        counts[p.country] += 3 if in_dateline else 1
    if not counts:
        return None
    (country, n), *_ = counts.most_common(1)
    return country if n >= 2 and n >= STORY_COUNTRY_SHARE * sum(counts.values()) else None


def _record_place_in(places, text: str, start: int, end: int):
    """((start, end), country, name) of the first place of the record inside text[start:end]."""
    for p in places:
        if start <= p.start and p.end <= end and p.country:
            after = _TOKEN.search(text, p.end, min(len(text), p.end + 30))
            if after is not None and fold(after.group()) in _NOT_PLACE_AFTER and text[p.end : after.start()] == " ":
                continue
            if p.kind == "city" and p.start > start and text[p.start - 1 : p.start] == " ":
                prev = _TOKEN.findall(text[start : p.start])
                if prev and prev[-1][:1].isupper() and fold(prev[-1]) not in _SENTENCE_STARTERS:
                    continue  # "Mayor Brandon Johnson" style: a capitalised word before a town
            return (p.start, p.end), p.country, p.name
    return None


def _place_in(text: str, start: int, end: int, trie: dict, gaz, not_places: frozenset = frozenset()):
    """((start, end), country, name) of the first unambiguous gazetteer place in text[start:end].

    A name the actor dictionary knows (a surname it could not settle, like "Bush" when two
    Bushes held office) is not taken for a place."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]
    for i, (s, _e, word) in enumerate(toks):
        if not word[:1].isupper():
            continue
        for j in range(min(len(toks), i + 4), i, -1):
            e = toks[j - 1][1]
            if not toks[j - 1][2][:1].isupper():
                continue
            name = text[s:e]
            if gaz.is_ambiguous(name) or (j - i == 1 and fold(name) in not_places):
                continue
            node = trie
            for _s, _e, w in toks[i:j]:
                node = node.get(fold(w)) if node is not None else None
            if node is not None and None in node:
                continue
            cands = [c for c in gaz.lookup(name) if c.country and (c.kind != "city" or c.population >= _PLACE_ACTOR_POPULATION)]
            if not cands:
                continue
            # Part of a longer proper name ("Paris Hilton", "George Washington"): not a place.
            nxt = toks[j][2] if j < len(toks) and text[e : toks[j][0]] == " " else ""
            if fold(nxt) in _NOT_PLACE_AFTER:
                break  # "the Castello road"
            prev = toks[i - 1][2] if i > 0 and text[toks[i - 1][1] : s] == " " else ""
            if nxt[:1].isupper() or (prev[:1].isupper() and fold(prev) not in ("the", "a", "an", "in", "of")):
                break
            best = max(cands, key=lambda c: c.population)
            return (s, e), best.country, best.name
    return None


def _pick(aliases: list[_Alias], date: Optional[str]) -> Optional[_Alias]:
    """The alias a name stands for: the highest kind; among people, the one in office on the date."""
    top = max(_KIND_RANK[a.entry.kind] for a in aliases)
    aliases = [a for a in aliases if _KIND_RANK[a.entry.kind] == top]
    people = {a.entry.key: a for a in aliases if a.entry.kind == "person"}
    if len(people) <= 1:
        return aliases[0]
    if date is None:
        holding = [a for a in people.values() if a.entry.roles and any(r.end is None for r in a.entry.roles)]
    else:
        holding = [a for a in people.values() if a.entry.role_on(date) is not None]
    if len(holding) == 1:
        return holding[0]
    if holding or date is None:
        return None  # two people of that name in office: not guessed ("Johnson" in 2020)
    # No one in office: the one who left office last before the date ("Assad" in 2025).
    past = [(max((r.end for r in a.entry.roles if r.end and r.end <= date), default=""), a) for a in people.values()]
    past = [p for p in past if p[0]]
    return max(past, key=lambda p: p[0])[1] if past else None


def _entry_code(entry: ActorEntry, date: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
    if entry.roles:
        role = entry.role_on(date)
        if role is not None:
            return role.code, role.country, role.sector
        if entry.fallback:
            return entry.fallback, country_of(entry.fallback), sector_of(entry.fallback) or entry.sector
    return entry.code, entry.country, entry.sector


def _normal_date(date: Optional[str]) -> Optional[str]:
    """An ISO date as YYYY-MM-DD; a bare year or month stands for its middle."""
    if not date:
        return None
    date = str(date)[:10]
    if re.fullmatch(r"\d{4}", date):
        return date + "-07-01"
    if re.fullmatch(r"\d{4}-\d{2}", date):
        return date + "-15"
    return date


def record_date(record) -> Optional[str]:
    """The date an article speaks from: :meth:`Record.anchor_date`."""
    return record.anchor_date()

