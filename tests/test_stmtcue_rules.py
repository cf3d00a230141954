"""Statement rules of wip-stmtcue, on invented sentences and hand-made tagger runs (none, here: the rules
find what the tagger missed)."""

import pytest

from test_statements import _assemble_statements


def _texts(text, statements):
    return [(st.speaker.text if st.speaker else None, st.cue.text if st.cue else None,
             [c.text for c in st.content]) for st in statements]


@pytest.mark.parametrize("text, speaker, content", [
    ("In a county poll released Tuesday, most voters backed the new library.",
     "a county poll released Tuesday", "most voters backed the new library"),
    ("In the latest harbor survey, conducted in March, two thirds of the fishermen expected a poor season.",
     "the latest harbor survey, conducted in March", "two thirds of the fishermen expected a poor season"),
])
def test_a_sentence_opening_with_a_poll_is_the_poll_s_attribution(text, speaker, content):
    """Rule report-frame: "In <poll>, <clause>." is a statement with the cue "In", the poll (with a
    participle aside) as source and the main clause as content, though the tagger found nothing."""
    [st] = _assemble_statements(text, None, [], [])
    assert _texts(text, [st]) == [(speaker, "In", [content])]
    assert st.type == "report"
    assert _assemble_statements(text, None, [], [], off={"report-frame"}) == []


@pytest.mark.parametrize("text", [
    "In the polls, anyway.",  # no clause after the comma
    "In a study released Monday, most drivers ignored the new signs.",  # not a report_frames noun
    "Most voters, in a county poll released Tuesday, backed the new library.",  # not opening the sentence
])
def test_no_report_frame_without_its_shape(text):
    assert _assemble_statements(text, None, [], []) == []


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("The council rejected the mayor's claim that the bridge was safe.",
     "the mayor's", "claim", "that the bridge was safe"),
    ("Nobody believed his earlier insistence that the budget would balance.",
     "his", "earlier insistence", "that the budget would balance"),
])
def test_a_possessed_claim_with_a_that_clause_is_the_possessor_s_statement(text, speaker, cue, content):
    """Rule possessed-claim: "X's claim that ..." is X's statement (X with its "'s", as PolNeAR marks it),
    the cue the noun with its adjectives, the content the clause with "that"."""
    [st] = _assemble_statements(text, None, [], [])
    assert _texts(text, [st]) == [(speaker, cue, [content])]
    assert _assemble_statements(text, None, [], [], off={"possessed-claim"}) == []


@pytest.mark.parametrize("text", [
    "The council rejected the claim that the bridge was safe.",  # no possessor
    "The council rejected the mayor's plan that the bridge should close.",  # "plan" is no speech noun
    "The mayor's claim was rejected by the council.",  # no clause
])
def test_no_possessed_claim_without_its_shape(text):
    assert _assemble_statements(text, None, [], []) == []


def test_a_cue_that_runs_over_a_name_ends_at_its_verb():
    """Rule cue-name-out: the tagger's "blasted Hollis for" is the cue "blasted"; the day after a verb stays
    ("said Friday", which PolNeAR marks about as often as not)."""
    text = "The mayor blasted Hollis for the delays at the harbor."
    [st] = _assemble_statements(text, "The mayor", "blasted Hollis for", ["the delays at the harbor"])
    assert st.cue.text == "blasted"
    [st] = _assemble_statements(text, "The mayor", "blasted Hollis for", ["the delays at the harbor"],
                                off={"cue-name-out"})
    assert st.cue.text == "blasted Hollis for"
    text = "The mayor said Friday that the harbor would reopen."
    [st] = _assemble_statements(text, "The mayor", "said Friday", ["that the harbor would reopen"])
    assert st.cue.text == "said Friday"


def test_an_inverted_cue_opening_its_sentence_is_the_name_s_statement():
    """Rule cue-name-out: 'Said Hollis: "..."' is Hollis's, not the last speaker's."""
    text = 'Residents say the harbor is too loud. Said Hollis: "Nobody sleeps here any more."'
    sts = _assemble_statements(text, ["Residents"], ["say", "Said Hollis"],
                               ["the harbor is too loud", '"Nobody sleeps here any more."'])
    assert _texts(text, sts)[-1] == ("Hollis", "Said", ['"Nobody sleeps here any more."'])
    sts = _assemble_statements(text, ["Residents"], ["say", "Said Hollis"],
                               ["the harbor is too loud", '"Nobody sleeps here any more."'], off={"cue-name-out"})
    assert _texts(text, sts)[-1][:2] != ("Hollis", "Said")
