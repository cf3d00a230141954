"""Opening the DuckDB file so that one process can write while others keep reading.

DuckDB lets one process hold a database file for writing, and then no other
process may open it at all. So nobody holds the file for long:

* a writer opens it for one short batch transaction and closes it;
* readers share one read-only connection per process, which is closed as soon
  as it is idle (``IDLE_CLOSE`` seconds) or a writer is waiting.

A writer announces itself by holding an exclusive ``flock`` on ``<db>.gate``
for the whole write; readers test that gate before each query, give the file
up when a writer waits, and block on the gate (shared) before reopening, so a
writer is never starved by a stream of reads. DuckDB's own lock error is still
retried with backoff, for processes that do not use the gate.
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import fcntl
import os
import threading
import time
from pathlib import Path
from typing import Iterator, Optional

import duckdb

from ..errors import StoreError
from .schema import SCHEMA_VERSION, create_sql, missing_columns

READ_CONFIG: dict = {}  # DuckDB settings for read connections (bench/bench_store.py sets threads)
IDLE_CLOSE = 0.3  # seconds a shared read connection stays open without queries
LOCK_TIMEOUT = 60.0  # seconds to wait for the file before giving up with StoreError


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc)
    return "Could not set lock" in msg or "Conflicting lock" in msg or "different configuration" in msg


def _storage_error(path: str, exc: BaseException, action: str) -> StoreError:
    msg = str(exc)
    low = msg.lower()
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        why = "no space left to write the store (disk full or file size limit)"
    elif "no space" in low or "file too large" in low or "disk full" in low:
        why = "no space left to write the store (disk full or file size limit)"
    elif "permission" in low or "read-only" in low or "read only" in low:
        why = "the store file or its folder is not writable"
    else:
        why = msg.splitlines()[0] if msg else type(exc).__name__
    return StoreError(f"{path}: cannot {action}: {why}. The store is unchanged and can still be read.")


def _writer_busy(path: str, timeout: float) -> StoreError:
    return StoreError(f"{path}: a writer (wirecoder ingest, or a stored POST /api/code) has held the store for "
                      f"{timeout:g} s (lock_timeout); try again when it has finished")


def writable_problem(path: str) -> Optional[str]:
    """Why `path` cannot be written, checked from permission bits (also for root)."""
    p = Path(path)
    if p.exists():
        if not p.is_file():
            return f"{path} is not a file"
        if p.stat().st_mode & 0o222 == 0 or not os.access(p, os.W_OK):
            return f"{path} is read-only"
        return None
    parent = p.parent if str(p.parent) else Path(".")
    if not parent.is_dir():
        return f"folder {parent} does not exist"
    if parent.stat().st_mode & 0o222 == 0 or not os.access(parent, os.W_OK):
        return f"folder {parent} is not writable"
    return None


class _Gate:
    """The `<db>.gate` lock file: writers exclusive for the whole write, readers test it."""

    def __init__(self, db_path: str):
        self.path = db_path + ".gate"
        self._fd: Optional[int] = None

    def _open(self) -> Optional[int]:
        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError:
                try:  # a read-only folder: use the gate if a writer made one, else go without
                    self._fd = os.open(self.path, os.O_RDONLY)
                except OSError:
                    return None
        return self._fd

    def writer_waiting(self) -> bool:
        fd = self._open()
        if fd is None:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False

    def wait_for_writer(self, deadline: float, timeout: float) -> None:
        """Return once no writer holds the gate; StoreError when one still does at `deadline`."""
        fd = self._open()
        if fd is None:
            return
        delay = 0.005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                if time.monotonic() >= deadline:
                    raise _writer_busy(self.path[:-len(".gate")], timeout) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.1)
                continue
            fcntl.flock(fd, fcntl.LOCK_UN)
            return

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        # Its own descriptor: flock on the readers' descriptor would convert, not conflict.
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)  # releases the lock


class _SharedReader:
    """One read-only connection per process and file, lent out as cursors."""

    def __init__(self, path: str):
        self.path = path
        self.gate = _Gate(path)
        self.mu = threading.Condition()
        self.con: Optional[duckdb.DuckDBPyConnection] = None
        self.users = 0
        self.writers = 0  # writers of this process waiting or writing
        self.last_used = 0.0
        self._closer: Optional[threading.Thread] = None

    def _close(self) -> None:
        if self.con is not None:
            try:
                self.con.close()
            finally:
                self.con = None

    def _closer_loop(self) -> None:
        while True:
            time.sleep(IDLE_CLOSE / 3)
            with self.mu:
                if self.con is None:
                    self._closer = None
                    return
                idle = time.monotonic() - self.last_used
                if self.users == 0 and (idle >= IDLE_CLOSE or self.gate.writer_waiting()):
                    self._close()
                    self._closer = None
                    self.mu.notify_all()
                    return

    @contextlib.contextmanager
    def cursor(self, timeout: float) -> Iterator[duckdb.DuckDBPyConnection]:
        deadline = time.monotonic() + timeout
        with self.mu:
            while True:
                if self.con is not None and self.gate.writer_waiting():
                    if self.users == 0:
                        self._close()
                    else:  # let the queries in flight finish, then reopen after the writer
                        self._wait(deadline, timeout)
                        continue
                if self.con is None:
                    while self.writers:
                        self._wait(deadline, timeout)
                    self.mu.release()
                    try:
                        self.gate.wait_for_writer(deadline, timeout)
                        con = _connect_with_retry(self.path, True, deadline)
                    finally:
                        self.mu.acquire()
                    if self.con is None:
                        self.con = con
                    else:
                        con.close()
                break
            self.users += 1
            cur = self.con.cursor()
            if self._closer is None:
                self._closer = threading.Thread(target=self._closer_loop, daemon=True)
                self._closer.start()
        try:
            yield cur
        finally:
            with contextlib.suppress(Exception):
                cur.close()
            with self.mu:
                self.users -= 1
                self.last_used = time.monotonic()
                if self.users == 0 and (self.writers or self.gate.writer_waiting()):
                    self._close()
                self.mu.notify_all()

    def _wait(self, deadline: float, timeout: float) -> None:
        if time.monotonic() >= deadline:
            raise _writer_busy(self.path, timeout)
        self.mu.wait(0.05)

    @contextlib.contextmanager
    def hold_for_writer(self) -> Iterator[None]:
        """Within this process: make the shared reader give the file up while we write."""
        with self.mu:
            self.writers += 1
            while self.users:
                self.mu.wait(0.05)
            self._close()
        try:
            yield
        finally:
            with self.mu:
                self.writers -= 1
                self.mu.notify_all()


_readers: dict[str, _SharedReader] = {}
_readers_mu = threading.Lock()


def _close_shared_readers() -> None:
    """Close the idle shared connections at exit, while other threads can still run.

    The idle-closer is a daemon thread: if the interpreter finalizes while it is inside
    DuckDB's close, the thread is ended mid-call and the process aborts ("FATAL: exception
    not rethrown", duckdb/duckdb#13904). Closing here, under each reader's lock, leaves it
    nothing to close.
    """
    with _readers_mu:
        readers = list(_readers.values())
    for reader in readers:
        with reader.mu:
            if reader.users == 0:
                reader._close()


atexit.register(_close_shared_readers)


def shared_reader(path: str) -> _SharedReader:
    key = os.path.realpath(path)
    with _readers_mu:
        if key not in _readers:
            _readers[key] = _SharedReader(path)
        return _readers[key]


def _connect_with_retry(path: str, read_only: bool, deadline: float) -> duckdb.DuckDBPyConnection:
    delay = 0.01
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only, config=READ_CONFIG if read_only else {})
            # No progress bar: a long write (building the word index of an old store) would print one.
            con.execute("SET enable_progress_bar = false")
            return con
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_error(exc):
                if read_only:
                    raise StoreError(f"{path}: cannot open the store: {str(exc).splitlines()[0]}") from exc
                raise _storage_error(path, exc, "open the store for writing") from exc
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{path}: the store is held by another process (waited {LOCK_TIMEOUT:g} s): "
                    f"{str(exc).splitlines()[0]}"
                ) from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.25)


@contextlib.contextmanager
def write_connection(path: str, timeout: float = LOCK_TIMEOUT) -> Iterator[duckdb.DuckDBPyConnection]:
    """The file open for writing, for one transaction; closed (checkpointed) afterwards."""
    problem = writable_problem(path)
    if problem:
        raise StoreError(f"cannot write the store: {problem}. The store is unchanged and can still be read.")
    reader = shared_reader(path)
    with reader.gate.exclusive(), reader.hold_for_writer():
        con = _connect_with_retry(path, False, time.monotonic() + timeout)
        try:
            yield con
        finally:
            try:
                con.close()
            except Exception as exc:  # the checkpoint at close can hit a full disk too
                raise _storage_error(path, exc, "write the store") from exc


def table_columns(con) -> dict[str, set[str]]:
    have: dict[str, set[str]] = {}
    for table, column in con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall():
        have.setdefault(table, set()).add(column)
    return have


def ensure_schema(path: str) -> None:
    """Create the tables, and bring a store from an earlier version up to date (one transaction):
    add the columns it lacks and, from before version 4, build the word index of its texts afresh
    (version 2: the word index; 3: events and statements carry their article's number; 4: the pairs of
    adjacent tokens, the counts of the postings and the lengths of the texts)."""
    from . import search

    with write_connection(path) as con:
        con.begin()
        try:
            for sql in create_sql():
                con.execute(sql)
            for sql in missing_columns(table_columns(con)):
                con.execute(sql)
            have = search.store_version(con)  # 0: a new store, or one from before versions
            if have < SCHEMA_VERSION:
                if have < search.PAIRS_VERSION:
                    search.rebuild(con)  # numbers, postings with their counts, pairs
                con.execute("DELETE FROM meta WHERE key = 'schema_version'")
                con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
            con.commit()
        except BaseException:
            with contextlib.suppress(Exception):
                con.rollback()
            raise
