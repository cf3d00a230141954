"""`wirecoder code --jobs 2` writes the same records, in the same order, as one process."""

from __future__ import annotations

import json

from click.testing import CliRunner

from wirecoder.cli import cli
from wirecoder.ingest import iter_inputs

CITIES = ["MOSCOW", "KIEV", "ANKARA", "BRUSSELS", "TEHRAN", "WARSAW"]
SPEAKERS = ["Deputy Foreign Minister Sergei Orlov", "Defence Ministry spokesperson Olena Marchuk",
            "Prime Minister Ahmet Demir", "EU foreign policy chief Ines Laurent"]
CLAIMS = ["has not yet fulfilled its obligations under the grain deal",
          "violated the ceasefire near the border overnight",
          "is ready to resume the talks in Geneva next week",
          "will impose new sanctions on the shipping companies"]


def _story(i: int) -> str:
    city, who = CITIES[i % len(CITIES)], SPEAKERS[i % len(SPEAKERS)]
    claim, other = CLAIMS[i % len(CLAIMS)], CLAIMS[(i + 1) % len(CLAIMS)]
    return (f"{city}, October {i + 1}. /TASS/. {who} said on Monday that the government {claim}.\n\n"
            f"\u201cWe expect an answer,\u201d the official added. According to the ministry, the other side "
            f"{other}.\n")


def test_two_jobs_give_the_same_records_in_the_same_order(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = [json.dumps({"id": f"wire-{i}", "text": _story(i), "date": f"2026-10-{i + 1:02d}"}) for i in range(14)]
    lines.insert(3, "{broken json")
    lines.insert(9, json.dumps({"id": "empty-body", "text": "  "}))
    (corpus / "a-wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for i in range(5):
        (corpus / f"b-story-{i}.txt").write_text(_story(20 + i), encoding="utf-8")
    (corpus / "c-binary.txt").write_bytes(bytes(range(256)) * 8)

    runner = CliRunner()
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}.jsonl"
        result = runner.invoke(cli, ["code", str(corpus), "--jobs", str(jobs), "-o", str(out)])
        assert result.exit_code == 2, result.output  # some inputs are bad on purpose
        outputs[jobs] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]

    one, two = outputs[1], outputs[2]
    assert [r["id"] for r in two] == [r["id"] for r in one] == [i.id for i in iter_inputs([str(corpus)])]
    assert two == one
    errors = [r["id"] for r in one if "error" in r]
    assert {"a-wire:4", "empty-body"} <= set(errors)
    assert len(one) - len(errors) >= 19
