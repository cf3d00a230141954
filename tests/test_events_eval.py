"""The events scorer (wirecoder eval events) on small hand-made gold: no ../shared needed."""

from __future__ import annotations

import json

from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.eval import events as ev
from wirecoder.record import ActorRef, Event, Span

TEXT = (
    "Ruritanian troops shelled the border town of Vella on Monday. "
    "The foreign minister of Osterlich condemned the shelling. "
    "Weather was mild."
)
S1 = (0, TEXT.index("Monday.") + 7)
S2 = (S1[1] + 1, TEXT.index("shelling.") + 9)
S3 = (S2[1] + 1, len(TEXT))


def _span(word: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(word, start + 1)
    return {"start": start, "end": start + len(word), "text": word}


def _gold_line(**over) -> dict:
    row = {
        "id": "a1", "date": "2024-03-04", "title": "t", "text": TEXT,
        "events": [
            {"sentence": {"start": S1[0], "end": S1[1]}, "trigger": _span("shelled"), "cameo": "194",
             "source": {**_span("Ruritanian troops"), "code": "RURMIL"}, "target": None,
             "negated": False, "modality": "asserted"},
            {"sentence": {"start": S2[0], "end": S2[1]}, "trigger": _span("condemned"), "cameo": "111",
             "source": {**_span("foreign minister"), "code": "OSTGOV"},
             "target": {**_span("Ruritanian troops"), "code": "RURMIL"},
             "negated": False, "modality": "asserted"},
        ],
        "sentences_judged": 3, "sentences_no_event": 1,
        "sentences": [{"start": s[0], "end": s[1], "n_events": n} for s, n in ((S1, 1), (S2, 1), (S3, 0))],
    }
    row.update(over)
    return row


def _write(tmp_path, rows) -> str:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _event(word, cameo, source=None, target=None, negated=False, occurrence=0) -> Event:
    t = _span(word, occurrence)

    def actor(code):
        return None if code is None else ActorRef(0, 4, TEXT[:4], code=code)

    return Event(trigger=Span(t["start"], t["end"], t["text"]), cameo=cameo, source=actor(source),
                 target=actor(target), negated=negated)


def test_perfect_prediction_scores_one(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    pred = [_event("shelled", "194", "RURMIL"), _event("condemned", "111", "OSTGOV", "RURMIL")]
    res = ev.evaluate(gold, predict=lambda a: pred)
    assert res["events"]["precision"] == 1.0 and res["events"]["recall"] == 1.0
    assert res["code_accuracy"] == 1.0 and res["negation_accuracy"] == 1.0
    assert res["per_100_sentences"] == {"coder": 66.7, "gold": 66.7}


def test_country_of_a_coded_side_must_agree_but_root_only_ignores_it(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    # right root, wrong source country on the shelling; the condemnation lacks its target
    pred = [_event("shelled", "190", "OSTMIL"), _event("condemned", "112", "OSTGOV", None)]
    res = ev.evaluate(gold, predict=lambda a: pred)
    assert res["events"]["tp"] == 0 and res["events"]["fp"] == 2 and res["events"]["fn"] == 2
    assert res["root"]["tp"] == 2 and res["root"]["precision"] == 1.0


def test_uncoded_gold_side_sets_no_condition_and_country_is_first_three_letters(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    # the shelling's gold target is null: any target passes; RURREB has the country of RURMIL
    pred = [_event("shelled", "193", "RURREB", "OSTCVL")]
    res = ev.evaluate(gold, predict=lambda a: pred)
    assert res["events"]["tp"] == 1
    assert res["code_accuracy"] == 0.0  # 193 is not 194


def test_trigger_must_lie_in_the_gold_sentence(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    # a 19x at 'shelling' (sentence 2) does not stand for the shelling of sentence 1
    pred = [_event("shelling", "194", "RURMIL")]
    res = ev.evaluate(gold, predict=lambda a: pred)
    assert res["events"]["tp"] == 0 and res["root"]["tp"] == 0


def test_matching_is_one_to_one(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    pred = [_event("shelled", "194", "RURMIL"), _event("shelled", "194", "RURMIL"), _event("Vella", "190", "RURMIL")]
    res = ev.evaluate(gold, predict=lambda a: pred)
    assert res["events"]["tp"] == 1 and res["events"]["fp"] == 2
    assert res["per_100_sentences"]["coder"] == 100.0


def test_matching_is_maximum_not_greedy():
    sent = (0, 50)
    side = ev.Side("RURMIL")
    g = [ev.ScoredEvent((10, 13), "190", side, None, sentence=sent),
         ev.ScoredEvent((0, 3), "190", side, ev.Side("OSTGOV"), sentence=sent)]
    # p0 fits both gold events and is nearest the first; p1 fits only the first: a greedy pass
    # giving p0 to the first loses the second
    p = [ev.ScoredEvent((11, 14), "190", side, ev.Side("OSTGOV")), ev.ScoredEvent((1, 3), "190", side, None)]
    assert len(ev.match(g, p)) == 2


def test_negation_accuracy(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    pred = [_event("shelled", "194", "RURMIL", negated=True), _event("condemned", "111", "OSTGOV", "RURMIL")]
    res = ev.evaluate(gold, predict=lambda a: pred)
    assert res["negation_accuracy"] == 0.5


def test_parts_split_every_fourth_article(tmp_path):
    rows = [_gold_line(id=f"a{i}") for i in range(8)]
    gold = _write(tmp_path, rows)
    arts = ev.load_gold(gold)
    assert [a.id for a in ev.select_part(arts, "confirm")] == ["a3", "a7"]
    assert len(ev.select_part(arts, "tune")) == 6
    res = ev.evaluate(gold, part="confirm", predict=lambda a: [])
    assert res["articles"] == 2 and res["events"]["recall"] == 0.0


def test_bad_gold_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(_gold_line()) + "\n{\"id\": \"x\"}\n", encoding="utf-8")
    try:
        ev.load_gold(path)
    except ValueError as exc:
        assert "bad.jsonl:2" in str(exc)
    else:
        raise AssertionError("no error for a line without text")


def test_cli_scores_coded_records_and_prints_per_article_table(tmp_path):
    gold = _write(tmp_path, [_gold_line()])
    rec = {"id": "a1", "text": TEXT, "events": [
        {"trigger": _span("shelled"), "cameo": "194", "source": {"start": 0, "end": 4, "text": "Ruri", "code": "RURMIL"},
         "target": None, "negated": False},
    ]}
    records = tmp_path / "rec.jsonl"
    records.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["eval", "events", gold, "--records", str(records), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["events"]["precision"] == 1.0 and data["events"]["recall"] == 0.5
    out = CliRunner().invoke(cli, ["eval", "events", gold, "--records", str(records), "-v"])
    assert out.exit_code == 0 and "root+countries" in out.output and "a1" in out.output
