"""One speaker across articles: the same person or body named differently in different stories is
one line of `query speakers` and of the speakers page, keyed by actor code and name, with its
article count; different people stay apart."""

from __future__ import annotations

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
from wirecoder.store.speakers import key_words  # noqa: E402

# (article id, speaker as the story names them, actor code, what they said): invented stories.
QUOTES = [
    ("w1", "Joe Biden", "USAGOV", "the talks would go on next week"),
    ("w2", "Biden", "USAGOV", "the aid package was ready"),
    ("w3", "President Biden", "USAGOV", "he would travel to Warsaw"),
    ("w4", "Israel's military", "ISRMIL", "two rockets were intercepted"),
    ("w5", "the Israeli military", "ISRMIL", "the strikes were over"),
    ("w6", "Antony Blinken", "USAGOV", "the ceasefire was holding"),
    ("w7", "Hunter Biden", None, "he had no comment"),
]


def _record(id: str, name: str, code, said: str) -> Record:
    text = f"{name} said {said}, officials confirmed on Tuesday."
    r = Record(id=id, source=f"{id}.txt", text=text, title=f"Story {id}", published="2026-05-0" + id[1])
    st = Statement(speaker=r.span(0, len(name)), speaker_name=name, speaker_code=code,
                   cue=r.span(len(name) + 1, len(name) + 5), content=[r.span(len(name) + 6, len(name) + 6 + len(said))])
    r.statements = [st]
    r.speakers = [Speaker(name, [st.speaker], [0], code=code)]
    return r


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("speakers") / "speakers.duckdb")
    store = Store(path)
    store.add([_record(*QUOTES[0]), _record(*QUOTES[1])])  # in two batches: merged across ingests too
    store.add([_record(*q) for q in QUOTES[2:]])
    return path


def test_key_words_leave_out_titles_articles_and_write_countries_as_codes(db):
    store = Store(db, read_only=True)
    names = store.speaker_names
    assert names is store.speaker_names  # loaded once, kept in the store's Resources
    assert key_words("President Biden", names) == ["biden"]
    assert key_words("Israel's military", names) == key_words("the Israeli military", names) == ["ISR", "military"]
    assert key_words("Minister", names) == ["minister"]  # a title alone stays a name


def test_query_speakers_merges_one_person_or_body(db):
    items = Store(db, read_only=True).speakers(limit=None)["items"]
    by_name = {it["name"]: it for it in items}
    biden = next(it for it in items if "Joe Biden" in it["names"])
    assert set(biden["names"]) == {"Joe Biden", "Biden", "President Biden"}
    assert biden["articles"] == 3 and biden["statements"] == 3 and biden["code"] == "USAGOV"
    military = next(it for it in items if "Israel's military" in it["names"])
    assert set(military["names"]) == {"Israel's military", "the Israeli military"} and military["articles"] == 2
    assert by_name["Antony Blinken"]["articles"] == 1  # same code, another person
    assert by_name["Hunter Biden"]["articles"] == 1  # same surname, another code
    assert len(items) == 4

    out = CliRunner().invoke(cli, ["query", "speakers", "--db", db, "--format", "jsonl"], catch_exceptions=False)
    assert out.exit_code == 0 and len(out.output.splitlines()) == 4


def test_speakers_page_lists_the_merged_speaker_and_links_to_all_its_statements(db):
    client = TestClient(create_app(db, settings=Settings(db=db)))
    api = client.get("/api/speakers").json()
    assert api["total"] == 4
    biden = next(it for it in api["items"] if "Biden" in it["names"] and it["code"] == "USAGOV")
    page = client.get("/speakers").text
    assert "President Biden" in page and "also:" in page
    statements = client.get("/api/statements", params={"speaker_id": biden["key"]}).json()
    assert {s["article_id"] for s in statements["items"]} == {"w1", "w2", "w3"}
    html = client.get("/statements", params={"speaker_id": biden["key"]}).text
    assert "Warsaw" in html and "ceasefire" not in html


def test_two_spellings_in_one_article_count_it_once(tmp_path):
    r = _record("one", "Joe Biden", "USAGOV", "the talks would go on")
    later = Statement(speaker=r.span(0, 3), speaker_name="Biden", speaker_code="USAGOV", cue=r.statements[0].cue,
                      content=r.statements[0].content)
    r.statements.append(later)
    r.speakers.append(Speaker("Biden", [later.speaker], [1], code="USAGOV"))
    store = Store(tmp_path / "one.duckdb")
    store.add([r])
    (item,) = store.speakers()["items"]
    assert item["articles"] == 1 and item["statements"] == 2 and set(item["names"]) == {"Joe Biden", "Biden"}
