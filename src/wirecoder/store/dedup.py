"""Near-duplicate articles (one wire story run by several outlets): MinHash + LSH on word shingles.

Each article gets a MinHash signature of its prose (debris left out) as 5-word
shingles; the signature is cut into 32 LSH bands of 4 values whose hashes are kept in the
store, so a later ingest finds candidates with one join. A candidate is a
near-duplicate when the estimated Jaccard similarity reaches the threshold.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Optional

import numpy as np
from datasketch import MinHash

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7
ROWS = 4  # MinHash values per LSH band
MIN_SHINGLES = 8  # shorter texts are too short to call duplicates reliably

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


@dataclass
class Signature:
    values: np.ndarray  # uint64, NUM_PERM long
    usable: bool  # enough shingles to compare

    def to_bytes(self) -> bytes:
        return self.values.astype(np.uint64).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        return cls(np.frombuffer(data, dtype=np.uint64), True)

    def similarity(self, other: "Signature") -> float:
        return float(np.mean(self.values == other.values))


class Deduper:
    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        # Many short bands: every candidate is verified against the threshold afterwards, so
        # recall matters more than a few extra candidates (32x4: P(candidate | J=0.7) > 0.999,
        # where datasketch's balanced choice for 0.7 gives 14x9 and P = 0.44).
        self.rows = ROWS
        self.bands = num_perm // ROWS

    def signature(self, text: str) -> Signature:
        sh = shingles(text)
        mh = MinHash(num_perm=self.num_perm)
        mh.update_batch(list(sh))
        return Signature(mh.hashvalues.astype(np.uint64), len(sh) >= MIN_SHINGLES)

    def band_keys(self, sig: Signature) -> list[tuple[int, int]]:
        """(band, key) pairs; key is a signed 64-bit hash of the band's values."""
        out = []
        for b in range(self.bands):
            chunk = sig.values[b * self.rows : (b + 1) * self.rows].tobytes()
            key = int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True)
            out.append((b, key))
        return out

    def best_match(self, sig: Signature, candidates: dict[str, Signature]) -> Optional[tuple[str, float]]:
        best: Optional[tuple[str, float]] = None
        for cid, csig in candidates.items():
            s = sig.similarity(csig)
            if s >= self.threshold and (best is None or s > best[1] or (s == best[1] and cid < best[0])):
                best = (cid, s)
        return best
