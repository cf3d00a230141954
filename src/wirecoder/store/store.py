"""The store: coded records kept in DuckDB, and the queries the CLI and the HTTP API ask.

Every method returns plain JSON-compatible dicts and lists; paged lists come as
``{"total": n, "items": [...]}``. See docs/store.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from typing import Any, Iterable, Iterator, Optional, Union

import numpy as np

from ..errors import StoreError
from ..record import ErrorRecord, Record
from ..resources import Resources
from ..settings import Settings
from . import rows as R
from . import flat, search, speakers
from .connection import LOCK_TIMEOUT, ensure_schema, shared_reader, table_columns, write_connection
from .dedup import THRESHOLD, Deduper, Signature
from .queries import QUERIES, Cursor, QueryError
from .schema import ARTICLE_TABLES, SCHEMA_VERSION, TABLES, missing_columns
from .sql import Where

Output = Union[Record, ErrorRecord, dict]

STATEMENT_COLUMNS = (
    "article_id", "idx", "date", "speaker", "speaker_code", "speaker_role", "speaker_org", "kind", "type",
    "negated", "cue", "content", "sentence", "start_char", "end_char", "is_dup",
)
ARTICLE_COLUMNS = (
    "id", "title", "url", "site", "source", "published", "date", "dateline_place",
    "n_sentences", "n_statements", "n_events", "dup_of", "similarity", "content_hash", "ingested_at",
)


def _json_value(v: Any) -> Any:
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    return v


def _dicts(cur, sql: str, params: list) -> list[dict[str, Any]]:
    res = cur.execute(sql, params)
    names = [d[0] for d in res.description]
    return [{n: _json_value(v) for n, v in zip(names, row)} for row in res.fetchall()]


def _page(limit: Optional[int], offset: int) -> tuple[int, int]:
    """LIMIT and OFFSET values; limit None means every row."""
    return (2**62 if limit is None else max(0, int(limit))), max(0, int(offset or 0))


class Store:
    """A DuckDB file of coded articles. Safe to read from many processes while one ingests."""

    def __init__(self, path: Union[str, os.PathLike], read_only: bool = False,
                 dedup_threshold: float = THRESHOLD, lock_timeout: float = LOCK_TIMEOUT,
                 resources: Optional[Resources] = None):
        """`resources`: where the store's loaded data (the Goldstein scale, the speaker names) is kept;
        a Coder's can be given, else the store has its own (loaded when first needed)."""
        self.path = os.fspath(path)
        self.resources = resources if resources is not None else Resources(Settings())
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self.deduper = Deduper(dedup_threshold)
        self._latest = False  # schema version known to be the latest (see _version)
        self._have: Optional[dict[str, set[str]]] = None
        if read_only:
            if not os.path.isfile(self.path):
                raise StoreError(f"{self.path}: no store here (create one with `wirecoder ingest --db {self.path}`)")
        elif not os.path.isfile(self.path):
            ensure_schema(self.path)
        else:
            with self._read() as cur:
                have = table_columns(cur)
            if not set(TABLES) <= set(have) or missing_columns(have):
                ensure_schema(self.path)

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    # -- loaded data (kept in the store's Resources, loaded once) ------------------
    @property
    def goldstein(self) -> dict[str, float]:
        """CAMEO code -> Goldstein value (data/cameo/goldstein.csv)."""
        return self.resources.resource("store.goldstein", flat.load_goldstein, "the Goldstein scale")

    @property
    def speaker_names(self) -> speakers.SpeakerNames:
        """Titles and country names that make speaker keys (store/speakers.py)."""
        return self.resources.resource("store.speaker_names", speakers.SpeakerNames.load, "the speaker names")

    # -- connections ------------------------------------------------------------
    @contextlib.contextmanager
    def _read(self) -> Iterator[Any]:
        with shared_reader(self.path).cursor(self.lock_timeout) as cur:
            yield cur

    def _version(self, cur) -> int:
        """The store's schema version; once it is the latest it stays so (versions only go up)."""
        if self._latest:
            return SCHEMA_VERSION
        version = search.store_version(cur)
        self._latest = version >= SCHEMA_VERSION
        return version

    # -- writing ------------------------------------------------------------------
    def add(self, outputs: Iterable[Output], input_hashes: Optional[dict[str, str]] = None) -> dict[str, int]:
        """Store coded records (and error records) in one transaction.

        An article whose id is stored with the same content is left as it is; one
        whose content changed replaces all its old rows. Returns counts:
        added, replaced, unchanged, errors, duplicates (near-duplicates linked).
        """
        if self.read_only:
            raise StoreError(f"{self.path}: the store was opened read-only")
        input_hashes = input_hashes or {}
        records: dict[str, dict] = {}
        errors: dict[str, dict] = {}
        for out in outputs:
            d = out if isinstance(out, dict) else out.to_dict()
            if "error" in d:
                errors[d["id"]] = d
            else:
                records[d["id"]] = d
                errors.pop(d["id"], None)
        stats = {"added": 0, "replaced": 0, "unchanged": 0, "errors": len(errors), "duplicates": 0}
        if not records and not errors:
            return stats
        hashes = {i: R.content_hash(d) for i, d in records.items()}
        try:
            with write_connection(self.path, self.lock_timeout) as con:
                con.begin()
                try:
                    self._write_batch(con, records, errors, hashes, input_hashes, stats)
                    con.commit()
                except BaseException:
                    with contextlib.suppress(Exception):
                        con.rollback()
                    raise
        except StoreError:
            raise
        except Exception as exc:
            from .connection import _storage_error

            raise _storage_error(self.path, exc, "write the store") from exc
        return stats

    def _write_batch(self, con, records, errors, hashes, input_hashes, stats) -> None:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        ids = list(records)
        existing = {}
        if ids:
            for rid, chash, ihash in con.execute(
                "SELECT id, content_hash, input_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
            ).fetchall():
                existing[rid] = (chash, ihash)
        write = []
        for rid in ids:
            if rid in existing and existing[rid][0] == hashes[rid]:
                stats["unchanged"] += 1
                ih = input_hashes.get(rid)
                if ih and ih != existing[rid][1]:
                    con.execute("UPDATE articles SET input_hash = ? WHERE id = ?", [ih, rid])
            else:
                stats["replaced" if rid in existing else "added"] += 1
                write.append(rid)
        if write:
            links = self._link_duplicates(con, {rid: records[rid] for rid in write}, set(existing) & set(write))
            for table in ARTICLE_TABLES:
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [write])
            con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [write])
            con.execute("DELETE FROM errors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [write])
            aids = _actor_ids(con, [records[rid] for rid in write])
            first_doc, first_sid = search.next_numbers(con)
            doc, sid = first_doc, first_sid
            tables: dict[str, list[dict]] = {t: [] for t in ("articles", *ARTICLE_TABLES)}
            names = self.speaker_names
            for rid in write:
                rec = records[rid]
                dup_of, sim, sig, keys = links[rid]
                is_dup = dup_of is not None
                stats["duplicates"] += is_dup
                tables["articles"].append({**R.article_row(rec, hashes[rid], input_hashes.get(rid), dup_of, sim, now),
                                           "doc": doc})
                for st in R.statement_rows(rec, is_dup, names):
                    tables["statements"].append({**st, "sid": sid, "doc": doc})
                    sid += 1
                tables["speakers"] += R.speaker_rows(rec, names)
                for ev in R.event_rows(rec, is_dup):
                    ev["source_aid"], ev["target_aid"] = aids.get(ev["source_key"]), aids.get(ev["target_key"])
                    ev["doc"] = doc
                    tables["events"].append(ev)
                tables["actors"] += R.actor_rows(rec, is_dup)
                tables["places"] += R.place_rows(rec)
                if sig.usable:
                    tables["minhash"].append({"article_id": rid, "sig": sig.to_bytes()})
                    tables["lsh"] += [{"band": b, "key": k, "article_id": rid} for b, k in keys]
                doc += 1
            # One speaker across articles: the batch's keys merged with the stored ones (store/speakers.py).
            merged = speakers.merge_keys(con, {r["canon_key"] for t in ("speakers", "statements")
                                               for r in tables[t] if r.get("canon_key")})
            for t in ("speakers", "statements"):
                for r in tables[t]:
                    if r.get("canon_key"):
                        r["canon_key"] = merged.get(r["canon_key"], r["canon_key"])
            tables["speakers"] = R.one_row_per_key(tables["speakers"])
            for table, rows in tables.items():
                _insert(con, table, rows)
            search.index_rows(con, first_doc, first_sid)
        if errors:
            eids = list(errors)
            con.execute("DELETE FROM errors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [eids])
            import json

            _insert(con, "errors", [
                {"id": e["id"], "source": e.get("source"), "kind": (e.get("error") or {}).get("kind"),
                 "message": (e.get("error") or {}).get("message"), "record": json.dumps(e, ensure_ascii=False),
                 "ingested_at": now}
                for e in errors.values()
            ])

    def _link_duplicates(self, con, records: dict[str, dict], replacing: set[str]):
        """For each new article: (dup_of, similarity, signature, band keys)."""
        sigs = {rid: self.deduper.signature(R.prose(rec)) for rid, rec in records.items()}
        keys = {rid: self.deduper.band_keys(sig) for rid, sig in sigs.items()}
        probe = [(b, k, rid) for rid, ks in keys.items() if sigs[rid].usable for b, k in ks]
        stored: dict[str, set[str]] = {rid: set() for rid in records}
        stored_sig: dict[str, Signature] = {}
        stored_dup: dict[str, Optional[str]] = {}
        if probe:
            probe_tbl = _columns([{"band": b, "key": k, "rid": rid} for b, k, rid in probe])
            con.register("_probe", probe_tbl)
            try:
                pairs = con.execute(
                    "SELECT DISTINCT p.rid, l.article_id FROM lsh l JOIN _probe p "
                    "ON l.band = p.band AND l.key = p.key"
                ).fetchall()
            finally:
                con.unregister("_probe")
            cands = set()
            for rid, aid in pairs:
                if aid not in replacing and aid not in records:
                    stored[rid].add(aid)
                    cands.add(aid)
            if cands:
                for aid, sig, dup_of in con.execute(
                    "SELECT m.article_id, m.sig, a.dup_of FROM minhash m JOIN articles a ON a.id = m.article_id "
                    "WHERE m.article_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(cands)]
                ).fetchall():
                    stored_sig[aid] = Signature.from_bytes(bytes(sig))
                    stored_dup[aid] = dup_of
        out = {}
        seen_keys: dict[tuple[int, int], list[str]] = {}
        batch_dup: dict[str, Optional[str]] = {}
        for rid, sig in sigs.items():
            match = None
            if sig.usable:
                cands = {a: stored_sig[a] for a in stored[rid] if a in stored_sig}
                for bk in keys[rid]:
                    for other in seen_keys.get(bk, ()):
                        cands[other] = sigs[other]
                match = self.deduper.best_match(sig, cands)
                for bk in keys[rid]:
                    seen_keys.setdefault(bk, []).append(rid)
            if match:
                mid, sim = match
                root = stored_dup.get(mid) if mid in stored_dup else batch_dup.get(mid)
                dup_of = root or mid
                out[rid] = (dup_of, round(sim, 4), sig, keys[rid])
            else:
                out[rid] = (None, None, sig, keys[rid])
            batch_dup[rid] = out[rid][0]
        return out

    # -- articles ---------------------------------------------------------------------
    def get_article(self, id: str) -> Optional[dict[str, Any]]:
        """The full record as coded (or its error record), as JSON-compatible dict; None when unknown."""
        import json

        with self._read() as cur:
            row = cur.execute("SELECT record FROM articles WHERE id = ?", [id]).fetchone()
            if row is None:
                row = cur.execute("SELECT record FROM errors WHERE id = ?", [id]).fetchone()
        return json.loads(row[0]) if row else None

    def has_article(self, id: str, input_hash: Optional[str] = None) -> bool:
        with self._read() as cur:
            if input_hash is None:
                return cur.execute("SELECT 1 FROM articles WHERE id = ?", [id]).fetchone() is not None
            return cur.execute("SELECT 1 FROM articles WHERE id = ? AND input_hash = ?",
                               [id, input_hash]).fetchone() is not None

    def input_hashes(self) -> dict[str, str]:
        """id → hash of the input it was coded from (for resuming an ingest)."""
        with self._read() as cur:
            return dict(cur.execute("SELECT id, input_hash FROM articles WHERE input_hash IS NOT NULL").fetchall())

    def search_articles(self, q: Optional[str] = None, limit: Optional[int] = 50, offset: int = 0,
                        after: Union[str, Cursor, None] = None, **filters) -> dict[str, Any]:
        """Articles whose title or text holds every word of `q` (case-insensitive substring; a
        "quoted phrase" as written), newest first (same date: first stored first), or most relevant
        first with `q`. Filters: QUERIES["articles"]; `after`: the `next` of the previous page."""
        limit, offset = _page(limit, offset)
        cursor = QUERIES["articles"].check_after(after)
        f = QUERIES["articles"].check({"q": q, **filters})
        terms = search.parse_terms(f.get("q"))
        cols = ", ".join(ARTICLE_COLUMNS)
        with self._read() as cur:
            w = QUERIES["articles"].where(cur, f)
            version = self._version(cur)
            known: dict = {}
            with _words(cur, w, "articles", terms, version, known) as found:
                if found is not None and not len(found):  # no row holds the words: nothing to ask
                    total, items, next_ = 0, [], None
                elif terms:
                    total, items, next_ = _ranked_rows(cur, "articles", cols + ", text", w, limit, offset, terms,
                                                       cursor, version, found, known)
                else:
                    total, items, next_ = _page_rows(cur, "articles", cols + ", text", w, limit, offset, cursor)
        for it in items:
            it["snippet"] = _snippet(it.pop("text") or "", terms.words)
        return {"total": total, "items": items, "next": next_}

    def duplicates(self, id: str) -> list[dict[str, Any]]:
        """The articles of `id`'s near-duplicate cluster (first stored first), `id` included."""
        with self._read() as cur:
            row = cur.execute("SELECT coalesce(dup_of, id) FROM articles WHERE id = ?", [id]).fetchone()
            if row is None:
                return []
            return _dicts(cur, "SELECT id, title, site, url, date, dup_of, similarity FROM articles "
                               "WHERE id = ? OR dup_of = ? ORDER BY dup_of NULLS FIRST, ingested_at, id",
                          [row[0], row[0]])

    # -- statements and speakers ---------------------------------------------------
    def statements(self, limit: Optional[int] = 50, offset: int = 0, after: Union[str, Cursor, None] = None,
                   **filters) -> dict[str, Any]:
        """Statements, newest first (most relevant first with `q`). Filters: QUERIES["statements"]
        (`speaker`: a stored name exactly, case-insensitive, else part of a name; `q`: words that must
        all occur in what was said); `after`: the `next` of the previous page."""
        limit, offset = _page(limit, offset)
        cursor = QUERIES["statements"].check_after(after)
        f = QUERIES["statements"].check(filters)
        cols = ", ".join(STATEMENT_COLUMNS)
        with self._read() as cur:
            w = QUERIES["statements"].where(cur, f)
            version = self._version(cur)
            terms = search.parse_terms(f.get("q"))
            known: dict = {}
            with _words(cur, w, "statements", terms, version, known) as found:
                if found is not None and not len(found):
                    total, items, next_ = 0, [], None
                elif terms:
                    total, items, next_ = _ranked_rows(cur, "statements", cols + _doc_column(version), w, limit,
                                                       offset, terms, cursor, version, found, known)
                else:
                    total, items, next_ = _page_rows(cur, "statements", cols + _doc_column(version), w, limit,
                                                     offset, cursor)
            _add_titles(cur, items)
        return {"total": total, "items": items, "next": next_}

    def speakers(self, limit: Optional[int] = 50, offset: int = 0, **filters) -> dict[str, Any]:
        """Speakers by number of statements, one per person or body across articles (store/speakers.py):
        key, name (the one most articles use), names (every spelling), statements, articles, mentions,
        role, org, code."""
        limit, offset = _page(limit, offset)
        f = QUERIES["speakers"].check(filters)
        with self._read() as cur:
            w = QUERIES["speakers"].where(cur, f)
            group = "coalesce(canon_key, name_key)" if "canon_key" in self._columns(cur, "speakers") else "name_key"
            total = cur.execute(f"SELECT count(DISTINCT {group}) FROM speakers {w.sql}", w.params).fetchone()[0]
            # One row per speaker key per article (rows.speaker_rows merges an article's spellings), so
            # count(*) is the number of articles; the spellings are looked up for the page's keys only.
            items = _dicts(cur, f"""
                SELECT {group} AS key, sum(n_statements)::BIGINT AS statements, count(*) AS articles,
                       sum(n_mentions)::BIGINT AS mentions, any_value(role) AS role, any_value(org) AS org,
                       any_value(code) AS code
                FROM speakers {w.sql} GROUP BY {group}
                ORDER BY statements DESC, articles DESC, key LIMIT ? OFFSET ?""", [*w.params, limit, offset])
            names = {}
            if items:
                keys = [it["key"] for it in items]
                # spellings of the article's speakers and of each statement's speaker (an article's
                # "Biden" and "Joe Biden" are one speaker row, but both are spellings)
                statement_names = ("UNION ALL SELECT canon_key, speaker FROM statements "
                                   "WHERE canon_key IN (SELECT unnest(?::VARCHAR[])) AND speaker IS NOT NULL"
                                   if group != "name_key" else "")
                for key, name, spellings in cur.execute(f"""
                        SELECT k, mode(n), list(DISTINCT n ORDER BY n) FROM (
                            SELECT {group} AS k, name AS n FROM speakers WHERE {group} IN (SELECT unnest(?::VARCHAR[]))
                            {statement_names}) GROUP BY 1""", [keys, keys] if statement_names else [keys]).fetchall():
                    names[key] = (name, spellings)
        items = [{"key": it["key"], "name": names.get(it["key"], (None, []))[0],
                  "names": names.get(it["key"], (None, []))[1], **{k: v for k, v in it.items() if k != "key"}}
                 for it in items]
        return {"total": total, "items": items}

    # -- events and actors -------------------------------------------------------------
    def events(self, limit: Optional[int] = 50, offset: int = 0, after: Union[str, Cursor, None] = None,
               **filters) -> dict[str, Any]:
        """Events, newest first (undated last). Filters: QUERIES["events"]; an actor filter that is a
        stored code (RUSGOV) matches that code, else part of a name or text; `cameo` is a code prefix;
        `dedup=True` counts each near-duplicate cluster once. `after`: the `next` of the previous
        page (keyset paging: {"total", "items", "next"})."""
        limit, offset = _page(limit, offset)
        cursor = QUERIES["events"].check_after(after)
        f = QUERIES["events"].check(filters)
        with self._read() as cur:
            w = QUERIES["events"].where(cur, f)
            version = self._version(cur)
            cols = flat.select_sql(self._event_columns(cur), events_only=True).replace("e.", "")
            total, items, next_ = _page_rows(cur, "events", cols + _doc_column(version), w, limit, offset, cursor)
            flat.fill_page(cur, items, [it.pop("_doc") for it in items], self.goldstein)
        return {"total": total, "items": items, "next": next_}

    def _event_columns(self, cur) -> set[str]:
        return self._columns(cur, "events")

    def _columns(self, cur, table: str) -> set[str]:
        """A table's columns (a store opened read-only may be from before some of them)."""
        if self._have is None:
            self._have = table_columns(cur)
        return self._have.get(table, set())

    def actors(self, limit: Optional[int] = 50, offset: int = 0, **filters) -> dict[str, Any]:
        """Actors by number of events: key (code, else name), code, name, country, events, as_source, as_target."""
        limit, offset = _page(limit, offset)
        f = QUERIES["actors"].check(filters)
        with self._read() as cur:
            w = QUERIES["actors"].where(cur, f)
            # Counts first (cheap), then names and codes for the page's keys only. The total (number of
            # actors) comes from the same grouping, as a window over the groups.
            items = _dicts(cur, f"""
                SELECT actor_key AS key, count(*) AS events, count_if(role = 'source') AS as_source,
                       count_if(role = 'target') AS as_target, count_if(first_in_article) AS articles,
                       count(*) OVER () AS _total
                FROM actors {w.sql} GROUP BY actor_key
                ORDER BY events DESC, key LIMIT ? OFFSET ?""", [*w.params, limit, offset])
            if items:
                total = items[0]["_total"]
            else:  # a page past the end
                total = cur.execute(f"SELECT count(DISTINCT actor_key) FROM actors {w.sql}", w.params).fetchone()[0]
            for it in items:
                del it["_total"]
            about = _actor_names(cur, [it["key"] for it in items])
        items = [{"key": it["key"], **about.get(it["key"], {}), **{k: v for k, v in it.items() if k != "key"}}
                 for it in items]
        return {"total": total, "items": items}

    def timeline(self, interval: str = "day", **filters) -> list[dict[str, Any]]:
        """Event counts per date (day, week, month or year) and quad class, oldest first; event filters.
        `apart` marks counts to show apart from the dense range: dates known only to the year, and
        dates more than a month outside the stored articles' dates (a war recalled from 1945)."""
        if interval not in ("day", "week", "month", "year"):
            raise QueryError("interval", f"must be day, week, month or year, not {interval!r}")
        f = QUERIES["events"].check(filters)
        with self._read() as cur:
            _perfect_grouping(cur)
            w = QUERIES["events"].where(cur, f)
            w.add("date IS NOT NULL")
            year_only = r"regexp_full_match(coalesce(date_text, ''), '\d{4}')"
            if "date_precision" in self._columns(cur, "events"):
                year_only = f"coalesce(date_precision = 'year', {year_only})"
            lo, hi = cur.execute("SELECT min(date), max(date) FROM articles").fetchall()[0]
            apart = year_only
            if lo is not None:
                apart = (f"({year_only} OR date < ?::DATE - INTERVAL 31 DAY OR date > ?::DATE + INTERVAL 31 DAY)")
            params = [lo, hi] if lo is not None else []
            # Count per day first (a cheap grouping on the date itself), then truncate the few days.
            per_day = f"SELECT date, quad, {apart} AS apart, count(*) AS n FROM events {w.sql} GROUP BY ALL"
            if interval == "day":
                sql = f"SELECT date, quad, apart, n AS count FROM ({per_day}) ORDER BY 1, 2 NULLS LAST, 3"
            else:
                sql = (f"SELECT date_trunc('{interval}', date)::DATE AS date, quad, apart, sum(n)::BIGINT AS count "
                       f"FROM ({per_day}) GROUP BY ALL ORDER BY 1, 2 NULLS LAST, 3")
            return _dicts(cur, sql, params + w.params)

    def facets(self, top: int = 12, **filters) -> dict[str, list[dict[str, Any]]]:
        """The most frequent values of PLOVER type, quad class, source and target country among the
        events the filters give, with their counts: {"plover": [{"value", "count"}], ...}."""
        f = QUERIES["events"].check(filters)
        out: dict[str, list[dict[str, Any]]] = {}
        with self._read() as cur:
            w = QUERIES["events"].where(cur, f)
            for col in ("plover", "quad", "source_country", "target_country"):
                part = w.copy().add(f"{col} IS NOT NULL")
                out[col] = _dicts(cur, f"SELECT {col} AS value, count(*) AS count FROM events {part.sql} "
                                       f"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?", [*part.params, int(top)])
        return out

    def event_places(self, limit: int = 500, **filters) -> list[dict[str, Any]]:
        """Where the events took place: one item per place (name, country, lat, lon) with its count."""
        f = QUERIES["events"].check(filters)
        with self._read() as cur:
            w = QUERIES["events"].where(cur, f).add("lat IS NOT NULL AND lon IS NOT NULL")
            return _dicts(cur, f"SELECT place_name AS name, place_country AS country, lat, lon, count(*) AS count "
                               f"FROM events {w.sql} GROUP BY ALL ORDER BY count DESC, name LIMIT ?",
                          [*w.params, int(limit)])

    def network(self, min_weight: int = 1, by: str = "actor", max_edges: int = 500, **filters) -> dict[str, Any]:
        """Who acts on whom: nodes (actors or countries) and weighted edges with cooperation/conflict counts."""
        if by not in ("actor", "country"):
            raise QueryError("by", f"must be actor or country, not {by!r}")
        f = QUERIES["events"].check(filters)
        # Actors group on their small integer ids (much cheaper than two strings), named afterwards.
        s, t = ("source_country", "target_country") if by == "country" else ("source_aid", "target_aid")
        with self._read() as cur:
            _perfect_grouping(cur)
            w = QUERIES["events"].where(cur, f)
            w.add(f"{s} IS NOT NULL AND {t} IS NOT NULL")
            if by == "actor":  # coded actors only: a node is an actor code, never words of the text ("This")
                w.add("source_code IS NOT NULL AND target_code IS NOT NULL")
            # Actor pairs group on two small integer ids: DuckDB's perfect hash table (above).
            edges = _dicts(cur, f"""
                SELECT {s} AS source, {t} AS target, count(*) AS weight,
                       count_if(quad IN (1, 2)) AS cooperation, count_if(quad IN (3, 4)) AS conflict
                FROM events {w.sql} GROUP BY 1, 2 HAVING count(*) >= ?
                ORDER BY weight DESC, source, target LIMIT ?""", [*w.params, int(min_weight), int(max_edges)])
            about: dict = {}
            if by == "actor" and edges:
                ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
                for aid, key, name, country in cur.execute(
                        "SELECT id, actor_key, name, country FROM actor_names WHERE id IN (SELECT unnest(?::INTEGER[]))",
                        [ids]).fetchall():
                    about[aid] = {"key": key, "name": name, "country": country}
                for e in edges:
                    e["source"], e["target"] = about[e["source"]]["key"], about[e["target"]]["key"]
                about = {v["key"]: v for v in about.values()}
                edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"]))
        nodes: dict[str, dict[str, Any]] = {}
        for e in edges:
            for end in ("source", "target"):
                key = e[end]
                n = nodes.setdefault(key, {"id": key, "label": key, "country": None, "weight": 0})
                if by == "actor":
                    n["label"] = about.get(key, {}).get("name") or key
                    n["country"] = about.get(key, {}).get("country")
                else:
                    n["country"] = key
                n["weight"] += e["weight"]
        return {"nodes": sorted(nodes.values(), key=lambda n: (-n["weight"], n["id"])), "edges": edges}

    def counts(self) -> dict[str, int]:
        with self._read() as cur:
            row = cur.execute("""
                SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE dup_of IS NOT NULL),
                       (SELECT count(*) FROM errors), (SELECT count(*) FROM statements),
                       (SELECT count(DISTINCT name_key) FROM speakers), (SELECT count(*) FROM events),
                       (SELECT count(DISTINCT actor_key) FROM actors), (SELECT count(*) FROM places)
            """).fetchone()
        keys = ("articles", "duplicates", "errors", "statements", "speakers", "events", "actors", "places")
        return dict(zip(keys, (int(x) for x in row)))

    def errors(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        limit, offset = _page(limit, offset)
        with self._read() as cur:
            total = cur.execute("SELECT count(*) FROM errors").fetchone()[0]
            items = _dicts(cur, "SELECT id, source, kind, message, ingested_at FROM errors "
                                "ORDER BY ingested_at DESC, id LIMIT ? OFFSET ?", [limit, offset])
        return {"total": total, "items": items}

    # -- raw access for query/export ---------------------------------------------------
    def rows(self, sql: str, params: Optional[list] = None) -> list[dict[str, Any]]:
        """The rows of a read-only query as dicts."""
        with self._read() as cur:
            return _dicts(cur, sql, params or [])

    def arrow(self, sql: str, params: Optional[list] = None):
        """The result of a read-only query as a pyarrow Table (needs the arrow extra)."""
        from ..extras import require

        require("pyarrow", "arrow", "Store.arrow()")
        with self._read() as cur:
            # a relation, not a DB-API result: DuckDB copies a result's rows once more to make Arrow of them
            relation = cur.sql(sql, params=params or None)
            # DuckDB 2 names it to_arrow_table; 1.x has only arrow()
            fetch = getattr(relation, "to_arrow_table", None) or relation.arrow
            return fetch()


# Text searched by `q` when the store has no word index yet (a store from before it, opened read-only).
_SCAN_TEXT = {"articles": "lower(coalesce(title, '') || ' ' || coalesce(text, ''))", "statements": "content_lc"}
# A phrase, case-insensitive, on each text column as stored (lowercasing whole articles costs more than the match)
_PHRASE_SQL = {"articles": "(regexp_matches(coalesce(title, ''), ?) OR regexp_matches(coalesce(text, ''), ?))",
               "statements": "regexp_matches(coalesce(content_lc, ''), ?)"}


@contextlib.contextmanager
def _words(cur, w: Where, kind: str, terms: search.Terms, version: int,
           known: Optional[dict] = None) -> Iterator[Optional[np.ndarray]]:
    """Add "contains every word and phrase" to `w`: through the word index and the pairs of adjacent
    tokens (a semi-join on the matching numbers, registered on `cur` while the query runs), else as a
    scan of the text. A phrase the pairs cannot answer alone (three words or more, or a store without
    the pairs) is checked on the text of the rows the index leaves, and of those only. Yields the
    sorted numbers of the rows holding them (None without words or without an index); `known` gets
    each word's postings counts as read (a store of schema 4), for ranking."""
    words = terms.words
    if not words:
        yield None
        return
    patterns = terms.phrase_patterns()
    if version < search.INDEX_VERSION:
        for pattern in patterns:
            w.add(_PHRASE_SQL[kind], *[f"(?i){pattern}"] * _PHRASE_SQL[kind].count("?"))
        for t in words:
            w.add(f"contains({_SCAN_TEXT[kind]}, lower(?))", t)
        yield None
        return
    pairs = version >= search.PAIRS_VERSION
    # A word of a phrase occurs wherever the phrase does: with the pairs, only the other words are looked up.
    in_phrase = {x.lower() for p in terms.phrases for x in p} if pairs else set()
    loose = [x for x in words if x.lower() not in in_phrase]
    nums = search.matching(cur, kind, loose, known if pairs else None) if loose else None
    check = patterns
    if pairs:
        for phrase in terms.phrases:
            if nums is not None and not len(nums):
                break
            found = search.phrase_matching(cur, kind, phrase)
            nums = found if nums is None else np.intersect1d(nums, found, assume_unique=True)
        check = [pattern for pattern, phrase in zip(patterns, terms.phrases) if len(phrase) > 2]
    assert nums is not None  # every phrase has two words or more, so some word or phrase was looked up
    if check and len(nums):
        nums = _check_phrases(cur, kind, nums, check)
    name = f"_q_{kind}"
    search.register_numbers(cur, name, nums)
    w.add(f"{search.KINDS[kind][2]} IN (SELECT n FROM {name})")
    try:
        yield nums
    finally:
        cur.unregister(name)


_PHRASE_COLUMNS = {"articles": "title, text", "statements": "content_lc"}


def _check_phrases(cur, kind: str, nums: np.ndarray, patterns: list[str]) -> np.ndarray:
    """The numbers among `nums` whose text holds every phrase (regular expressions of the lowercased words)."""
    _, table, num, _ = search.KINDS[kind]
    conds = " AND ".join([_PHRASE_SQL[kind]] * len(patterns))
    params = [f"(?i){p}" for p in patterns for _ in range(_PHRASE_SQL[kind].count("?"))]
    search.register_numbers(cur, "_candidates", nums)
    try:
        # MATERIALIZED: the expressions run on the candidates' texts only; else DuckDB pushes them
        # into the scan, below the semi-join, and runs them on every row of the table.
        res = cur.execute(f"WITH c AS MATERIALIZED (SELECT {num} AS num, {_PHRASE_COLUMNS[kind]} FROM {table} "
                          f"SEMI JOIN _candidates k ON {num} = k.n) SELECT num FROM c WHERE {conds}", params)
        return np.unique(np.asarray(res.fetchnumpy()["num"], dtype=np.int64))
    finally:
        cur.unregister("_candidates")


# Groupings on small integer keys (date x quad for the timeline, source x target actor id for the
# network: 18 bits for 300 x 300 actors) use DuckDB's perfect hash table up to this many key bits
# instead of its default 12: about twice as fast, for a table of at most 2^18 groups.
PERFECT_HT_BITS = 18


def _perfect_grouping(cur) -> None:
    # A session setting: it stays with this cursor (the shared connection's other cursors keep theirs).
    cur.execute(f"SET perfect_ht_threshold = {PERFECT_HT_BITS}")


# Newest first, then insertion order, as one BIGINT (rowid < 2^33): lets max_by() pick a page.
# Days are counted from 0001-01-01 plus one, so every stored date (years 1-9999) gives a positive
# number and an undated row 0 (last, as NULLS LAST): a negative number cannot be shifted.
_SORT_KEY = "((coalesce(greatest(date - DATE '0001-01-01', 0) + 1, 0))::BIGINT << 33) - rowid"
MAX_BY_ROWS = 100_000  # deeper pages sort with ORDER BY instead
DEEP_OFFSET = 2_000  # from this offset on, pages are found through the counts per date


def _page_rows(cur, table: str, cols: str, w: Where, limit: int, offset: int,
               after: Optional[Cursor] = None) -> tuple[int, list[dict[str, Any]], Optional[str]]:
    """(total, one page newest first, the cursor of its last row when rows follow: `next`).

    Shallow filtered pages: one scan gives the count and the page's row ids (max_by). Deep pages:
    counts per date first, then only the dates the page falls in are sorted. A cursor (`after`)
    keeps the rows after it, so its page is as shallow as the first. Either way only the page's
    full rows are then read."""
    if after is not None and after.relevance is not None:
        raise QueryError("after", "this cursor is of a list by relevance (a search with q): give it with the same q")
    want = limit + offset
    rest = w if after is None else w.copy().add(f"{_SORT_KEY} < ?", after.key)
    if offset >= DEEP_OFFSET and limit:
        remaining, rids = _deep_page(cur, table, rest, limit, offset)
        total = remaining if after is None else _count(cur, table, w)
    elif (w.parts or after is not None) and 0 < want <= MAX_BY_ROWS:
        if after is None:
            total, rids = cur.execute(f"SELECT count(*), max_by(rowid, {_SORT_KEY}, ?) FROM {table} {w.sql}",
                                      [want, *w.params]).fetchall()[0]
            remaining = total
        else:  # still one scan: the total and the first rows after the cursor (one more: do rows follow?)
            total, rids = cur.execute(
                f"SELECT count(*), max_by(rowid, {_SORT_KEY}, ?) FILTER (WHERE {_SORT_KEY} < ?) FROM {table} {w.sql}",
                [want + 1, after.key, *w.params]).fetchall()[0]
            remaining = offset + limit + 1 if len(rids or []) > want else len(rids or [])
        rids = (rids or [])[offset:want]
    else:
        total = _count(cur, table, w)
        remaining = total if after is None else _count(cur, table, rest)
        rids = [r[0] for r in cur.execute(f"SELECT rowid FROM {table} {rest.sql} ORDER BY date DESC NULLS LAST, rowid "
                                          f"LIMIT ? OFFSET ?", [*rest.params, limit, offset]).fetchall()]
    if not rids:
        return total, [], None
    items = _dicts(cur, f"SELECT rowid AS _rid, {_SORT_KEY} AS _key, {cols} FROM {table} "
                        f"SEMI JOIN (SELECT unnest(?::BIGINT[]) AS r) k ON {table}.rowid = k.r", [rids])
    order = {r: i for i, r in enumerate(rids)}
    items.sort(key=lambda it: order[it["_rid"]])
    last = items[-1]["_key"]
    for it in items:
        del it["_rid"], it["_key"]
    more = offset + len(rids) < remaining
    return total, items, str(Cursor(int(last))) if more else None


def _count(cur, table: str, w: Where) -> int:
    return cur.execute(f"SELECT count(*) FROM {table} {w.sql}", w.params).fetchall()[0][0]


# A store from before schema 4 (opened read-only) has no counts in its index, so relevance counts the
# words in the texts; above this many matches, it is told from the titles alone (articles): reading
# 20,000 article texts to rank them costs most of a second.
RANK_TEXT_MAX = 2_000


def _relevance(table: str, terms: search.Terms, count_words: bool = True, counted: bool = False) -> tuple[str, list]:
    """SQL of a row's relevance to `terms`, and its parameters: how often the query's words occur in
    the text, per 2,000 characters of it (so a long text does not win by length alone), plus 3 for
    each word in an article's title and 5 for each phrase (a phrase counts more than its words apart).
    `counted`: the counts come from the index (column _hit_count, search.word_counts) and the length
    from search_chars, so no text is read; else they are counted in the texts."""
    text = _SCAN_TEXT[table]
    parts, params = [], []
    if counted:
        score = "(_hit_count / (1 + search_chars / 2000.0))"
    else:
        for word in terms.words if count_words else ():
            parts.append(f"(length({text}) - length(replace({text}, lower(?), ''))) / length(?)")
            params += [word, word]
        score = f"(({' + '.join(parts)}) / (1 + length({text}) / 2000.0))" if parts else "0"
    if table == "articles":
        for word in terms.words:
            score += " + 3 * contains(lower(coalesce(title, '')), lower(?))::INTEGER"
            params.append(word)
    # Every row found holds every phrase (they are filters), so each adds its 5 without being matched again.
    score += f" + {5 * len(terms.phrases)}" if terms.phrases else ""
    return score, params


def _ranked_rows(cur, table: str, cols: str, w: Where, limit: int, offset: int, terms: search.Terms,
                 after: Optional[Cursor] = None, version: int = SCHEMA_VERSION,
                 found: Optional[np.ndarray] = None, known: Optional[dict] = None,
                 ) -> tuple[int, list[dict[str, Any]], Optional[str]]:
    """(total, one page, `next`) of a text search, most relevant first (then newest, then first
    stored); each item carries its `relevance`. A cursor keeps the rows after it in that order."""
    if after is not None and after.relevance is None:
        raise QueryError("after", "this cursor is of a list by date: a search with q gives its own `next`")
    total = _count(cur, table, w)
    if version >= search.PAIRS_VERSION:  # the counts from the index: no text is read
        # only the rows found: fewer postings read, and a smaller join below
        nums, counts = search.word_counts(cur, table, terms.words, within=found, known=known)
        cur.register("_hits", {"_hit_num": nums, "_hit_count": counts})
        # The join on the counts keeps only the rows found, so the semi-join _words added is not asked twice.
        rest = w.copy()
        found_sql = f"{search.KINDS[table][2]} IN (SELECT n FROM _q_{table})"
        if found is not None and found_sql in rest.parts:
            rest.parts.remove(found_sql)
        try:
            return _ranked_page(cur, table, cols, rest, limit, offset, terms, after, total,
                                f"JOIN _hits ON _hit_num = {table}.{search.KINDS[table][2]}",
                                *_relevance(table, terms, counted=True))
        finally:
            cur.unregister("_hits")
    return _ranked_page(cur, table, cols, w, limit, offset, terms, after, total, "",
                        *_relevance(table, terms, count_words=table != "articles" or total <= RANK_TEXT_MAX))


def _ranked_page(cur, table: str, cols: str, w: Where, limit: int, offset: int, terms: search.Terms,
                 after: Optional[Cursor], total: int, join: str, score: str, params: list,
                 ) -> tuple[int, list[dict[str, Any]], Optional[str]]:
    # (relevance, sort key) orders as relevance, then newest, then first stored; the cursor is a pair of them.
    after_sql, after_params = "", []
    if after is not None:
        after_sql = "WHERE relevance < ? OR (relevance = ? AND k < ?)"
        after_params = [after.relevance, after.relevance, after.key]
    key = _SORT_KEY.replace("rowid", f"{table}.rowid")
    ranked = cur.execute(f"SELECT r, relevance, k FROM (SELECT {table}.rowid AS r, {score} AS relevance, {key} AS k "
                         f"FROM {table} {join} {w.sql}) {after_sql} ORDER BY relevance DESC, k DESC LIMIT ? OFFSET ?",
                         [*params, *w.params, *after_params, limit + 1, offset]).fetchall()
    more = len(ranked) > limit
    ranked = ranked[:limit]
    if not ranked:
        return total, [], None
    rids = [r[0] for r in ranked]
    relevance = {r[0]: round(float(r[1]), 3) for r in ranked}
    items = _dicts(cur, f"SELECT rowid AS _rid, {cols} FROM {table} "
                        f"SEMI JOIN (SELECT unnest(?::BIGINT[]) AS r) k ON {table}.rowid = k.r", [rids])
    order = {r: i for i, r in enumerate(rids)}
    items.sort(key=lambda it: order[it["_rid"]])
    for it in items:
        it["relevance"] = relevance[it.pop("_rid")]
    last = ranked[-1]
    return total, items, str(Cursor(int(last[2]), float(last[1]))) if more else None


def _deep_page(cur, table: str, w: Where, limit: int, offset: int) -> tuple[int, list[int]]:
    """(total, row ids of the page) from the counts per date: the page's rows are among the dates
    where the running count crosses offset..offset+limit, so only those rows are sorted."""
    counts = cur.execute(f"SELECT date, count(*) FROM {table} {w.sql} GROUP BY date "
                         f"ORDER BY date DESC NULLS LAST", w.params).fetchall()
    total = sum(n for _, n in counts)
    seen, skip, dates = 0, 0, []
    for date, n in counts:
        if seen + n > offset and seen < offset + limit:
            if not dates:
                skip = offset - seen
            dates.append(date)
        seen += n
    if not dates:
        return total, []
    known = [d for d in dates if d is not None]
    part = w.copy()
    if known and None in dates:
        part.add("(date BETWEEN ? AND ? OR date IS NULL)", min(known), max(known))
    elif known:
        part.add("date BETWEEN ? AND ?", min(known), max(known))
    else:
        part.add("date IS NULL")
    rids = [r[0] for r in cur.execute(f"SELECT rowid FROM {table} {part.sql} ORDER BY date DESC NULLS LAST, rowid "
                                      f"LIMIT ? OFFSET ?", [*part.params, limit, skip]).fetchall()]
    return total, rids


def _actor_ids(con, records: list[dict]) -> dict[str, int]:
    """Integer ids of the batch's actor keys, adding new keys to actor_names (first spelling wins)."""
    first: dict[str, dict] = {}
    for rec in records:
        for ev in rec.get("events") or []:
            for role in ("source", "target"):
                a = ev.get(role)
                key = R.actor_key(a) if a else None
                if key and key not in first:
                    first[key] = a
    if not first:
        return {}
    ids = dict(con.execute("SELECT actor_key, id FROM actor_names WHERE actor_key IN (SELECT unnest(?::VARCHAR[]))",
                           [list(first)]).fetchall())
    next_id = con.execute("SELECT coalesce(max(id), 0) FROM actor_names").fetchall()[0][0] + 1
    new = []
    for key, a in first.items():
        if key not in ids:
            ids[key] = next_id
            new.append({"id": next_id, "actor_key": key, "code": a.get("code"),
                        "name": a.get("name") or a.get("text"), "country": a.get("country"),
                        "sector": a.get("sector")})
            next_id += 1
    _insert(con, "actor_names", new)
    return ids


def _actor_names(cur, keys: list[str]) -> dict[str, dict[str, Any]]:
    """code, name, country, sector for each actor key."""
    if not keys:
        return {}
    rows = cur.execute("SELECT actor_key, code, name, country, sector FROM actor_names "
                       "WHERE actor_key IN (SELECT unnest(?::VARCHAR[]))", [keys]).fetchall()
    return {r[0]: {"code": r[1], "name": r[2], "country": r[3], "sector": r[4]} for r in rows}


def _snippet(text: str, terms: list[str], width: int = 200) -> str:
    low = text.lower()
    pos = min((p for p in (low.find(t.lower()) for t in terms) if p >= 0), default=0)
    start = max(0, pos - width // 3)
    s = " ".join(text[start : start + width].split())
    return ("…" if start else "") + s + ("…" if start + width < len(text) else "")


def _doc_column(version: int) -> str:
    """The article number of event and statement rows (from schema version 3; none before)."""
    return ", doc AS _doc" if version >= 3 else ", NULL AS _doc"


def _add_titles(cur, items: list[dict]) -> None:
    """Each item's article_title, looked up by the article's number (`_doc`, an integer: several
    times cheaper than by id), or by id for rows without one."""
    docs = sorted({it["_doc"] for it in items if it.get("_doc") is not None})
    by_doc = dict(cur.execute("SELECT doc, title FROM articles WHERE doc IN (SELECT unnest(?::INTEGER[]))",
                              [docs]).fetchall()) if docs else {}
    ids = sorted({it["article_id"] for it in items if it.get("_doc") is None})
    by_id = dict(cur.execute("SELECT id, title FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [ids]).fetchall()) if ids else {}
    for it in items:
        doc = it.pop("_doc", None)
        it["article_title"] = by_doc.get(doc) if doc is not None else by_id.get(it["article_id"])


def _columns(rows: list[dict]) -> dict[str, np.ndarray]:
    """Rows as columns (the first row's keys) that DuckDB scans in bulk, with no pyarrow."""
    n = len(rows)
    return {c: np.fromiter((r.get(c) for r in rows), dtype=object, count=n) for c in rows[0]}


def _insert(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    con.register("_rows", _columns(rows))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        con.unregister("_rows")
