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
