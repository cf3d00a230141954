"""Actors: a person's first name or surname is not a country (sentences written for these tests)."""

from conftest import assert_spans_ok


def events_on(coder, text, trigger):
    record = coder.code(text, date="2026-03-10")
    assert_spans_ok(record)
    return [e for e in record.events if e.trigger.text == trigger]


def test_an_accented_first_name_is_not_a_nationality(coder):
    for ev in events_on(coder, "Police in Cali arrested Germán Ruiz, a retired army officer, on Monday.", "arrested"):
        assert ev.target is None or ev.target.country != "DEU"


def test_the_plain_nationality_word_still_codes(coder):
    found = events_on(coder, "German officials criticized Colombian President Gustavo Petro on Monday.", "criticized")
    assert found and found[0].source is not None and found[0].source.code == "DEUGOV"


def test_a_name_with_an_age_is_not_a_place(coder):
    record = coder.code("Rivera, 52, admitted that he met with several smugglers before the raid.", date="2026-03-10")
    assert_spans_ok(record)
    assert not any(p.name and record.text[p.start:p.end] == "Rivera" for p in record.places)
    for ev in record.events:
        for side in (ev.source, ev.target):
            assert side is None or side.country != "URY"


def test_a_town_of_that_name_is_still_a_place(coder):
    found = events_on(coder, "Police in Rivera arrested two smugglers on Tuesday.", "arrested")
    assert found and found[0].source is not None and found[0].source.country == "URY"
