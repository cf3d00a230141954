"""Event assembly for acts told in a reporting verb's content (events.coder, events.rules): a pronoun subject
stands for the reporter's noun subject, an act the source says it will do is its 03x intent, a deployment is
aimed at its purpose clause's object and codes that clause once; "consider X to be Y" is no policy option.
Sentences written for these tests."""

from __future__ import annotations

from test_events_filters_more import _by_trigger, code


def test_a_deployment_is_aimed_at_its_purpose_and_codes_it_once(coder):
    rec = code(coder, "The Turkish army sent more troops to the border region to attack Kurdish militants.")
    (ev,) = _by_trigger(rec, "sent")
    assert ev.cameo == "154"
    assert ev.source.code == "TURMIL"
    assert ev.target is not None and ev.target.text == "Kurdish militants"
    assert not _by_trigger(rec, "attack")


def test_the_forces_deployed_are_not_the_target(coder):
    rec = code(coder, "Egypt deployed extra soldiers along its border with Libya on Tuesday.")
    (ev,) = _by_trigger(rec, "deployed")
    assert ev.cameo == "154"
    assert ev.target is None


def test_a_pronoun_in_the_reported_clause_is_the_reporter(coder):
    rec = code(coder, "The Chilean government said it would release the detained students.")
    (ev,) = _by_trigger(rec, "release")
    assert ev.source.code == "CHLGOV"


def test_an_act_the_source_says_it_will_do_is_an_intent(coder):
    rec = code(coder, "The Chilean government said it would release the detained students.")
    (ev,) = _by_trigger(rec, "release")
    assert ev.cameo == "0353" and ev.modality == "asserted"
    rec = code(coder, "Chilean truckers said on Monday that they would suspend their strike at the port.")
    (ev,) = _by_trigger(rec, "suspend")
    assert ev.cameo == "0352"


def test_an_act_the_source_says_another_will_do_stays_the_act(coder):
    rec = code(coder, "The French foreign minister said the rebels would release the hostages.")
    (ev,) = _by_trigger(rec, "release")
    assert ev.cameo.startswith("084") and ev.modality == "future"


def test_considering_something_to_be_so_is_no_policy_option(coder):
    rec = code(coder, "The Spanish foreign ministry considers the new tariffs to be illegal.")
    assert not _by_trigger(rec, "considers")
    rec = code(coder, "The Ohio governor is considering a ban on imports from China.")
    (ev,) = _by_trigger(rec, "considering")
    assert ev.cameo == "014"


def test_dismantling_an_armed_group_is_force_whoever_says_it(coder):
    rec = code(coder, "Israel has said that it is working to dismantle Hezbollah, the Lebanese armed group that "
                      "launched a rocket attack on northern Israel in May.")
    (ev,) = _by_trigger(rec, "dismantle")
    assert ev.cameo == "190" and ev.source.code == "ISRGOV"
    assert ev.target.code.startswith("LBNREB")
    # the target's own act told inside its phrase is another event, not a twin of the first
    (attack,) = _by_trigger(rec, "attack")
    assert attack.target.code == "ISR"


def test_dismantling_a_program_is_no_force(coder):
    rec = code(coder, "The Turkish government said it would dismantle the tax program.")
    assert not _by_trigger(rec, "dismantle")


def test_pushing_back_against_a_thing_is_a_rejection_with_no_target(coder):
    rec = code(coder, "The Brazilian government has pushed back against calls for a new fuel tax.")
    (ev,) = _by_trigger(rec, "pushed")
    assert ev.cameo == "120" and ev.source.code == "BRAGOV"
    assert ev.target is None


def test_a_dismissed_claim_still_needs_its_makers(coder):
    rec = code(coder, "The Brazilian government dismissed the claim on Monday.")
    assert not _by_trigger(rec, "dismissed")


def test_a_cooperative_act_the_source_hopes_to_do_is_its_intent(coder):
    rec = code(coder, "The Chilean government hoped to reach an agreement with the Peruvian government on fishing rights.")
    (ev,) = _by_trigger(rec, "agreement")
    assert ev.cameo == "037" and ev.modality == "hoped"
    assert ev.source.code == "CHLGOV" and ev.target.code == "PERGOV"


def test_a_hope_that_another_acts_is_no_event(coder):
    rec = code(coder, "The Chilean government hoped that the Peruvian government would sign the agreement.")
    assert not rec.events


def test_backing_a_resolution_is_support_with_no_target(coder):
    rec = code(coder, "The Argentine government said it would back the revised resolution on fishing.")
    (ev,) = _by_trigger(rec, "back")
    assert ev.cameo == "032" and ev.source.code == "ARGGOV"
    assert ev.target is None


def test_signing_a_thing_with_no_party_is_no_event(coder):
    rec = code(coder, "The Argentine football club signed the grant of rights on Monday.")
    assert not _by_trigger(rec, "signed")


def test_fighting_a_thing_is_opposition_not_force(coder):
    rec = code(coder, "The Ohio senator vowed to fight the proposal, saying: \"I will continue to fight this "
                      "Administration's manipulation of the law.\"")
    evs = _by_trigger(rec, "fight")
    assert evs and all(ev.cameo == "120" for ev in evs)


def test_fighting_soldiers_is_force(coder):
    rec = code(coder, "Ukrainian troops fought Russian soldiers near Bakhmut on Monday.")
    (ev,) = _by_trigger(rec, "fought")
    assert ev.cameo == "190" and ev.target.code == "RUSMIL"


def test_a_vowed_act_of_force_is_one_threat(coder):
    rec = code(coder, "Israel has vowed to dismantle Hezbollah, the Lebanese armed group.")
    (ev,) = rec.events
    assert ev.trigger.text == "dismantle" and ev.cameo == "138"
    assert ev.source.code == "ISRGOV" and ev.target.code.startswith("LBNREB")


def test_a_pledged_meeting_is_one_intent_to_meet(coder):
    rec = code(coder, "The Chilean president pledged to meet the Peruvian president.")
    (ev,) = rec.events
    assert ev.trigger.text == "meet" and ev.cameo == "036" and ev.modality == "asserted"
