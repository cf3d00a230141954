"""Actors: a name ending in Sr./Jr. whose full stop the parser split off and took for the phrase's head is still a
person (sentences written for these tests)."""

from conftest import events_of


def test_a_suffixed_name_split_at_its_full_stop_is_a_person_target(coder):
    text = ("CHICAGO -- The inquiry began with the case of Marcus Dell Sr., arrested by county deputies at the same "
            "warehouse on the same night.")
    evs = [e for e in events_of(coder, text) if e.trigger.text == "arrested"]
    assert evs, "no arrest coded"
    assert evs[0].target is not None and evs[0].target.code == "USACVL"
    assert "Dell" in evs[0].target.text


def test_split_abbreviation_only_takes_a_name_before_a_stop(coder):
    from wirecoder.events import coref

    doc = coder.nlp("He met the mayor.")
    assert coref.split_abbreviation(doc[-1]) is None
    assert coref.split_abbreviation(doc[2]) is None
