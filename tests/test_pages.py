"""The analysts' pages: articles, one article with its highlights, speakers, statements, events."""

from __future__ import annotations

import html
import re
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from web_records import SCRIPT_TEXT, TASS_TEXT, build_store  # noqa: E402
from wirecoder.api import create_app  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.web.highlight import Mark, segments  # noqa: E402


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("pages") / "news.duckdb")
    return TestClient(create_app(db, settings=Settings(db=db)))


def article_body(page: str) -> str:
    """The inner HTML of the article text block."""
    m = re.search(r'<div id="article-text" class="article-text">(.*?)</div>', page, re.S)
    assert m, "no article text block"
    return m.group(1)


def marked_spans(body: str) -> list[tuple[dict, str]]:
    """Every highlight as (attributes, shown text)."""
    out = []
    for attrs, inner in re.findall(r"<span ([^>]*)>([^<]*)</span>", body):
        out.append((dict(re.findall(r'([\w-]+)="([^"]*)"', attrs)), html.unescape(inner)))
    return out


def test_segments_cover_the_text_with_nested_and_overlapping_marks():
    text = "He said: \"We will strike back,\" the minister added."
    quote = Mark(10, 30, "statement-content", 0, 0)
    trigger = Mark(18, 24, "event", 0)
    overlapping = Mark(25, 45, "defect")
    segs = segments(text, [quote, trigger, overlapping, Mark(5, 500, "event")])  # out of range: dropped
    assert "".join(s.text for s in segs) == text
    assert all(s.text == text[s.start:s.end] for s in segs)
    strike = next(s for s in segs if s.text == "strike")
    assert {m.kind for m in strike.marks} == {"statement-content", "event"} and strike.statement == 0
    both = next(s for s in segs if s.start == 25)
    assert both.text == "back," and {m.kind for m in both.marks} == {"statement-content", "defect"}
    assert next(s for s in segs if s.start == 30).marks == [overlapping]


def test_article_page_shows_the_text_exactly_and_every_highlight_is_a_real_span(client):
    r = client.get("/articles/tass-prisoners")
    assert r.status_code == 200
    body = article_body(r.text)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == TASS_TEXT
    spans = marked_spans(body)
    assert spans
    for attrs, shown in spans:
        assert TASS_TEXT[int(attrs["data-start"]):int(attrs["data-end"])] == shown


def test_statements_are_highlighted_one_colour_per_speaker_with_details(client):
    page = client.get("/articles/tass-prisoners").text
    spans = marked_spans(article_body(page))
    colour = {}
    for attrs, shown in spans:
        if "data-statement" in attrs and "statement-content" in attrs["class"]:
            colour[int(attrs["data-statement"])] = re.search(r"spk-\d", attrs["class"]).group(0)
    assert set(colour) == {0, 1, 2}
    assert colour[0] == colour[1] != colour[2]  # both Peskov statements share a colour
    quote = "".join(s for a, s in spans if a.get("data-statement") == "1" and "statement-content" in a["class"])
    assert quote == "We still hope that the agreement will be honoured,"
    detail = re.search(r'<div class="statement-detail[^"]*" id="statement-1"[^>]*hidden>(.*?)</div>', page, re.S).group(1)
    assert "Dmitry Peskov" in detail and ">added<" in detail and "direct" in detail
    assert "We still hope that the agreement will be honoured," in detail


def test_events_marked_on_their_trigger_with_codes_on_hover(client):
    spans = marked_spans(article_body(client.get("/articles/tass-prisoners").text))
    struck = next(a for a, s in spans if s == "struck")
    assert "event" in struck["class"] and struck["data-event"] == "1"
    title = html.unescape(struck["title"])
    assert "Ukrainian armed forces (UKRMIL) → Russia (RUS)" in title
    assert "CAMEO 195" in title and "PLOVER ASSAULT" in title and "quad 4" in title
    # The trigger lies inside the ministry's report: both show on the same piece of text.
    assert "statement-content" in struck["class"] and struck["data-statement"] == "2"
    fulfilled = next(a for a, s in spans if s == "fulfilled" and "event" in a["class"])
    assert "negated" in html.unescape(fulfilled["title"])


def test_defects_grey_and_dateline_and_places_listed(client):
    page = client.get("/articles/tass-prisoners").text
    spans = marked_spans(article_body(page))
    defects = [s for a, s in spans if "defect" in a["class"].split()]
    assert "All news" in defects
    assert any(s.endswith("civilian infrastru") for s in defects)
    assert any("dateline" in a["class"] and s == "MOSCOW, September 29. /TASS/." for a, s in spans)
    assert re.search(r'<dd class="dateline">Moscow, 2026-09-29 \(TASS\)</dd>', page)
    assert re.search(r"<ul class=\"places\"><li[^>]*>Belgorod \(RUS\)</li>", page)


def test_script_in_a_story_is_shown_as_text(client):
    page = client.get("/articles/geneva-ceasefire").text
    assert "<script>window.__pwned" not in page
    assert "&lt;script&gt;window.__pwned = true;&lt;/script&gt;" in page
    assert "<b>bold</b>" not in page and "<b>ceasefire</b>" not in page
    assert html.unescape(re.sub(r"<[^>]+>", "", article_body(page))) == SCRIPT_TEXT


