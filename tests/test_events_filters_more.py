"""Narrowed not-an-event filters (evfilter2): clauses that narrate a reported act are coded."""

from __future__ import annotations

import pytest

from conftest import assert_spans_ok


def code(coder, text, date="2026-03-10"):
    record = coder.code(text, date=date)
    assert_spans_ok(record)
    return record


def _by_trigger(record, word):
    return [e for e in record.events if e.trigger.text == word]


def test_a_participle_set_off_by_a_comma_with_its_agent_narrates_the_act(coder):
    rec = code(coder, "The ministry said the case began with the reporter Ana Petrova, arrested by Serbian police "
                      "at the border in May.")
    evs = _by_trigger(rec, "arrested")
    assert evs, [(e.trigger.text, e.cameo) for e in rec.events]
    assert evs[0].cameo.startswith("17")


def test_a_restrictive_participle_with_an_agent_still_describes_who_they_are(coder):
    rec = code(coder, "The fighters backed by Iran fired rockets at the port, a spokesman said.")
    assert not _by_trigger(rec, "backed")


def test_considering_a_person_is_not_considering_a_policy_option(coder):
    rec = code(coder, "Governor Ellen Marsh said she was considering Tom Becker, a party donor, for the race.")
    assert not _by_trigger(rec, "considering")


def test_considering_a_measure_is_still_a_policy_option(coder):
    rec = code(coder, "The White House is considering new tariffs on Chinese steel makers, officials said.")
    assert [e.cameo for e in _by_trigger(rec, "considering")] == ["014"]


def test_a_bill_withholding_funds_promised_on_a_condition_is_a_threat_by_its_author(coder):
    rec = code(coder, "U.S. Sen. Mark Dell said if the rule goes forward, he would introduce legislation "
                      "withholding federal funds from the New York City government.")
    evs = _by_trigger(rec, "withholding")
    assert [(e.cameo, e.source.code, e.target.code) for e in evs] == [("1311", "USALEG", "USAGOV")]


def test_a_bill_withholding_funds_with_no_condition_still_describes_the_bill(coder):
    rec = code(coder, "U.S. Sen. Mark Dell introduced legislation withholding federal funds from the New York "
                      "City government.")
    assert not _by_trigger(rec, "withholding")


def test_not_events_verb_objects_keep_every_entry_of_a_verb():
    # not_events.yaml once held two `back:` keys and YAML kept only the last ("back the car", not "the claims")
    import yaml
    from wirecoder.events import checks

    text = (checks.DATA / "not_events.yaml").read_text(encoding="utf-8")
    keys = [line.split(":")[0].strip() for line in text.split("verb_objects:", 1)[1].split("\n\n", 1)[0].splitlines()
            if line.startswith("  ") and not line.startswith("    ")]
    assert len(keys) == len(set(keys)), keys
    assert {"claims", "car"} <= set(yaml.safe_load(text)["verb_objects"]["back"])


@pytest.mark.parametrize("text", [
    "A senior Kenyan foreign ministry official requested anonymity because he was not authorized to discuss the talks.",
    "The Kenyan foreign ministry requested comment from the Ugandan embassy on the border closure.",
])
def test_requesting_anonymity_or_comment_is_no_appeal(coder, text):
    assert not _by_trigger(code(coder, text), "requested")


def test_the_owner_of_an_arrest_with_an_of_object_is_its_doer(coder):
    rec = code(coder, "The Kenyan foreign ministry condemned Uganda's arrest of the opposition journalist Ali Hassan.")
    (ev,) = _by_trigger(rec, "arrest")
    assert ev.cameo == "173"
    assert ev.source is not None and ev.source.code == "UGAGOV"
    assert "Ali Hassan" in ev.target.text
