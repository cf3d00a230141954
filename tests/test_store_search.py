"""Text search (`q`) through the store's word index: the same answers as a plain substring scan."""

from __future__ import annotations

import duckdb
import pytest

from wirecoder.record import Record, Span, Statement
from wirecoder.store import Store, search
from wirecoder.store.schema import SCHEMA_VERSION

TEXTS = {
    "a1": "MOSCOW, Sept. 29. The Kremlin wants a CEASEFIRE; Kiev rejected the cease-fire plan.",
    "a2": "KIEV (Reuters) - U.S. envoy met officials about the grain deal, the power plant and Zaporozhye.",
    "a3": "Die Waffenruhe gilt ab Montag, sagte der Sprecher: «Wir hoffen auf Frieden». ÉLYSÉE\tconfirmed.",
    "a4": "Nothing here but weather:\nrain, wind and a ceasefire-related\u00a0rumour about grain.",
}
QUERIES = ["ceasefire", "CeaseFire", "fire", "cease-fire", "u.s.", "grain deal", "grain", "élysée", "élysée confirmed",
           "«wir", "plant and", "zzz", "e", "rumour", "ceasefire-related", "story", "sept. 29.", "a1", "_", "%"]


def _record(id: str, text: str, said: str | None = None) -> Record:
    r = Record(id=id, source=f"{id}.txt", text=text, title=f"Story {id}", published="2026-09-29")
    if said:
        i = text.find(said)
        r.statements = [Statement(content=[Span.of(text, i, i + len(said))], speaker_name="Someone", kind="direct")]
    return r


def _expected(texts: dict[str, str], q: str) -> set[str]:
    """The documented meaning: every word occurs in the title or text, ignoring case."""
    words = q.lower().split()
    return {i for i, t in texts.items() if all(w in f"story {i}\n{t}".lower() for w in words)}


@pytest.fixture()
def store(tmp_path):
    s = Store(tmp_path / "news.duckdb")
    s.add([_record(i, t, said=t.split()[-2]) for i, t in TEXTS.items()])
    return s


def _found(store: Store, q: str) -> set[str]:
    res = store.search_articles(q=q, limit=None)
    assert res["total"] == len(res["items"])
    return {it["id"] for it in res["items"]}


@pytest.mark.parametrize("q", QUERIES)
def test_article_search_finds_every_word_as_a_substring(store, q):
    assert _found(store, q) == _expected(TEXTS, q)


def test_statement_search_matches_what_was_said(store):
    said = {i: t.split()[-2] for i, t in TEXTS.items()}
    for q in ["plan", "PLAN", "zaporozhye", "élysée", "ai", "rain", "nothing"]:
        res = store.statements(q=q, limit=None)
        assert {it["article_id"] for it in res["items"]} == {i for i, s in said.items() if q.lower() in s.lower()}
        assert res["total"] == len(res["items"])


def test_search_combines_with_other_filters_and_pages(store):
    assert store.search_articles(q="grain", date_from="2026-09-30")["total"] == 0
    page = store.search_articles(q="grain", limit=1, offset=1)
    assert page["total"] == 2 and len(page["items"]) == 1
    assert page["items"][0]["id"] in {"a2", "a4"}
    assert "grain" in page["items"][0]["snippet"].lower()


def test_replaced_article_is_found_by_its_new_words_only(store):
    store.add([_record("a1", "A different story about drones.")])
    assert "a1" not in _found(store, "ceasefire")
    assert _found(store, "drones") == {"a1"}
    # Numbers are never reused: a new article does not inherit the replaced one's old words.
    store.add([_record("a5", "Only snow today.")])
    assert _found(store, "kremlin") == set()
    assert _found(store, "snow") == {"a5"}


def test_merged_postings_give_the_same_answers(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "MERGE_MIN_ROWS", 1)
    s = Store(tmp_path / "m.duckdb")
    for i, t in TEXTS.items():  # one batch each: every add appends, and merges when the tail is large
        s.add([_record(i, t)])
    s.add([_record("a2", "Replaced: the grain is gone.")])
    texts = {**TEXTS, "a2": "Replaced: the grain is gone."}
    for q in QUERIES:
        assert _found(s, q) == _expected(texts, q), q
    from wirecoder.store.connection import write_connection

    with write_connection(str(s.path)) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'article_postings_sorted_rows'").fetchone()
        search.merge_if_grown(con, force=True)
        dead = con.execute("SELECT count(*) FROM article_postings WHERE num NOT IN (SELECT doc FROM articles)")
        assert dead.fetchone()[0] == 0  # the replaced article's old number is gone
        nums = [r[0] for r in con.execute("SELECT term_id FROM article_postings").fetchall()]
        assert nums == sorted(nums)
    for q in QUERIES:
        assert _found(s, q) == _expected(texts, q), q


def _make_old(path) -> None:
    """Turn a store into one written before the word index (schema version 1)."""
    con = duckdb.connect(str(path))
    for table in ("search_terms", "article_postings", "statement_postings"):
        con.execute(f"DROP TABLE {table}")
    con.execute("ALTER TABLE articles DROP COLUMN doc")
    con.execute("ALTER TABLE statements DROP COLUMN sid")
    con.execute("ALTER TABLE statements DROP COLUMN doc")
    con.execute("DELETE FROM meta")
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.close()


