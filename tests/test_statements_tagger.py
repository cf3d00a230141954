"""The attribution tagger: feature columns, the shipped model file, and a decoder that equals crfsuite's."""

import itertools
import random

import numpy as np
import pytest

from wirecoder import nlp as nlp_mod
from wirecoder.statements.features import column_names, feature_strings, split_feature, token_columns
from wirecoder.statements.tagger import MODEL_DIR, MODEL_FILE, ROLES, AttributionTagger, export_model, viterbi

TEXTS = [
    "Kremlin spokesman Dmitry Peskov told reporters that Washington \"has not yet fulfilled\" its promises.",
    "\"We are still waiting,\" he said. According to the ministry, talks will resume.",
    "The minister hopes the ceasefire will hold.\nShe did not say when the troops would leave.",
    "Officials declined to comment. The report found that 40 people were killed in the strike.",
]


@pytest.fixture(scope="module")
def docs():
    nlp = nlp_mod.load("")
    return list(nlp.pipe(TEXTS))


def test_every_feature_string_splits_back_into_its_column(docs):
    names = column_names()
    for doc in docs:
        cols = token_columns(doc)
        assert [name for name, _ in cols] == names
        assert all(len(values) == len(doc) for _, values in cols)
        for name, values in cols:
            for v in values:
                if v is not None:
                    assert split_feature(name + v, names) == (name, v)


def test_window_features_see_the_neighbours(docs):
    doc = docs[0]
    strings = feature_strings(token_columns(doc))
    told = [t.i for t in doc if t.text == "told"][0]
    assert "l=tell" in strings[told]
    assert "-1l=tell" in strings[told + 1]  # "reporters" sees "told" one to its left
    assert "-3EDGE" in strings[0] and "3EDGE" in strings[len(doc) - 1]
    assert "k=nsubj" in strings[told] and "k=ccomp" in strings[told]


def test_tiny_documents_are_tagged():
    """One or two tokens: every window reaches past both ends."""
    nlp = nlp_mod.load("")
    tagger = AttributionTagger()
    for text in ("Peskov", "He said", "\u201c"):
        doc = nlp(text)
        strings = feature_strings(token_columns(doc))
        assert len(strings) == len(doc)
        assert all("-3EDGE" in s and "3EDGE" in s for s in strings)
        runs = tagger.tag(doc)
        assert set(runs) == set(ROLES)
        assert all(0 <= a < b <= len(doc) for r in runs.values() for a, b in r)


def _brute_force(state, trans):
    n, L = state.shape
    best, best_path = None, None
    for path in itertools.product(range(L), repeat=n):
        s = state[0, path[0]] + sum(trans[path[t - 1], path[t]] + state[t, path[t]] for t in range(1, n))
        if best is None or s > best + 1e-12:
            best, best_path = s, list(path)
    return best_path


def test_viterbi_finds_the_best_path():
    rng = np.random.default_rng(7)
    for labels in (2, 3, 4):  # three labels take the unrolled path
        for n in (1, 2, 5, 6):
            state = rng.normal(size=(n, labels))
            trans = rng.normal(size=(labels, labels))
            assert viterbi(state, trans) == _brute_force(state, trans)


def test_decoder_tags_exactly_as_crfsuite(docs, tmp_path):
    """A small CRF trained here, exported, decoded with numpy: the same labels as crfsuite gives."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    rnd = random.Random(3)
    files = {}
    seqs = [feature_strings(token_columns(d)) for d in docs]
    for role in ROLES:
        trainer = pycrfsuite.Trainer(algorithm="l2sgd", verbose=False)
        for doc, xseq in zip(docs, seqs):
            labels = []
            for t in doc:  # an arbitrary but learnable labelling: verbs and what follows them
                prev = labels[-1] if labels else "O"
                labels.append("B" if t.pos_ == "VERB" else ("I" if prev != "O" and rnd.random() < 0.7 else "O"))
            trainer.append(xseq, labels)
        trainer.set_params({"max_iterations": 5, "feature.possible_transitions": True})
        files[role] = tmp_path / f"{role}.crfsuite"
        trainer.train(str(files[role]))
    export_model(files, tmp_path / MODEL_FILE)
    ours = AttributionTagger(tmp_path)
    assert ours.available
    for role in ROLES:
        ref = pycrfsuite.Tagger()
        ref.open(str(files[role]))
        for doc, xseq in zip(docs, seqs):
            cols = token_columns(doc)
            state = ours.scores(cols)
            k = ours.roles.index(role)
            path = viterbi(state[:, 3 * k:3 * k + 3], ours.transitions[k])
            assert [ours.labels[k][y] for y in path] == ref.tag(pycrfsuite.ItemSequence(xseq))


def test_shipped_model_loads_and_is_small():
    path = MODEL_DIR / MODEL_FILE
    assert path.stat().st_size < 50e6
    tagger = AttributionTagger()
    assert tagger.available
    assert tagger.meta["version"] == (MODEL_DIR / "VERSION").read_text().strip()
    assert set(tagger.index) <= set(column_names())
