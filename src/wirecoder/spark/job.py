"""The Spark job: inputs on a file system or object store in, Parquet tables out.

Layout of OUTPUT (Hive-style partitions, readable by Spark, DuckDB, pyarrow)::

    OUTPUT/articles/article_date=2026-09-29/run=<run>/part-*.parquet
    OUTPUT/statements/article_date=.../run=.../      one row per statement
    OUTPUT/events/article_date=.../run=.../          one row per event
    OUTPUT/errors/run=.../                           one row per input that failed
    OUTPUT/_manifest/run=<run>/                      the input files a run finished

Each input file is coded once: a run lists the inputs, leaves out those a finished
run's manifest names with the same size and modification time, codes the rest, and
writes the manifest last. Output of a run that died before its manifest is deleted
at the start of the next run, so a rerun never duplicates rows.

Coding happens in ``mapPartitions``: one :class:`~wirecoder.pipeline.Coder` per
Python worker process, kept at module level, so the spaCy model loads once per
worker and not per task or per article.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
import uuid
from pathlib import PurePosixPath
from typing import Any, Iterable, Iterator, Optional

from ..ingest import Input
from ..record import ErrorInfo
from ..settings import Settings
from . import schema

INPUT_FORMATS = ("auto", "jsonl", "warc", "parquet", "text", "html")
TABLES = ("articles", "statements", "events", "errors")
MANIFEST = "_manifest"
PARQUET_INPUT_COLUMNS = ("id", "text", "html", "url", "date", "title")


@dataclasses.dataclass
class JobSummary:
    run: str
    inputs: int  # input files found
    skipped: int  # of which a finished run already coded
    articles: int = 0
    statements: int = 0
    events: int = 0
    errors: int = 0
    seconds: float = 0.0
    removed_runs: list[str] = dataclasses.field(default_factory=list)  # unfinished runs cleaned up


# -- executor side ------------------------------------------------------------
_coders: dict[str, Any] = {}


def _coder(settings: Settings):
    """The worker's Coder for these settings, created on the first task only."""
    key = repr(settings)
    if key not in _coders:
        from ..pipeline import Coder

        _coders[key] = Coder(settings)
    return _coders[key]


def code_partition(settings: Settings, inputs: Iterable[Input]) -> Iterator[tuple[str, tuple]]:
    """(table, row) pairs for a partition of inputs, coded in batches of settings.batch_size."""
    coder = _coder(settings)
    for output in coder.code_inputs(inputs):
        yield from schema.rows_of(output)


def local_path(uri: str) -> str:
    """A file: URI as the plain path `wirecoder code` would name; other URIs unchanged."""
    if uri.startswith("file:"):
        rest = uri[len("file:"):]
        while rest.startswith("//"):
            rest = rest[1:]
        return rest
    return uri


def inputs_from_file(uri: str, stem: str, data: bytes, input_format: str, settings: Settings) -> list[Input]:
    """The inputs in one file's bytes, with the ids and sources `wirecoder code` gives them."""
    import io

    from ..ingest.readers import Reader

    source = local_path(uri)
    name = PurePosixPath(source).name
    try:
        # Reader._stream is the ingest code path `wirecoder code` runs for one open file.
        return list(Reader(settings, input_format)._stream(io.BytesIO(data), source, stem, name=name))
    except Exception as exc:  # a broken archive is one error record, not a failed job
        return [Input(id=stem, source=source, error=ErrorInfo("unreadable", f"{source}: {type(exc).__name__}: {exc}"))]


def file_stem(relative: str) -> str:
    """The id `wirecoder code` gives a file's input: its path below the input folder, no extension."""
    from pathlib import Path

    from ..ingest.readers import _stem

    return _stem(Path(relative))


def inputs_from_parquet_row(row: dict[str, Any]) -> Input:
    text, html = row.get("text"), row.get("html")
    id_ = row.get("id")
    if id_ is None:  # a stable id from the content, so a rerun gives the same one
        id_ = hashlib.sha1(((text or "") + "\x00" + (html or "")).encode("utf-8")).hexdigest()[:16]
    return Input(
        id=str(id_), source=row.get("url") or f"parquet:{id_}", text=text, html=html, url=row.get("url"),
        date=None if row.get("date") is None else str(row.get("date"))[:10], title=row.get("title"),
        input_format="html" if html and not text else "text",
    )


