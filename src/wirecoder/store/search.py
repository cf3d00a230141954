"""The word index behind text search (`q=`) of articles and statements, kept inside the store.

DuckDB's FTS extension would need a download, so the store keeps a small inverted index of its own:

* ``search_terms(id, term)``: every distinct token of the stored texts, lowercased, where a token is
  a run of characters between ASCII whitespace (punctuation stays attached: ``ceasefire,``);
* ``article_postings(term_id, num, tf)`` and ``statement_postings(term_id, num, tf)``: one row per
  term and row whose text holds it, by the row's number (``articles.doc``, ``statements.sid``), with
  how often it occurs there (``tf``): with ``search_chars``, the length of each row's text, relevance
  is counted from the index without reading a text;
* ``article_pairs(a, b, num)`` and ``statement_pairs(a, b, num)``: one row per pair of adjacent tokens
  (term ids ``a`` then ``b``) and row whose text holds them one after the other, for phrases.

Search keeps its documented meaning, a case-insensitive substring: a query word never contains
whitespace (queries are split on it), so it occurs in a text exactly when it is part of one of the
text's tokens. A search therefore scans the vocabulary (small) for tokens containing the word, reads
their postings, and intersects over the words: the answer is exact, with no candidates to re-check.

A phrase (``"security council"``) must occur as written, its words apart by any whitespace: the
first word ends a token, the last begins the next one, every word between is a whole token. So a
two-word phrase occurs in a text exactly when the text has an adjacent pair (a token ending with the
first word, a token beginning with the second): the pairs answer it exactly, without reading a text.
A longer phrase needs each of its adjacent pairs; the rows that have them all are then checked on
their text (few, as every pair must be there).

Postings and pairs are appended in the batch's transaction. Rows of a replaced article get new numbers (numbers
are never reused), so old numbers in the postings simply match no row. Reading a term's postings is
cheap because the table is kept sorted by term: DuckDB skips the row groups whose term range misses
it. Appended rows are not sorted, so once they make up a quarter of the table (and at least
``MERGE_MIN_ROWS``) the table is rewritten sorted, without the dead numbers; each rewrite follows
growth by a constant factor, so ingest stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

import numpy as np

INDEX_VERSION = 2  # meta schema_version from which the word index is complete
PAIRS_VERSION = 4  # ... and from which the pairs of adjacent tokens (phrases) and the counts (tf) are
MERGE_MIN_ROWS = 200_000  # postings rows below which merging is not worth it

# (postings table, the table it indexes, its number column, the SQL of its searchable text)
KINDS = {
    "articles": ("article_postings", "articles", "doc", "lower(coalesce(title, '') || ' ' || coalesce(text, ''))"),
    "statements": ("statement_postings", "statements", "sid", "lower(coalesce(content_lc, ''))"),
}
PAIRS = {"articles": "article_pairs", "statements": "statement_pairs"}
# The tokens of each text the phrases are checked on, as one list: a NULL between an article's title
# and its text, so that no pair (and no phrase) spans the two.
_PAIR_TOKENS = {
    "articles": "list_concat(regexp_split_to_array(lower(coalesce(title, '')), '\\s+'), [NULL], "
                "regexp_split_to_array(lower(coalesce(text, '')), '\\s+'))",
    "statements": "regexp_split_to_array(lower(coalesce(content_lc, '')), '\\s+')",
}


@dataclass
class Terms:
    """A search as the store runs it: words that must each occur (through the index) and phrases,
    two words or more in double quotes, that must occur as written (words apart by any whitespace)."""

    words: list[str] = field(default_factory=list)
    phrases: list[list[str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.words)

    def phrase_patterns(self) -> list[str]:
        """A regular expression per phrase, for the lowercased text."""
        return [r"\s+".join(re.escape(w.lower()) for w in p) for p in self.phrases]


def parse_terms(q: Optional[str]) -> Terms:
    """`ceasefire "Security Council"` → words ceasefire, security, council; phrase security council."""
    terms = Terms()
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', q or ""):
        parts = phrase.split() if phrase else [w for w in [word.strip('"')] if w]
        terms.words += [w for w in parts if w.lower() not in (t.lower() for t in terms.words)]
        if len(parts) > 1:
            terms.phrases.append(parts)
    return terms


def _tokens_sql(kind: str) -> str:
    _, table, num, text = KINDS[kind]
    return (f"SELECT {num} AS num, unnest(regexp_split_to_array({text}, '\\s+')) AS w "
            f"FROM {table} WHERE {num} >= ?")


def next_numbers(con) -> tuple[int, int]:
    """The next free article and statement numbers (numbers are never reused)."""
    row = con.execute("SELECT (SELECT coalesce(max(doc), 0) FROM articles), "
                      "(SELECT coalesce(max(sid), 0) FROM statements)").fetchone()
    seen = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('max_doc', 'max_sid')").fetchall())
    return (max(int(row[0]), int(seen.get("max_doc", 0))) + 1, max(int(row[1]), int(seen.get("max_sid", 0))) + 1)


def index_rows(con, first_doc: int, first_sid: int, merge_all: bool = False) -> None:
    """Add the articles numbered from `first_doc` and statements from `first_sid` to the index.

    Runs inside the caller's transaction, after the rows are inserted. Then a postings table is
    rewritten sorted when its unsorted tail has grown large, or always with `merge_all`."""
    con.execute("CREATE OR REPLACE TEMP TABLE _tokens AS "
                f"SELECT 'a' AS kind, num, w FROM ({_tokens_sql('articles')}) WHERE w <> '' "
                f"UNION ALL SELECT 's', num, w FROM ({_tokens_sql('statements')}) WHERE w <> ''",
                [first_doc, first_sid])
    try:
        con.execute("""
            INSERT INTO search_terms
            SELECT (SELECT coalesce(max(id), 0) FROM search_terms) + row_number() OVER (ORDER BY w), w
            FROM (SELECT DISTINCT w FROM _tokens) new
            WHERE NOT EXISTS (SELECT 1 FROM search_terms t WHERE t.term = new.w)""")
        for kind, short in (("articles", "a"), ("statements", "s")):
            postings, table, num, text = KINDS[kind]
            con.execute(f"""
                INSERT INTO {postings}
                SELECT t.id, k.num, count(*)::INTEGER FROM _tokens k JOIN search_terms t ON t.term = k.w
                WHERE k.kind = '{short}' GROUP BY 1, 2 ORDER BY 1, 2""")
            con.execute(f"UPDATE {table} SET search_chars = length({text}) WHERE {num} >= ?",
                        [first_doc if kind == "articles" else first_sid])
    finally:
        con.execute("DROP TABLE IF EXISTS _tokens")
    index_pairs(con, first_doc, first_sid)
    # Remember the largest numbers given out, so that a number freed by a replacement is never reused.
    con.execute("DELETE FROM meta WHERE key IN ('max_doc', 'max_sid')")
    con.execute("INSERT INTO meta SELECT 'max_doc', coalesce(max(doc), 0)::VARCHAR FROM articles "
                "UNION ALL SELECT 'max_sid', coalesce(max(sid), 0)::VARCHAR FROM statements")
    merge_if_grown(con, force=merge_all)


def index_pairs(con, first_doc: int, first_sid: int) -> None:
    """Add the pairs of adjacent tokens of the articles numbered from `first_doc` and the statements
    from `first_sid` (their tokens are already in search_terms)."""
    for kind, first in (("articles", first_doc), ("statements", first_sid)):
        _, table, num, _ = KINDS[kind]
        # Two lists of the same length unnested side by side: each token with the next one.
        con.execute(f"""
            INSERT INTO {PAIRS[kind]}
            SELECT DISTINCT ta.id, tb.id, p.num
            FROM (SELECT num, unnest(toks[1:len(toks) - 1]) AS a, unnest(toks[2:]) AS b
                  FROM (SELECT {num} AS num, {_PAIR_TOKENS[kind]} AS toks FROM {table} WHERE {num} >= ?)) p
            JOIN search_terms ta ON ta.term = p.a JOIN search_terms tb ON tb.term = p.b
            WHERE p.a <> '' AND p.b <> ''
            ORDER BY 1, 2, 3""", [first])


def merge_if_grown(con, force: bool = False) -> bool:
    """Rewrite a postings or pairs table sorted by term (dead numbers dropped) once its unsorted tail is large."""
    merged = False
    tables = [(postings, table, num, "term_id, num, tf") for postings, table, num, _ in KINDS.values()]
    tables += [(PAIRS[kind], KINDS[kind][1], KINDS[kind][2], "a, b, num") for kind in KINDS]
    for postings, table, num, cols in tables:
        key = f"{postings}_sorted_rows"
        rows = con.execute(f"SELECT count(*) FROM {postings}").fetchone()[0]
        row = con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        tail = rows - (int(row[0]) if row else 0)
        if not force and (tail < MERGE_MIN_ROWS or tail * 4 < rows):
            continue
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _sorted AS
            SELECT {cols} FROM {postings} WHERE num IN (SELECT {num} FROM {table}) ORDER BY {cols}""")
        con.execute(f"DELETE FROM {postings}")
        con.execute(f"INSERT INTO {postings} SELECT {cols} FROM _sorted ORDER BY {cols}")
        con.execute("DROP TABLE _sorted")
        rows = con.execute(f"SELECT count(*) FROM {postings}").fetchone()[0]
        con.execute("DELETE FROM meta WHERE key = ?", [key])
        con.execute("INSERT INTO meta VALUES (?, ?)", [key, str(rows)])
        merged = True
    return merged


