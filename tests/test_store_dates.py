"""Every filter of every query over a store holding undated, pre-1970 and future-dated rows,
through the Store, the CLI and the API: no query may crash on a date, and each gives the rows
its filters describe, newest first with undated rows last.

The filter combinations are drawn by hypothesis from the queries' declarations
(wirecoder.store.queries), so a filter added there is tested here without a new line.
"""

from __future__ import annotations

import json
import warnings

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from wirecoder.api import create_app  # noqa: E402
from wirecoder.cli import cli  # noqa: E402
from wirecoder.record import ActorRef, Event, Place, Record, Speaker, Statement  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.store import Store  # noqa: E402
from wirecoder.store.queries import QUERIES  # noqa: E402

# Invented wire stories. (published date, event date): undated, before 1970, far in the future, usual.
STORIES = {
    "undated": (None, None, "Officials in Kyiv accused Moscow of shelling a dam, a ministry spokesman said."),
    "archive-1956": ("1956-11-04", "1956-10-23", "Soviet tanks entered Budapest, the radio said, and the "
                     "government appealed to the Security Council for help."),
    "archive-1969": ("1969-07-21", None, "The crew landed on the Moon, the agency said, and the president "
                     "praised the Security Council resolution on space."),
    "far-future": ("2091-01-01", "2090-12-31", "Delegates in Geneva agreed to extend the ceasefire, the "
                   "mediator told reporters on the last day of the year."),
    "today": ("2026-09-29", "2026-09-28", "Ukrainian drones struck a depot near Belgorod overnight, the "
              "Russian Defense Ministry said, and accused Kyiv of escalation."),
    "today-copy": ("2026-09-29", "2026-09-28", "Ukrainian drones struck a depot near Belgorod overnight, the "
                   "Russian Defense Ministry said, and accused Kyiv of escalation."),
    "year-only": ("2026-10-02", "1945", "Veterans recalled how the war ended in Berlin, the mayor said on "
                  "Friday, and thanked the allies."),
}
ACTORS = [("UKRGOV", "UKR", "Government of Ukraine"), ("RUSMIL", "RUS", "Russian Defense Ministry"),
          ("HUN", "HUN", "Hungary"), ("CHE", "CHE", "Switzerland"), ("DEU", "DEU", "Germany")]
CAMEO = [("112", 3, "ACCUSE"), ("195", 4, "ASSAULT"), ("036", 1, "CONSULT"), ("0871", 2, "RETREAT")]


def _record(i: int, id: str, published, event_date, text: str) -> Record:
    r = Record(id=id, source=f"{id}.txt", text=text, title=f"Story {id}", published=published,
               url=f"https://www.wire-{i % 2}.example/{id}")
    r.sentences = [r.span(0, len(text))]
    words = [(m, m + len(w)) for m, w in _words(text)]
    said = text.index(" said") + 1 if " said" in text else text.index(" told") + 1
    speaker = r.span(*words[0]), r.span(*words[1])
    r.statements = [Statement(speaker=speaker[0], speaker_name=["Olena Koval", "Ivan Petrov"][i % 2], cue=r.span(said, said + 4),
                              content=[r.span(0, said - 2)], kind="indirect", sentence=r.sentences[0],
                              negated=bool(i % 3 == 0))]
    r.speakers = [Speaker(name=r.statements[0].speaker_name, mentions=[speaker[0]], statements=[0])]
    place = Place(*words[2], text[slice(*words[2])], name=["Kyiv", "Budapest", "Geneva"][i % 3],
                  country=["UKR", "HUN", "CHE"][i % 3], kind="city", lat=50.0 - i, lon=30.0 + i)
    r.places = [place]
    src, tgt = ACTORS[i % len(ACTORS)], ACTORS[(i + 1) % len(ACTORS)]
    cameo, quad, plover = CAMEO[i % len(CAMEO)]
    r.events = [Event(trigger=r.span(*words[3]), sentence=r.sentences[0],
                      source=ActorRef(*words[4], text[slice(*words[4])], code=src[0], country=src[1], name=src[2]),
                      target=ActorRef(*words[5], text[slice(*words[5])], code=tgt[0], country=tgt[1], name=tgt[2]),
                      cameo=cameo, root=cameo[:2], quad=quad, plover=plover, date=event_date,
                      negated=bool(i % 2), place=place if i % 4 else None, statement=0)]
    return r


def _words(text: str):
    import re

    return [(m.start(), m.group()) for m in re.finditer(r"\w+", text)]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("dates") / "dates.duckdb")
    Store(path).add([_record(i, id, p, e, t) for i, (id, (p, e, t)) in enumerate(STORIES.items())])
    return path


