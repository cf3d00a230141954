import json

from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.eval.cameo import bio_spans, char_to_tokens, detokenise, evaluate
from wirecoder.eval.cameo_data import read_class, split


def test_detokenise_keeps_each_token_at_its_offsets():
    tokens = ["The", "army", "'s", "chief", "(", "retired", ")", "said", "no", ",", "officials", "said", "."]
    text, offsets = detokenise(tokens)
    assert text == "The army's chief (retired) said no, officials said."
    assert [text[a:b] for a, b in offsets] == tokens


def test_bio_spans_count_both_role_for_source_and_target():
    sources, targets = bio_spans(["B-S", "I-S", "O", "B-T", "O", "B-R", "I-T"])
    assert sources == {(0, 2), (5, 6)}
    assert targets == {(3, 4), (5, 6), (6, 7)}


def test_char_spans_map_to_the_tokens_they_cover():
    text, offsets = detokenise(["Rebel", "fighters", "attacked", "the", "base", "."])
    assert char_to_tokens(text.index("Rebel"), text.index("attacked") - 1, offsets) == (0, 2)
    assert char_to_tokens(len(text) + 5, len(text) + 9, offsets) is None


def test_holdout_split_is_fixed_and_disjoint():
    rows = [(f"sentence {i}", i % 5) for i in range(100)]
    fit, held = split(rows)
    assert len(held) == 20 and len(fit) == 80
    assert not set(fit) & set(held)
    assert split(rows) == (fit, held)


def _write_sets(tmp_path):
    (tmp_path / "cameo_class").mkdir()
    (tmp_path / "cameo_ner").mkdir()
    (tmp_path / "cameo_class" / "train.tsv").write_text(
        "Rebel fighters attacked an army checkpoint near the border.\t4\n"
        "Police arrested three opposition activists in the capital.\t4\n"
        "The two presidents met in Vienna to discuss trade.\t1\n"
        "The minister accused the neighbouring government of lying.\t3\n",
        encoding="utf-8",
    )
    rows = [
        ("Rebel B-S", "fighters I-S", "attacked O", "an B-T", "army I-T", "checkpoint I-T", ". O"),
        ("Police B-S", "arrested O", "three B-T", "opposition I-T", "activists I-T", ". O"),
    ]
    (tmp_path / "cameo_ner" / "train.txt").write_text(
        "\n\n".join("\n".join(r) for r in rows) + "\n", encoding="utf-8"
    )


def test_evaluate_scores_a_small_set(tmp_path, coder):
    _write_sets(tmp_path)
    result = evaluate(tmp_path, coder=coder)
    cls = result["cameo_class"]
    assert cls["split"] == "train" and cls["sentences"] == 4
    assert 0.0 <= cls["macro_f1"] <= 1.0
    assert cls["per_class_f1"]["4"] > 0  # violent events are found
    spans = result["cameo_ner"]
    assert spans["source"]["tp"] == 2  # "Rebel fighters", "Police"
    assert spans["target"]["tp"] >= 1
    assert spans["average_f1"] == round((spans["source"]["f1"] + spans["target"]["f1"]) / 2, 4)


def test_cli_eval_cameo_json(tmp_path):
    _write_sets(tmp_path)
    out = CliRunner().invoke(cli, ["eval", "cameo", str(tmp_path), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output[out.output.index("{"):])
    assert set(data) >= {"cameo_class", "cameo_ner"}


def test_holdout_meets_the_floor_on_shared_data(shared, coder):
    folder = shared / "data" / "cameo"
    assert len(read_class(folder / "cameo_class" / "train.tsv")) > 1000
    result = evaluate(folder, "holdout", coder=coder, limit=120)
    # The set has an event in every sentence, so macro-F1 rewards coding every one; the coder writes
    # only the rows it is sure of (docs/events.md: 0.58 on these 120). What it codes must be right.
    assert result["cameo_class"]["coded_accuracy"] >= 0.8
    assert result["cameo_class"]["macro_f1"] >= 0.5
    assert result["cameo_ner"]["source"]["f1"] >= 0.5
