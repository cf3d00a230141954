"""The CLI commands over the store: `wirecoder ingest`, `wirecoder query ...`, `wirecoder export`.

Registered on the main group in cli.py; heavy imports (DuckDB, Arrow) wait until a command runs.
"""

from __future__ import annotations

import sys

import click

from ..settings import Settings

DB_HELP = "DuckDB store file (default: the db setting, wirecoder.duckdb in the working folder)."


def _db(db: str | None) -> str:
    return db or Settings.from_env().db


def _fail(exc: Exception) -> None:
    click.echo(f"wirecoder: {exc}", err=True)
    sys.exit(1)


@click.command()
@click.argument("paths", nargs=-1)
@click.option("--db", help=DB_HELP)
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "warc"]), default="auto",
              show_default=True, help="How to read the inputs; auto decides by extension and content.")
@click.option("--date", "reference_date", help="Reference date YYYY-MM-DD for inputs that carry none.")
@click.option("--jobs", type=int, default=None, help="Worker processes (one spaCy model each).")
@click.option("--model", "spacy_model", help="spaCy pipeline to use (package name or path).")
@click.option("--actors", "actor_files", multiple=True, help="Extra actor dictionary file (YAML/CSV); repeatable.")
def ingest(paths, db, input_format, reference_date, jobs, spacy_model, actor_files):
    """Code articles (files, folders, or - for stdin) and store them; safe to rerun or resume.

    Ids as in `wirecoder code --help`: unique in the run and the same in every run over the same paths.
    """
    from ..errors import StoreError
    from .ingest import run_ingest

    settings = Settings.from_env(reference_date=reference_date, jobs=jobs, spacy_model=spacy_model,
                                 actor_files=list(actor_files) or None)
    try:
        status = run_ingest(list(paths) or ["-"], input_format, settings, _db(db))
    except StoreError as exc:
        _fail(exc)
    sys.exit(status)


def _output_options(f):
    f = click.option("--db", help=DB_HELP)(f)
    f = click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl", "parquet"]), default="table",
                     show_default=True, help="Output format (parquet needs -o).")(f)
    f = click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout.")(f)
    f = click.option("--limit", type=int, default=50, show_default=True, help="Rows to show (0: all).")(f)
    f = click.option("--offset", type=int, default=0, help="Rows to skip.")(f)
    return f


def _run_query(kind: str, db: str | None, fmt: str, output: str | None, limit: int, offset: int, **filters) -> None:
    from ..errors import WirecoderError
    from .output import write_results
    from .store import Store

    try:
        store = Store(_db(db), read_only=True)
        method = getattr(store, kind if kind != "articles" else "search_articles")
        result = method(limit=limit or None, offset=offset, **{k: v for k, v in filters.items() if v is not None})
        write_results(kind, result, fmt, output)
    except (WirecoderError, ValueError) as exc:
        _fail(exc)
    if result.get("next"):  # on stderr, so that csv and jsonl on stdout stay rows only
        click.echo(f"more rows: the next page is --after {result['next']}", err=True)


def _filter_options(kind: str):
    """The options of `wirecoder query KIND`, one per filter declared in QUERIES[kind]: the same
    names as the API's parameters, with dashes (date_from: --date-from), checked the same way."""
    from .queries import KINDS, QUERIES, QueryError

    def checked(f):
        def callback(ctx, param, value):
            try:
                return KINDS[f.kind].parse(f.name, value)
            except QueryError as exc:
                raise click.BadParameter(str(exc).split(": ", 1)[-1]) from None
        return callback

    def decorate(fn):
        for f in reversed(QUERIES[kind].filters + QUERIES[kind].paging):
            if f.kind == "flag":
                opt = click.option(f"{f.option}/--no-{f.option[2:]}", f.name, default=None, help=f.help)
            else:
                opt = click.option(f.option, f.name, help=f.help, callback=checked(f))
            fn = opt(fn)
        fn.__doc__ = QUERIES[kind].help
        return fn
    return decorate


@click.group()
def query():
    """Look up stored events, statements, articles, speakers or actors."""


def _query_command(kind: str):
    @_output_options
    @_filter_options(kind)
    def command(db, fmt, output, limit, offset, **filters):
        _run_query(kind, db, fmt, output, limit, offset, **filters)

    return query.command(kind)(command)


for _kind in ("events", "statements", "articles", "speakers", "actors"):
    _query_command(_kind)


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option("--db", help=DB_HELP)
def export(out_dir, db):
    """Write the whole store as Parquet (one file per table) plus events_flat.parquet/.csv."""
    from ..errors import WirecoderError
    from .export import export as do_export
    from .store import Store

    try:
        written = do_export(Store(_db(db), read_only=True), out_dir)
    except (WirecoderError, OSError) as exc:
        _fail(exc)
    for name, n in written.items():
        click.echo(f"{out_dir}/{name}: {n} rows", err=True)