def test_store_from_before_the_index_is_searched_by_scan_then_indexed(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).add([_record(i, t, said=t.split()[-2]) for i, t in TEXTS.items()])
    _make_old(path)
    old = Store(path, read_only=True)  # read-only: no index can be built, the text is scanned
    for q in QUERIES:
        assert _found(old, q) == _expected(TEXTS, q), q
    assert old.statements(q="cease")["items"][0]["article_title"] == "Story a1"
    Store(path)  # writable: the index is built
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]
    assert con.execute("SELECT count(*) FROM article_postings").fetchone()[0] > 0
    con.close()
    new = Store(path, read_only=True)
    for q in QUERIES:
        assert _found(new, q) == _expected(TEXTS, q), q
    assert new.statements(q="cease")["items"][0]["article_title"] == "Story a1"


def test_store_of_version_2_gets_article_numbers_on_its_rows(tmp_path):
    path = tmp_path / "v2.duckdb"
    Store(path).add([_record(i, t, said=t.split()[-2]) for i, t in TEXTS.items()])
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE events DROP COLUMN doc")
    con.execute("ALTER TABLE statements DROP COLUMN doc")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    store = Store(path)
    items = store.statements(limit=None)["items"]
    assert {it["article_title"] for it in items} == {f"Story {i}" for i in TEXTS}
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM statements WHERE doc IS NULL").fetchone()[0] == 0
    con.close()


# Phrases: the pairs of adjacent tokens answer them; the answers are those of a regular expression
# over the title and over the text (words apart by any whitespace, case-insensitive).
PHRASES = ['"grain deal"', '"the power plant"', '"power plant and zaporozhye."', '"cease-fire plan"',
           '"ceasefire; kiev"', '"fire; kiev rejected"', '"eal, the"', '"rain, wind"', '"wind and a"',
           '"confirmed. story"', '"story a1"', '"a1 moscow,"', '"élysée confirmed"', '"ÉLYSÉE CONFIRMED."',
           '"ceasefire-related rumour"', '"kremlin wants" ceasefire', '"grain deal" "power plant"',
           '"deal power"', '"the the"', '"u.s. envoy met"', '"envoy u.s."']


def _phrase_expected(texts: dict[str, str], q: str) -> set[str]:
    import re

    terms = search.parse_terms(q)
    out = set()
    for i, t in texts.items():
        fields = [f"story {i}", t]
        # ASCII whitespace, as documented (a no-break space joins words into one token, as in DuckDB's \\s)
        if all(any(re.search(p, f.lower(), re.ASCII) for f in fields) for p in terms.phrase_patterns()) and \
                all(w.lower() in f"story {i}\n{t}".lower() for w in terms.words):
            out.add(i)
    return out


@pytest.mark.parametrize("q", PHRASES)
def test_phrases_through_the_pairs_match_the_text(store, q):
    assert _found(store, q) == _phrase_expected(TEXTS, q)


def test_phrase_spans_line_breaks_but_not_title_and_text(tmp_path):
    s = Store(tmp_path / "p.duckdb")
    s.add([_record("t1", "Council\n\tof Europe met. The envoy said the\nsecurity   council would vote.",
                   said="security   council would vote")])
    assert _found(s, '"council of europe"') == {"t1"}
    assert _found(s, '"security council"') == {"t1"}
    assert _found(s, '"t1 council"') == set()  # the title "Story t1" ends before the text begins
    assert [x["article_id"] for x in s.statements(q='"Security Council would"')["items"]] == ["t1"]
    assert s.statements(q='"council security"')["total"] == 0


def test_store_of_version_3_searches_phrases_then_gets_the_pairs(tmp_path):
    path = tmp_path / "v3.duckdb"
    Store(path).add([_record(i, t, said=t.split()[-2]) for i, t in TEXTS.items()])
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE article_pairs")
    con.execute("DROP TABLE statement_pairs")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    old = Store(path, read_only=True)  # no pairs: the rows the words give are checked on their text
    for q in PHRASES:
        assert _found(old, q) == _phrase_expected(TEXTS, q), q

    def ranked(store):  # relevance counted in the texts (version 3) or from the index (version 4)
        return [[(it["id"], it["relevance"]) for it in store.search_articles(q=q, limit=None)["items"]] +
                [(it["article_id"], it["relevance"]) for it in store.statements(q=q, limit=None)["items"]]
                for q in ("the", "e", "grain", "a", "ceasefire the", '"the power" e')]
    by_text = ranked(old)
    assert any(len(r) > 2 for r in by_text)
    Store(path)  # writable: the pairs are built
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]
    assert con.execute("SELECT count(*) FROM article_pairs").fetchone()[0] > 0
    con.close()
    new = Store(path, read_only=True)
    for q in PHRASES:
        assert _found(new, q) == _phrase_expected(TEXTS, q), q
    assert ranked(new) == by_text


def test_merged_pairs_give_the_same_phrases(tmp_path, monkeypatch):
    monkeypatch.setattr(search, "MERGE_MIN_ROWS", 1)
    s = Store(tmp_path / "mp.duckdb")
    for i, t in TEXTS.items():
        s.add([_record(i, t)])
    s.add([_record("a2", "Replaced: the grain deal is gone.")])
    texts = {**TEXTS, "a2": "Replaced: the grain deal is gone."}
    for q in PHRASES + ['"grain deal is"', '"the power plant"']:
        assert _found(s, q) == _phrase_expected(texts, q), q
