"""The JSON API: every endpoint over a small store, its schema, its limits and its headers."""

from __future__ import annotations

import json
import re
import warnings

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

from conftest import assert_spans_ok  # noqa: E402
from web_records import all_records, build_store  # noqa: E402
from wirecoder.api import create_app  # noqa: E402
from wirecoder.record import Record  # noqa: E402
from wirecoder.settings import Settings  # noqa: E402
from wirecoder.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api") / "news.duckdb")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(create_app(db, settings=Settings(db=db)))


def test_openapi_schema_lists_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/statements", "/api/speakers", "/api/events",
                 "/api/actors", "/api/timeline", "/api/network"):
        assert "get" in paths[path], path
    assert "post" in paths["/api/code"]
    event_params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"source", "target", "source_country", "target_country", "plover", "cameo", "quad", "date_from",
            "date_to", "place", "dedup", "limit", "offset"} <= event_params
    # Response models name their fields, so clients know what comes back.
    assert "cameo" in schema["components"]["schemas"]["EventItem"]["properties"]
    assert "weight" in schema["components"]["schemas"]["NetworkEdge"]["properties"]
    refs = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', json.dumps(schema)))
    assert refs and refs <= set(schema["components"]["schemas"])  # every model it names is in it


def test_articles_search_and_paging(client):
    everything = client.get("/api/articles").json()
    assert everything["total"] == 3
    assert {a["id"] for a in everything["items"]} == {"tass-prisoners", "geneva-ceasefire", "manila-shoal"}
    assert everything["items"][0]["id"] == "tass-prisoners"  # newest first

    found = client.get("/api/articles", params={"q": "Belgorod"}).json()
    assert [a["id"] for a in found["items"]] == ["tass-prisoners"]
    assert "Belgorod" in found["items"][0]["snippet"]

    page2 = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert page2["total"] == 3 and len(page2["items"]) == 1
    assert page2["items"][0]["id"] == everything["items"][1]["id"]

    spring = client.get("/api/articles", params={"date_from": "2026-03-01", "date_to": "2026-04-30"}).json()
    assert {a["id"] for a in spring["items"]} == {"geneva-ceasefire", "manila-shoal"}


def test_article_is_the_full_record_with_valid_spans(client):
    data = client.get("/api/articles/tass-prisoners").json()
    record = Record.from_dict(data)
    expected = next(r for r in all_records() if r.id == "tass-prisoners")
    assert record.text == expected.text  # kept byte for byte, non-breaking space included
    assert "\u00a0" in record.text
    assert_spans_ok(record)
    assert [s.speaker_name for s in record.statements] == ["Dmitry Peskov", "Dmitry Peskov", "Russian Defense Ministry"]
    assert record.events[0].negated is True
    assert client.get("/api/articles/no-such-story").status_code == 404


def test_article_comes_back_with_every_field_as_stored(client):
    # the response model is derived from the record types: nothing added, dropped or changed
    expected = next(r for r in all_records() if r.id == "manila-shoal").to_dict()
    assert client.get("/api/articles/manila-shoal").json() == expected


def test_an_error_record_comes_back_as_it_was_stored(tmp_path):
    from wirecoder.record import ErrorInfo, ErrorRecord

    failed = ErrorRecord(id="broken", source="broken.txt", error=ErrorInfo("resource", "cannot load the gazetteer"))
    Store(tmp_path / "e.duckdb").add([failed])
    client = TestClient(create_app(str(tmp_path / "e.duckdb"), settings=Settings(db=str(tmp_path / "e.duckdb"))))
    assert client.get("/api/articles/broken").json() == failed.to_dict()  # no empty record fields around it
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert {"speaker_code", "sentence", "negated"} <= set(schema["StatementModel"]["properties"])
    assert schema["ErrorRecordModel"]["required"] == ["id", "source", "error"]


