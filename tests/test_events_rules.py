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


# -- triggers (data/events/triggers.yaml): multiword triggers, phrasal verbs, event nouns -----------------


def _codes(coder, text):
    """(trigger word, code) of the lexicon triggers of one sentence, actors aside."""
    from wirecoder.events import rules

    lex = coder.resources.event_lexicon
    doc = coder.nlp(text)
    return {(tok.text, trig.code) for sent in doc.sents for tok, trig in rules.triggers(sent, lex)}


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("The two former guards pleaded guilty to the bribery charges.", "pleaded", "015"),
        ("A jury found the former mayor guilty of fraud on Tuesday.", "found", "116"),
        ("The deputy was found guilty of assault.", "found", "116"),
        ("Gunmen seized twelve hostages at the border post.", "seized", "181"),
        ("Border guards took the smuggler into custody.", "took", "173"),
        ("The dockworkers ended their strike after a week.", "ended", "082"),
        ("The ministry warned residents to leave the valley.", "warned", "100"),
        ("The agency warned of a food crisis in the north.", "warned", "012"),
        ("Ruritania recalled its ambassador from Freedonia.", "recalled", "161"),
        ("The senator hit out at the governor over the budget.", "hit", "111"),
        ("The council turned down the request from the union.", "turned", "120"),
        ("The rebels violated the ceasefire in the east.", "violated", "196"),
        ("Border guards of the two countries traded fire overnight.", "traded", "190"),
        ("Freedonia broke off talks with the rebels on Friday.", "broke", "164"),
        ("The teachers' union called off its strike on Monday.", "called", "082"),
        ("The dockers' union called a strike at the port.", "called", "143"),
        ("Ruritania lodged a protest with Freedonia over the border incident.", "lodged", "114"),
        ("Riot police used tear gas to disperse the marchers.", "disperse", "175"),
        ("Freedonia granted asylum to the opposition leader.", "granted", "075"),
        ("Dozens of detainees began a hunger strike in the prison.", "began", "142"),
        ("The militia declared a cease-fire on Sunday.", "declared", "0871"),
        ("Gunmen gunned down two border guards at dawn.", "gunned", "193"),
        ("Freedonia called up 20,000 reservists after the incident.", "called", "154"),
        ("Ruritania expressed support for the Freedonian plan.", "support", "051"),
    ],
)
def test_multiword_and_phrasal_triggers(coder, text, word, code):
    assert (word, code) in _codes(coder, text)


def test_a_multiword_trigger_codes_the_verb_not_its_word(coder):
    codes = _codes(coder, "The farmers ended their blockade of the crossing on Sunday.")
    assert ("ended", "082") in codes
    assert not any(w == "blockade" for w, _ in codes)  # the blockade ended is not a blockade event


def test_a_truce_broken_is_no_truce(coder):
    codes = _codes(coder, "The militia broke the truce on Monday.")
    assert ("broke", "196") in codes and not any(w == "truce" for w, _ in codes)


def test_a_verb_keeps_its_own_code_without_the_multiword(coder):
    assert ("seized", "171") in _codes(coder, "Customs officers seized two trucks of cigarettes.")
    assert ("warned", "130") in _codes(coder, "The general warned that the army would respond.")


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("The prosecutor announced charges against the two officers.", "charges", "173"),
        ("An appeals court vacated the conviction of the former governor.", "vacated", "081"),
        ("Students staged a walkout against the new rules.", "walkout", "143"),
        ("The opposition leader ridiculed the prime minister in parliament.", "ridiculed", "111"),
        ("The army imposed a curfew on the town.", "curfew", "1723"),
    ],
)
def test_trigger_words_by_cameo_class(coder, text, word, code):
    assert (word, code) in _codes(coder, text)


# -- statement acts (evspeech): comparisons to a dictator, concealment charged, comment adjectives -------


def test_likening_someones_words_to_hitler_is_a_rebuke_of_them(coder):
    assert ("compared", "111") in _codes(coder, "Ruritanian lawmakers compared the premier's speech to Hitler.")
    rec = code(coder, "Freedonian Foreign Minister Anna Berg compared the Ruritanian president's rhetoric to Hitler.")
    (ev,) = [e for e in rec.events if e.trigger.text == "compared"]
    assert ev.cameo == "111" and ev.target is not None and "president" in ev.target.text
    # a plain comparison is no event
    assert not any(w == "compared" for w, _ in _codes(coder, "The minister compared the prices to last year's."))


