"""What the lean default install relies on instead of heavy libraries."""

from __future__ import annotations

import numpy as np
import pytest

from wirecoder.store.dedup import Deduper, shingles

STORY = ("VILNIUS, May 4. The parliament voted on Thursday to extend the mandate of the border mission by a "
         "year, the speaker told reporters after the session.")


def test_minhash_signature_is_the_one_stored_by_earlier_versions():
    # The values datasketch 2.0.0's MinHash(num_perm=128) gave for this text: a store written
    # with datasketch must keep matching new articles by its stored signatures and LSH keys.
    sig = Deduper().signature(STORY)
    assert sig.values.dtype == np.uint64
    assert sig.values[:8].tolist() == [106490022, 22873531, 154034306, 58098736, 13882562, 280988126, 4024180,
                                       50660504]
    assert int(sig.values.sum()) == 25562016476


def test_minhash_matches_datasketch_where_installed():
    datasketch = pytest.importorskip("datasketch")
    d = Deduper()
    texts = [STORY, "", "one two", STORY.replace("Thursday", "Friday") * 3, " ".join(str(i) for i in range(500))]
    for text in texts:
        mh = datasketch.MinHash(num_perm=128)
        mh.update_batch(list(shingles(text)))
        assert d.signature(text).values.tolist() == mh.hashvalues.astype(np.uint64).tolist()
