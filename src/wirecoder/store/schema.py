"""Tables of the DuckDB store. One row per article, statement, speaker, event, actor, place, error.

Flat columns are there for filtering; each row also keeps its JSON so nothing
coded is lost. No PRIMARY KEY constraints: the store keeps ids unique itself
(delete-then-insert in one transaction), which keeps bulk inserts fast.
"""

from __future__ import annotations

# 2: the word index (search_terms, *_postings; articles.doc, statements.sid); 3: events.doc, statements.doc;
# 4: the pairs of adjacent tokens for phrases (*_pairs), and what ranks without reading the texts
# (*_postings.tf, articles.search_chars, statements.search_chars)
SCHEMA_VERSION = 4

TABLES: dict[str, str] = {
    "meta": """
        key VARCHAR, value VARCHAR
    """,
    "articles": """
        id VARCHAR, content_hash VARCHAR, input_hash VARCHAR,
        title VARCHAR, url VARCHAR, source VARCHAR, site VARCHAR,
        published VARCHAR, date DATE, dateline_place VARCHAR,
        text VARCHAR, record VARCHAR,
        n_sentences INTEGER, n_statements INTEGER, n_events INTEGER,
        dup_of VARCHAR, similarity DOUBLE, ingested_at TIMESTAMP,
        doc INTEGER, search_chars INTEGER
    """,
    "statements": """
        article_id VARCHAR, idx INTEGER, date DATE,
        speaker VARCHAR, speaker_key VARCHAR, speaker_code VARCHAR, speaker_role VARCHAR, speaker_org VARCHAR,
        kind VARCHAR, type VARCHAR, negated BOOLEAN,
        cue VARCHAR, content VARCHAR, content_lc VARCHAR, sentence VARCHAR, start_char INTEGER, end_char INTEGER,
        is_dup BOOLEAN, json VARCHAR, sid INTEGER, doc INTEGER, canon_key VARCHAR, search_chars INTEGER
    """,
    "speakers": """
        article_id VARCHAR, name VARCHAR, name_key VARCHAR, role VARCHAR, org VARCHAR, code VARCHAR,
        n_statements INTEGER, n_mentions INTEGER, canon_key VARCHAR
    """,
    "events": """
        article_id VARCHAR, idx INTEGER, date DATE, date_text VARCHAR,
        source_aid INTEGER, target_aid INTEGER,
        source_key VARCHAR, source_text VARCHAR, source_code VARCHAR, source_name VARCHAR, source_country VARCHAR,
        source_sector VARCHAR,
        target_key VARCHAR, target_text VARCHAR, target_code VARCHAR, target_name VARCHAR, target_country VARCHAR,
        target_sector VARCHAR,
        cameo VARCHAR, cameo_name VARCHAR, root VARCHAR, quad TINYINT, penta TINYINT,
        plover VARCHAR, mode VARCHAR, context VARCHAR, negated BOOLEAN, modality VARCHAR,
        trigger VARCHAR, sentence VARCHAR, start_char INTEGER, end_char INTEGER,
        place_name VARCHAR, place_country VARCHAR, lat DOUBLE, lon DOUBLE,
        statement INTEGER, is_dup BOOLEAN, json VARCHAR, doc INTEGER,
        sentence_idx INTEGER, date_precision VARCHAR, date_source VARCHAR,
        place_geonameid BIGINT, place_kind VARCHAR, statement_speaker VARCHAR
    """,
    "actors": """
        article_id VARCHAR, event_idx INTEGER, role VARCHAR, actor_key VARCHAR,
        text VARCHAR, code VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, is_dup BOOLEAN,
        first_in_article BOOLEAN
    """,
    # One row per distinct actor key: a small integer id (events group on it) and how to show it.
    "actor_names": """
        id INTEGER, actor_key VARCHAR, code VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR
    """,
    "places": """
        article_id VARCHAR, idx INTEGER, text VARCHAR, name VARCHAR, country VARCHAR, kind VARCHAR,
        lat DOUBLE, lon DOUBLE, start_char INTEGER, end_char INTEGER
    """,
    "errors": """
        id VARCHAR, source VARCHAR, kind VARCHAR, message VARCHAR, record VARCHAR, ingested_at TIMESTAMP
    """,
    # MinHash signature per article and its LSH band keys, for near-duplicate lookup across runs.
    "minhash": """
        article_id VARCHAR, sig BLOB
    """,
    "lsh": """
        band SMALLINT, key BIGINT, article_id VARCHAR
    """,
    # The word index for text search (store/search.py): tokens, and per token the article numbers
    # (articles.doc) or statement numbers (statements.sid) whose text holds it; search_chars of
    # articles and statements is the length of that text.
    "search_terms": """
        id INTEGER, term VARCHAR
    """,
    # tf: how often the token occurs in that text (relevance is counted from it, not from the texts)
    "article_postings": """
        term_id INTEGER, num INTEGER, tf INTEGER
    """,
    "statement_postings": """
        term_id INTEGER, num INTEGER, tf INTEGER
    """,
    # Phrases: each pair of adjacent tokens (term ids a then b) and the rows whose text has it.
    "article_pairs": """
        a INTEGER, b INTEGER, num INTEGER
    """,
    "statement_pairs": """
        a INTEGER, b INTEGER, num INTEGER
    """,
}

# Tables whose rows belong to one article (deleted when the article is replaced).
ARTICLE_TABLES = ("statements", "speakers", "events", "actors", "places", "minhash", "lsh")

# Tables written by export (meta and the dedup internals stay inside).
EXPORT_TABLES = ("articles", "statements", "speakers", "events", "actors", "places", "errors")


def columns(table: str) -> list[tuple[str, str]]:
    """(name, type) of each column of `table` as declared above."""
    out = []
    for part in TABLES[table].split(","):
        name, _, type_ = part.strip().partition(" ")
        out.append((name, type_.strip()))
    return out


def missing_columns(have: dict[str, set[str]]) -> list[str]:
    """ALTER statements that bring a store made by an earlier version up to these tables."""
    return [
        f"ALTER TABLE {table} ADD COLUMN {name} {type_}"
        for table in TABLES if table in have
        for name, type_ in columns(table) if name not in have[table]
    ]


def create_sql() -> list[str]:
    return [f"CREATE TABLE IF NOT EXISTS {name} ({cols.strip()})" for name, cols in TABLES.items()]
