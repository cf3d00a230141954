"""`wirecoder ingest`: code and store, idempotent, resumable after a kill, readable while it writes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb

from wirecoder.settings import Settings
from wirecoder.store import Store
from wirecoder.store.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
WIRECODER = str(ROOT / ".venv" / "bin" / "wirecoder")
CITIES = ["VIENNA", "OSLO", "LIMA", "HANOI", "DAKAR", "QUITO", "SOFIA", "RIGA", "BAKU", "ACCRA", "MINSK", "DOHA"]


def write_stories(folder: Path, n: int) -> list[Path]:
    """Short invented wire stories, one per file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        city = CITIES[i % len(CITIES)]
        p = folder / f"story-{i:02d}.txt"
        p.write_text(
            f"{city}, May {i + 1}. /WIRE/. The interior minister of the republic said on Monday that talks "
            f"with the opposition on item {i} would resume next week. \"We have not yet received "
            f"their proposals,\" he said.\n",
            encoding="utf-8",
        )
        paths.append(p)
    return paths


def _settings(**kw) -> Settings:
    return Settings.from_env(article_timeout=0, progress="never", **kw)


def _stored_once(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    finally:
        con.close()


def test_ingest_is_idempotent_and_replaces_changed_articles(tmp_path):
    paths = write_stories(tmp_path / "in", 3)
    store = Store(tmp_path / "news.duckdb")
    first = ingest([str(tmp_path / "in")], store, settings=_settings())
    assert first["added"] == 3 and first["errors"] == 0
    record = store.get_article("story-01")
    assert record["text"] == paths[1].read_text(encoding="utf-8")  # stored byte for byte as coded

    again = ingest([str(tmp_path / "in")], store, settings=_settings())
    assert again["skipped"] == 3 and again["added"] == 0 and again["replaced"] == 0
    assert store.counts()["articles"] == 3

    paths[1].write_text(paths[1].read_text(encoding="utf-8").replace("next week", "in June"), encoding="utf-8")
    changed = ingest([str(tmp_path / "in")], store, settings=_settings())
    assert changed["replaced"] == 1 and changed["skipped"] == 2
    assert "in June" in store.get_article("story-01")["text"]
    assert _stored_once(tmp_path / "news.duckdb") == (3, 3)


def test_killed_ingest_resumes_with_every_article_stored_once(tmp_path):
    n = 30  # enough that a fast machine is still ingesting when the test kills it
    write_stories(tmp_path / "in", n)
    db = tmp_path / "news.duckdb"
    env = dict(os.environ, WIRECODER_BATCH_SIZE="1", WIRECODER_ARTICLE_TIMEOUT="0", WIRECODER_PROGRESS="never",
               OMP_NUM_THREADS="1")
    proc = subprocess.Popen([WIRECODER, "ingest", str(tmp_path / "in"), "--db", str(db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    # Read the store while the ingest writes to it, and kill it once a few batches are in.
    stored = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    stored = Store(db, read_only=True).counts()["articles"]
                except Exception as exc:  # a half-created file right at the start
                    if "no store" not in str(exc) and "does not exist" not in str(exc):
                        raise
            if stored >= 3:
                break
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert stored >= 3, proc.stderr.read().decode()[-2000:]
    before = Store(db, read_only=True).counts()["articles"]
    assert before < n, "the ingest finished before it could be killed; nothing to resume"

    out = subprocess.run([WIRECODER, "ingest", str(tmp_path / "in"), "--db", str(db)], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert f"{before} skipped" in out.stderr
    assert _stored_once(db) == (n, n)
    assert Store(db, read_only=True).get_article("story-11")["id"] == "story-11"


WRITER = """
import sys
sys.path.insert(0, {tests!r})
from test_store import wire_record, STORY
from wirecoder.store import Store
store = Store({db!r})
for b in range({batches}):
    store.add([wire_record(f"w-{{b}}-{{i}}", text=STORY + f" Batch {{b}}, item {{i}}.") for i in range(5)])
print("done")
"""


def test_reads_keep_working_while_another_process_writes(tmp_path):
    db = tmp_path / "news.duckdb"
    Store(db)
    batches = 40
    script = WRITER.format(tests=str(Path(__file__).parent), db=str(db), batches=batches)
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    reader = Store(db, read_only=True)
    seen, reads = [], 0
    deadline = time.monotonic() + 240
    while writer.poll() is None and time.monotonic() < deadline:
        seen.append(reader.counts()["articles"])
        reader.events(source="RUSGOV", limit=5)
        reads += 1
    out, err = writer.communicate(timeout=60)
    assert writer.returncode == 0 and "done" in out, err[-2000:]
    assert reads > 5
    assert seen == sorted(seen), "a reader saw the store go backwards"
    assert all(n % 5 == 0 for n in seen), "a reader saw half a batch"
    assert reader.counts()["articles"] == batches * 5


def test_ingest_command_reports_and_query_reads_it(tmp_path):
    write_stories(tmp_path / "in", 2)
    db = tmp_path / "news.duckdb"
    env = dict(os.environ, WIRECODER_ARTICLE_TIMEOUT="0", WIRECODER_PROGRESS="never")
    out = subprocess.run([WIRECODER, "ingest", str(tmp_path / "in"), "--db", str(db), "--date", "2026-05-04"],
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "2 added" in out.stderr
    listed = subprocess.run([WIRECODER, "query", "articles", "--db", str(db), "--q", "opposition",
                             "--format", "jsonl"], capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert sorted(line.split('"id": "')[1].split('"')[0] for line in listed.stdout.splitlines()) == [
        "story-00", "story-01"]


def test_ingest_into_unwritable_store_is_a_clear_error(tmp_path):
    write_stories(tmp_path / "in", 1)
    db = tmp_path / "news.duckdb"
    Store(db)
    os.chmod(db, 0o444)
    try:
        out = subprocess.run([WIRECODER, "ingest", str(tmp_path / "in"), "--db", str(db)],
                             capture_output=True, text=True, timeout=300)
    finally:
        os.chmod(db, 0o644)
    assert out.returncode == 1
    assert "read-only" in out.stderr and "Traceback" not in out.stderr


def test_ingest_of_an_empty_folder_leaves_an_empty_store(tmp_path):
    (tmp_path / "in").mkdir()
    store = Store(tmp_path / "news.duckdb")
    assert ingest([str(tmp_path / "in")], store, settings=_settings())["added"] == 0
    assert store.counts()["articles"] == 0


def test_progress_has_the_file_count_and_a_last_line(tmp_path, capsys):
    """With a known number of files the bar shows n/total (and so an ETA); `code` ends with the count."""
    from wirecoder.ingest.readers import count_inputs
    from wirecoder.runner import run_code

    folder = tmp_path / "in"
    write_stories(folder, 3)
    (folder / "feed.jsonl").write_text('{"id": "j1", "text": "OSLO, May 3. The minister said so."}\n')
    assert count_inputs([str(folder)]) is None  # a JSON Lines file may hold any number of articles
    (folder / "feed.jsonl").unlink()
    assert count_inputs([str(folder)]) == 3 and count_inputs(["-"]) is None

    db = tmp_path / "news.duckdb"
    ingest([str(folder)], Store(db), settings=Settings.from_env(article_timeout=0, progress="always"))
    err = capsys.readouterr().err
    assert "3/3" in err, err

    out = tmp_path / "out.jsonl"
    assert run_code([str(folder)], "auto", Settings.from_env(article_timeout=0, progress="always"), str(out)) == 0
    err = capsys.readouterr().err
    assert "3/3" in err and err.rstrip().splitlines()[-1].startswith("wirecoder: 3 article(s) in "), err