def test_pages_have_no_inline_script_or_style(client):
    for path in ("/articles", "/articles/tass-prisoners", "/speakers", "/statements", "/events"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "script-src 'self'" in r.headers["content-security-policy"]
        for tag in re.findall(r"<script[^>]*>", r.text):
            assert 'src="/static/' in tag, (path, tag)
        assert not re.search(r"\son\w+=", r.text), path
        assert "style=" not in r.text, path


def test_article_list_search_and_dates(client):
    page = client.get("/articles").text
    for title in ("Kremlin says Kyiv has not yet fulfilled prisoner deal", "Manila accuses Chinese vessels at shoal"):
        assert title in page
    assert "Armenia and Azerbaijan extend &lt;b&gt;ceasefire&lt;/b&gt;" in page
    found = client.get("/articles", params={"q": "shoal"}).text
    assert "/articles/manila-shoal" in found and "/articles/tass-prisoners" not in found
    autumn = client.get("/articles", params={"date_from": "2026-09-01", "date_to": ""}).text
    assert "/articles/tass-prisoners" in autumn and "/articles/manila-shoal" not in autumn
    assert client.get("/articles/no-such-story").status_code == 404


def test_speakers_page_links_to_their_statements(client):
    page = client.get("/speakers").text
    rows = re.findall(r'<a class="speaker" href="([^"]+)">([^<]+)</a>', page)
    assert rows[0] == ("/statements?speaker_id=%7Cdmitry%20peskov", "Dmitry Peskov")
    statements = client.get(rows[0][0]).text
    assert "We still hope that the agreement will be honoured," in statements
    assert "/articles/tass-prisoners#statement-1" in statements
    assert "Anna Keller" not in statements


def test_events_page_filters_the_table_and_feeds_the_charts(client):
    page = client.get("/events").text
    assert page.count('<tr class="quad-') == 6
    assert 'id="timeline"' in page and 'id="network"' in page and 'src="/static/events.js"' in page
    conflict = client.get("/events", params={"quad": "4", "source": "", "plover": "", "dedup": ""}).text
    assert conflict.count('<tr class="quad-') == 1 and "Employ aerial weapons" in conflict
    assert 'data-query="quad=4"' in conflict  # the charts ask the API with the same filters
    assert client.get("/events", params={"quad": "9"}).status_code == 422


def test_page_errors_are_pages_and_api_errors_json(client):
    missing = client.get("/articles/<b>nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "&lt;b&gt;nope" in missing.text and "<b>nope" not in missing.text
    bad = client.get("/events", params={"date_from": "someday"})
    assert bad.status_code == 422 and "date_from" in bad.text and bad.headers["content-type"].startswith("text/html")
    assert client.get("/api/articles/nope").headers["content-type"] == "application/json"


CODED_STORY = (
    "Latest news\n"
    "ANKARA, June 4 (Wirewire) - Turkey accused Syrian government forces of shelling a border village on "
    "Wednesday, Foreign Minister Kerem Aslan said. \"We will not let this pass,\" Aslan told reporters in "
    "Ankara, adding that Turkey still hoped for talks. According to local officials, the shelling damaged "
    "a school near Kilis. The ministry said Damascus had not yet responded to the protest note and"
)


def test_a_record_coded_by_wirecoder_renders_with_real_spans(tmp_path, coder):
    from wirecoder.store import Store

    record = coder.code(CODED_STORY, id="ankara-coded", date="2026-06-04")
    db = str(tmp_path / "coded.duckdb")
    Store(db).add([record])
    client = TestClient(create_app(db, settings=Settings(db=db)))
    page = client.get("/articles/ankara-coded")
    assert page.status_code == 200
    body = article_body(page.text)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == CODED_STORY
    for attrs, shown in marked_spans(body):
        assert CODED_STORY[int(attrs["data-start"]):int(attrs["data-end"])] == shown
    for i, st in enumerate(record.statements):
        assert f'id="statement-{i}"' in page.text
    shown_events = {int(n) for a, _ in marked_spans(body) for n in a.get("data-event", "").split()}
    assert shown_events == {i for i, ev in enumerate(record.events) if ev.trigger}


def test_an_input_that_failed_shows_its_error(tmp_path):
    from wirecoder.record import ErrorInfo, ErrorRecord
    from wirecoder.store import Store

    db = str(tmp_path / "errors.duckdb")
    Store(db).add([ErrorRecord("empty-page", "feed.jsonl:7", ErrorInfo("empty", "feed.jsonl:7: empty text <none>"))])
    client = TestClient(create_app(db, settings=Settings(db=db)))
    assert client.get("/api/articles/empty-page").json()["error"]["kind"] == "empty"
    page = client.get("/articles/empty-page")
    assert page.status_code == 200
    assert "Not coded: <span class=\"kind\">empty</span>: feed.jsonl:7: empty text &lt;none&gt;" in page.text
