"""Paging: every way the store finds a page (max_by, ORDER BY, counts per date) gives the same rows."""

from __future__ import annotations

import pytest

from wirecoder.store import Store
from wirecoder.store import store as store_module

from test_store import wire_record  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(tmp_path_factory.mktemp("paging") / "pages.duckdb")
    records = []
    for i in range(40):
        # Repeated dates (ties broken by the order stored), and some articles without any date.
        date = "" if i % 9 == 4 else f"2026-09-{1 + (i * 7) % 12:02d}"
        records.append(wire_record(f"p{i:02d}", date=date, cameo="190" if i % 3 else "112", quad=4 if i % 3 else 3))
    s.add(records[:25])
    s.add(records[25:])
    return s


def _keys(page):
    return [(it["article_id"], it["idx"], it["date"]) for it in page["items"]]


@pytest.mark.parametrize("filters", [{}, {"cameo": "19"}, {"source": "RUSGOV"}, {"date_from": "2026-09-03"}])
def test_deep_pages_match_the_full_order(store, monkeypatch, filters):
    everything = store.events(limit=None, **filters)
    assert everything["total"] == len(everything["items"]) > 0
    dates = [it["date"] for it in everything["items"]]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True) and dates[len(known):] == [None] * (len(dates) - len(known))
    monkeypatch.setattr(store_module, "DEEP_OFFSET", 1)  # every page with an offset goes by the counts per date
    for limit in (1, 3, 7):
        for offset in range(1, everything["total"] + 2, 2):
            page = store.events(limit=limit, offset=offset, **filters)
            assert page["total"] == everything["total"]
            assert _keys(page) == _keys(everything)[offset:offset + limit], (limit, offset)


def test_deep_pages_of_statements_and_articles(store, monkeypatch):
    all_statements = _keys(store.statements(limit=None))
    all_articles = [it["id"] for it in store.search_articles(limit=None)["items"]]
    monkeypatch.setattr(store_module, "DEEP_OFFSET", 1)
    for offset in range(1, 42, 5):
        assert _keys(store.statements(limit=4, offset=offset)) == all_statements[offset:offset + 4]
        assert [it["id"] for it in store.search_articles(limit=4, offset=offset)["items"]] == \
            all_articles[offset:offset + 4]


def _walk(fetch, limit):
    """Every page from the first through `next`, as one list."""
    out, after, pages = [], None, 0
    while True:
        page = fetch(limit=limit, after=after)
        out += page["items"]
        pages += 1
        after = page["next"]
        if after is None:
            return out, page["total"], pages
        assert len(page["items"]) == limit and pages < 1000


@pytest.mark.parametrize("filters", [{}, {"cameo": "19"}, {"source": "RUSGOV"}, {"date_from": "2026-09-03"}])
def test_cursor_pages_match_the_full_order(store, monkeypatch, filters):
    everything = store.events(limit=None, **filters)
    assert everything["next"] is None
    for limit in (1, 4, 7, everything["total"]):
        walked, total, pages = _walk(lambda **kw: store.events(**kw, **filters), limit)
        assert total == everything["total"]
        assert _keys({"items": walked}) == _keys(everything), limit
        assert pages == -(-total // limit)  # no empty page at the end: `next` is None on the last one
    # a cursor and an offset together: the offset skips rows after the cursor; the deep way agrees
    first = store.events(limit=5, **filters)
    monkeypatch.setattr(store_module, "DEEP_OFFSET", 1)
    assert _keys(store.events(limit=3, offset=2, after=first["next"], **filters)) == _keys(everything)[7:10]


def test_cursor_pages_of_statements_and_articles_and_of_searches(store):
    for fetch in (store.statements, store.search_articles,
                  lambda **kw: store.statements(q="obligations", **kw),
                  lambda **kw: store.search_articles(q="\"power plant\" ceasefire", **kw)):
        everything = fetch(limit=None)
        assert everything["total"] == len(everything["items"]) > 1
        for limit in (1, 3):
            walked, _, _ = _walk(fetch, limit)
            key = ("article_id", "idx") if "idx" in walked[0] else ("id",)
            assert [tuple(it[k] for k in key) for it in walked] == \
                [tuple(it[k] for k in key) for it in everything["items"]]


def test_bad_or_foreign_cursor_is_refused_by_name(store):
    from wirecoder.store.queries import QueryError

    by_date = store.statements(limit=1)["next"]
    by_relevance = store.statements(q="obligations", limit=1)["next"]
    assert by_date.startswith("k") and by_relevance.startswith("r")
    for call in (lambda: store.events(after="page2"), lambda: store.statements(q="obligations", after=by_date),
                 lambda: store.statements(after=by_relevance), lambda: store.speakers(after=by_date)):
        with pytest.raises(QueryError) as err:
            call()
        assert err.value.param == "after"