# -- driver side ---------------------------------------------------------------
class _FS:
    """The Hadoop FileSystem behind a path (local, hdfs://, s3a://, gs://...), via the JVM."""

    def __init__(self, spark, uri: str):
        self.jvm = spark._jvm
        self.root = self.jvm.org.apache.hadoop.fs.Path(uri)
        self.fs = self.root.getFileSystem(spark._jsc.hadoopConfiguration())

    def path(self, *parts: str):
        p = self.root
        for part in parts:
            p = self.jvm.org.apache.hadoop.fs.Path(p, part)
        return p

    def exists(self, p) -> bool:
        return bool(self.fs.exists(p))

    def glob(self, p) -> list:
        return list(self.fs.globStatus(p) or [])

    def delete(self, p) -> None:
        self.fs.delete(p, True)


def list_input_files(spark, uri: str) -> list[tuple[str, int, int, str]]:
    """(uri, size, mtime, path below the folder given) of every file at or under `uri` (a file,
    folder or glob), hidden ones left out."""
    fsx = _FS(spark, uri)
    statuses = fsx.glob(fsx.root)
    out = []
    for st in statuses:
        if st.isDirectory():
            base = st.getPath().toString().rstrip("/")
            it = fsx.fs.listFiles(st.getPath(), True)
            while it.hasNext():
                f = it.next()
                name = f.getPath().toString()
                rel = name[len(base):].lstrip("/")
                if any(part.startswith((".", "_")) for part in rel.split("/")):
                    continue  # _SUCCESS, .crc, _temporary: not data
                out.append((name, int(f.getLen()), int(f.getModificationTime()), rel))
        else:
            p = st.getPath()
            out.append((p.toString(), int(st.getLen()), int(st.getModificationTime()), p.getName()))
    if not out and not statuses:
        raise FileNotFoundError(f"no input at {uri}")
    return sorted(out)


def finished_runs(spark, output: str) -> list[str]:
    """Runs whose manifest was written completely."""
    fsx = _FS(spark, output)
    runs = []
    for st in fsx.glob(fsx.path(MANIFEST, "run=*")):
        if fsx.exists(fsx.jvm.org.apache.hadoop.fs.Path(st.getPath(), "_SUCCESS")):
            runs.append(st.getPath().getName().split("=", 1)[1])
    return sorted(runs)


def _remove_unfinished(spark, output: str, finished: list[str]) -> list[str]:
    """Delete the output of runs that died before writing their manifest."""
    fsx = _FS(spark, output)
    removed = set()
    for table in TABLES:
        pattern = fsx.path(table, "run=*") if table == "errors" else fsx.path(table, "*", "run=*")
        for st in fsx.glob(pattern):
            run = st.getPath().getName().split("=", 1)[1]
            if run not in finished:
                fsx.delete(st.getPath())
                removed.add(run)
    for st in fsx.glob(fsx.path(MANIFEST, "run=*")):
        run = st.getPath().getName().split("=", 1)[1]
        if run not in finished:
            fsx.delete(st.getPath())
            removed.add(run)
    return sorted(removed)


def _done_files(spark, output: str, finished: list[str]) -> set[tuple[str, int, int]]:
    if not finished:
        return set()
    fsx = _FS(spark, output)
    paths = [fsx.path(MANIFEST, f"run={r}").toString() for r in finished]
    rows = spark.read.parquet(*paths).select("path", "size", "mtime").collect()
    return {(r["path"], r["size"], r["mtime"]) for r in rows}


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + uuid.uuid4().hex[:6]


