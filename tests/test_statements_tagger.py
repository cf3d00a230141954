"""The attribution tagger: feature columns, the shipped model file, and a decoder that equals crfsuite's."""

import itertools
import random

import numpy as np
import pytest

from wirecoder import nlp as nlp_mod
from wirecoder.statements.features import (column_names, cue_relative_columns, cue_relative_names, feature_strings,
                                            split_feature, token_columns)
from wirecoder.statements.tagger import (MODEL_DIR, MODEL_FILE, ROLES, AttributionTagger, bio_runs, export_model,
                                         viterbi)

TEXTS = [
    "Kremlin spokesman Dmitry Peskov told reporters that Washington \"has not yet fulfilled\" its promises.",
    "\"We are still waiting,\" he said. According to the ministry, talks will resume.",
    "The minister hopes the ceasefire will hold.\nShe did not say when the troops would leave.",
    "Officials declined to comment. The report found that 40 people were killed in the strike.",
]


@pytest.fixture(scope="module")
def nlp():
    """One spaCy pipeline for the module (the tagger's features read the parse, not the pipeline object)."""
    return nlp_mod.load("")


@pytest.fixture(scope="module")
def docs(nlp):
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


def test_state_scores_are_the_sum_of_each_tokens_feature_weights(docs):
    """The shifted columns ("-2l=") are read through their base column ("l="), with numpy: the state
    scores must still be, token by token, the weights of the token's feature strings summed."""
    tagger = AttributionTagger()
    names = column_names() + cue_relative_names()
    assert {"l=", "w=", "pr="} <= set(tagger._families)
    for doc in docs:
        cue_tokens = [t.i for t in doc if t.lemma_ in ("say", "tell", "hope", "find")]
        cols = token_columns(doc) + cue_relative_columns(doc, cue_tokens)
        lean = token_columns(doc, shifted=False) + cue_relative_columns(doc, cue_tokens, shifted=False)
        assert len(lean) < len(cols)
        want = np.zeros((len(doc), tagger.weights.shape[1]))
        for i, strings in enumerate(feature_strings(cols)):
            for f in strings:
                name, value = split_feature(f, names)
                if name in tagger.index:
                    want[i] += tagger.weights[tagger.index[name][value]]
        assert np.abs(tagger.scores(cols) - want).max() < 1e-4
        assert np.abs(tagger.scores(lean) - want).max() < 1e-4


def test_tiny_documents_are_tagged(nlp):
    """One or two tokens: every window reaches past both ends."""
    tagger = AttributionTagger()
    for text in ("Peskov", "He said", "\u201c"):
        doc = nlp(text)
        strings = feature_strings(token_columns(doc))
        assert len(strings) == len(doc)
        assert all("-3EDGE" in s and "3EDGE" in s for s in strings)
        runs = tagger.tag(doc)
        assert set(runs) == set(ROLES)
        assert all(0 <= a < b <= len(doc) for r in runs.values() for a, b in r)


def _values(cols, i):
    return {name: values[i] for name, values in cols}


def test_cue_relative_columns_place_tokens_around_the_cue(docs):
    doc = docs[1]  # "We are still waiting," he said. According to the ministry, talks will resume.
    said = [t.i for t in doc if t.text == "said"][0]
    he = [t.i for t in doc if t.text == "he"][0]
    talks = [t.i for t in doc if t.text == "talks"][0]
    cols = cue_relative_columns(doc, [said])
    assert [name for name, _ in cols] == cue_relative_names()
    assert all(len(values) == len(doc) for _, values in cols)
    assert _values(cols, said)["pr="] == "SELF" and _values(cols, said)["pdist="] == "0"
    v = _values(cols, he)  # the subject of "said", one to its left (distance +1: the cue is to the right)
    assert (v["pr="], v["psd="], v["pu="], v["pdist="], v["ps="]) == ("nsubj", "L", "0", "1", "1")
    assert _values(cols, said + 1)["-1pr="] == "SELF"
    assert _values(cols, 0)["pdist="] == "+far"  # the opening quote, far before "said" in its sentence
    v = _values(cols, talks)  # the next sentence has no cue token, the one before has
    assert (v["pr="], v["pdist="], v["ps="], v["pp="]) == ("-", "-", "0", "1")
    names = column_names() + cue_relative_names()
    for name, values in cols:
        for value in values:
            if value is not None:  # the neighbours' relation past either end
                assert split_feature(name + value, names) == (name, value)


