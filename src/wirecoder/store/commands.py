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


@click.group()
def query():
    """Look up stored events, statements, articles, speakers or actors."""


@query.command("events")
@_output_options
@click.option("--source", help="Source actor: a code (RUSGOV) or part of a name.")
@click.option("--target", help="Target actor: a code or part of a name.")
@click.option("--actor", help="Either side: a code or part of a name.")
@click.option("--source-country", help="Source country, ISO alpha-3.")
@click.option("--target-country", help="Target country, ISO alpha-3.")
@click.option("--country", help="Either side's country, ISO alpha-3.")
@click.option("--cameo", help="CAMEO code prefix (19: every code under root 19).")
@click.option("--plover", help="PLOVER event type (ASSAULT, ACCUSE, ...).")
@click.option("--quad", type=click.IntRange(1, 4), help="Quad class: 1 verbal coop, 2 material coop, "
              "3 verbal conflict, 4 material conflict.")
@click.option("--from", "date_from", help="First date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Last date, YYYY-MM-DD.")
@click.option("--place", help="Part of a place name, or a country code.")
@click.option("--article", "article_id", help="Only this article's events.")
@click.option("--dedup", is_flag=True, default=None, help="Count each near-duplicate story once.")
def query_events(db, fmt, output, limit, offset, **filters):
    """Events by actor, country, CAMEO/PLOVER type, date range or place."""
    _run_query("events", db, fmt, output, limit, offset, **filters)


@query.command("statements")
@_output_options
@click.option("--speaker", help="Speaker name, exactly or in part.")
@click.option("--q", help="Words that must all occur in what was said.")
@click.option("--article", "article_id", help="Only this article's statements.")
@click.option("--from", "date_from", help="First date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Last date, YYYY-MM-DD.")
@click.option("--dedup", is_flag=True, default=None, help="Count each near-duplicate story once.")
def query_statements(db, fmt, output, limit, offset, **filters):
    """Statements by speaker or by words said."""
    _run_query("statements", db, fmt, output, limit, offset, **filters)


@query.command("articles")
@_output_options
@click.option("--q", help="Words that must all occur in the title or text.")
@click.option("--from", "date_from", help="First date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Last date, YYYY-MM-DD.")
@click.option("--site", help="Part of the site's host name.")
@click.option("--dedup", is_flag=True, default=None, help="Leave out near-duplicates of stored articles.")
def query_articles(db, fmt, output, limit, offset, **filters):
    """Articles by full-text search, date or site."""
    _run_query("articles", db, fmt, output, limit, offset, **filters)


@query.command("speakers")
@_output_options
@click.option("--q", help="Part of the speaker's name.")
def query_speakers(db, fmt, output, limit, offset, **filters):
    """Speakers by number of statements."""
    _run_query("speakers", db, fmt, output, limit, offset, **filters)


@query.command("actors")
@_output_options
@click.option("--q", help="Actor code, or part of a name.")
@click.option("--role", type=click.Choice(["source", "target"]), help="Only as source or as target.")
@click.option("--country", help="Country, ISO alpha-3.")
@click.option("--dedup", is_flag=True, default=None, help="Count each near-duplicate story once.")
def query_actors(db, fmt, output, limit, offset, **filters):
    """Actors by number of events."""
    _run_query("actors", db, fmt, output, limit, offset, **filters)


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
