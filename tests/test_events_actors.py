"""Events actors: how the coder finds who a phrase stands for (sentences written for these tests)."""

import pytest

from conftest import event_on as on, events_of


def test_a_partitive_subject_is_the_group_it_takes_part_of(coder):
    text = ("CHICAGO -- Illinois prosecutors reviewed 40 drug cases last year. Nearly all of the 40 defendants "
            "in those cases have sued the city of Chicago in federal court.")
    ev = on(events_of(coder, text), "sued")
    assert ev.source is not None and ev.source.code == "USACVL"
    assert "defendants" in ev.source.text


def test_none_of_a_group_is_not_an_actor_doing_the_act(coder):
    text = ("CHICAGO -- Three firms were hit by the breach. None of the firms have admitted to paying the "
            "hackers, police said.")
    assert not [e for e in events_of(coder, text) if e.trigger.text == "admitted"]


def test_a_partitive_target_of_the_same_code_as_the_source_is_not_the_source_again(coder):
    # "any of" is a pronoun: it must not read as the source referred to again
    text = "CHICAGO -- The Chicago Police Department will not strip police powers from any of the six officers."
    ev = on(events_of(coder, text), "strip")
    assert ev.source.code == "USACOP"
    assert ev.target is not None and ev.target.code == "USACOP" and "officers" in ev.target.text


def test_an_acronym_stands_for_the_name_given_in_full_before(coder):
    text = ("SPRINGFIELD, Ill. -- The Springfield Police Department opened an inquiry into the break-in on Monday. "
            "On Tuesday SPD arrested two teenagers near the school.")
    ev = on(events_of(coder, text), "arrested")
    assert ev.source.text == "SPD" and ev.source.code == "USACOP"


def test_an_acronym_with_no_name_before_it_is_not_guessed(coder):
    text = ("SPRINGFIELD, Ill. -- The Springfield Police Department opened an inquiry into the break-in on Monday. "
            "On Tuesday XQB arrested two teenagers near the school.")
    assert not [e for e in events_of(coder, text) if e.trigger.text == "arrested"]


def test_the_fact_that_a_clause_tells_is_aimed_at_the_clauses_subject(coder):
    text = "BOSTON -- The city council condemned the fact that a police officer was sent to search the library."
    ev = on(events_of(coder, text), "condemned")
    assert ev.target is not None and ev.target.code == "USACOP" and "officer" in ev.target.text


def test_a_deal_made_with_someone_is_aimed_at_them(coder):
    ev = on(events_of(coder, "CHICAGO -- The mayor's office is negotiating a deal with the protesters."), "negotiating")
    assert ev.target is not None and ev.target.code == "USACVL" and "protesters" in ev.target.text


def test_he_is_not_the_speaker_before_when_another_person_is_named_between(coder):
    text = ("MOSCOW -- Russian Foreign Minister Sergei Lavrov said on Monday that talks with Kiev would resume soon. "
            "Ivan Petrov, a farmer from Tula, drove to the capital for the meeting. He criticised the government of "
            "Ukraine.")
    assert not [e for e in events_of(coder, text) if e.trigger.text == "criticised"]


def test_he_stands_for_the_speaker_named_just_before(coder):
    text = ("MOSCOW -- Russian Foreign Minister Sergei Lavrov said on Monday that talks with Kiev would resume soon. "
            "He criticised the government of Ukraine.")
    ev = on(events_of(coder, text), "criticised")
    assert ev.source.code == "RUSGOV"


def test_a_possessive_on_the_object_stands_for_the_subject_of_its_verb(coder):
    text = "WASHINGTON -- Senate Democrats opened their investigation into Defense Secretary Lloyd Austin on Monday."
    ev = on(events_of(coder, text), "investigation")
    assert ev.source.text == "their" and ev.source.code == "USALEG"


def test_a_possessive_that_does_not_agree_with_the_subject_is_left_alone(coder):
    from wirecoder.events import coref

    doc = coder.nlp("The ministry opened their investigation into the senators.")
    their = next(t for t in doc if t.lower_ == "their")
    assert coref.bound_antecedent(their) is None
    doc = coder.nlp("The ministers opened their investigation into the senators.")
    their = next(t for t in doc if t.lower_ == "their")
    assert coref.bound_antecedent(their).text == "ministers"


def test_the_prosecution_is_an_actor_asking_the_court(coder):
    text = "BOISE, Idaho -- The prosecution asked the judge to postpone the sentencing hearing until March."
    ev = on(events_of(coder, text), "asked")
    assert ev.source.text == "The prosecution" and ev.source.code == "USAJUD"
    assert ev.target is not None and ev.target.code == "USAJUD"


def test_attacks_carried_on_across_a_named_place_are_aimed_at_it(coder):
    text = "Russia has continued its attacks across eastern Ukraine, including near the city of Kharkiv."
    ev = on(events_of(coder, text), "attacks")
    assert ev.source.code == "RUSGOV"
    assert ev.target is not None and ev.target.code == "UKR" and "Ukraine" in ev.target.text


def test_a_city_named_before_its_police_is_not_the_actor(coder):
    text = "Kansas City, Missouri police stormed a warehouse and then arrested its owner early on Friday, according to a union lawyer."
    ev = on(events_of(coder, text), "arrested")
    assert ev.source.code == "USACOP" and "police" in ev.source.text


def test_an_agentless_retelling_of_an_arrest_merged_into_the_lede_is_not_a_new_row(coder):
    text = ("Springfield, Illinois police raided a bar and arrested its owner early on Monday, according to his lawyer. "
            "Video shows officers pushing the owner, Daniel Ortiz, to the floor. Then police arrest Ortiz and put him "
            "in a van. Ortiz was detained for 30 hours before he was released.")
    arrests = [e for e in events_of(coder, text) if e.cameo == "173"]
    assert len(arrests) == 1 and arrests[0].source.code == "USACOP"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_it_is_up_to_someone_to_act_makes_them_the_actor(coder, apostrophe):
    text = f"DENVER -- Now it{apostrophe}s up to the state{apostrophe}s Justice Department to file charges against the two deputies."
    ev = on(events_of(coder, text), "charges")
    assert ev.source.code == "USAGOV" and "Justice Department" in ev.source.text
    assert ev.target is not None and ev.target.code == "USACOP"


def test_a_pronoun_repeating_its_reporting_verbs_subject_is_that_speaker(coder):
    text = ("Israel's military says 40 of its soldiers were wounded in the offensive. "
            "It says it has attacked Hamas militants in Khan Younis.")
    ev = on(events_of(coder, text), "attacked")
    assert ev.source.text == "it" and ev.source.code == "ISRMIL"
    assert ev.target is not None and ev.target.code == "PSEREB"
