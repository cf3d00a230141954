"""The events stage's precision rules (issue 21) on short wire-style stories written for these tests."""

from __future__ import annotations

import pytest

from conftest import assert_spans_ok


def code(coder, text, date="2026-03-10"):
    record = coder.code(text, date=date)
    assert_spans_ok(record)
    return record


def triggers(record):
    return [e.trigger.text for e in record.events]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Power demand in the region rose sharply during the cold snap.", "demand"),
        ("The utility said it built two new plants to meet demand.", "meet"),
        ("The Ruritanian ministry did not respond to requests for comment.", "requests"),
        ("The Kenyan government failed to meet its commitments, analysts said.", "meet"),
        ("The earthquake destroyed hundreds of homes in the province.", "destroyed"),
        ("Most drones will attack pre-programmed coordinates.", "attack"),
        ("The Lakers beat the Celtics in the final game of the season.", "beat"),
    ],
)
def test_not_an_event(coder, text, word):
    assert word not in triggers(code(coder, text))


def test_an_outlet_reporting_is_not_an_event_but_what_it_reports_is(coder):
    rec = code(coder, "Police in Kenya arrested three opposition activists, the Daily Nation reported.")
    assert "reported" not in triggers(rec)
    assert "arrested" in triggers(rec)


def test_a_speech_verb_does_not_take_its_contents_generic_code(coder):
    rec = code(coder, "The Kenyan interior minister said the curfew would remain in force until Friday.")
    assert "said" not in triggers(rec)  # a routine statement: no 010 row for the speech
    rec = code(coder, "The Kremlin said the charges against its diplomats were groundless and untrue.")
    said = [e for e in rec.events if e.trigger.text == "said"]
    assert said and said[0].cameo == "016"  # the statement is itself a denial


def test_the_reported_event_is_coded_and_linked_to_its_statement(coder):
    rec = code(coder, "Kenyan troops withdrew from the border town of Mandera on Monday, the defence ministry said.")
    (ev,) = [e for e in rec.events if e.trigger.text == "withdrew"]
    assert ev.source.code and ev.source.code.startswith("KEN")
    assert "said" not in triggers(rec)
    if rec.statements:
        assert ev.statement is not None


def test_source_that_is_not_an_actor_gives_no_event(coder):
    rec = code(coder, "The video showed soldiers beating a protester. There were clashes near the port.")
    assert all(e.source is None or e.source.text.lower() not in ("the video", "there") for e in rec.events)


def test_pronoun_source_takes_the_resolved_speakers_code(coder):
    text = (
        "MOSCOW, March 9. Kremlin spokesman Dmitry Peskov said on Monday that talks with Kiev had stalled. "
        "He accused Kiev of sabotaging the negotiations, he told reporters."
    )
    rec = code(coder, text)
    accused = [e for e in rec.events if e.trigger.text == "accused"]
    assert accused, triggers(rec)
    src = accused[0].source
    assert src.text == "He" and src.code and src.code.startswith("RUS")


def test_unresolved_pronoun_source_gives_no_event(coder):
    rec = code(coder, "They attacked the convoy at dawn.")
    assert "attacked" not in triggers(rec)


def test_refusal_is_a_rejection_not_a_negated_act(coder):
    rec = code(coder, "The Kenyan government refused to release the detained journalists.")
    (ev,) = [e for e in rec.events if e.trigger.text == "refused"]
    assert ev.cameo.startswith("12") and not ev.negated
    assert "release" not in triggers(rec)


def test_negated_act(coder):
    rec = code(coder, "The Kenyan government has not yet released the detained journalists.")
    (ev,) = [e for e in rec.events if e.trigger.text == "released"]
    assert ev.negated


def test_date_is_the_one_of_the_events_own_clause(coder):
    rec = code(coder, "On Monday, Kenyan police arrested three opposition activists.", date="2026-03-12")
    (ev,) = [e for e in rec.events if e.trigger.text == "arrested"]
    if ev.date_span is not None:  # the dates stage found "Monday"
        assert ev.date_source == "text" and ev.date_precision == "day" and ev.date_span.text == "Monday"
    rec = code(coder, "Kenyan police arrested three activists who had protested since 2019.", date="2026-03-12")
    (ev,) = [e for e in rec.events if e.trigger.text == "arrested"]
    assert ev.date == "2026-03-12" and ev.date_source == "reference" and ev.date_precision == "day"
    rec = code(coder, "The Kenyan government pledged to release all detainees by 2030.", date="2026-03-12")
    assert all(e.date != "2030" and e.date_source != "text" for e in rec.events)


def test_the_same_event_told_twice_is_one_event(coder):
    text = (
        "Kenyan police arrested three opposition activists in Nairobi on Friday.\n\n"
        "Kenyan police arrested three opposition activists after a rally, a spokesman said."
    )
    rec = code(coder, text)
    assert len([e for e in rec.events if e.trigger.text == "arrested"]) == 1


# --- actors (evact) ---


def _event(rec, word):
    found = [e for e in rec.events if e.trigger.text == word]
    assert found, f"no event at {word!r}: {[(e.trigger.text, e.cameo) for e in rec.events]}"
    return found[0]


