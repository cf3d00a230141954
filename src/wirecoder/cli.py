"""The `wirecoder` command: a thin shell over the library."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .settings import Settings, settings_markdown


_debug = False  # --debug: errors a user can fix show their traceback too


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecoder")
@click.option("--debug", is_flag=True, help="Show the traceback of an error (also WIRECODER_DEBUG=1).")
def cli(debug: bool) -> None:
    """wirecoder: statements and political events from news articles, with provenance."""
    global _debug
    _debug = _debug or debug


@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "warc"]), default="auto",
              show_default=True, help="How to read the inputs; auto decides by extension and content.")
@click.option("--date", "reference_date", callback=lambda ctx, param, value: _iso_date(value),
              help="Reference date YYYY-MM-DD for inputs that carry none.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (one spaCy model each).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write JSON Lines here instead of stdout.")
@click.option("--model", "spacy_model", help="spaCy pipeline to use (package name or path).")
@click.option("--actors", "actor_files", multiple=True, help="Extra actor dictionary file (YAML/CSV); repeatable.")
@click.option("--summary/--no-summary", default=None, help="Print a readable summary on stderr.")
def code(paths, input_format, reference_date, jobs, output, spacy_model, actor_files, summary):
    """Code articles (files, folders, or - for stdin) into JSON Lines records.

    Each input gets an id unique in the run: a file's path under the folder given
    (a file given alone: its name), without the extension; a JSON line's "id", else
    FILE:LINE. A path-made id already taken gets ~ and 8 hex digits of the SHA-1 of
    the path (a/index.html b/index.html: index, index~<hash>), the same in every run;
    a JSON "id" given twice makes the repeat a duplicate_id error record.
    """
    from .runner import run_code

    settings = Settings.from_env(
        reference_date=reference_date, jobs=jobs, spacy_model=spacy_model,
        actor_files=list(actor_files) or None,
    )
    status = run_code(list(paths) or ["-"], input_format, settings, output, summary=bool(summary))
    sys.exit(status)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@click.option("--model", "spacy_model", help="spaCy pipeline to describe.")
def info(as_json, spacy_model):
    """The versions that shape output (wirecoder, spaCy, model, dictionaries, python)."""
    from . import provenance

    settings = Settings.from_env()
    data = provenance.info(spacy_model or settings.spacy_model, tuple(settings.actor_files), settings.statements_encoder)
    if as_json:
        click.echo(json.dumps(data, indent=2))
    else:
        for k, v in data.items():
            click.echo(f"{k}: {v}")


@cli.command("settings")
@click.option("--markdown", is_flag=True, help="Print the settings table as Markdown (docs/settings.md).")
def settings_cmd(markdown):
    """Every setting with its environment variable, default and help."""
    from .settings import describe

    if markdown:
        click.echo(settings_markdown(), nl=False)
        return
    for s in describe():
        click.echo(f"{s['name']} ({s['env']}, default {s['default']!r}): {s['help']}")


@cli.command()
@click.option("-o", "--output", default="demo-output.jsonl", show_default=True,
              type=click.Path(dir_okay=False), help="Where to write the JSON Lines records.")
def demo(output):
    """Code the bundled sample articles, print a summary and write JSON Lines."""
    from .runner import run_code

    samples = Path(__file__).parent / "samples"
    paths = [str(p) for p in (samples / "text", samples / "html") if p.exists()]
    status = run_code(paths, "auto", Settings.from_env(), output, summary=True)
    click.echo(f"wrote {output}", err=True)
    sys.exit(status)


@cli.command()
@click.option("--db", help="DuckDB store to serve (default: the db setting). The server reads it while "
              "`wirecoder ingest` may write to it.")
@click.option("--host", default=None, help="Address to bind (default 127.0.0.1: loopback only).")
@click.option("--port", type=int, default=None, help="Port (default 8000).")
@click.option("--read-only/--writable", "read_only", default=None,
              help="Read-only is the default: POST /api/code codes an article but never stores it. "
                   "--writable lets POST /api/code with \"store\": true add the record to the store "
                   "(or set WIRECODER_READ_ONLY=false).")
@click.option("--allow-fetch", is_flag=True, default=None, help="Let POST /api/code fetch a URL it is given.")
def serve(db, host, port, read_only, allow_fetch):
    """Serve the JSON API (/api, docs at /docs, schema at /openapi.json) and the analysts' pages over a store."""
    import uvicorn

    from .api import create_app, loopback_hosts
    from .errors import StoreError
    from .store import Store

    import os

    if read_only is None:  # read-only unless the environment says otherwise (the safer default)
        read_only = Settings.from_env().read_only if "WIRECODER_READ_ONLY" in os.environ else True
    settings = Settings.from_env(db=db, host=host, port=port, read_only=read_only, allow_fetch=allow_fetch)
    try:
        store = Store(settings.db, read_only=True)  # fail now, not on the first request
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    app = create_app(settings.db, store=store, settings=settings, allowed_hosts=loopback_hosts(settings.host))
    mode = "read-only" if settings.read_only else "writable: POST /api/code may store"
    click.echo(f"serving {settings.db} ({mode}) on http://{settings.host}:{settings.port}/", err=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


# The store commands live beside the store (wirecoder.store.commands); registered here.
from .store.commands import export as _export_cmd, ingest as _ingest_cmd, query as _query_cmd  # noqa: E402

cli.add_command(_ingest_cmd, "ingest")
cli.add_command(_query_cmd, "query")
cli.add_command(_export_cmd, "export")


@cli.command()
@click.argument("input")
@click.argument("output")
@click.option("--input-format", type=click.Choice(["auto", "jsonl", "warc", "parquet", "text", "html"]),
              default="auto", show_default=True, help="How to read the input files (auto: by name and content).")
@click.option("--partitions", type=click.IntRange(min=1), default=None, help="Coding tasks (default: 2 per core).")
@click.option("--master", default=None, help="Spark master, e.g. local[4] (default: local[*]).")
@click.option("--date", "reference_date", help="Reference date YYYY-MM-DD for inputs that carry none.")
@click.option("--model", "spacy_model", help="spaCy pipeline to use (installed where the workers run).")
def spark(input, output, input_format, partitions, master, reference_date, spacy_model):
    """Code INPUT (folder, glob or s3a:// URI) on Spark into Parquet tables under OUTPUT; reruns skip done inputs."""
    from .extras import require

    require("pyspark", "spark", "wirecoder spark")
    require("pyarrow", "spark", "wirecoder spark")
    from .spark import run_job, spark_session

    settings = Settings.from_env(reference_date=reference_date, spacy_model=spacy_model, progress="never")
    session = spark_session(master)
    summary = run_job(session, input, output, input_format, partitions, settings)
    click.echo(json.dumps(summary.__dict__), err=True)
    sys.exit(2 if summary.errors else 0)


@cli.group("eval")
def eval_group():
    """Measure accuracy on annotated data (PolNeAR, CAMEO sets, NAEB pages)."""


@eval_group.command("naeb")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--limit", type=int, default=None, help="Score only the first N pages.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_naeb(folder, limit, as_json):
    """Score HTML extraction on NAEB pages: body bag-of-words P/R/F1, title, date, authors."""
    from .eval.naeb import evaluate, format_table

    result = evaluate(folder, limit=limit, settings=Settings.from_env())
    click.echo(json.dumps(result, indent=2) if as_json else format_table(result))


def _iso_date(value):
    """A --date value checked to be YYYY-MM-DD (None stays None)."""
    import datetime

    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


@eval_group.command("polnear")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--without", "without", multiple=True, metavar="RULE",
              help="Switch an assembly rule off, to measure what it does (repeatable; "
                   "--without list names them).")