def test_a_statement_that_an_actor_hides_something_accuses_it(coder):
    from wirecoder.events import rules

    lex = coder.resources.event_lexicon
    doc = coder.nlp("The opposition leader said the Freedonian government hides its budget figures from parliament.")
    said = next(t for t in doc if t.text == "said")
    code_, content = rules.content_event(said, lex)
    assert code_ == "112"
    # the lemma "hide" is no accusation: "civilians were hiding in cellars" reports, it does not accuse
    doc = coder.nlp("The mayor said civilians were hiding in cellars across the town.")
    assert rules.content_event(next(t for t in doc if t.text == "said"), lex) is None


@pytest.mark.parametrize(
    "text, word, code",
    [
        ("The Freedonian envoy was worried that the talks would collapse.", "worried", "012"),
        ("I am afraid the harvest will fail this year, the minister said.", "afraid", "012"),
        ("The Ruritanian premier is confident that the deal will hold.", "confident", "013"),
    ],
)
def test_a_comment_adjective_with_a_clause_is_a_comment(coder, text, word, code):
    assert (word, code) in _codes(coder, text)


def test_a_comment_adjective_without_a_clause_is_no_event(coder):
    assert not _codes(coder, "Concerned residents gathered outside the town hall.")
    assert not any(w == "worried" for w, _ in _codes(coder, "The farmers looked worried."))


def test_the_subject_of_faces_charges_is_the_target(coder):
    rec = code(coder, "Kenyan police said the former Kenyan finance minister Amos Kiprono faces corruption charges.")
    (ev,) = [e for e in rec.events if e.trigger.text == "faces"]
    assert ev.cameo == "173" and not ev.negated
    assert ev.target is not None and "Kiprono" in ev.target.text
    assert ev.source is None or ev.source.code != ev.target.code  # never the minister charging himself


def test_no_one_faced_charges_is_negated(coder):
    codes = _codes(coder, "No Kenyan officer faced charges over the shooting.")
    assert ("faced", "173") in codes
    rec = code(coder, "No Kenyan police officer has faced charges over the shooting.")
    faced = [e for e in rec.events if e.trigger.text == "faced"]
    assert all(e.negated for e in faced)


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


def test_a_sentence_opening_they_is_the_compound_subject_of_a_passive_before(coder):
    rec = code(coder, "Kenyan police officers Peter Otieno and James Mwangi were caught taking bribes from truck "
                      "drivers in Nairobi. Arrested in 2021, they pleaded guilty and were jailed.")
    ev = _event(rec, "pleaded")
    assert ev.source.text == "they" and ev.source.country == "KEN"


def test_a_bare_surname_of_a_person_named_in_full_is_a_private_person(coder):
    rec = code(coder, "Police in Nairobi arrested Paul Kamau Sr. at his shop in March.\n\n"
                      "Kamau was convicted of fraud and sentenced to four years in prison.")
    ev = _event(rec, "convicted")
    assert ev.target is not None and ev.target.text == "Kamau" and ev.target.code == "KENCVL"


def test_a_compound_subject_is_coded_by_a_member_named_as_a_speaker(coder):
    rec = code(coder, "Kenyan President William Ruto said on Monday that the talks would go on.\n\n"
                      "William and Rachel, both 57, arrived in Kampala on Tuesday.\n\n"
                      "Ugandan President Yoweri Museveni met the couple at the airport.")
    ev = _event(rec, "met")
    assert ev.target is not None and ev.target.text == "the couple" and ev.target.country == "KEN"


def test_a_bare_definite_role_takes_the_country_of_its_full_mention(coder):
    rec = code(coder, "The Biden administration on Monday accused Venezuela of jailing opposition leaders in Caracas "
                      "and Maracaibo. Venezuela's courts have sentenced dozens of activists in Caracas this year. "
                      "The administration also condemned the Venezuelan government for closing newspapers in Valencia.",
               date="2024-03-10")  # Biden in office: his administration is USAGOV
    condemned = next(e for e in rec.events if e.trigger.text == "condemned")
    assert condemned.source.text == "The administration"
    assert condemned.source.code == "USAGOV"  # not the story's country (Venezuela, named most)
    assert condemned.target.code == "VENGOV"
