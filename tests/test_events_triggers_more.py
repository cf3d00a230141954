"""More trigger patterns (data/events/triggers.yaml) on short wire-style sentences written for these tests."""

from __future__ import annotations

from conftest import assert_spans_ok


def code(coder, text, date="2026-03-10"):
    record = coder.code(text, date=date)
    assert_spans_ok(record)
    return record


def rows(record):
    return [(e.trigger.text, e.cameo) for e in record.events]


def test_a_letter_written_to_an_official_is_an_appeal(coder):
    rec = code(coder, "Members of the Ruritanian parliament have written to the labour minister, "
                      "expressing concern over the mine closures.")
    (ev,) = [e for e in rec.events if e.trigger.text == "written"]
    assert ev.cameo == "020"
    assert ev.source.code.endswith("LEG") and ev.target.code.endswith("GOV")


def test_a_letter_is_coded_by_its_content_when_that_is_an_event(coder):
    rec = code(coder, "The Agriculture Ministry wrote to the US Department of Agriculture to request "
                      "a larger sugar quota.")
    assert ("wrote", "020") not in rows(rec)
    assert "request" in [t for t, _ in rows(rec)]


def test_writing_in_a_memoir_is_no_appeal(coder):
    rec = code(coder, "The former defence minister wrote in his memoir that the war was a mistake.")
    assert "wrote" not in [t for t, _ in rows(rec)]


def test_call_for_with_an_infinitive_clause_is_an_appeal(coder):
    rec = code(coder, "The deputy mayor of the city called for the statue to be returned to the museum.")
    (ev,) = [e for e in rec.events if e.trigger.text == "called"]
    assert ev.cameo[:2] == "02"
    assert ev.source.code.endswith("GOV")


def test_troops_crossing_into_a_country_is_an_incursion(coder):
    rec = code(coder, "Ruritanian troops crossed into Kenya before dawn, the defence ministry said.")
    (ev,) = [e for e in rec.events if e.trigger.text == "crossed"]
    assert ev.cameo == "190"
    assert ev.source.code.endswith("MIL") and ev.target.code.startswith("KEN")


def test_migrants_or_officials_crossing_a_border_is_no_attack(coder):
    for text in ("Thousands of migrants crossed into Texas from Mexico last month, the Border Patrol said.",
                 "The Kenyan president crossed into Uganda by road on his way to Kampala."):
        assert "crossed" not in [t for t, _ in rows(code(coder, text))]


def test_support_for_an_actor_is_directed_at_it(coder):
    rec = code(coder, "The Kenyan president reiterated his support for Ukraine.")
    (ev,) = [e for e in rec.events if e.trigger.text == "support"]
    assert ev.cameo == "051"
    assert ev.source.code.startswith("KEN") and ev.target.code.startswith("UKR")


def test_support_for_a_plan_in_a_poll_is_no_event(coder):
    rec = code(coder, "Public support for the tax plan fell sharply, a poll showed.")
    assert "support" not in [t for t, _ in rows(rec)]