def test_a_nationality_adjective_is_the_side_of_an_event_noun(coder):
    rec = code(coder, "The port of Odesa has been targeted in Iranian strikes almost every week.")
    ev = _event(rec, "strikes")
    assert ev.source is not None and ev.source.text == "Iranian" and ev.source.code == "IRNMIL"


def test_unnamed_victims_of_the_storys_own_side_are_of_the_other_country(coder):
    rec = code(coder, "Residents of Gaza City and Khan Younis fled south on Monday as fighting spread across Gaza.\n\n"
                      "Israel declared war after Hamas militants stormed across the border in October and killed "
                      "30 people in a kibbutz.")
    ev = _event(rec, "killed")
    assert ev.source.code == "PSEREB" and ev.target.code == "ISRCVL"  # not the story's PSECVL


def test_a_bare_role_is_the_articles_own_actor_of_that_role(coder):
    rec = code(coder, "Israeli troops entered the southern town of Khan Younis in Gaza on Monday, and the Israeli army "
                      "said its forces would stay in Gaza.\n\nResidents of Gaza said the military shelled a school in the town.")
    ev = _event(rec, "shelled")
    assert ev.source.text == "the military" and ev.source.code == "ISRMIL"  # not the story's PSEMIL


def test_between_on_the_verb_gives_the_sides_of_an_event_noun(coder):
    rec = code(coder, "Heavy clashes continued between Sudanese troops and Ethiopian fighters near the border on Monday.")
    ev = _event(rec, "clashes")
    assert ev.source.code == "SDNMIL" and ev.target.country == "ETH"


def test_the_couple_stands_for_the_two_people_named_just_before(coder):
    rec = code(coder, "Kenyan President William Ruto and his wife, Rachel Ruto, arrived in Uganda on Monday. "
                      "The couple met Ugandan President Yoweri Museveni in Entebbe.")
    ev = _event(rec, "met")
    assert ev.source.text == "The couple" and ev.source.country == "KEN" and ev.target.country == "UGA"


def test_a_sentence_opening_they_is_the_plural_subject_before(coder):
    rec = code(coder, "Houthi rebels seized a cargo ship in the Red Sea last month. In 2022 they attacked Saudi "
                      "troops near the border.")
    ev = _event(rec, "attacked")
    assert ev.source.text == "they" and ev.source.code == "YEMREB"


def test_a_rejection_of_a_thing_has_a_null_target(coder):
    rec = code(coder, "Kenyan President William Ruto vetoed the finance legislation on Tuesday.")
    ev = _event(rec, "vetoed")
    assert ev.cameo.startswith("12") and ev.source.code == "KENGOV" and ev.target is None
    rec = code(coder, "Kenyan President William Ruto met the finance committee on Tuesday.")
    assert "met" not in triggers(rec)  # other directed acts still need a coded target


def test_a_purpose_verb_is_addressed_to_whom_its_governing_verb_is(coder):
    rec = code(coder, "Kenyan Agriculture Minister Mithika Linturi wrote to the US Department of Agriculture on "
                      "Monday to request that Kenya be included in its quota.")
    ev = _event(rec, "request")
    assert ev.source.code == "KENGOV" and ev.target.code == "USAGOV"


def test_a_speaker_span_covering_a_phrase_codes_it_only_from_its_start():
    from wirecoder.events.coref import Referent, SpeakerIndex

    index = SpeakerIndex.__new__(SpeakerIndex)
    # "Houthi attacks on Red Sea shipping" taken as a speaker (YEMREB) by the statements stage
    index.mentions = [Referent("Houthi attacks on Red Sea shipping", "YEMREB", 0, 34)]
    assert index.at(18, 34) is None  # "Red Sea shipping" is not the Houthis
    assert index.at(0, 6).code == "YEMREB"  # "Houthi"
    assert index.at(0, 34).code == "YEMREB"


def test_the_subject_of_a_passive_does_what_it_was_sent_to_do(coder):
    rec = code(coder, "Kenyan police officers were sent to investigate the opposition offices in Nairobi.")
    ev = _event(rec, "investigate")
    assert ev.source is not None and ev.source.code == "KENCOP"


def test_the_place_an_act_of_force_hit_is_its_target(coder):
    rec = code(coder, "The Russian air force carried out attacks in Kharkiv on Monday, the ministry said.")
    ev = _event(rec, "attacks")
    assert ev.source.code == "RUSMIL" and ev.target.country == "UKR"
    rec = code(coder, "After Hamas's attacks in southern Israel, the Israeli cabinet met in Jerusalem.")
    assert "attacks" not in triggers(rec)  # a bare mention in an "after" phrase is background


def test_victims_keep_the_storys_country_when_the_other_country_is_only_a_place(coder):
    rec = code(coder, "Residents of Aleppo and Idlib fled on Monday as fighting spread across Syria.\n\n"
                      "Syrian troops killed 20 people near the Turkish border in Idlib province, activists in Syria said.")
    ev = _event(rec, "killed")
    assert ev.target.code == "SYRCVL"


def test_people_named_by_their_nationality_are_civilians(coder):
    rec = code(coder, "Ethiopian troops killed three unarmed Somalis near Baidoa on Monday.")
    ev = _event(rec, "killed")
    assert ev.source.code == "ETHMIL" and ev.target.code == "SOMCVL"