@pytest.fixture(scope="module")
def store(db) -> Store:
    return Store(db, read_only=True)


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return TestClient(create_app(db, settings=Settings(db=db), cache_entries=0))


# Values each kind of filter is tried with: ones that match rows of the store above, and ones that don't.
VALUES = {
    "actor": st.sampled_from(["UKRGOV", "rusmil", "Hungary", "Ukrainian", "Switzer", "nobody"]),
    "speaker": st.sampled_from(["Olena Koval", "petrov", "Koval", "nobody"]),
    "country": st.sampled_from(["UKR", "rus", "HUN", "CHE", "DEU", "USA"]),
    "cameo": st.sampled_from(["1", "11", "112", "19", "195", "0871", "08"]),
    "plover": st.sampled_from(["ACCUSE", "assault", "CONSULT", "RETREAT", "PROTEST"]),
    "quad": st.integers(1, 4),
    "date": st.sampled_from(["1945-01-01", "1956-10-23", "1960-01-01", "1970-01-01", "2026-09-28", "2026-12-31",
                             "2090-12-31", "2100-01-01"]),
    "place": st.sampled_from(["Kyiv", "buda", "CHE", "UKR", "Lima"]),
    "article": st.sampled_from(list(STORIES) + ["no-such-article"]),
    "flag": st.booleans(),
    "words": st.sampled_from(["said", "Security Council", "\"Security Council\"", "drones struck", "Moon", "zebra"]),
    "name": st.sampled_from(["Koval", "o", "Ministry", "zz"]),
    "site": st.sampled_from(["wire-0", "wire-1.example", "elsewhere"]),
    "role": st.sampled_from(["source", "target"]),
    "key": st.sampled_from(["|olena koval", "|koval", "UKRGOV|ivan petrov", "none|x"]),
}


def _filters(kind: str):
    """A strategy for a dict of some of `kind`'s filters with values of their type (a date range
    that ends before it starts is refused, see test_reversed_date_range_is_refused)."""
    fields = QUERIES[kind].filters
    return st.fixed_dictionaries({}, optional={f.name: VALUES[f.kind] for f in fields}).filter(
        lambda f: not ("date_from" in f and "date_to" in f and f["date_from"] > f["date_to"]))


CHECKED = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])


def _newest_first(items: list[dict]) -> None:
    dates = [it.get("date") for it in items]
    known = [d for d in dates if d is not None]
    assert known == sorted(known, reverse=True)
    assert dates[len(known):] == [None] * (len(dates) - len(known)), "undated rows come last"


def _event_matches(ev: dict, f: dict) -> bool:
    """What each event filter means, said again in Python over the unfiltered rows."""
    def actor(side: str, v: str) -> bool:
        codes = {a[0] for a in ACTORS}
        if v.upper() in codes:
            return ev[f"{side}_code"] == v.upper()
        return any(v.lower() in (ev[f"{side}_{c}"] or "").lower() for c in ("name", "text"))

    checks = {
        "source": lambda v: actor("source", v), "target": lambda v: actor("target", v),
        "actor": lambda v: actor("source", v) or actor("target", v),
        "source_country": lambda v: ev["source_country"] == v.upper(),
        "target_country": lambda v: ev["target_country"] == v.upper(),
        "country": lambda v: v.upper() in (ev["source_country"], ev["target_country"]),
        "cameo": lambda v: (ev["cameo"] or "").startswith(v), "plover": lambda v: (ev["plover"] or "") == v.upper(),
        "quad": lambda v: ev["quad"] == v,
        "date_from": lambda v: ev["date"] is not None and ev["date"] >= v,
        "date_to": lambda v: ev["date"] is not None and ev["date"] <= v,
        "place": lambda v: v.lower() in (ev["place_name"] or "").lower() or ev["place_country"] == v.upper(),
        "article_id": lambda v: ev["article_id"] == v, "negated": lambda v: ev["negated"] == v,
        "dedup": lambda v: not v or not ev["is_dup"],
    }
    return all(checks[k](v) for k, v in f.items())


def _cli_rows(kind: str, db: str, filters: dict) -> list[dict]:
    args = ["query", kind, "--db", db, "--format", "jsonl", "--limit", "0"]
    for name, value in filters.items():
        args += QUERIES[kind].cli_args(name, value)
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def _api_params(filters: dict) -> dict:
    return {k: str(v).lower() if isinstance(v, bool) else v for k, v in filters.items()}


def test_store_holds_undated_old_and_future_rows(store):
    dates = {it["id"]: it["date"] for it in store.search_articles(limit=None)["items"]}
    assert dates["undated"] is None and dates["archive-1956"] == "1956-11-04"
    assert dates["far-future"] == "2091-01-01"
    events = {it["article_id"]: it["date"] for it in store.events(limit=None)["items"]}
    assert events["undated"] is None and events["archive-1956"] == "1956-10-23"
    assert events["archive-1969"] == "1969-07-21"  # no date of its own: the article's


