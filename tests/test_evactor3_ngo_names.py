"""Actors: an unknown body whose name ends in Coalition, Foundation, Institute, Project or Network is an NGO of the
story's country, and so is a person named with a title of one (sentences written for these tests)."""

from conftest import events_of


def _sources(coder, text, trigger):
    return [e.source for e in events_of(coder, text) if e.trigger.text == trigger and e.source is not None]


def test_a_person_titled_by_an_unknown_coalition_is_ngo(coder):
    text = ("BOSTON -- The school board removed the novel last week. Dana Whitcomb, the executive director of the "
            "Northern Plains Free Press Coalition, criticized Mayor Tom Baker on Monday.")
    sources = _sources(coder, text, "criticized")
    assert sources and sources[0].code == "USANGO"


def test_an_unknown_foundation_is_ngo(coder):
    text = "BOSTON -- The Marlow Hartley Foundation criticized the governor on Monday over the budget cuts."
    sources = _sources(coder, text, "criticized")
    assert sources and sources[0].code == "USANGO"


def test_a_plain_person_with_another_title_is_not_ngo(coder):
    from wirecoder.events import actor_codes

    doc = coder.nlp("Dana Whitcomb, the owner of Northern Plains Hardware, spoke on Monday.")
    head = next(t for t in doc if t.text == "Whitcomb")
    from wirecoder.events.lexicon import ActorDefaults

    assert not actor_codes._ngo_named(head, ActorDefaults(ngo_name_heads=frozenset({"coalition", "foundation"})))