def test_statements_by_speaker_and_words(client):
    peskov = client.get("/api/statements", params={"speaker": "Peskov"}).json()
    assert peskov["total"] == 2
    assert {s["kind"] for s in peskov["items"]} == {"direct", "indirect"}
    assert all(s["article_id"] == "tass-prisoners" for s in peskov["items"])
    hope = client.get("/api/statements", params={"q": "honoured"}).json()
    assert [s["speaker"] for s in hope["items"]] == ["Dmitry Peskov"]
    in_geneva = client.get("/api/statements", params={"article_id": "geneva-ceasefire"}).json()
    assert {s["speaker"] for s in in_geneva["items"]} == {"Swiss foreign ministry", "Anna Keller"}


def test_speakers_ranked_by_statements(client):
    items = client.get("/api/speakers").json()["items"]
    assert items[0]["name"] == "Dmitry Peskov" and items[0]["statements"] == 2
    assert {s["name"] for s in items} >= {"Anna Keller", "Jay Tarriela", "Russian Defense Ministry"}


def test_event_filters(client):
    def ids(**params):
        out = client.get("/api/events", params=params)
        assert out.status_code == 200, out.text
        return sorted((e["article_id"], e["idx"]) for e in out.json()["items"])

    assert len(ids()) == 6
    assert ids(quad=4) == [("tass-prisoners", 1)]
    assert ids(plover="accuse") == [("manila-shoal", 0), ("tass-prisoners", 2)]
    assert ids(source_country="PHL") == [("manila-shoal", 0), ("manila-shoal", 1)]
    assert ids(target_country="UKR") == [("tass-prisoners", 2)]
    assert ids(source="UKRMIL") == [("tass-prisoners", 1)]
    assert ids(target="CHNGOV") == [("manila-shoal", 1)]
    assert ids(cameo="11") == [("manila-shoal", 0), ("tass-prisoners", 2)]
    assert ids(date_from="2026-04-01", date_to="2026-04-10") == [("manila-shoal", 1)]
    assert ids(place="Belgorod") == [("tass-prisoners", 1)]
    assert ids(article_id="geneva-ceasefire") == [("geneva-ceasefire", 0)]
    # Blank values (as an HTML form sends them) mean no filter.
    assert len(ids(source="", quad="", date_from="", dedup="")) == 6
    first = client.get("/api/events", params={"quad": 4}).json()["items"][0]
    assert first["source_code"] == "UKRMIL" and first["cameo"] == "195" and first["trigger"] == "struck"