def _nearest_cue_by_walking(doc, cue):
    """The definition: walk up the heads from each token to the first cue token (at most 12 levels)."""
    out = []
    for t in doc:
        found = ("-", "0")
        child, up = t, 0
        while child.head.i != child.i and up < 12:
            if child.head.i in cue:
                found = (child.dep_, str(min(up, 4)))
                break
            child, up = child.head, up + 1
        out.append(("SELF", "0") if t.i in cue else found)
    return out


def test_cue_relative_relations_equal_the_walk_up_the_tree(docs):
    rnd = random.Random(5)
    for doc in docs:
        for _ in range(5):
            cue = {t.i for t in doc if rnd.random() < 0.15}
            cols = dict(cue_relative_columns(doc, sorted(cue)))
            assert list(zip(cols["pr="], cols["pu="])) == _nearest_cue_by_walking(doc, cue)


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


def _train_toy_model(docs, tmp_path, stacked=()):
    """Small CRFs trained here (stacked roles on the gold cue tokens, as train.py does) and exported."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    rnd = random.Random(3)
    base = [feature_strings(token_columns(d)) for d in docs]
    # an arbitrary but learnable labelling: verbs are cues, and each role takes some of what follows them
    cue_labels = [["B" if t.pos_ == "VERB" else "O" for t in d] for d in docs]
    files = {}
    for role in ROLES:
        trainer = pycrfsuite.Trainer(algorithm="l2sgd", verbose=False)
        for doc, xseq, cues in zip(docs, base, cue_labels):
            labels = []
            for t in doc:
                prev = labels[-1] if labels else "O"
                labels.append("B" if t.pos_ == "VERB" else ("I" if prev != "O" and rnd.random() < 0.7 else "O"))
            if role in stacked:
                gold = [i for i, lab in enumerate(cues) if lab != "O"]
                xseq = [x + y for x, y in zip(xseq, feature_strings(cue_relative_columns(doc, gold)))]
            trainer.append(xseq, cues if role == "cue" else labels)
        trainer.set_params({"max_iterations": 5, "feature.possible_transitions": True})
        files[role] = tmp_path / f"{role}.crfsuite"
        trainer.train(str(files[role]))
    export_model(files, tmp_path / MODEL_FILE, stacked=stacked)
    refs = {}
    for role in ROLES:
        refs[role] = pycrfsuite.Tagger()
        refs[role].open(str(files[role]))
    return AttributionTagger(tmp_path), refs


def test_decoder_tags_exactly_as_crfsuite(docs, tmp_path):
    """Without stacked roles (models before 2.1.0): each role's labels as crfsuite gives from the columns."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    ours, refs = _train_toy_model(docs, tmp_path)
    assert ours.available and ours.stacked == () and "stacked" not in ours.meta
    for doc in docs:
        cols = token_columns(doc)
        xseq = feature_strings(cols)
        state = ours.scores(cols)
        for role in ROLES:
            k = ours.roles.index(role)
            path = viterbi(state[:, 3 * k:3 * k + 3], ours.transitions[k])
            assert [ours.labels[k][y] for y in path] == refs[role].tag(pycrfsuite.ItemSequence(xseq))
        want = {role: bio_runs(refs[role].tag(pycrfsuite.ItemSequence(xseq))) for role in ROLES}
        assert ours.tag(doc) == want
        assert ours.tag_columns(cols) == want  # no doc needed