@CHECKED
@given(filters=_filters("events"), limit=st.sampled_from([1, 3, 50]))
def test_event_filters_over_any_dates(store, db, client, filters, limit):
    universe = store.events(limit=None)["items"]
    expected = [ev for ev in universe if _event_matches(ev, filters)]
    everything = store.events(limit=None, **filters)
    key = [(e["article_id"], e["idx"]) for e in everything["items"]]
    assert key == [(e["article_id"], e["idx"]) for e in expected]
    assert everything["total"] == len(expected)
    _newest_first(everything["items"])
    page = store.events(limit=limit, **filters)  # a filtered first page (found with max_by)
    assert [(e["article_id"], e["idx"]) for e in page["items"]] == key[:limit]
    assert [(e["article_id"], e["idx"]) for e in _cli_rows("events", db, filters)] == key
    r = client.get("/api/events", params={**_api_params(filters), "limit": limit})
    assert r.status_code == 200, r.text
    assert r.json()["total"] == len(expected)
    assert [(e["article_id"], e["idx"]) for e in r.json()["items"]] == key[:limit]
    for path in ("/api/timeline", "/api/network", "/events"):
        assert client.get(path, params=_api_params(filters)).status_code == 200, path
    dated = sum(1 for e in expected if e["date"] is not None)
    assert sum(p["count"] for p in store.timeline(**filters)) == dated


@CHECKED
@given(kind=st.sampled_from(["statements", "articles", "speakers", "actors"]), data=st.data())
def test_other_queries_over_any_dates(store, db, client, kind, data):
    filters = data.draw(_filters(kind))
    method = "search_articles" if kind == "articles" else kind
    everything = getattr(store, method)(limit=None, **filters)
    assert everything["total"] == len(everything["items"])
    if kind in ("statements", "articles") and "q" not in filters:
        _newest_first(everything["items"])  # (with a query: most relevant first, see test_search_phrases)
    if "q" in filters and kind in ("statements", "articles"):
        scores = [it["relevance"] for it in everything["items"]]
        assert scores == sorted(scores, reverse=True)
    first = getattr(store, method)(limit=2, **filters)
    assert first["items"] == everything["items"][:2]
    assert len(_cli_rows(kind, db, filters)) == everything["total"]
    r = client.get(f"/api/{kind}", params={**_api_params(filters), "limit": 2})
    assert r.status_code == 200, r.text
    assert r.json()["total"] == everything["total"]
    page = {"statements": "/statements", "articles": "/articles", "speakers": "/speakers"}.get(kind)
    if page:
        assert client.get(page, params=_api_params(filters)).status_code == 200


def test_deep_pages_over_any_dates(store, monkeypatch):
    from wirecoder.store import store as store_module

    keys = [(e["article_id"], e["idx"]) for e in store.events(limit=None)["items"]]
    filtered = [(e["article_id"], e["idx"]) for e in store.events(limit=None, dedup=True)["items"]]
    monkeypatch.setattr(store_module, "DEEP_OFFSET", 1)  # every page with an offset goes by the counts per date
    for offset in range(1, len(keys)):
        assert [(e["article_id"], e["idx"]) for e in store.events(limit=2, offset=offset)["items"]] == \
            keys[offset:offset + 2]
        assert [(e["article_id"], e["idx"]) for e in store.events(limit=2, offset=offset, dedup=True)["items"]] == \
            filtered[offset:offset + 2]


def test_reversed_date_range_is_refused(store, db, client):
    from wirecoder.store.queries import QueryError

    with pytest.raises(QueryError, match="date_from"):
        store.events(date_from="2026-09-30", date_to="2026-09-01")
    r = client.get("/api/events", params={"date_from": "2026-09-30", "date_to": "2026-09-01"})
    assert r.status_code == 422 and "date_from" in r.json()["detail"]


def test_unknown_filters_are_refused_not_ignored(store):
    from wirecoder.store.queries import QueryError

    for method, kwargs in (("events", {"sorce": "RUSGOV"}), ("statements", {"speeker": "x"}),
                           ("search_articles", {"date_form": "2026-01-01"}), ("speakers", {"name": "x"}),
                           ("actors", {"quad": 1}), ("timeline", {"from": "2026-01-01"}), ("network", {"qaud": 4})):
        with pytest.raises(QueryError) as err:
            getattr(store, method)(**kwargs)
        assert repr(next(iter(kwargs)))[1:-1] in str(err.value), method
