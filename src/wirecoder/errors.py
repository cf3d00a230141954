"""Small typed exceptions. Each carries a ``kind`` that goes into error records."""

from __future__ import annotations


class WirecoderError(Exception):
    kind = "error"

    def __init__(self, message: str, *, kind: str | None = None):
        super().__init__(message)
        if kind:
            self.kind = kind

    @property
    def message(self) -> str:
        return str(self)


class InputError(WirecoderError):
    """An input that cannot be read as an article (empty, binary, too large...)."""

    kind = "bad_input"


class ArticleTimeout(WirecoderError):
    """An article took longer than the per-article time limit."""

    kind = "timeout"


class ModelNotFound(WirecoderError):
    kind = "model_not_found"


class StoreError(WirecoderError):
    """The store cannot be opened or written (read-only, disk full, locked)."""

    kind = "store"