def fill_article_numbers(con) -> None:
    """Give events and statements their article's number (they look titles up by it)."""
    for table in ("events", "statements"):
        con.execute(f"UPDATE {table} SET doc = a.doc FROM articles a WHERE a.id = {table}.article_id")


def rebuild(con) -> None:
    """Number every article and statement afresh and index them all (a store from before the index)."""
    con.execute("UPDATE articles SET doc = n FROM (SELECT id AS i, row_number() OVER (ORDER BY ingested_at, id) AS n "
                "FROM articles) WHERE id = i")
    fill_article_numbers(con)
    con.execute("UPDATE statements SET sid = n FROM (SELECT article_id AS a, idx AS j, "
                "row_number() OVER (ORDER BY article_id, idx) AS n FROM statements) WHERE article_id = a AND idx = j")
    for postings, *_ in KINDS.values():
        con.execute(f"DELETE FROM {postings}")
    for pairs in PAIRS.values():
        con.execute(f"DELETE FROM {pairs}")
    con.execute("DELETE FROM search_terms")
    con.execute("DELETE FROM meta WHERE key LIKE '%_sorted_rows'")
    index_rows(con, 1, 1, merge_all=True)  # one rewrite of each postings table, not two


def store_version(cur) -> int:
    """The store's schema version (0 when it has none)."""
    try:
        row = cur.execute("SELECT max(value::INTEGER) FROM meta WHERE key = 'schema_version'").fetchone()
    except Exception:  # noqa: BLE001 - a store without meta
        return 0
    return int(row[0]) if row and row[0] is not None else 0


