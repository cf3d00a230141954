"""Scene and setting filters (evfilter, 2026-12-03): a talk given to a reporter and a progressive that sets
the scene of another act are not events of their own."""

from __future__ import annotations

from test_events_filters_more import _by_trigger, code


def _show(rec):
    return [(e.trigger.text, e.cameo) for e in rec.events]


def test_a_pair_discussing_a_plan_in_an_interview_is_not_a_meeting(coder):
    rec = code(coder, "In a long interview with the Daily Ledger, U.S. Secretary of State Antony Blinken and "
                      "Egyptian Foreign Minister Sameh Shoukry discussed the ceasefire plan.")
    assert not _by_trigger(rec, "discussed"), _show(rec)


def test_a_pair_discussing_a_plan_in_a_city_still_meets(coder):
    rec = code(coder, "In Cairo, U.S. Secretary of State Antony Blinken and Egyptian Foreign Minister Sameh "
                      "Shoukry discussed the ceasefire plan.")
    assert [e.cameo[:2] for e in _by_trigger(rec, "discussed")] == ["04"], _show(rec)


def test_a_past_progressive_with_a_when_clause_sets_the_scene(coder):
    rec = code(coder, "Sergeant Ray Colton said he was investigating a theft when the suspect punched him.")
    assert not _by_trigger(rec, "investigating"), _show(rec)


def test_a_past_progressive_without_a_when_clause_is_still_the_act(coder):
    rec = code(coder, "Sergeant Ray Colton said he was investigating a theft at the mall on Monday.")
    assert [e.cameo for e in _by_trigger(rec, "investigating")] == ["090"], _show(rec)
