"""tools/trace_events.py classifies each missed gold event by the coder's own steps (it calls the coder's
filters, so a change there cannot leave the tool behind)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _gold_line(text, trigger, cameo, source, target):
    def side(words, code):
        start = text.index(words)
        return {"start": start, "end": start + len(words), "text": words, "code": code}

    start = text.index(trigger)
    return json.dumps({
        "id": "t1", "url": None, "date": "2026-03-10", "title": None, "text": text,
        "events": [{"sentence": {"start": 0, "end": len(text)},
                    "trigger": {"start": start, "end": start + len(trigger), "text": trigger},
                    "cameo": cameo, "source": side(*source), "target": side(*target),
                    "negated": False, "modality": "asserted"}],
        "sentences": [{"start": 0, "end": len(text), "n_events": 1}], "sentences_judged": 1,
    })


def test_a_missed_event_is_classed_by_the_filter_that_dropped_it(tmp_path):
    text = "If the talks fail, the Russian army could attack the Ukrainian town of Izium."
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line(text, "attack", "190", ("the Russian army", "RUSMIL"),
                               ("the Ukrainian town of Izium", "UKR")) + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "trace_events.py"), str(gold), "--quiet"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "missed gold events: 1" in out.stdout
    assert "filtered:modality:hypothetical" in out.stdout
