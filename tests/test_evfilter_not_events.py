"""Not-event filters of the evfilter helper (issue 21, 2026-12-04)."""

from __future__ import annotations

from test_events_filters_more import _by_trigger, code


def test_what_a_defendant_admits_is_the_admission_not_a_meeting_of_its_own(coder):
    rec = code(coder, "Bulgarian police officer Tomas Velkov admitted in court on Monday that he met with Bulgarian "
                      "Deputy Interior Minister Ivan Dorev in May.")
    assert [e.cameo for e in _by_trigger(rec, "admitted")] == ["015"]
    assert not _by_trigger(rec, "met")


def test_a_meeting_told_by_a_plain_statement_is_still_a_meeting(coder):
    rec = code(coder, "Bulgarian police officer Tomas Velkov said in court on Monday that he met with Bulgarian "
                      "Deputy Interior Minister Ivan Dorev in May.")
    assert [e.cameo[:2] for e in _by_trigger(rec, "met")] == ["04"]


def test_a_party_admitting_its_own_use_of_force_is_coded_as_the_act(coder):
    rec = code(coder, "The Russian Defense Ministry admitted that Russian troops shelled Ukrainian soldiers near "
                      "Kupiansk on Tuesday.")
    assert [e.cameo[:2] for e in _by_trigger(rec, "shelled")] == ["19"]


def test_what_many_companies_have_announced_is_a_summary_not_an_act(coder):
    rec = code(coder, "Many Japanese car makers have announced their withdrawal from Russia since the invasion.")
    assert not _by_trigger(rec, "withdrawal")


def test_one_named_company_announcing_its_withdrawal_is_still_coded(coder):
    rec = code(coder, "Toyota announced its withdrawal from Russia on Monday.")
    assert [e.cameo[:2] for e in _by_trigger(rec, "withdrawal")] == ["08"]


def test_fighting_told_twice_in_a_sentence_once_with_a_place_for_a_side_is_one_event(coder):
    rec = code(coder, "In the same report, the Russian army confirmed that 12 soldiers were injured in the Ukraine "
                      "battles during the past day, amid clashes between Russian soldiers and Ukrainian forces in "
                      "several areas of the front.")
    assert not _by_trigger(rec, "battles")
    assert [(e.source.code, e.target.code) for e in _by_trigger(rec, "clashes")] == [("RUSMIL", "UKRMIL")]


def test_being_part_of_a_plan_to_attack_is_no_announced_plan(coder):
    rec = code(coder, "Russian Defense Minister Sergei Shoigu was part of the plan to attack Ukrainian troops near "
                      "Kharkiv, the report said.")
    assert not _by_trigger(rec, "attack")


def test_announcing_a_plan_to_attack_is_the_attack_planned(coder):
    rec = code(coder, "Russian Defense Minister Sergei Shoigu announced a plan to attack Ukrainian troops near Kharkiv.")
    assert [(e.cameo[:2], e.modality) for e in _by_trigger(rec, "attack")] == [("19", "planned")]


def test_a_verb_conjoined_to_a_past_perfect_is_background_too(coder):
    rec = code(coder, "Police said the protester had climbed over the fence and attacked Mayor Tom Reed of Boston.")
    assert not _by_trigger(rec, "attacked")


def test_a_verb_conjoined_to_a_simple_past_is_still_the_act(coder):
    rec = code(coder, "Police said the protester climbed over the fence and attacked Mayor Tom Reed of Boston.")
    assert [(e.cameo[:2], e.target.code) for e in _by_trigger(rec, "attacked")] == [("19", "USAGOV")]


def test_discussing_plans_to_attack_is_coded_once_by_the_planned_attack(coder):
    rec = code(coder, "Russian Defense Minister Sergei Shoigu and Belarusian Defense Minister Viktor Khrenin discussed "
                      "plans to attack Ukrainian troops near Kyiv.")
    assert not _by_trigger(rec, "discussed")
    assert {(e.cameo[:2], e.modality, e.target.code) for e in _by_trigger(rec, "attack")} == {("19", "planned", "UKRMIL")}


def test_discussing_plans_with_no_act_coded_is_still_a_consultation(coder):
    rec = code(coder, "Russian Defense Minister Sergei Shoigu and Belarusian Defense Minister Viktor Khrenin discussed "
                      "plans for a joint exercise near Minsk.")
    assert [(e.cameo[:2], e.source.code, e.target.code) for e in _by_trigger(rec, "discussed")] == [
        ("04", "RUSGOV", "BLRGOV")]


def test_the_group_a_number_takes_part_of_is_the_target(coder):
    rec = code(coder, "Governor Ellen Marsh of Ohio pardoned hundreds of people convicted of minor drug crimes on Friday.")
    assert [(e.cameo, e.target.code) for e in _by_trigger(rec, "pardoned")] == [("0841", "USACVL")]