@click.option("--doc-cache", type=click.Path(file_okay=False), default=None,
              help="Keep each article's parse in this folder, so a second run parses nothing.")
@click.option("--predictions", "predictions_out", type=click.Path(dir_okay=False), default=None,
              help="Also write each article's statements (speaker, cue, content offsets) to this JSON file.")
def eval_polnear(folder, as_json, without, doc_cache, predictions_out):
    """Score statements (speaker, cue, content) on a PolNeAR folder: exact and overlap P/R/F1."""
    from .eval.polnear import evaluate, format_table
    from .statements.assemble import RULES

    if "list" in without:
        for name, what in RULES.items():
            click.echo(f"{name:22} {what}")
        return
    unknown = [w for w in without if w not in RULES]
    if unknown:
        raise click.BadParameter(f"unknown rule {', '.join(map(repr, unknown))}; "
                                 f"the rules are: {', '.join(RULES)}", param_hint="--without")
    result = evaluate(folder, off=without, doc_cache=doc_cache, predictions_out=predictions_out)
    click.echo(json.dumps(result, indent=2) if as_json else format_table(result))


@eval_group.command("cameo")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--split", "split_name", default=None,
              help="Split to score: a file name (test, train) or holdout/fit, the fixed 20%/80% of train "
                   "(default: test if present, else train).")
@click.option("--limit", type=int, default=None, help="Score only the first N sentences of each set.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cameo(folder, split_name, limit, as_json):
    """Score the event coder on CAMEO sets: PentaClass macro-F1, source/target span F1."""
    from .eval.cameo import evaluate, format_report

    result = evaluate(folder, split_name, limit=limit)
    click.echo(json.dumps(result, indent=2) if as_json else format_report(result))


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--part", type=click.Choice(["all", "tune", "confirm"]), default="all", show_default=True,
              help="Articles to score: all, or the held-back confirmation part (every 4th article) or the rest.")
@click.option("--records", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score these already coded records (JSON Lines from `wirecoder code`) instead of coding.")
@click.option("-v", "--verbose", is_flag=True, help="Also print a table per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_events(gold, part, records, verbose, as_json):
    """Score events on hand-coded gold (events_gold JSON Lines): P/R/F1 by root and countries, root only."""
    from .eval.events import evaluate, format_table

    try:
        result = evaluate(gold, part=part, records=records)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result, indent=2) if as_json else format_table(result, verbose=verbose))


def _user_errors() -> tuple[type[BaseException], ...]:
    """Errors that say what the user can change (a setting, an extra to install, an input path
    that is not there): no traceback."""
    from .errors import WirecoderError
    from .extras import MissingExtra
    from .settings import SettingError
    from .statements.encoder import EncoderUnavailable

    return (SettingError, MissingExtra, EncoderUnavailable, WirecoderError, FileNotFoundError)


def main(argv: list[str] | None = None) -> None:
    """The `wirecoder` command. A setting or missing extra the user can fix exits with status 2
    and one line on stderr; --debug or WIRECODER_DEBUG=1 shows the traceback as well."""
    global _debug
    _debug = os.environ.get("WIRECODER_DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}
    try:
        cli.main(args=argv, prog_name="wirecoder")
    except _user_errors() as exc:
        if _debug:
            import traceback

            traceback.print_exc()
        click.echo(f"wirecoder: error: {exc}", err=True)
        if not _debug:
            click.echo("(run with --debug or WIRECODER_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
