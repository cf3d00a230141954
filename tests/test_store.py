"""The store as a library: add coded records, read them back, replace, refuse to write when it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from wirecoder.errors import StoreError
from wirecoder.record import (ActorRef, ErrorInfo, ErrorRecord, Event, Place, Record, Speaker, Statement)
from wirecoder.store import Store

STORY = (
    "MOSCOW, September 29. /TASS/. Kremlin spokesman Dmitry Peskov accused Kiev of shelling the "
    "Zaporozhye power plant again on Sunday. \"Kiev has not yet fulfilled its obligations,\" Peskov said, "
    "adding that Moscow still hopes for a ceasefire in the region before the winter."
)


def wire_record(id: str, text: str = STORY, date: str = "2026-09-29", speaker: str = "Dmitry Peskov",
                cameo: str = "112", quad: int = 3, source=("Kremlin", "RUSGOV", "RUS"),
                target=("Kiev", "UKRGOV", "UKR")) -> Record:
    """A record shaped like the coder's output: one statement, one speaker, one event, one place."""
    r = Record(id=id, source=f"{id}.txt", text=text, title=f"Story {id}", published=date,
               url=f"https://www.example-wire.org/{id}")
    sp = text.find(speaker.split()[-1])
    quote = text.find("\"Kiev")
    r.sentences = [r.span(0, len(text))]
    r.statements = [Statement(speaker=r.span(sp, sp + len(speaker.split()[-1])), speaker_name=speaker,
                              cue=r.span(text.find("said"), text.find("said") + 4),
                              content=[r.span(quote + 1, text.find(",\"") if ",\"" in text else quote + 20)],
                              kind="direct")]
    r.speakers = [Speaker(name=speaker, mentions=[r.statements[0].speaker], statements=[0])]
    s0, t0 = text.find(source[0]), text.find(target[0])
    trig = text.find("accused")
    r.places = [Place(text.find("Zaporozhye"), text.find("Zaporozhye") + 10, "Zaporozhye", name="Zaporizhzhia",
                      country="UKR", kind="city", lat=47.8, lon=35.2)]
    r.events = [Event(trigger=r.span(trig, trig + 7), sentence=r.sentences[0],
                      source=ActorRef(s0, s0 + len(source[0]), source[0], code=source[1], country=source[2],
                                      name=source[0]),
                      target=ActorRef(t0, t0 + len(target[0]), target[0], code=target[1], country=target[2],
                                      name=target[0]),
                      cameo=cameo, root=cameo[:2], quad=quad, plover="ACCUSE", date=date, place=r.places[0])]
    return r


@pytest.fixture()
def store(tmp_path):
    return Store(tmp_path / "news.duckdb")


def test_added_record_reads_back_as_coded(store):
    rec = wire_record("tass-1")
    stats = store.add([rec])
    assert stats["added"] == 1
    assert store.get_article("tass-1") == rec.to_dict()
    assert Record.from_dict(store.get_article("tass-1")).check_spans() == []
    assert store.get_article("nope") is None
    assert store.counts() == {"articles": 1, "duplicates": 0, "errors": 0, "statements": 1, "speakers": 1,
                              "events": 1, "actors": 2, "places": 1}


def test_same_article_twice_is_stored_once(store):
    store.add([wire_record("tass-1")])
    stats = store.add([wire_record("tass-1")])
    assert stats["unchanged"] == 1 and stats["added"] == 0
    assert store.counts()["articles"] == 1
    assert store.events()["total"] == 1


def test_changed_article_replaces_its_old_rows(store):
    store.add([wire_record("tass-1", speaker="Dmitry Peskov")])
    changed = wire_record("tass-1", text=STORY.replace("Peskov", "Zakharova"), speaker="Maria Zakharova",
                          cameo="190", quad=4)
    stats = store.add([changed])
    assert stats["replaced"] == 1
    assert store.statements(speaker="Peskov")["total"] == 0
    assert store.statements(speaker="Zakharova")["total"] == 1
    assert [e["cameo"] for e in store.events()["items"]] == ["190"]
    assert store.speakers()["items"][0]["name"] == "Maria Zakharova"
    assert store.counts()["articles"] == 1


