"""Every stored article is reachable by its id, whatever characters the id holds: on the pages
(through the links the lists give) and in the API (the id percent-encoded in the path)."""

from __future__ import annotations

import re
import warnings
from html import unescape
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from wirecoder.api import create_app  # noqa: E402
from wirecoder.record import ActorRef, Event, Record, Speaker, Statement  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.store import Store  # noqa: E402

IDS = [
    "nested/folder/story",
    "say \"hi\" it's",
    "what?#frag",
    "100% sure%20x",
    "a b+c&d=e",
    "kyiv/новини/1",
    "trailing/",
    "back\\slash;semi",
]
TEXT = "The minister said the talks in Vienna would go on, the agency reported."


def _record(i: int, id: str) -> Record:
    r = Record(id=id, source=f"in/{i}.txt", text=TEXT, title=f"Talks story {i}", published=f"2026-09-{10 + i:02d}")
    r.sentences = [r.span(0, len(TEXT))]
    said = TEXT.index("said")
    st = Statement(speaker=r.span(0, 12), speaker_name="The minister", cue=r.span(said, said + 4),
                   content=[r.span(said + 5, TEXT.index(", the agency"))])
    r.statements = [st]
    r.speakers = [Speaker("The minister", [st.speaker], [0])]
    r.events = [Event(trigger=r.span(TEXT.index("talks"), TEXT.index("talks") + 5),
                      source=ActorRef(0, 12, "The minister", code="AUTGOV", country="AUT", name="Austria"),
                      cameo="040", quad=1, plover="CONSULT", date=r.published, statement=0)]
    return r


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("ids") / "ids.duckdb")
    Store(db).add([_record(i, id) for i, id in enumerate(IDS)])
    return TestClient(create_app(db, settings=Settings(db=db)))


@pytest.mark.parametrize("article_id", IDS)
def test_api_gives_every_article_by_its_encoded_id(client, article_id):
    r = client.get("/api/articles/" + quote(article_id, safe=""))
    assert r.status_code == 200, r.text
    assert r.json()["id"] == article_id


@pytest.mark.parametrize("article_id", IDS)
def test_article_page_opens_for_every_id(client, article_id):
    r = client.get("/articles/" + quote(article_id, safe=""))
    assert r.status_code == 200, r.text
    assert "Talks story" in r.text


def test_links_on_the_lists_open_the_articles(client):
    """The hrefs the pages write, followed as a browser would, open the article they name."""
    for page in ("/articles", "/statements", "/events", "/speakers"):
        html = client.get(page).text
        hrefs = {unescape(h).split("#")[0] for h in re.findall(r'href="(/articles/[^"]+)"', html)}
        assert hrefs, page
        for href in hrefs:
            r = client.get(href)
            assert r.status_code == 200, (page, href, r.text[:200])
    listed = re.findall(r'href="(/articles/[^"#]+)"', client.get("/articles").text)
    opened = {client.get(unescape(h)).text.split("data-article=\"")[1].split("\"")[0] for h in listed}
    assert {unescape(o) for o in opened} == set(IDS)


def test_an_unknown_id_is_still_404(client):
    assert client.get("/api/articles/" + quote("nested/none", safe="")).status_code == 404
    assert client.get("/articles/no%2Fsuch").status_code == 404
