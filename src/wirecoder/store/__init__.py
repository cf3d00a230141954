"""The DuckDB store: ingest coded records, query them, export them, link near-duplicates.

``from wirecoder.store import Store`` is the whole interface; see docs/store.md.
"""

from ..errors import StoreError
from .store import Store

__all__ = ["Store", "StoreError"]