def matching(cur, kind: str, words: list[str], counts: Optional[dict] = None) -> np.ndarray:
    """Sorted numbers of the rows of `kind` whose text contains every word (case-insensitive).
    `counts` (a store of schema 4): filled with each word's (numbers, counts), as word_counts
    reads them, so that ranking does not read the same postings again."""
    postings = KINDS[kind][0]
    found: Optional[np.ndarray] = None
    for word in words:
        if counts is not None:
            got = _word_counts(cur, postings, word)
            if got is None:
                return np.empty(0, dtype=np.int64)
            counts[word] = got
            nums = got[0]
        else:
            ids = _term_ids(cur, "contains(term, lower(?))", word)
            if not ids:
                return np.empty(0, dtype=np.int64)
            sql, params = _in("term_id", ids)
            res = cur.execute(f"SELECT num FROM {postings} WHERE {sql}", params)
            # a row holding several matching tokens comes once per token: sorted and distinct
            nums = _distinct(res.fetchnumpy()["num"])
        found = nums if found is None else np.intersect1d(found, nums, assume_unique=True)
        if not len(found):
            break
    return found if found is not None else np.empty(0, dtype=np.int64)


def _term_ids(cur, condition: str, word: str) -> list[int]:
    return [r[0] for r in cur.execute(f"SELECT id FROM search_terms WHERE {condition}", [word]).fetchall()]


def _in(column: str, ids: list[int]) -> tuple[str, list]:
    """`column IN (...)`: term ids written into the SQL as constants (integers from the store) let
    DuckDB skip the row groups whose range misses them; a long list goes as a parameter."""
    if len(ids) <= 200:
        return f"{column} IN ({', '.join(str(int(i)) for i in ids)})", []
    return f"{column} = ANY(?::INTEGER[])", [ids]


