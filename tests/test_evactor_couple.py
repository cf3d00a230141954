"""Events actors: "the couple" keeps standing for the two people an earlier "the couple" stood for (sentences
written for these tests)."""

from conftest import assert_spans_ok

TRIP = ("The former French ambassador and her husband, Paul Girard, toured the flooded district of Ruritania on "
        "Monday. The couple spoke with rescue workers. They visited a shelter in the evening. The trip ended on "
        "Wednesday with a dinner. Later that evening, the couple met with Ruritanian President Ivo Marek.")


def events_on(coder, text, trigger):
    record = coder.code(text, date="2026-03-10")
    assert_spans_ok(record)
    return [e for e in record.events if e.trigger.text == trigger]


def test_the_couple_paragraphs_later_is_the_couple_named_first(coder):
    found = events_on(coder, TRIP, "met")
    assert found, "no event on 'met'"
    assert found[0].source.text == "the couple" and found[0].source.code == "FRAELI"


def test_a_first_couple_with_no_one_named_before_is_not_guessed(coder):
    text = "The trip ended on Wednesday with a dinner. Later that evening, the couple met with Ruritanian President Ivo Marek."
    assert not events_on(coder, text, "met")