def test_stacked_decoder_tags_exactly_as_crfsuite(docs, tmp_path):
    """Speaker and content stacked on the cue: crfsuite's labels for the base features plus the features
    relative to the cue tokens crfsuite's cue CRF found."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    ours, refs = _train_toy_model(docs, tmp_path, stacked=("speaker", "content"))
    assert ours.stacked == ("speaker", "content")
    found_cues = 0
    for doc in docs:
        cols = token_columns(doc)
        xseq = feature_strings(cols)
        cue = bio_runs(refs["cue"].tag(pycrfsuite.ItemSequence(xseq)))
        cue_tokens = [i for a, b in cue for i in range(a, b)]
        found_cues += len(cue_tokens)
        more = feature_strings(cue_relative_columns(doc, cue_tokens))
        want = {"cue": cue}
        for role in ("speaker", "content"):
            want[role] = bio_runs(refs[role].tag(pycrfsuite.ItemSequence([x + y for x, y in zip(xseq, more)])))
        assert ours.tag(doc) == want
        assert ours.tag(doc, cols) == want
        with pytest.raises(ValueError):
            ours.tag_columns(cols)  # the stacked roles need the parse
    assert found_cues


def test_shipped_model_loads_and_is_small():
    path = MODEL_DIR / MODEL_FILE
    assert path.stat().st_size < 50e6
    tagger = AttributionTagger()
    assert tagger.available
    assert tagger.meta["version"] == (MODEL_DIR / "VERSION").read_text().strip()
    assert set(tagger.stacked) <= set(ROLES) - {"cue"}
    assert set(tagger.index) <= set(column_names()) | (set(cue_relative_names()) if tagger.stacked else set())
    assert set(tagger.index) >= set(cue_relative_names()) if tagger.stacked else True


def test_word_clusters_group_cue_words_the_tagger_never_saw_with_ones_it_did(docs):
    from wirecoder.statements.lexicon import load_word_clusters

    table = load_word_clusters()
    assert len(table) > 20000
    # the fine cluster of a rare cue is that of a common one: "likened" goes with "compared"
    assert table["likened"][1] == table["compared"][1]
    assert table["criticized"][1] == table["criticised"][1]
    doc = docs[0]
    strings = feature_strings(token_columns(doc))
    told = [t.i for t in doc if t.text == "told"][0]
    coarse, fine = table["told"]
    assert f"wk={coarse}" in strings[told] and f"wf={fine}" in strings[told]
    assert f"-1wk={coarse}" in strings[told + 1]  # "reporters" sees the cluster of "told"
    # the shipped model has weights for the cluster columns
    assert {"wk=", "wf=", "hk="} <= set(AttributionTagger().index)


def test_train_script_stacks_on_the_cue_tokens_of_other_folds(nlp, tmp_path):
    """training/statements/train.py end to end on a tiny PolNeAR-format folder: jackknifed cue
    tokens for the stacked roles, one model file the tagger loads."""
    import subprocess
    import sys
    from pathlib import Path

    pytest.importorskip("pycrfsuite")
    root = Path(__file__).resolve().parent.parent
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    speakers = ["Peskov", "Lavrov", "Zakharova", "Ushakov"]
    for k, name in enumerate(speakers):
        text = f"{name} said that the talks would resume. The weather was fine."
        cue = text.index("said")
        content = text.index("that")
        end = text.index(".")
        (tmp_path / "text" / f"a{k}.txt").write_text(text, encoding="utf-8")
        (tmp_path / "attributions" / f"a{k}_x.ann").write_text(
            f"T1\tSource 0 {len(name)}\t{name}\nT2\tCue {cue} {cue + 4}\tsaid\n"
            f"T3\tContent {content} {end}\t{text[content:end]}\n", encoding="utf-8")
    out = tmp_path / "model"
    done = subprocess.run(
        [sys.executable, str(root / "training" / "statements" / "train.py"), "--train", str(tmp_path),
         "--out", str(out), "--iterations", "3", "--minfreq", "1", "--stack-folds", "2", "--version", "0.0.1"],
        capture_output=True, text=True, cwd=root, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "cue tokens for the stacked roles from 2 folds" in done.stderr
    tagger = AttributionTagger(out)
    assert tagger.stacked == ("speaker", "content") and tagger.meta["version"] == "0.0.1"
    doc = nlp("Peskov said that the talks would resume.")
    runs = tagger.tag(doc)
    assert set(runs) == set(ROLES)


def test_doubled_apostrophes_are_quote_marks_only_when_asked():
    from wirecoder.statements.quotes import quote_regions
    text = "''It is over,'' she said. The students' union and \"the others\" agreed."
    assert [text[a:b] for a, b in quote_regions(text, doubled=True)] == ["''It is over,''", '"the others"']
    assert [text[a:b] for a, b in quote_regions(text)] == ['"the others"']
