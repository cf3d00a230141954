"""A coded record as flat table rows (articles, statements, speakers, events, actors, places)."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import re
from typing import Any, Optional
from urllib.parse import urlparse

from ..record import anchor_date

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def to_date(value: Optional[str]) -> Optional[dt.date]:
    """First day an ISO date, month or year names (``2024-09`` → 2024-09-01); None when not a date."""
    if not value:
        return None
    m = _DATE.match(str(value).strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def content_hash(record: dict[str, Any]) -> str:
    """What makes an article the same article: its text, title and date."""
    h = hashlib.sha256()
    for part in (record.get("text") or "", record.get("title") or "", record.get("published") or "",
                 record.get("reference_date") or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def input_hash(text: Optional[str], html: Optional[str], date: Optional[str] = None,
               title: Optional[str] = None) -> str:
    """Hash of an input as read, so a resumed ingest can skip it before coding."""
    h = hashlib.sha256()
    for part in (text or "", html or "", date or "", title or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def article_date(record: dict[str, Any]) -> Optional[dt.date]:
    """The day the store files an article under: the record's anchor date (wirecoder.record.anchor_date)."""
    dl = record.get("dateline") or {}
    return to_date(anchor_date(dl.get("date"), record.get("reference_date"), record.get("published")))


def _text(span: Optional[dict]) -> Optional[str]:
    return span.get("text") if span else None


