"""Cue boundary rules of the statements stage (wip-stmt, second round), on hand-made tagger runs over
invented sentences."""

import pytest

from test_statements import _assemble_statements


@pytest.mark.parametrize("text, speaker, cue, want_cue", [
    ("A survey published last spring found that most riders wanted later buses.", "A survey",
     "published last spring found", "found"),
    ("The three mayors all warned that the bridge was unsafe.", "The three mayors", "all warned", "warned"),
])
def test_a_cue_does_not_open_with_words_of_its_subject(text, speaker, cue, want_cue):
    """Rule cue-subject-words-out: the words that modify the source ("published last spring", "all") are
    not the cue; the cue is the verb, as PolNeAR marks it."""
    [st] = _assemble_statements(text, speaker, cue, [text[text.index("that"):-1]])
    assert st.cue.text == want_cue
    [st] = _assemble_statements(text, speaker, cue, [text[text.index("that"):-1]], off={"cue-subject-words-out"})
    assert st.cue.text == cue


def test_a_nominal_cue_that_holds_its_subject_stays_whole():
    """"His main argument was that ...": the cue holds the subject's head, a noun PolNeAR marks in the cue."""
    text = "His main argument was that the tax would hurt small farms."
    [st] = _assemble_statements(text, "His", "main argument was", ["that the tax would hurt small farms"])
    assert st.cue.text == "main argument was"


def test_a_cue_does_not_open_with_its_verbs_time():
    """Rule cue-time-out: "just this week announced" -> "announced"; the time is the verb's, not the cue."""
    text = "The club just this week announced that the stadium would close."
    [st] = _assemble_statements(text, "The club", "just this week announced", ["that the stadium would close"])
    assert st.cue.text == "announced"
    [st] = _assemble_statements(text, "The club", "just this week announced", ["that the stadium would close"],
                                off={"cue-time-out"})
    assert st.cue.text == "just this week announced"


def test_a_cue_keeps_a_leading_adverb_that_is_no_time():
    """"repeatedly warned": a manner adverb stays in the cue (PolNeAR marks it)."""
    text = "The inspector repeatedly warned that the dam was weak."
    [st] = _assemble_statements(text, "The inspector", "repeatedly warned", ["that the dam was weak"])
    assert st.cue.text == "repeatedly warned"


def test_cue_runs_split_by_a_no_break_space_are_one_cue():
    """Rule space-joins-runs: "has" + no-break space + "acknowledged", which a tagger tags as two cues (the
    space is a token of its own), is one cue "has acknowledged"."""
    text = "The minister has\xa0acknowledged that the plan failed."
    runs = ("The minister", ["has", "acknowledged"], ["that the plan failed"])
    [st] = _assemble_statements(text, *runs)
    assert st.cue.text == "has\xa0acknowledged"
    assert [c.text for c in st.content] == ["that the plan failed"]
    assert "has\xa0acknowledged" not in [s.cue.text for s in _assemble_statements(text, *runs, off={"space-joins-runs"})]


def test_put_takes_the_pronoun_that_stands_for_the_words():
    """Rule cue-takes-pro-object (cues.yaml pro_object_cues): "as the coach put it" -> the cue "put it"."""
    text = "The season was, as the coach put it, a long winter."
    [st] = _assemble_statements(text, "the coach", "put", ["The season was"])
    assert st.cue.text == "put it"
    [st] = _assemble_statements(text, "the coach", "put", ["The season was"], off={"cue-takes-pro-object"})
    assert st.cue.text == "put"


def test_put_keeps_a_noun_object_out_of_the_cue():
    """Only the pronoun: "put the question to the board" keeps its cue "put"."""
    text = "The mayor put the question to the board that the tax should end."
    [st] = _assemble_statements(text, "The mayor", "put", ["that the tax should end"])
    assert st.cue.text == "put"


@pytest.mark.parametrize("text, speaker, cue, content", [
    ("Perhaps it is to be expected after such a year.", "it", "is", "to be expected after such a year"),
    ("The storm had drivers waiting for hours.", "The storm", "had", "drivers waiting for hours"),
])
def test_a_bare_copula_or_have_is_no_cue(text, speaker, cue, content):
    """Rule one-word-aux-cues-out (cues.yaml not_one_word_cues): "is", "had" alone report nobody's words."""
    assert _assemble_statements(text, speaker, cue, [content]) == []
    assert [st.cue.text for st in _assemble_statements(text, speaker, cue, [content], off={"one-word-aux-cues-out"})] == [cue]


def test_a_copula_phrase_stays_a_cue():
    """"is clear that ..." is more than the copula: it stays."""
    text = "The minister is clear that the border stays open."
    [st] = _assemble_statements(text, "The minister", "is clear", ["that the border stays open"])
    assert st.cue.text == "is clear"


def test_made_alone_is_no_cue_but_made_clear_is():
    """not_one_word_cues: "made" alone (a phone call, a deal) is no attribution; "made clear that" is."""
    text = "The mayor made a phone call to the governor."
    assert _assemble_statements(text, "The mayor", "made", ["a phone call to the governor"]) == []
    text = "The mayor made clear that the budget would pass."
    [st] = _assemble_statements(text, "The mayor", "made clear", ["that the budget would pass"])
    assert st.cue.text == "made clear"
