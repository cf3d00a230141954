"""The flat event table: one row per event with the columns of ICEWS- and GDELT-style event data.

One declaration, FLAT_COLUMNS, gives the rows of ``Store.events`` (so of ``wirecoder query events``
in every format and of ``GET /api/events``) and the file ``wirecoder export`` writes
(events_flat.parquet/.csv); docs/store.md lists the same columns with the same words.
Each column is SQL over ``events e`` joined with its article ``a`` and the Goldstein table ``g``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np

GOLDSTEIN_FILE = Path(__file__).resolve().parent.parent / "data" / "cameo" / "goldstein.csv"

# (name, SQL, description). Columns an older store lacks are read as NULL (see select_sql).
FLAT_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("event_id", "e.article_id || ':' || e.idx", "The event's id: article id, a colon, and `idx`."),
    ("article_id", "e.article_id", "The id of the article the event was coded from."),
    ("idx", "e.idx", "The event's index in its article's record (`events[idx]`)."),
    ("url", "a.url", "The article's URL, when known."),
    ("site", "a.site", "The publisher's host name from the URL (`www.` left out)."),
    ("article_title", "a.title", "The article's title."),
    ("date", "e.date", "The event's date (YYYY-MM-DD); without a date of its own, the article's date "
     "(its anchor date: wirecoder.record.anchor_date); empty when neither is known. A year or month is "
     "its first day: see `date_precision`."),
    ("date_text", "e.date_text", "The event's date as the coder wrote it (`2026-09`, `1945`), empty when the "
     "article's date was taken."),
    ("date_precision", "e.date_precision", "How precise the coder says the date is (day, month, year), "
     "when it says."),
    ("date_source", "e.date_source", "Where the coder took the date from (a time expression, the dateline, "
     "the publication date), when it says."),
    ("sentence_idx", "e.sentence_idx", "Index of the sentence holding the trigger in the record's `sentences`."),
    ("sentence", "e.sentence", "The text of that sentence."),
    ("trigger", "e.trigger", "The words that express the event (its verb or noun)."),
    ("start_char", "e.start_char", "Start of the sentence (else the trigger) in the article text."),
    ("end_char", "e.end_char", "End of the sentence (else the trigger) in the article text."),
    ("source_text", "e.source_text", "The source actor as written in the text."),
    ("source_code", "e.source_code", "The source actor's CAMEO-style code (RUSGOV)."),
    ("source_name", "e.source_name", "The source actor's canonical name from the actor dictionary."),
    ("source_country", "e.source_country", "The source actor's country, ISO 3166 alpha-3."),
    ("source_sector", "e.source_sector", "The source actor's sector (PLOVER sector: GOV, MIL, ...)."),
    ("target_text", "e.target_text", "The target actor as written in the text."),
    ("target_code", "e.target_code", "The target actor's code."),
    ("target_name", "e.target_name", "The target actor's canonical name."),
    ("target_country", "e.target_country", "The target actor's country, ISO alpha-3."),
    ("target_sector", "e.target_sector", "The target actor's sector."),
    ("cameo", "e.cameo", "The CAMEO event code (2 to 4 digits, kept as text: 0871)."),
    ("cameo_name", "e.cameo_name", "The CAMEO code's name."),
    ("root", "e.root", "The CAMEO root code (its first two digits)."),
    ("quad", "e.quad", "Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
     "4 material conflict."),
    ("goldstein", "coalesce(g4.goldstein, g3.goldstein, g2.goldstein)", "The Goldstein scale of the CAMEO "
     "code (-10 conflict to +10 cooperation; a code not in the table takes its parent's), from the CAMEO "
     "codebook table of the icews R package (MIT, credited in data/cameo/goldstein.csv)."),
    ("plover", "e.plover", "The PLOVER event type (ACCUSE, ASSAULT, ...)."),
    ("mode", "e.mode", "The PLOVER mode, when coded."),
    ("context", "e.context", "The PLOVER context, when coded."),
    ("negated", "e.negated", "true when the text says the event did not happen (\"did not attack\")."),
    ("modality", "e.modality", "asserted, or how the text hedges the event (threatened, planned, ...)."),
    ("place_name", "e.place_name", "The place of the event (gazetteer name, else as written)."),
    ("place_country", "e.place_country", "The place's country, ISO alpha-3."),
    ("lat", "e.lat", "The place's latitude."),
    ("lon", "e.lon", "The place's longitude."),
    ("place_geonameid", "e.place_geonameid", "The place's GeoNames id, when the gazetteer has one."),
    ("place_precision", "e.place_kind", "What the place is, so how precise lat/lon are: city, admin (a "
     "region), country."),
    ("statement", "e.statement", "Index of the statement the event is reported in (`statements[i]`), if any."),
    ("statement_speaker", "e.statement_speaker", "The speaker of that statement (who reported the event)."),
    ("is_dup", "e.is_dup", "true when the article is a near-duplicate of one stored before (a wire copy)."),
    ("dup_of", "a.dup_of", "The id of the first article of its near-duplicate cluster, when it is one."),
)
NAMES = tuple(c[0] for c in FLAT_COLUMNS)


# Text columns whose line breaks become spaces in the CSV file (Parquet and JSON keep the text as it is).
CSV_ONE_LINE = ("article_title", "sentence", "trigger", "source_text", "target_text", "statement_speaker")


def select_sql(have: set[str], csv: bool = False, events_only: bool = False) -> str:
    """The SELECT list; `have` are the events table's columns (a column it lacks is NULL).
    `events_only`: the article's columns and the Goldstein value left NULL, for fill_page to add
    (a page of 50 rows looks its articles up by number instead of joining every article)."""
    parts = []
    for name, sql, _ in FLAT_COLUMNS:
        if (re.fullmatch(r"e\.\w+", sql) and sql[2:] not in have) or (events_only and not sql.startswith("e.")
                                                                       and name != "event_id"):
            sql = "NULL"
        elif csv and name in CSV_ONE_LINE:
            sql = f"regexp_replace({sql}, '[ \\t]*[\\r\\n]+[ \\t]*', ' ', 'g')"
        parts.append(f"{sql} AS {name}")
    return ", ".join(parts)


def from_sql(article_join: str = "a.id = e.article_id") -> str:
    """events e with its article and the Goldstein values of the code, its 3- and its 2-digit parent."""
    return (f"events e LEFT JOIN articles a ON {article_join} "
            "LEFT JOIN _goldstein g4 ON g4.cameo = e.cameo "
            "LEFT JOIN _goldstein g3 ON g3.cameo = left(e.cameo, 3) "
            "LEFT JOIN _goldstein g2 ON g2.cameo = left(e.cameo, 2)")


def load_goldstein() -> dict[str, float]:
    """CAMEO code -> Goldstein scale, from data/cameo/goldstein.csv (a Store keeps it in its Resources:
    ``Store.goldstein``)."""
    with open(GOLDSTEIN_FILE, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["cameo"]: float(r["goldstein"]) for r in rows}


def register_goldstein(cur, table: dict[str, float]) -> None:
    """Make the Goldstein `table` visible to queries on `cur` as `_goldstein(cameo, goldstein)`."""
    cur.register("_goldstein", {"cameo": np.array(list(table), dtype=object),
                                "goldstein": np.array(list(table.values()), dtype=np.float64)})


ARTICLE_FIELDS = {name: sql[2:] for name, sql, _ in FLAT_COLUMNS if sql.startswith("a.")}


def goldstein_of(code: str | None, table: dict[str, float]) -> float | None:
    """The Goldstein value of a CAMEO code in `table`, else of its 3- or 2-digit parent (as from_sql joins it)."""
    for key in (code, (code or "")[:3], (code or "")[:2]):
        if key and key in table:
            return table[key]
    return None


def fill_page(cur, items: list[dict], docs: list, goldstein: dict[str, float]) -> None:
    """Add to a page's rows (select_sql events_only) their article's columns and the Goldstein value;
    `docs` are the rows' article numbers (None where a store from before them has none: by id)."""
    cols = ", ".join(ARTICLE_FIELDS.values())
    by_doc = {}
    wanted = sorted({d for d in docs if d is not None})
    if wanted:
        for row in cur.execute(f"SELECT doc, {cols} FROM articles WHERE doc IN (SELECT unnest(?::INTEGER[]))",
                               [wanted]).fetchall():
            by_doc[row[0]] = row[1:]
    ids = sorted({it["article_id"] for it, d in zip(items, docs) if d is None})
    by_id = {}
    if ids:
        for row in cur.execute(f"SELECT id, {cols} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                               [ids]).fetchall():
            by_id[row[0]] = row[1:]
    for it, d in zip(items, docs):
        values = by_doc.get(d) if d is not None else by_id.get(it["article_id"])
        for name, v in zip(ARTICLE_FIELDS, values or [None] * len(ARTICLE_FIELDS)):
            it[name] = v
        it["goldstein"] = goldstein_of(it.get("cameo"), goldstein)