def test_event_filters(store):
    store.add([
        wire_record("a", date="2026-09-01", cameo="112", quad=3),
        wire_record("b", text=STORY.replace("Kremlin", "Ankara"), date="2026-09-10", cameo="190", quad=4,
                    source=("Ankara", "TURGOV", "TUR")),
        wire_record("c", text=STORY.replace("Kiev", "Paris"), date="2026-10-05", cameo="036", quad=1,
                    target=("Paris", "FRAGOV", "FRA")),
    ])
    ids = lambda res: sorted(e["article_id"] for e in res["items"])  # noqa: E731
    assert ids(store.events(source="RUSGOV")) == ["a", "c"]
    assert ids(store.events(source="rusgov")) == ["a", "c"]
    assert ids(store.events(source="ankara")) == ["b"]
    assert ids(store.events(target_country="FRA")) == ["c"]
    assert ids(store.events(source_country="rus", target_country="UKR")) == ["a"]
    assert ids(store.events(cameo="19")) == ["b"]
    assert ids(store.events(quad=1)) == ["c"]
    assert ids(store.events(plover="accuse")) == ["a", "b", "c"]
    assert ids(store.events(date_from="2026-09-05", date_to="2026-09-30")) == ["b"]
    assert ids(store.events(place="Zaporizhzhia")) == ["a", "b", "c"]
    assert ids(store.events(article_id="b")) == ["b"]
    page = store.events(limit=2, offset=0)
    assert page["total"] == 3 and [e["article_id"] for e in page["items"]] == ["c", "b"]  # newest first
    assert store.events(limit=2, offset=2)["items"][0]["article_id"] == "a"
    filtered = store.events(plover="ACCUSE", limit=2, offset=1)  # a filtered page takes another path
    assert filtered["total"] == 3 and [e["article_id"] for e in filtered["items"]] == ["b", "a"]
    assert page["items"][0]["article_title"] == "Story c"


def test_statements_speakers_actors_and_articles(store):
    store.add([wire_record("a"), wire_record("b", text=STORY.replace("power plant", "dam"))])
    st = store.statements(speaker="Dmitry Peskov")
    assert st["total"] == 2
    assert st["items"][0]["content"].startswith("Kiev has not yet fulfilled")
    assert store.statements(q="fulfilled obligations")["total"] == 2
    assert store.statements(q="fulfilled elephants")["total"] == 0
    assert store.speakers()["items"] == [{"key": "|dmitry peskov", "name": "Dmitry Peskov", "names": ["Dmitry Peskov"],
                                          "statements": 2, "articles": 2, "mentions": 2,
                                          "role": None, "org": None, "code": None}]
    actors = {a["key"]: a for a in store.actors()["items"]}
    assert actors["RUSGOV"]["as_source"] == 2 and actors["UKRGOV"]["as_target"] == 2
    found = store.search_articles("dam ceasefire")
    assert found["total"] == 1 and found["items"][0]["id"] == "b"
    assert "dam" in found["items"][0]["snippet"]
    assert store.search_articles(site="example-wire.org")["total"] == 2


def test_timeline_and_network(store):
    store.add([
        wire_record("a", date="2026-09-01", quad=3),
        wire_record("b", text=STORY + " Again.", date="2026-09-01", quad=4, cameo="190"),
        wire_record("c", text=STORY + " Once more.", date="2026-09-02", quad=3),
    ])
    assert store.timeline() == [
        {"date": "2026-09-01", "quad": 3, "apart": False, "count": 1},
        {"date": "2026-09-01", "quad": 4, "apart": False, "count": 1},
        {"date": "2026-09-02", "quad": 3, "apart": False, "count": 1},
    ]
    assert store.timeline(interval="month") == [{"date": "2026-09-01", "quad": 3, "apart": False, "count": 2},
                                                {"date": "2026-09-01", "quad": 4, "apart": False, "count": 1}]
    net = store.network()
    assert net["edges"] == [{"source": "RUSGOV", "target": "UKRGOV", "weight": 3, "cooperation": 0, "conflict": 3}]
    assert {n["id"] for n in net["nodes"]} == {"RUSGOV", "UKRGOV"}
    assert store.network(by="country")["edges"][0]["source"] == "RUS"
    assert store.network(min_weight=4)["edges"] == []