def run_job(
    spark,
    input: str,
    output: str,
    input_format: str = "auto",
    partitions: Optional[int] = None,
    settings: Optional[Settings] = None,
    run: Optional[str] = None,
) -> JobSummary:
    """Code every input file not yet coded into OUTPUT's Parquet tables; see the module doc."""
    from pyspark import StorageLevel

    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input format {input_format!r}: expected one of {', '.join(INPUT_FORMATS)}")
    settings = settings or Settings.from_env()
    t0 = time.perf_counter()
    sc = spark.sparkContext
    run = run or new_run_id()
    partitions = partitions or max(2, sc.defaultParallelism * 2)

    finished = finished_runs(spark, output)
    removed = _remove_unfinished(spark, output, finished)
    done = _done_files(spark, output, finished)
    files = list_input_files(spark, input)
    todo = [f for f in files if f[:3] not in done]
    summary = JobSummary(run=run, inputs=len(files), skipped=len(files) - len(todo), removed_runs=removed)
    if not todo:
        summary.seconds = time.perf_counter() - t0
        return summary

    # auto: .parquet files as tables, every other file as `wirecoder code --input-format auto` reads it.
    is_table = (lambda u: True) if input_format == "parquet" else (
        (lambda u: u.endswith(".parquet")) if input_format == "auto" else (lambda u: False))
    tables = [f[0] for f in todo if is_table(f[0])]
    plain = [f[0] for f in todo if not is_table(f[0])]
    stems = {local_path(f[0]): file_stem(f[3]) for f in todo if not is_table(f[0])}
    parts = []
    if tables:
        df = spark.read.parquet(*tables)
        present = [c for c in PARQUET_INPUT_COLUMNS if c in df.columns]
        parts.append(df.select(*present).rdd.map(lambda r: inputs_from_parquet_row(r.asDict())))
    if plain:
        fmt = input_format
        # binaryFiles takes a comma-separated list; one file's bytes travel to one Python worker.
        raw = sc.binaryFiles(",".join(plain), minPartitions=min(len(plain), partitions))
        parts.append(raw.flatMap(lambda kv: inputs_from_file(kv[0], stems[local_path(kv[0])], kv[1], fmt, settings)))
    inputs = parts[0] if len(parts) == 1 else sc.union(parts)
    inputs = inputs.repartition(partitions)

    coded = inputs.mapPartitions(lambda it: code_partition(settings, it)).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        counts = coded.countByKey()
        for table in TABLES:
            setattr(summary, table, int(counts.get(table, 0)))
            if not counts.get(table):
                continue
            rows = coded.filter(lambda kv, t=table: kv[0] == t).map(lambda kv, r=run: kv[1] + (r,))
            df = spark.createDataFrame(rows, schema.spark_schema(schema.TABLES[table], ("run",)), verifySchema=False)
            by = ["run"] if table == "errors" else ["article_date", "run"]
            # One shuffle so that each date gets a few files, not one per input partition.
            df = df.repartition(*by)
            df.write.mode("append").option("maxRecordsPerFile", 50_000).partitionBy(*by).parquet(
                _FS(spark, output).path(table).toString()
            )
    finally:
        coded.unpersist()

    manifest = spark.createDataFrame(
        [f[:3] for f in todo], "path string, size long, mtime long"
    ).coalesce(1)
    manifest.write.mode("overwrite").parquet(_FS(spark, output).path(MANIFEST, f"run={run}").toString())
    summary.seconds = time.perf_counter() - t0
    return summary


def spark_session(master: Optional[str] = None, app_name: str = "wirecoder", conf: Optional[dict] = None):
    """A SparkSession: the one spark-submit set up, else local mode on every core (or `master`)."""
    from pyspark.sql import SparkSession

    under_submit = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit chose master and Python
    if not under_submit and (master or "local").startswith("local"):
        # In local mode the Python workers must be this interpreter (its venv has wirecoder and the model).
        os.environ.setdefault("PYSPARK_PYTHON", _python())
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    elif not under_submit:
        builder = builder.master("local[*]")
    defaults = {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "8",
                "spark.sql.sources.partitionOverwriteMode": "dynamic"}
    for k, v in {**defaults, **(conf or {})}.items():
        builder = builder.config(k, v)
    return builder.getOrCreate()


def _python() -> str:
    import sys

    return sys.executable


def read_records(output: str) -> list:
    """Every Record and ErrorRecord in a local OUTPUT, rebuilt from its Parquet tables (pyarrow)."""
    import pyarrow.dataset as ds
    from pathlib import Path

    root = Path(output)
    finished = {p.name.split("=", 1)[1] for p in (root / MANIFEST).glob("run=*") if (p / "_SUCCESS").exists()}
    tables: dict[str, list[dict]] = {}
    for table in TABLES:
        path = root / table
        rows: list[dict] = []
        if path.is_dir():
            data = ds.dataset(str(path), format="parquet", partitioning="hive").to_table()
            rows = [r for r in data.to_pylist() if str(r.get("run")) in finished]
        tables[table] = rows
    return schema.records_from_rows(tables["articles"], tables["statements"], tables["events"], tables["errors"])
