"""Actors: a council is a legislature in the US and a government elsewhere (sentences written for these tests)."""

from conftest import event_on, events_of


def condemned(coder, text):
    return event_on(events_of(coder, text), "condemned")


def test_a_us_city_council_is_usaleg(coder):
    text = ("SPRINGFIELD, Ill. -- The Springfield City Council voted to close the park at night. The council also "
            "condemned Mayor Tom Baker.")
    ev = condemned(coder, text)
    assert ev.source.code == "USALEG"
    assert ev.target is not None and ev.target.code == "USAGOV"


def test_a_council_outside_the_us_governs(coder):
    text = "PARIS -- The Lyon city council condemned French Interior Minister Paul Girard over the plan."
    ev = condemned(coder, text)
    assert ev.source.code == "FRAGOV"
