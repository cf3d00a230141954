"""The actor dictionary: entries read from the bundled files and users' files.

Every entry has a ``key``; a later file's entry with the same key replaces the
earlier one, so users override bundled entries by key (settings.actor_files).
Formats (see docs/actors.md): YAML lists of entries, CSV with the columns of an
entry, or CSV with the country columns (code,name,names,adjectives,demonyms).
"""

from __future__ import annotations

import csv
import datetime as _dt
import gzip
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import yaml

from ..loading import collector_paused

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "actors"
# Generated from the PETRARCH-2 / Phoenix dictionaries (tools/convert_phoenix.py): read first, so
# that every curated file after them overrides them; a generated entry that shares a name with a
# curated one is left out (the curated people carry current roles, the generated ones end in 2014).
GENERATED_FILES = [
    "phoenix_countries.csv.gz",
    "phoenix_international.csv.gz",
    "phoenix_armed_groups.csv.gz",
]
BUNDLED_FILES = [
    *GENERATED_FILES,
    "countries.csv",
    "agents.yaml",
    "metonyms.yaml",
    "organizations.yaml",
    "armed_groups.yaml",
    "agencies.yaml",
    "people.yaml",
]

KINDS = ("country", "agent", "metonym", "organization", "group", "person")

# CAMEO agent codes that PLOVER names differently (PLOVER manual, sector code notes).
CAMEO_TO_PLOVER_SECTOR = {"INS": "REB", "MED": "JRN", "HLH": "MED", "SEP": "REB", "RAD": "OPP", "MOD": "GOV"}
PLOVER_SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "ISM", "UNO", "EUR"}

_MISSING = object()
# The C loader when PyYAML has it: the bundled files load several times faster.
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Role:
    """One office held over a date range (both ends inclusive, ISO dates)."""

    code: str
    title: str = ""
    start: Optional[str] = None
    end: Optional[str] = None
    sector: Optional[str] = None
    country: Optional[str] = None

    def holds_on(self, date: str) -> bool:
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass
class ActorEntry:
    key: str
    kind: str
    name: str
    names: list[str] = field(default_factory=list)
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    role: Optional[str] = None  # agents: the CAMEO agent code appended to a country
    in_country: dict = field(default_factory=dict)  # agents: another role in some countries ({USA: COP})
    titles: list[str] = field(default_factory=list)  # agents: words for one person in the role
    adjectives: list[str] = field(default_factory=list)  # countries
    demonyms: list[str] = field(default_factory=list)  # countries
    roles: list[Role] = field(default_factory=list)  # people (and groups whose code changed)
    fallback: Optional[str] = None
    surname: object = _MISSING  # people: None disables the automatic surname alias
    source: str = ""

    def role_on(self, date: Optional[str]) -> Optional[Role]:
        """The role in force on `date`; without a date the most recent one; None if none holds."""
        if not self.roles:
            return None
        if date is None:
            return max(self.roles, key=lambda r: r.start or "")
        holding = [r for r in self.roles if r.holds_on(date)]
        return max(holding, key=lambda r: r.start or "") if holding else None


def sector_of(code: Optional[str]) -> Optional[str]:
    """PLOVER sector from a CAMEO-style code: its first known 3-letter role after the country part."""
    if not code:
        return None
    for i in range(3, len(code), 3):
        part = code[i : i + 3]
        part = CAMEO_TO_PLOVER_SECTOR.get(part, part)
        if part in PLOVER_SECTORS:
            return part
    return None


def country_of(code: Optional[str]) -> Optional[str]:
    """Country (alpha-3) or PLOVER non-state name (UNO, EUR, IGO, NGO, IMG) of a CAMEO-style code."""
    if not code or len(code) < 3:
        return None
    head = code[:3]
    if head == "IGO":
        if code.startswith("IGOUNO"):
            return "UNO"
        if code.startswith("IGOEUREEC"):
            return "EUR"
        return "IGO"
    return head


def _iso(value) -> Optional[str]:
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return str(value).strip()


