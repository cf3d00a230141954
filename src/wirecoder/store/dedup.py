"""Near-duplicate articles (one wire story run by several outlets): MinHash + LSH on word shingles.

Each article gets a MinHash signature of its prose (debris left out) as 5-word
shingles (the affine32 scheme of datasketch 2, computed here with numpy so the default
install needs neither datasketch nor the scipy it pulls; signatures stay byte-identical to
those stored by earlier versions); the signature is cut into 32 LSH bands of 4 values whose hashes are kept in the
store, so a later ingest finds candidates with one join. A candidate is a
near-duplicate when the estimated Jaccard similarity reaches the threshold.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from typing import Optional

import numpy as np

NUM_PERM = 128
SHINGLE_WORDS = 5
THRESHOLD = 0.7
ROWS = 4  # MinHash values per LSH band
MIN_SHINGLES = 8  # shorter texts are too short to call duplicates reliably

_WORD = re.compile(r"\w+", re.UNICODE)
SEED = 1


def _permutations(num_perm: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations h -> a*h + b (mod 2**32), a odd (so each is a bijection).

    Drawn from numpy's legacy RandomState, whose stream numpy keeps fixed (NEP 19): the
    same (a, b) as datasketch 2's MinHash(num_perm, seed), hence the same stored signatures.
    """
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, a fixed bijection that spreads the input hashes."""
    hv = hv ^ (hv >> np.uint32(16))
    hv = hv * np.uint32(0x85EBCA6B)
    hv = hv ^ (hv >> np.uint32(13))
    hv = hv * np.uint32(0xC2B2AE35)
    return hv ^ (hv >> np.uint32(16))


def minhash(items, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """MinHash values (uint32) of a set of byte strings: per permutation, the least a*h + b,
    h the first 4 bytes of each item's SHA-1 (little-endian), mixed by fmix32."""
    hv = np.fromiter((struct.unpack_from("<I", hashlib.sha1(x).digest())[0] for x in items), dtype=np.uint32)
    if not len(hv):
        return np.full(len(a), np.iinfo(np.uint32).max, dtype=np.uint32)
    with np.errstate(over="ignore"):  # the wraparound is the modulo 2**32
        phv = _fmix32(hv).reshape(-1, 1) * a + b
    return phv.min(axis=0)


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
        self._a, self._b = _permutations(num_perm)

    def signature(self, text: str) -> Signature:
        sh = shingles(text)
        return Signature(minhash(sh, self._a, self._b).astype(np.uint64), len(sh) >= MIN_SHINGLES)

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