def test_actors_timeline_network(client):
    actors = client.get("/api/actors").json()
    assert actors["items"][0]["code"] == "UKRGOV"  # in two events
    assert client.get("/api/actors", params={"country": "chn"}).json()["total"] == 2

    points = client.get("/api/timeline").json()
    assert sum(p["count"] for p in points) == 6
    assert {"date": "2026-09-28", "quad": 4, "apart": False, "count": 1} in points
    assert [p["date"] for p in points] == sorted(p["date"] for p in points)
    conflict_only = client.get("/api/timeline", params={"quad": 3}).json()
    assert {p["quad"] for p in conflict_only} == {3} and sum(p["count"] for p in conflict_only) == 2

    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if e["source"] == "PHLMIL")
    assert edge["target"] == "CHNMIL" and edge["weight"] == 1 and edge["conflict"] == 1 and edge["cooperation"] == 0
    node_ids = {n["id"] for n in net["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in net["edges"])
    by_country = client.get("/api/network", params={"by": "country"}).json()
    assert any(e["source"] == "ARM" and e["target"] == "AZE" and e["cooperation"] == 1 for e in by_country["edges"])


@pytest.mark.parametrize("path", [
    "/api/events?quad=9",
    "/api/events?date_from=yesterday",
    "/api/events?date_from=2026-05-01&date_to=2026-04-01",
    "/api/events?cameo=abc",
    "/api/events?limit=0",
    "/api/events?offset=-1",
    "/api/events?limit=501",
    "/api/articles?limit=10000",
    "/api/timeline?interval=fortnight",
    "/api/network?by=planet",
    "/api/actors?role=bystander",
])
def test_bad_parameters_get_422_with_a_message(client, path):
    r = client.get(path)
    assert r.status_code == 422, r.text
    assert isinstance(r.json()["detail"], str) and r.json()["detail"]


def test_page_size_and_query_length_are_limited(db):
    small = TestClient(create_app(db, settings=Settings(db=db, max_page_size=2, max_query_chars=10)))
    assert small.get("/api/events?limit=2").status_code == 200
    r = small.get("/api/events?limit=3")
    assert r.status_code == 422 and "max_page_size" in r.json()["detail"]
    r = small.get("/api/articles", params={"q": "prisoner exchange"})
    assert r.status_code == 422 and "max_query_chars" in r.json()["detail"]
    assert small.get("/api/statements", params={"q": "x" * 11}).status_code == 422


def test_big_bodies_get_413(db):
    app = create_app(db, settings=Settings(db=db, max_body_bytes=1000))
    client = TestClient(app)
    r = client.post("/api/code", json={"text": "x" * 2000})
    assert r.status_code == 413 and "max_body_bytes" in r.json()["detail"]
    # A streamed (chunked) body declares no length: it is counted as it arrives.
    r = client.post("/api/code", content=iter([b'{"text": "', b"y" * 600, b"z" * 600, b'"}']),
                    headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    assert r.status_code == 413


def test_code_request_must_make_sense(client):
    assert client.post("/api/code", json={}).status_code == 422
    assert client.post("/api/code", json={"text": "a", "html": "<p>a</p>"}).status_code == 422
    assert client.post("/api/code", json={"text": "a", "colour": "red"}).status_code == 422
    assert client.post("/api/code", json={"text": "a", "date": "29/09/2026"}).status_code == 422
    r = client.post("/api/code", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422


def test_security_headers_on_every_response(client):
    for path in ("/api/events", "/api/articles/missing", "/api/events?quad=9", "/openapi.json", "/static/style.css"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


STORY = (
    "KYIV, October 2 (Wirewire) - Ukraine and Poland signed an agreement on grain transit on Thursday, "
    "Ukrainian Prime Minister Olena Hrytsenko said. \"This opens our western border,\" she told reporters."
)


def test_code_returns_a_record_without_storing_it(db, coder):
    client = TestClient(create_app(db, settings=Settings(db=db), coder=coder))
    r = client.post("/api/code", json={"text": STORY, "date": "2026-10-02", "id": "kyiv-grain"})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["stored"] is False
    record = Record.from_dict({k: v for k, v in data.items() if k != "stored"})
    assert record.text == STORY and record.id == "kyiv-grain"
    assert_spans_ok(record)
    assert record.provenance["wirecoder"]
    assert client.get("/api/articles/kyiv-grain").status_code == 404


def test_code_with_store_adds_the_record(tmp_path, coder):
    db = build_store(tmp_path / "w.duckdb")
    client = TestClient(create_app(db, settings=Settings(db=db), coder=coder))
    assert client.get("/api/articles").json()["total"] == 3
    r = client.post("/api/code", json={"text": STORY, "date": "2026-10-02", "id": "kyiv-grain", "store": True})
    assert r.status_code == 200, r.text
    assert r.json()["stored"] is True
    stored = client.get("/api/articles/kyiv-grain")
    assert stored.status_code == 200 and stored.json()["text"] == STORY
    assert client.get("/api/articles").json()["total"] == 4
    assert Store(db, read_only=True).get_article("kyiv-grain")["text"] == STORY


def test_read_only_server_refuses_to_store(tmp_path, coder):
    db = build_store(tmp_path / "ro.duckdb")
    client = TestClient(create_app(db, settings=Settings(db=db, read_only=True), coder=coder))
    r = client.post("/api/code", json={"text": STORY, "id": "kyiv-grain", "store": True})
    assert r.status_code == 403 and "read_only" in r.json()["detail"]
    assert client.get("/api/articles/kyiv-grain").status_code == 404
    # Coding without storing is still allowed.
    assert client.post("/api/code", json={"text": STORY}).status_code == 200


PAGE = (
    "<html><head><title>Grain deal signed</title></head><body><nav>Home | World | Sport</nav><article>"
    "<h1>Grain deal signed</h1><p>KYIV, October 2 (Wirewire) - Ukraine and Poland signed an agreement on grain "
    "transit on Thursday, Ukrainian Prime Minister Olena Hrytsenko said.</p><p>\"This opens our western border,\" "
    "she told reporters after the signing ceremony in the capital, adding that trucks would move next week.</p>"
    "</article></body></html>"
)


@pytest.fixture
def page_server():
    """A loopback web server with one article page; it records the requests it gets."""
    import http.server
    import threading

    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.path)
            body = PAGE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/grain.html", seen
    srv.shutdown()


def test_server_never_fetches_unless_allowed(db, coder, page_server):
    url, seen = page_server
    client = TestClient(create_app(db, settings=Settings(db=db), coder=coder))
    r = client.post("/api/code", json={"url": url})
    assert r.status_code == 403 and "allow_fetch" in r.json()["detail"]
    # Given html and a url, the url is only metadata: nothing is fetched.
    r = client.post("/api/code", json={"html": PAGE, "url": url})
    assert r.status_code == 200 and "Olena Hrytsenko" in r.json()["text"]
    assert seen == []

    fetching = TestClient(create_app(db, settings=Settings(db=db, allow_fetch=True), coder=coder))
    r = fetching.post("/api/code", json={"url": url, "date": "2026-10-02"})
    assert r.status_code == 200, r.text
    assert seen == ["/grain.html"]
    assert "Olena Hrytsenko" in r.json()["text"] and r.json()["url"] == url
    assert fetching.post("/api/code", json={"url": "file:///etc/passwd"}).status_code == 422


def test_slow_request_gets_503(db):
    # Loading the spaCy model for the first POST /api/code takes longer than 0.05 s.
    client = TestClient(create_app(db, settings=Settings(db=db, request_timeout=0.05)))
    r = client.post("/api/code", json={"text": STORY})
    assert r.status_code == 503 and "request_timeout" in r.json()["detail"]
    assert r.headers["content-security-policy"]


def test_docs_page_is_served_from_vendored_assets(client):
    import re

    page = client.get("/docs")
    assert page.status_code == 200
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/static/swagger/swagger-ui-bundle.js" in assets and "/static/swagger/swagger-ui.css" in assets
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))]  # no CDN
    assert "<script>" not in page.text  # no inline script
    for a in assets:
        if a.startswith("/static/"):
            assert client.get(a).status_code == 200, a
    assert client.get("/openapi.json").status_code == 200


def test_unknown_parameters_are_refused_by_name(client):
    for path in ("/api/events", "/api/statements", "/api/articles", "/api/speakers", "/api/actors",
                 "/api/timeline", "/api/network"):
        r = client.get(path, params={"sorce": "RUSGOV"})
        assert r.status_code == 422, path
        assert "'sorce'" in r.json()["detail"], path
    # the old names of the CLI are not API names either
    assert "'from'" in client.get("/api/events", params={"from": "2026-09-01"}).json()["detail"]
    page = client.get("/events", params={"sorce": "RUSGOV"})
    assert page.status_code == 422 and "sorce" in page.text and page.headers["content-type"].startswith("text/html")
    assert client.get("/api/events", params={"source": "RUSGOV", "limit": 1}).status_code == 200


def test_pages_continue_after_a_cursor(client):
    for path, key in (("/api/events", "event_id"), ("/api/statements", "content"), ("/api/articles", "id")):
        everything = client.get(path).json()
        assert everything["next"] is None and everything["total"] > 1
        seen, after = [], None
        while True:
            page = client.get(path, params={"limit": 1, **({"after": after} if after else {})}).json()
            assert page["total"] == everything["total"]
            seen += [it[key] for it in page["items"]]
            after = page["next"]
            if after is None:
                break
        assert seen == [it[key] for it in everything["items"]], path
    r = client.get("/api/events", params={"after": "page2"})
    assert r.status_code == 422 and "after" in r.json()["detail"]
    assert "'after'" in client.get("/api/speakers", params={"after": "k1"}).json()["detail"]  # no cursor there
    schema = client.get("/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert "after" in params
    for page in ("EventPage", "StatementPage", "ArticlePage"):  # the cursor is in the documented answer
        assert "next" in schema["components"]["schemas"][page]["properties"], page


def test_downloads_stream_every_filtered_event_page_by_page(client, monkeypatch):
    import csv
    import io
    import json

    from wirecoder.api import routes

    monkeypatch.setattr(routes, "DOWNLOAD_CHUNK", 1)  # one store page per row: the cursor carries on
    for params in ({}, {"source_country": "RUS"}):
        want = [it["event_id"] for it in client.get("/api/events", params={**params, "limit": 500}).json()["items"]]
        assert want
        rows = list(csv.DictReader(io.StringIO(client.get("/api/events.csv", params=params).text)))
        assert [r["event_id"] for r in rows] == want
        lines = client.get("/api/events.jsonl", params=params).text.splitlines()
        assert [json.loads(line)["event_id"] for line in lines] == want


def test_answers_follow_what_an_ingest_writes_meanwhile(tmp_path):
    from web_records import manila_record

    db = build_store(tmp_path / "live.duckdb")
    client = TestClient(create_app(db, settings=Settings(db=db)))
    assert client.get("/api/events").json()["total"] == 6
    assert client.get("/api/timeline", params={"quad": 1}).json() == client.get("/api/timeline", params={"quad": 1}).json()
    later = manila_record()
    later.id = "manila-shoal-followup"
    later.published = later.reference_date = "2026-04-13"
    Store(db).add([later])  # another writer, as `wirecoder ingest` would be
    assert client.get("/api/events").json()["total"] == 8
    assert client.get("/api/articles/manila-shoal-followup").status_code == 200
    quad1 = client.get("/api/timeline", params={"quad": 1}).json()
    assert sum(p["count"] for p in quad1) == 3


def test_serve_command_answers_on_loopback(db):
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/events", params={"quad": 4}, timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read().decode()
                time.sleep(0.1)
        else:
            pytest.fail("wirecoder serve did not answer")
        assert r.status_code == 200 and r.json()["items"][0]["trigger"] == "struck"
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert httpx.get(f"http://localhost:{port}/api/speakers", timeout=5).status_code == 200
        # A name that resolves to 127.0.0.1 by DNS rebinding is not a host this server answers to.
        rebound = httpx.get(f"http://127.0.0.1:{port}/api/speakers", headers={"Host": f"evil.example:{port}"}, timeout=5)
        assert rebound.status_code == 400 and "items" not in rebound.text
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_refuses_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from wirecoder.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "nothing.duckdb")])
    assert result.exit_code != 0
    assert "no store here" in result.output and "wirecoder ingest" in result.output


def test_serve_is_read_only_unless_writable(db, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from wirecoder.cli import cli

    served = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: served.append(app))
    monkeypatch.delenv("WIRECODER_READ_ONLY", raising=False)
    for args, read_only in (([], True), (["--writable"], False), (["--read-only"], True)):
        result = CliRunner().invoke(cli, ["serve", "--db", db, *args])
        assert result.exit_code == 0, result.output
        assert served[-1].state.settings.read_only is read_only, args
        assert ("read-only" if read_only else "writable") in result.output
    monkeypatch.setenv("WIRECODER_READ_ONLY", "false")
    assert CliRunner().invoke(cli, ["serve", "--db", db]).exit_code == 0
    assert served[-1].state.settings.read_only is False
    helptext = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "Read-only is the default" in helptext and "--writable" in helptext
