"""Events actors: a verb's partitive object is the group it takes part of (sentences written for these tests)."""

from conftest import event_on as on, events_of


def test_killing_dozens_of_soldiers_targets_the_soldiers(coder):
    text = ("KYIV -- The fighting went on all week. Ukrainian forces killed dozens of Russian soldiers near the "
            "town of Avdiivka on Tuesday.")
    ev = on(events_of(coder, text), "killed")
    assert ev.source.code == "UKRMIL"
    assert ev.target is not None and ev.target.code == "RUSMIL" and "soldiers" in ev.target.text


def test_a_number_of_a_group_is_the_group(coder):
    text = ("PORTLAND, Ore. -- Protests went on for a third night. Portland police arrested 12 of the protesters "
            "outside City Hall on Friday.")
    ev = on(events_of(coder, text), "arrested")
    assert ev.source.code == "USACOP"
    assert ev.target is not None and "protesters" in ev.target.text


def test_a_quantity_of_things_is_no_target(coder):
    text = ("PORTLAND, Ore. -- Protests went on for a third night. Portland police arrested thousands of dollars "
            "worth of goods on Friday.")
    assert not [e for e in events_of(coder, text) if e.trigger.text == "arrested"]
