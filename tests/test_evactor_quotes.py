"""Events actors: a first-person pronoun inside a quotation is the quotation's resolved speaker (sentences
written for these tests)."""

from conftest import event_on as on, events_of


def test_we_in_a_mayors_quotation_is_the_mayor(coder):
    text = ("SPRINGFIELD, Ill. -- The city is fighting a new state rule on water fees. "
            "\"We will sue Governor Mark Dalton over this rule,\" Springfield Mayor Tom Baker said on Monday.")
    ev = on(events_of(coder, text), "sue")
    assert ev.source.text == "We" and ev.source.code == "USAGOV"
    assert ev.target is not None and "Dalton" in ev.target.text


def test_i_in_a_senators_quotation_is_the_senator(coder):
    text = ("SPRINGFIELD, Ill. -- The senator spoke after the vote. "
            "\"If this bill passes, I will sue Governor Mark Dalton,\" Senator Ann Ruiz said.")
    ev = on(events_of(coder, text), "sue")
    assert ev.source.text == "I" and ev.source.code == "USALEG"


def test_a_quoted_voter_with_no_role_gives_no_event(coder):
    # the speaker is coded by a country alone (no role): a private person quoted for colour
    text = ("WASHINGTON -- Voters lined up early at the polling station. \"I trust Governor Mark Dalton, but I agree "
            "with Senator Ann Ruiz,\" said Mary Colt, an American voter.")
    assert not [e for e in events_of(coder, text) if e.trigger.text == "agree"]


def test_i_outside_any_quotation_is_not_resolved(coder):
    text = "SPRINGFIELD, Ill. -- Springfield Mayor Tom Baker spoke on Monday. I will sue Governor Mark Dalton."
    assert not [e for e in events_of(coder, text) if e.trigger.text == "sue"]