def test_error_records_are_kept_and_listed(store):
    err = ErrorRecord(id="broken", source="broken.html", error=ErrorInfo("bad_input", "broken.html: empty"))
    stats = store.add([err, wire_record("ok")])
    assert stats["errors"] == 1 and stats["added"] == 1
    assert store.errors()["items"][0]["kind"] == "bad_input"
    assert store.get_article("broken")["error"]["kind"] == "bad_input"
    store.add([wire_record("broken")])  # coded fine later: the error goes
    assert store.counts()["errors"] == 0


def test_read_only_store_refuses_to_write(tmp_path):
    path = tmp_path / "news.duckdb"
    Store(path).add([wire_record("a")])
    with pytest.raises(StoreError, match="read-only"):
        Store(path, read_only=True).add([wire_record("b")])
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_file_gives_store_error_and_stays_readable(tmp_path):
    path = tmp_path / "news.duckdb"
    store = Store(path)
    store.add([wire_record("a")])
    os.chmod(path, 0o444)
    try:
        with pytest.raises(StoreError, match="read-only"):
            store.add([wire_record("b")])
        assert Store(path, read_only=True).counts()["articles"] == 1
    finally:
        os.chmod(path, 0o644)


def test_full_disk_gives_store_error_and_leaves_store_readable(tmp_path):
    """A file size limit stands in for a full disk: writes fail with EFBIG, as with ENOSPC."""
    path = tmp_path / "news.duckdb"
    Store(path).add([wire_record("small")])
    size = os.path.getsize(path)
    script = textwrap.dedent(f"""
        import resource, signal, sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        from test_store import wire_record, STORY
        from wirecoder.store import Store, StoreError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({size}, {size}))
        big = [wire_record(f"big-{{i}}", text=STORY + " padding" * 20000 + str(i)) for i in range(20)]
        try:
            Store({str(path)!r}).add(big)
        except StoreError as exc:
            print("STORE_ERROR", exc)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "STORE_ERROR" in out.stdout, out.stdout + out.stderr
    assert "no space" in out.stdout
    store = Store(path, read_only=True)
    assert store.counts()["articles"] == 1
    assert store.get_article("small")["id"] == "small"


def test_store_from_an_earlier_version_gains_new_columns(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    Store(path)
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE statements DROP COLUMN content_lc")
    con.execute("DROP TABLE actor_names")
    con.close()
    store = Store(path)
    store.add([wire_record("a")])
    assert store.statements(q="obligations")["total"] == 1
    assert store.network()["edges"][0]["source"] == "RUSGOV"


def test_the_shared_reader_is_closed_before_the_interpreter_exits(tmp_path):
    """Its idle-closer is a daemon thread; a DuckDB close still running when the interpreter
    finalizes aborts the process (duckdb/duckdb#13904), so the connection is closed at exit."""
    from wirecoder.store import connection

    path = str(tmp_path / "exit.duckdb")
    store = Store(path)
    store.add([wire_record("a1")])
    assert store.counts()["articles"] == 1
    reader = connection.shared_reader(path)
    assert reader.con is not None  # kept open for the next read
    connection._close_shared_readers()  # what atexit runs
    assert reader.con is None
    assert store.counts()["articles"] == 1  # and a later read opens it again
    # a process that reads and exits at once ends cleanly
    script = textwrap.dedent(f"""
        from wirecoder.store import Store
        print(Store({path!r}).counts()["articles"])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "1", out.stderr[-1000:]
