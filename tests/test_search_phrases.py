"""Search: a phrase in double quotes matches only the words together; results come most relevant
first when a query is given; the pages mark the matched words (escaped, never as HTML)."""

from __future__ import annotations

import re
import warnings

import pytest
from click.testing import CliRunner

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from wirecoder.api import create_app  # noqa: E402
from wirecoder.cli import cli  # noqa: E402
from wirecoder.record import Record, Speaker, Statement  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.store import Store  # noqa: E402

# (id, date, title, text): invented stories. "many" is oldest but about the Council most.
STORIES = [
    ("many", "2026-01-05", "Council meets on Sudan",
     "The Security Council met on Monday. Members of the Security Council said the Security Council "
     "would vote again, a diplomat said."),
    ("apart", "2026-03-01", "Talks in Geneva",
     "Security was tight as the city council met, officials said."),
    ("once", "2026-02-10", "Aid convoy <b>stopped</b>",
     "The envoy told the Security\nCouncil that the convoy was stopped, the agency said."),
]


def _record(id: str, date: str, title: str, text: str) -> Record:
    r = Record(id=id, source=f"{id}.txt", text=text, title=title, published=date)
    said = text.rindex(" said") + 1
    st = Statement(speaker=r.span(0, 3), speaker_name=f"Speaker {id}", cue=r.span(said, said + 4),
                   content=[r.span(0, said - 2)])
    r.statements = [st]
    r.speakers = [Speaker(st.speaker_name, [st.speaker], [0])]
    return r


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("search") / "search.duckdb")
    Store(path).add([_record(*s) for s in STORIES])
    return path


def test_phrase_matches_only_the_words_together(db):
    store = Store(db, read_only=True)
    assert [a["id"] for a in store.search_articles('"Security Council"')["items"]] == ["many", "once"]
    assert {a["id"] for a in store.search_articles("security council")["items"]} == {"many", "apart", "once"}
    said = store.statements(q='"security council"', limit=None)["items"]
    assert [s["article_id"] for s in said] == ["many", "once"]  # a line break between the words still matches


def test_results_by_relevance_when_a_query_is_given(db):
    store = Store(db, read_only=True)
    assert [a["id"] for a in store.search_articles()["items"]] == ["apart", "once", "many"]  # no query: newest first
    ranked = store.search_articles("council")["items"]
    assert ranked[0]["id"] == "many"  # oldest, but the Council three times and in the title
    assert ranked[0]["relevance"] > ranked[1]["relevance"] > 0
    assert [s["article_id"] for s in store.statements(q="council")["items"]][0] == "many"
    out = CliRunner().invoke(cli, ["query", "articles", "--db", db, "--q", '"Security Council"', "--format", "jsonl"],
                             catch_exceptions=False)
    assert out.exit_code == 0 and [line.split('"id": "')[1].split('"')[0] for line in out.output.splitlines()] == [
        "many", "once"]


def test_pages_mark_the_matched_words(db):
    client = TestClient(create_app(db, settings=Settings(db=db)))
    page = client.get("/articles", params={"q": '"Security Council"'}).text
    assert page.count("<mark>Security Council</mark>") >= 2
    assert "Aid convoy &lt;b&gt;stopped&lt;/b&gt;" in page and "<b>stopped</b>" not in page  # still escaped
    statements = client.get("/statements", params={"q": "convoy"}).text
    assert re.search(r"<mark>convoy</mark>", statements)
    assert client.get("/api/articles", params={"q": '"Security Council"'}).json()["total"] == 2