def _site(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else host or None


def article_row(record: dict[str, Any], chash: str, ihash: Optional[str], dup_of: Optional[str],
                similarity: Optional[float], now: dt.datetime) -> dict[str, Any]:
    dl = record.get("dateline") or {}
    return {
        "id": record["id"],
        "content_hash": chash,
        "input_hash": ihash,
        "title": record.get("title") or _text(record.get("title_span")),
        "url": record.get("url"),
        "source": record.get("source"),
        "site": _site(record.get("url")),
        "published": record.get("published"),
        "date": article_date(record),
        "dateline_place": dl.get("place"),
        "text": record.get("text") or "",
        "record": json.dumps(record, ensure_ascii=False),
        "n_sentences": len(record.get("sentences") or []),
        "n_statements": len(record.get("statements") or []),
        "n_events": len(record.get("events") or []),
        "dup_of": dup_of,
        "similarity": similarity,
        "ingested_at": now,
    }


def statement_rows(record: dict[str, Any], is_dup: bool, names) -> list[dict[str, Any]]:
    """`names`: the store's SpeakerNames (store/speakers.py), for the canonical speaker keys."""
    from .speakers import speaker_key

    rows = []
    date = article_date(record)
    by_statement = {}  # statement index -> the canonical key of its resolved speaker
    for sp in record.get("speakers") or []:
        for j in sp.get("statements") or []:
            by_statement[j] = speaker_key(sp.get("name"), sp.get("code"), names)
    for i, st in enumerate(record.get("statements") or []):
        name = st.get("speaker_name") or _text(st.get("speaker"))
        content = st.get("content") or []
        spans = [s for s in [st.get("sentence"), *content] if s]
        rows.append({
            "article_id": record["id"],
            "idx": i,
            "date": date,
            "speaker": name,
            "speaker_key": name.lower() if name else None,
            "speaker_code": st.get("speaker_code"),
            "speaker_role": st.get("speaker_role"),
            "speaker_org": st.get("speaker_org"),
            "kind": st.get("kind"),
            "type": st.get("type"),
            "negated": bool(st.get("negated")),
            "cue": _text(st.get("cue")),
            "content": " … ".join(s.get("text") or "" for s in content),
            "content_lc": " … ".join(s.get("text") or "" for s in content).lower(),  # for contains(), faster than ILIKE
            "sentence": _text(st.get("sentence")),
            "start_char": min((s["start"] for s in spans), default=None),
            "end_char": max((s["end"] for s in spans), default=None),
            "is_dup": is_dup,
            "json": json.dumps(st, ensure_ascii=False),
            "canon_key": by_statement.get(i) or speaker_key(name, st.get("speaker_code"), names),
        })
    return rows


def speaker_rows(record: dict[str, Any], names) -> list[dict[str, Any]]:
    """One row per speaker key of the article: spellings the coder kept apart ("Biden", "Joe Biden")
    but that share a key are one row, so that counting rows counts articles."""
    from .speakers import speaker_key

    rows: dict[Any, dict[str, Any]] = {}
    for i, sp in enumerate(record.get("speakers") or []):
        name = sp.get("name") or ""
        key = speaker_key(name, sp.get("code"), names)
        row = rows.get(key) if key else None
        if row is not None:
            row["n_statements"] += len(sp.get("statements") or [])
            row["n_mentions"] += len(sp.get("mentions") or [])
            continue
        rows[key or ("", i)] = {
            "article_id": record["id"],
            "name": name,
            "name_key": name.lower(),
            "role": sp.get("role"),
            "org": sp.get("org"),
            "code": sp.get("code"),
            "n_statements": len(sp.get("statements") or []),
            "n_mentions": len(sp.get("mentions") or []),
            "canon_key": key,
        }
    return list(rows.values())


def one_row_per_key(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Speaker rows with one row per article and key (after keys were merged), counts added up."""
    out: dict[Any, dict[str, Any]] = {}
    for i, r in enumerate(rows):
        k = (r["article_id"], r["canon_key"]) if r.get("canon_key") else i
        if k in out:
            out[k]["n_statements"] += r["n_statements"]
            out[k]["n_mentions"] += r["n_mentions"]
        else:
            out[k] = r
    return list(out.values())


def _actor(prefix: str, actor: Optional[dict]) -> dict[str, Any]:
    actor = actor or {}
    return {
        f"{prefix}_key": actor_key(actor) if actor else None,
        f"{prefix}_text": actor.get("text"),
        f"{prefix}_code": actor.get("code"),
        f"{prefix}_name": actor.get("name"),
        f"{prefix}_country": actor.get("country"),
        f"{prefix}_sector": actor.get("sector"),
    }


def _sentence_index(record: dict[str, Any], pos: Optional[int]) -> Optional[int]:
    """Index of the sentence of `record` that holds character `pos`."""
    if pos is None:
        return None
    starts = [s.get("start", 0) for s in record.get("sentences") or []]
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0 or pos >= (record["sentences"][i].get("end") or 0):
        return None
    return i


def event_rows(record: dict[str, Any], is_dup: bool) -> list[dict[str, Any]]:
    """The events table's rows: the fields below, then every other scalar field of the event that
    the table has a column for, by its own name (date_precision, date_source), so a field the
    events stage adds reaches the table by being declared in schema.py."""
    from .schema import columns

    own = {name for name, _ in columns("events")}
    rows = []
    fallback = article_date(record)
    statements = record.get("statements") or []
    for i, ev in enumerate(record.get("events") or []):
        place = ev.get("place") or {}
        trig = ev.get("trigger") or {}
        sent = ev.get("sentence") or {}
        st_idx = ev.get("statement")
        st = statements[st_idx] if isinstance(st_idx, int) and 0 <= st_idx < len(statements) else {}
        row = {
            "article_id": record["id"],
            "idx": i,
            "date": to_date(ev.get("date")) or fallback,
            "date_text": ev.get("date"),
            **_actor("source", ev.get("source")),
            **_actor("target", ev.get("target")),
            "cameo": ev.get("cameo"),
            "cameo_name": ev.get("cameo_name"),
            "root": ev.get("root") or (ev.get("cameo") or "")[:2] or None,
            "quad": ev.get("quad"),
            "penta": ev.get("penta"),
            "plover": ev.get("plover"),
            "mode": ev.get("mode"),
            "context": ev.get("context"),
            "negated": bool(ev.get("negated")),
            "modality": ev.get("modality"),
            "trigger": trig.get("text"),
            "sentence": sent.get("text"),
            "start_char": sent.get("start", trig.get("start")),
            "end_char": sent.get("end", trig.get("end")),
            "place_name": place.get("name") or place.get("text"),
            "place_country": place.get("country"),
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "place_geonameid": place.get("geonameid"),
            "place_kind": place.get("kind") or None,
            "statement": st_idx,
            "statement_speaker": st.get("speaker_name") or _text(st.get("speaker")),
            "sentence_idx": _sentence_index(record, trig.get("start")),
            "is_dup": is_dup,
            "json": json.dumps(ev, ensure_ascii=False),
        }
        for key, value in ev.items():
            if key in own and key not in row and (value is None or isinstance(value, (str, int, float, bool))):
                row[key] = value
        for key in own:  # every row has every column (absent fields are NULL), as a batch insert needs
            row.setdefault(key, None)
        rows.append(row)
    return rows


def actor_key(actor: dict[str, Any]) -> Optional[str]:
    """How actors are grouped: their code, else canonical name, else the text as written."""
    return actor.get("code") or actor.get("name") or actor.get("text")


def actor_rows(record: dict[str, Any], is_dup: bool) -> list[dict[str, Any]]:
    rows = []
    seen = set()  # first_in_article lets a query count articles without count(DISTINCT ...)
    for i, ev in enumerate(record.get("events") or []):
        for role in ("source", "target"):
            a = ev.get(role)
            if not a:
                continue
            key = actor_key(a)
            rows.append({
                "article_id": record["id"], "event_idx": i, "role": role, "actor_key": key,
                "text": a.get("text"), "code": a.get("code"), "name": a.get("name"),
                "country": a.get("country"), "sector": a.get("sector"), "is_dup": is_dup,
                "first_in_article": key not in seen,
            })
            seen.add(key)
    return rows


def place_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "article_id": record["id"], "idx": i, "text": p.get("text"), "name": p.get("name") or p.get("text"),
            "country": p.get("country"), "kind": p.get("kind"), "lat": p.get("lat"), "lon": p.get("lon"),
            "start_char": p.get("start"), "end_char": p.get("end"),
        }
        for i, p in enumerate(record.get("places") or [])
    ]


def prose(record: dict[str, Any]) -> str:
    """The article text without the stretches marked as debris or boilerplate (for near-duplicates)."""
    text = record.get("text") or ""
    defects = sorted((d["start"], d["end"]) for d in record.get("defects") or [] if d.get("kind") != "truncated_sentence")
    if not defects:
        return text
    parts, pos = [], 0
    for s, e in defects:
        if s > pos:
            parts.append(text[pos:s])
        pos = max(pos, e)
    parts.append(text[pos:])
    return " ".join(parts)