def phrase_matching(cur, kind: str, phrase: list[str]) -> np.ndarray:
    """Sorted numbers of the rows of `kind` that have every adjacent pair of the phrase: a token
    ending with its first word, whole tokens for the words between, a token beginning with its last
    word. For two words exactly the rows where the phrase occurs; for more, the rows to check."""
    words = [w.lower() for w in phrase]
    found: Optional[np.ndarray] = None
    for i in range(len(words) - 1):
        left = _term_ids(cur, "suffix(term, lower(?))" if i == 0 else "term = lower(?)", words[i])
        right = _term_ids(cur, "prefix(term, lower(?))" if i + 1 == len(words) - 1 else "term = lower(?)",
                          words[i + 1])
        if not left or not right:
            return np.empty(0, dtype=np.int64)
        a_sql, a_params = _in("a", left)
        b_sql, b_params = _in("b", right)
        res = cur.execute(f"SELECT num FROM {PAIRS[kind]} WHERE {a_sql} AND {b_sql}", [*a_params, *b_params])
        nums = _distinct(res.fetchnumpy()["num"])
        found = nums if found is None else np.intersect1d(found, nums, assume_unique=True)
        if not len(found):
            break
    return found if found is not None else np.empty(0, dtype=np.int64)


def _distinct(values) -> np.ndarray:
    """Sorted distinct int64s (np.unique hashes, several times slower on 50,000 numbers)."""
    nums = np.sort(np.asarray(values, dtype=np.int64))
    if len(nums) < 2:
        return nums
    return nums[np.concatenate(([True], nums[1:] != nums[:-1]))]


def word_counts(cur, kind: str, words: list[str], within: Optional[np.ndarray] = None,
                known: Optional[dict] = None) -> tuple[np.ndarray, np.ndarray]:
    """(numbers, counts): for each row of `kind` holding some word, how often the words occur in its
    text in all (case-insensitive, as substrings), from the index alone: a word never spans
    whitespace, so its occurrences in a text are its occurrences in the text's tokens, each token's
    counted once per time the token occurs (tf). `within`: only these rows (sorted numbers);
    `known`: the words matching() has read already."""
    postings = KINDS[kind][0]
    nums_parts, count_parts = [], []
    unread = [w for w in words if known is None or w not in known]
    for word in words:
        if word in unread:
            continue
        nums, counts = known[word]
        if within is not None:
            keep = np.isin(nums, within, assume_unique=True)
            nums, counts = nums[keep], counts[keep]
        nums_parts.append(nums)
        count_parts.append(counts)
    if unread:
        only = ""
        if within is not None:
            register_numbers(cur, "_within", within)
            only = " AND num IN (SELECT n FROM _within)"
        try:
            for word in unread:
                got = _word_counts(cur, postings, word, only)
                if got is not None:
                    nums_parts.append(got[0])
                    count_parts.append(got[1])
        finally:
            if within is not None:
                cur.unregister("_within")
    if not nums_parts:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    return _grouped(np.concatenate(nums_parts), np.concatenate(count_parts))


def _grouped(nums: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct numbers and the sum of the counts of each."""
    if not len(nums):
        return nums, counts
    order = np.argsort(nums, kind="stable")
    nums, counts = nums[order], counts[order]
    starts = np.flatnonzero(np.concatenate(([True], nums[1:] != nums[:-1])))
    return nums[starts], np.add.reduceat(counts, starts)


def _word_counts(cur, postings: str, word: str, only: str = "") -> Optional[tuple[np.ndarray, np.ndarray]]:
    """One word's (sorted numbers, counts) from the postings; None when no token holds it."""
    rows = cur.execute("SELECT id, (length(term) - length(replace(term, lower(?), ''))) // length(lower(?)) "
                       "FROM search_terms WHERE contains(term, lower(?)) ORDER BY id", [word] * 3).fetchall()
    if not rows:
        return None
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    occurrences = np.array([r[1] for r in rows], dtype=np.int64)
    sql, params = _in("term_id", [int(i) for i in ids])
    got = cur.execute(f"SELECT term_id, num, tf FROM {postings} WHERE {sql}{only}", params).fetchnumpy()
    term = np.asarray(got["term_id"], dtype=np.int64)
    counts = np.asarray(got["tf"], dtype=np.int64) * occurrences[np.searchsorted(ids, term)]
    return _grouped(np.asarray(got["num"], dtype=np.int64), counts)


def register_numbers(cur, name: str, nums: np.ndarray) -> None:
    """Make `nums` a one-column relation `name(n)` on this cursor, for a semi-join."""
    cur.register(name, {"n": np.asarray(nums, dtype=np.int64)})