def test_a_pronoun_retelling_the_ledes_order_with_the_same_verb_is_one_event(coder):
    rec = code(coder, "Russia orders thousands of residents to leave their homes near the border. The Russian army said "
                      "on Friday that more troops were arriving. On Friday, it ordered tens of thousands of residents "
                      "to leave their homes in Belgorod.")
    orders = [e for e in rec.events if e.cameo == "100"]
    assert len(orders) == 1, [(e.trigger.text, e.source.text) for e in orders]
    assert orders[0].trigger.text == "orders" and [m.text for m in orders[0].mentions] == ["ordered"]


def test_considering_tariffs_on_a_nations_goods_targets_that_nation(coder):
    rec = code(coder, "The White House is considering raising tariffs on Chinese steel imports, officials said.")
    assert [(e.cameo, e.target.text, e.target.code) for e in _by_trigger(rec, "considering")] == [
        ("014", "Chinese", "CHN")]


def test_the_same_consideration_retold_with_an_uncoded_target_is_one_event(coder):
    rec = code(coder, "The White House is considering raising tariffs on Chinese steel imports, officials said. The "
                      "White House is now considering additional tariffs, the officials said.")
    evs = _by_trigger(rec, "considering")
    assert len(evs) == 1 and evs[0].target.code == "CHN" and len(evs[0].mentions) == 1


def test_aid_in_a_un_resolution_is_an_appeal_for_aid(coder):
    rec = code(coder, "The UN Security Council passed a resolution on Friday to increase humanitarian aid to Sudan.")
    assert [(e.cameo[:3], e.source.code) for e in _by_trigger(rec, "aid")] == [("023", "IGOUNO")]


def test_aid_in_a_bill_a_legislature_passes_stays_aid(coder):
    rec = code(coder, "The U.S. Congress passed a bill on Friday to increase military aid to Ukraine.")
    assert [e.cameo[:2] for e in _by_trigger(rec, "aid")] == ["07"]


def test_what_an_actor_playing_an_anchor_reports_is_a_sketch_not_news(coder):
    rec = code(coder, 'An actor playing a Fox News host reports that "Russian troops have shelled Ukrainian soldiers '
                      'in Kharkiv."')
    assert not _by_trigger(rec, "shelled")


def test_what_a_host_reports_is_the_reported_act(coder):
    rec = code(coder, "A Fox News host reports that Russian troops have shelled Ukrainian soldiers in Kharkiv.")
    assert [(e.source.code, e.target.code) for e in _by_trigger(rec, "shelled")] == [("RUSMIL", "UKRMIL")]


def test_the_that_clause_of_a_claim_is_the_claim_not_an_act(coder):
    rec = code(coder, "Several outlets were quick to report claims made by Moscow that Ukrainian troops shelled "
                      "Russian soldiers in Donetsk.")
    assert not _by_trigger(rec, "shelled")


def test_a_clause_a_speaker_says_is_still_the_reported_act(coder):
    rec = code(coder, "Moscow said that Ukrainian troops shelled Russian soldiers in Donetsk.")
    assert [(e.source.code, e.target.code) for e in _by_trigger(rec, "shelled")] == [("UKRMIL", "RUSMIL")]


def test_an_act_told_with_also_is_one_more_act_not_a_restatement(coder):
    rec = code(coder, "Idaho prosecutor Ana Reyes asked District Judge Tom Hill on Monday to delay the trial. Reyes "
                      "also asked District Judge Tom Hill to seal the records.")
    assert len(_by_trigger(rec, "asked")) == 2


def test_the_same_request_told_again_without_also_is_one_event(coder):
    rec = code(coder, "Idaho prosecutor Ana Reyes asked District Judge Tom Hill on Monday to delay the trial. Reyes "
                      "asked District Judge Tom Hill to seal the records.")
    assert len(_by_trigger(rec, "asked")) == 1


def test_a_walkout_to_protest_is_coded_as_the_walkout(coder):
    rec = code(coder, "Boston police arrested a teacher on Monday. More than 200 students in Boston organized a walkout "
                      "last Friday to protest the police involvement in the arrest.")
    assert [(e.cameo, e.target.code) for e in _by_trigger(rec, "protest")] == [("143", "USACOP")]


def test_gathering_to_protest_stays_the_protest_verbs_dissent(coder):
    rec = code(coder, "Boston police arrested a teacher on Monday. More than 200 students in Boston gathered last "
                      "Friday to protest the police involvement in the arrest.")
    assert [e.cameo for e in _by_trigger(rec, "protest")] == ["141"]
