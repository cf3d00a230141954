"""`wirecoder eval polnear`: scoring against PolNeAR-format brat folders."""

import json

from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.eval.polnear import load_gold, match_count, parse_ann, score

TEXT = ('Kremlin spokesman Dmitry Peskov said on Monday that the talks had stalled. '
        '"We see no progress," he added.\n')


def offsets(text, snippet):
    a = text.index(snippet)
    return a, a + len(snippet)


def write_folder(root, text=TEXT, annotators=("b222", "a111")):
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "wire_2024-01-01_talks.txt").write_text(text, encoding="utf-8")
    s1 = offsets(text, "Kremlin spokesman Dmitry Peskov")
    c1 = offsets(text, "said")
    t1 = offsets(text, "that the talks had stalled")
    q = offsets(text, '"We see no progress,"')
    he = offsets(text, "he")
    ad = offsets(text, "added")
    lines = [
        f"T1\tSource {s1[0]} {s1[1]}\t{text[s1[0]:s1[1]]}",
        f"T2\tCue {c1[0]} {c1[1]}\tsaid",
        f"T3\tContent {t1[0]} {t1[1]}\t{text[t1[0]:t1[1]]}",
        f"T4\tAttribution {c1[0]} {c1[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {he[0]} {he[1]}\the",
        f"T6\tCue {ad[0]} {ad[1]}\tadded",
        f"T7\tContent {q[0]} {q[1]}\t{text[q[0]:q[1]]}",
    ]
    for name in annotators:
        body = lines if name == "a111" else lines[:3]  # the other annotator found less
        (root / "attributions" / f"wire_2024-01-01_talks_{name}.ann").write_text("\n".join(body) + "\n")
    return root


def test_parse_ann_reads_roles_and_discontinuous_spans():
    roles = parse_ann("T1\tSource 0 5\tabcde\nT2\tContent 10 20;30 40\tx y\nT3\tAttribution 6 8\tzz\n")
    assert roles["speaker"] == [[(0, 5)]]
    assert roles["content"] == [[(10, 20), (30, 40)]]
    assert roles["cue"] == []


def test_first_annotator_in_sorted_order_is_used(tmp_path):
    (art,) = load_gold(write_folder(tmp_path))
    assert art.annotation_file.endswith("_a111.ann")
    assert len(art.units["speaker"]) == 2
    assert art.publisher == "wire"


def test_exact_ignores_punctuation_but_not_words():
    text = '"We see no progress," he said.'
    gold = [frozenset(range(0, 21))]  # with the quote marks and comma
    assert match_count(gold, [frozenset(range(1, 19))], text, "exact")[0] == 1
    assert match_count(gold, [frozenset(range(4, 19))], text, "exact")[0] == 0
    assert match_count(gold, [frozenset(range(4, 19))], text, "overlap")[0] == 1
    assert match_count(gold, [frozenset(range(13, 19))], text, "overlap")[0] == 0


def test_matching_is_one_to_one():
    text = "abcdefghij"
    gold = [frozenset(range(0, 10))]
    pred = [frozenset(range(0, 9)), frozenset(range(1, 10))]
    tp, ng, np_ = match_count(gold, pred, text, "overlap")
    assert (tp, ng, np_) == (1, 1, 2)


def test_perfect_predictions_score_one_and_empty_score_zero(tmp_path):
    arts = load_gold(write_folder(tmp_path))
    perfect = {a.name: a.units for a in arts}
    res = score(arts, perfect)
    for mode in ("exact", "overlap"):
        for role in ("speaker", "cue", "content"):
            assert res["overall"][mode][role]["f1"] == 1.0
    res = score(arts, {})
    assert res["overall"]["exact"]["speaker"]["recall"] == 0.0
    assert "wire" in res["publishers"]


def test_cli_scores_wirecoder_on_a_folder(tmp_path):
    folder = write_folder(tmp_path / "polnear")
    result = CliRunner().invoke(cli, ["eval", "polnear", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output[result.output.index("{"):])
    assert data["articles"] == 1
    assert data["overall"]["overlap"]["cue"]["recall"] > 0  # it finds at least one of the cues
    text_out = CliRunner().invoke(cli, ["eval", "polnear", str(folder)])
    assert "exact" in text_out.output and "wire" in text_out.output


def test_polnear_dev_loads_with_publishers(shared):
    arts = load_gold(shared / "data" / "polnear" / "dev")
    assert len(arts) >= 80
    assert {"breitbart", "wash-post"} <= {a.publisher for a in arts}
    for a in arts[:5]:
        for unit in a.units["content"]:
            assert max(unit) < len(a.text)


def test_cli_switches_a_rule_off_and_writes_predictions(tmp_path):
    folder = write_folder(tmp_path / "polnear")
    out = tmp_path / "pred.json"
    cache = tmp_path / "docs"
    first = CliRunner().invoke(cli, ["eval", "polnear", str(folder), "--json", "--predictions", str(out),
                                     "--doc-cache", str(cache)])
    assert first.exit_code == 0, first.output
    predictions = json.loads(out.read_text())
    (statements,) = predictions.values()
    assert any(st["cue"] is not None for st in statements)
    assert len(list(cache.iterdir())) == 1  # the parse, kept
    again = CliRunner().invoke(cli, ["eval", "polnear", str(folder), "--json", "--doc-cache", str(cache),
                                     "--without", "speaker-time", "--without", "cut-cue"])
    assert again.exit_code == 0, again.output
    # neither rule fires on this article: the scores stay
    assert json.loads(again.output[again.output.index("{"):]) == json.loads(first.output[first.output.index("{"):])
    listed = CliRunner().invoke(cli, ["eval", "polnear", str(folder), "--without", "list"])
    assert "bare-cues-out" in listed.output
    bad = CliRunner().invoke(cli, ["eval", "polnear", str(folder), "--without", "no-such-rule"])
    assert bad.exit_code != 0 and "no-such-rule" in bad.output and "cut-cue" in bad.output