def _split(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [p.strip() for p in re.split(r"[;|]", str(value)) if p.strip()]


def _roles(value) -> list[Role]:
    """Roles from YAML mappings, or from CSV text 'CODE:from:to:title; ...'."""
    out = []
    if isinstance(value, list):
        for r in value:
            if isinstance(r, dict):
                out.append(
                    Role(
                        code=str(r["code"]),
                        title=str(r.get("title") or ""),
                        start=_iso(r.get("from")),
                        end=_iso(r.get("to")),
                        sector=r.get("sector"),
                        country=r.get("country"),
                    )
                )
            else:
                out.extend(_roles(str(r)))
        return out
    for part in _split(value):
        code, start, end, title = (part.split(":") + ["", "", ""])[:4]
        out.append(Role(code=code.strip(), title=title.strip(), start=_iso(start), end=_iso(end)))
    return out


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entry_from_mapping(data: dict, source: str = "") -> ActorEntry:
    kind = str(data.get("kind") or "").strip()
    if kind not in KINDS:
        raise ValueError(f"{source}: actor entry {data!r}: kind must be one of {', '.join(KINDS)}")
    names = _split(data.get("names"))
    name = str(data.get("name") or (names[0] if names else "")).strip()
    if name and name not in names and kind != "agent":
        names.insert(0, name)
    if not name and not names and not data.get("titles"):
        raise ValueError(f"{source}: actor entry {data!r} has no name")
    key = str(data.get("key") or f"{kind}/{_slug(name or names[0])}")
    entry = ActorEntry(
        key=key,
        kind=kind,
        name=name or key,
        names=names,
        code=data.get("code") or None,
        country=data.get("country") or None,
        sector=data.get("sector") or None,
        role=data.get("role") or None,
        in_country={str(k): str(v) for k, v in (data.get("in_country") or {}).items()},
        titles=_split(data.get("titles")),
        adjectives=_split(data.get("adjectives")),
        demonyms=_split(data.get("demonyms")),
        roles=_roles(data.get("roles")),
        fallback=data.get("fallback") or None,
        source=source,
    )
    if "surname" in data:
        entry.surname = data["surname"] or None
    if entry.kind == "country" and not entry.code:
        entry.code = entry.country
    if entry.kind == "country" and not entry.country:
        entry.country = entry.code
    if entry.code and not entry.country:
        entry.country = country_of(entry.code)
    if entry.code and not entry.sector and entry.kind != "country":
        entry.sector = sector_of(entry.code)
    if entry.role and not entry.sector:
        entry.sector = CAMEO_TO_PLOVER_SECTOR.get(entry.role, entry.role)
    for r in entry.roles:
        r.sector = r.sector or sector_of(r.code) or entry.sector
        r.country = r.country or country_of(r.code) or entry.country
    if entry.kind == "person" and not entry.fallback and entry.country and entry.country not in NON_STATE:
        entry.fallback = entry.country + "ELI"
    return entry


def _country_row(row: dict, source: str) -> ActorEntry:
    return entry_from_mapping(
        {
            "key": row.get("key") or f"country/{row['code']}",
            "kind": "country",
            "code": row["code"],
            "name": row.get("name"),
            "names": row.get("names"),
            "adjectives": row.get("adjectives"),
            "demonyms": row.get("demonyms"),
        },
        source,
    )


_GENERATED_COLUMNS = ["key", "kind", "name", "names", "code", "country", "roles", "fallback", "surname"]


def _read_generated(path: Path) -> list[ActorEntry]:
    """A file written by tools/convert_phoenix.py: rows already in canonical form, so they are
    built directly (several times faster than the general reader on 27,000 rows)."""
    source = str(path)
    codes: dict[Optional[str], tuple] = {None: (None, None)}

    def parts(code: Optional[str]) -> tuple:
        if code not in codes:
            codes[code] = (sector_of(code), country_of(code))
        return codes[code]

    out = []
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(line for line in f if not line.startswith("#"))
        if next(reader) != _GENERATED_COLUMNS:
            raise ValueError(f"{source}: not a file of tools/convert_phoenix.py (columns differ)")
        for key, kind, name, names, code, country, roles, fallback, _surname in reader:
            code = code or None
            sector = parts(code)[0]
            role_list = []
            if roles:
                for part in roles.split(";"):
                    rcode, start, end = part.split(":")
                    rsector, rcountry = parts(rcode)
                    role_list.append(Role(rcode, "", start or None, end or None, rsector, rcountry or country or None))
            out.append(ActorEntry(key=key, kind=kind, name=name, names=names.split(";"), code=code,
                                  country=country or parts(code)[1], sector=sector, roles=role_list,
                                  fallback=fallback or None, surname=None, source=source))
    return out


def read_file(path: str | Path) -> list[ActorEntry]:
    """Entries of one dictionary file (YAML list, entry CSV or country CSV)."""
    path = Path(path)
    source = str(path)
    if path.suffix.lower() in (".yaml", ".yml"):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YamlLoader) or []
        if isinstance(data, dict):
            data = data.get("actors") or data.get("entries") or []
        return [entry_from_mapping(d, source) for d in data]
    suffixes = "".join(path.suffixes[-2:]).lower()
    if path.suffix.lower() == ".csv" or suffixes == ".csv.gz":
        opener = gzip.open if suffixes == ".csv.gz" else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
        out = []
        for row in rows:
            row = {k.strip(): (v or "").strip() for k, v in row.items() if k}
            if "kind" not in row or not row["kind"]:
                out.append(_country_row(row, source))
            else:
                data = {k: v for k, v in row.items() if v != ""}
                if row.get("surname", None) == "":
                    data["surname"] = None  # an empty surname column: no automatic surname alias
                out.append(entry_from_mapping(data, source))
        return out
    raise ValueError(f"{source}: actor files must be .yaml, .yml, .csv or .csv.gz")


def load_entries(user_files: Iterable[str | Path] = ()) -> dict[str, ActorEntry]:
    """Bundled entries, then users' files; a later entry replaces an earlier one with the same key."""
    with collector_paused():
        return _load_entries(user_files)


def _load_entries(user_files: Iterable[str | Path]) -> dict[str, ActorEntry]:
    entries: dict[str, ActorEntry] = {}
    generated: list[ActorEntry] = []
    for name in BUNDLED_FILES:
        for e in (_read_generated if name in GENERATED_FILES else read_file)(DATA_DIR / name):
            entries[e.key] = e
            if name in GENERATED_FILES:
                generated.append(e)
    curated = {n.casefold() for e in entries.values() if e.source.rsplit("/", 1)[-1] not in GENERATED_FILES
               and e.kind != "agent" for n in e.names}
    for e in generated:  # the same actor as a curated entry (a name in common): the curated one
        if any(n.casefold() in curated for n in e.names):
            del entries[e.key]
    for path in user_files:
        for e in read_file(path):
            entries[e.key] = e
    return entries


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def bundled_version() -> str:
    return (DATA_DIR / "VERSION").read_text().strip()
