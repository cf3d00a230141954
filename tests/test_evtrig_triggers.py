"""Triggers of acts the dev gold codes that the lexicon lacked (data/events/triggers.yaml): a weapon pointed
at someone, a crossing opened, a disagreement, armed forces clearing out or dismantling fighters; and the
PETRARCH-2 verb patterns of a particle verb (events.patterns). Sentences written for these tests."""

from __future__ import annotations

from test_events_filters_more import _by_trigger, code

from wirecoder.events import lexicon, patterns


def test_a_gun_pointed_at_officers_is_a_threat(coder):
    rec = code(coder, "Police in Ohio said the man pointed a gun at two officers outside the store.")
    (ev,) = _by_trigger(rec, "pointed")
    assert ev.cameo == "130"
    assert ev.target is not None and ev.target.code == "USACOP"


def test_pointing_at_a_map_is_no_threat(coder):
    rec = code(coder, "The Ohio governor pointed at a map of the flooded county during the briefing.")
    assert not _by_trigger(rec, "pointed")


def test_a_crossing_opened_is_humanitarian_access(coder):
    rec = code(coder, "Egypt opened the Rafah crossing to aid trucks on Monday.")
    (ev,) = _by_trigger(rec, "opened")
    assert ev.cameo == "0863"
    assert ev.source.code == "EGYGOV"


def test_opening_an_office_is_no_event(coder):
    rec = code(coder, "The Egyptian government opened a new tax office in Cairo on Monday.")
    assert not _by_trigger(rec, "opened")


def test_disagreeing_with_an_official_is_a_rejection(coder):
    rec = code(coder, "The Ohio police chief disagreed with the mayor over the new budget.")
    (ev,) = _by_trigger(rec, "disagreed")
    assert ev.cameo == "120"
    assert ev.source.code == "USACOP" and ev.target.code == "USAGOV"


def test_soldiers_clearing_out_fighters_is_fighting(coder):
    rec = code(coder, "Kenyan soldiers cleared out al-Shabaab fighters from the town of Lamu.")
    (ev,) = _by_trigger(rec, "cleared")
    assert ev.cameo == "190"
    assert ev.source.code.endswith("MIL")


def test_police_clearing_out_a_park_is_no_attack(coder):
    rec = code(coder, "Police in Boston cleared out protesters from the park.")
    assert not [e for e in _by_trigger(rec, "cleared") if e.cameo.startswith("19")]


def test_troops_dismantling_a_militia_is_fighting_but_a_ministry_dismantled_is_not(coder):
    (ev,) = _by_trigger(code(coder, "Afghan troops dismantled a Taliban militia near Kandahar."), "dismantled")
    assert ev.cameo == "190" and ev.source.code == "AFGMIL"
    assert not _by_trigger(code(coder, "The Afghan government vowed to dismantle the old ministry."), "dismantle")


def test_pushing_back_against_a_call_is_a_rejection_trigger():
    lex = lexicon.load()
    assert lex.phrasal["against"]["push"].code == "120"


def test_a_particle_verb_uses_its_own_dictionary_entry(coder):
    # "+CALL_OFF" has its own patterns ("call off * STRIKE" 082); "call" alone has none for a strike
    vp = patterns.load()
    doc = coder.nlp("The union called off the strike.")
    verb = next(t for t in doc if t.lemma_ == "call")
    assert patterns.match(verb, {"call", "called"}, vp) == "082"


def test_students_protesting_the_police_is_dissent_not_an_official_complaint(coder):
    rec = code(coder, "Students at an Ohio college protested the police presence on the campus.")
    (ev,) = _by_trigger(rec, "protested")
    assert ev.cameo == "141"
    assert ev.target is not None and ev.target.code == "USACOP"


def test_a_protest_made_to_a_government_is_an_official_complaint(coder):
    rec = code(coder, "The Kenyan government protested to Uganda over the arrest of its diplomat.")
    (ev,) = _by_trigger(rec, "protested")
    assert ev.cameo == "114"
    assert ev.source.code == "KENGOV" and ev.target.code.startswith("UGA")
