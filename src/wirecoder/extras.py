"""Optional parts of wirecoder and the pip extra that installs each.

A feature that needs an optional library imports it through `require`, so a user without it
reads which `pip install 'wirecoder[...]'` gives it instead of a bare ImportError.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# extra -> what it adds (README.md and docs/dependencies.md say the same)
EXTRAS = {
    "accurate": "the fine-tuned MiniLM cue encoder (setting statements_encoder): torch, transformers",
    "spark": "`wirecoder spark` and wirecoder.spark on Apache Spark: pyspark, pyarrow",
    "arrow": "Arrow tables from Store.arrow(): pyarrow",
    "train": "training the statements tagger: python-crfsuite",
    "test": "everything the test suite needs (all of the above, pytest, playwright, ...)",
}


class MissingExtra(ImportError):
    """An optional library is not installed; the message names the extra that installs it."""

    def __init__(self, module: str, extra: str, feature: str):
        self.module, self.extra, self.feature = module, extra, feature
        super().__init__(f"{feature} needs {module.split('.')[0]}, which is not installed: "
                         f"pip install 'wirecoder[{extra}]'")


def require(module: str, extra: str, feature: str) -> ModuleType:
    """`import module`, or MissingExtra naming `extra` when its library is not installed."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.split(".")[0] == exc.name.split(".")[0]:
            raise MissingExtra(module, extra, feature) from exc
        raise
