"""Actors: a singular body binds "their" on its verb's object, and an appeal for an act is aimed at the agent the
act names ("a call for government intervention"); sentences written for these tests."""

from conftest import event_on, events_of


def test_their_after_a_singular_council_is_the_council(coder):
    text = ("MANILA -- Coffee prices fell again this month. The Coffee Council, made up of four growers' groups, on "
            "Monday renewed their call for prompt government intervention.")
    ev = event_on(events_of(coder, text), "call")
    assert ev.source is not None and ev.source.code == "PHLBUS"
    assert ev.target is not None and ev.target.text == "government" and ev.target.code == "PHLGOV"


def test_their_after_a_singular_noun_that_is_no_body_is_left_alone(coder):
    from wirecoder.events import coref

    doc = coder.nlp("The senator renewed their call for a ban.")
    their = next(t for t in doc if t.lower_ == "their")
    assert coref.bound_antecedent(their, frozenset({"council"})) is None
    doc = coder.nlp("The council renewed their call for a ban.")
    their = next(t for t in doc if t.lower_ == "their")
    assert coref.bound_antecedent(their, frozenset({"council"})).text == "council"


def test_an_appeal_for_an_act_with_no_agent_named_has_no_target(coder):
    from wirecoder.events import coref

    doc = coder.nlp("The union called for an immediate ceasefire.")
    called = next(t for t in doc if t.lower_ == "called")
    assert coref.requested_agent(called) is None
    doc = coder.nlp("The union called for police protection.")
    called = next(t for t in doc if t.lower_ == "called")
    assert coref.requested_agent(called).text == "police"
