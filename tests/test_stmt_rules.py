"""Assembly rules of the statements stage (wip-stmt), on hand-made tagger runs over invented sentences."""

import pytest

from test_statements import _assemble_statements


@pytest.mark.parametrize("text, cue, content, want_cue, want_content", [
    ("The union called for a new vote on the contract.", "called", "for a new vote on the contract",
     "called for", "a new vote on the contract"),
    ("The mayor is pushing for a quick deal with the drivers.", "is pushing", "for a quick deal with the drivers",
     "is pushing for", "a quick deal with the drivers"),
    ("The board is calling for that report to be published at once.", "is calling",
     "for that report to be published at once", "is calling for", "that report to be published at once"),
])
def test_a_prep_bound_cue_takes_its_preposition_from_the_content(text, cue, content, want_cue, want_content):
    """cues.yaml prep_bound_verbs (rule cue-takes-prep): PolNeAR's cue is "called for", its content what
    is called for; the tagger's content that opens with "for" starts after it."""
    [st] = _assemble_statements(text, text.split(" ")[0] + " " + text.split(" ")[1], cue, [content])
    assert (st.cue.text, [c.text for c in st.content]) == (want_cue, [want_content])
    [st] = _assemble_statements(text, text.split(" ")[0] + " " + text.split(" ")[1], cue, [content],
                                off={"cue-takes-prep"})
    assert (st.cue.text, [c.text for c in st.content]) == (cue, [content])


def test_called_on_takes_the_one_called_on_into_the_content():
    """Rule cue-takes-prep: "called on | the council | to act": the one called on is part of what is called
    for, as PolNeAR marks it ("called on" + "the council to delay the vote")."""
    text = "The senator called on the city council to delay the vote."
    [st] = _assemble_statements(text, "The senator", "called", ["to delay the vote"])
    assert st.cue.text == "called on"
    assert [c.text for c in st.content] == ["the city council to delay the vote"]


def test_a_verb_not_bound_to_its_preposition_keeps_its_cue():
    """"said for years" is no bound cue: "for years" is the time of the saying, not what was said."""
    text = "The governor said for years that the plant was safe."
    [st] = _assemble_statements(text, "The governor", "said", ["that the plant was safe"])
    assert st.cue.text == "said"


@pytest.mark.parametrize("text, content, want", [
    ("The mayor said she would not reappoint the fire chief, who has led the service since 2009.",
     "she would not reappoint the fire chief, who has led the service since 2009",
     "she would not reappoint the fire chief"),
    ("The council rejected the plan for the harbour, which would have cost four million euros.",
     "the plan for the harbour, which would have cost four million euros",
     "the plan for the harbour"),
])
def test_a_content_ends_before_a_relative_clause_that_closes_it(text, content, want):
    """cues.yaml tail_relatives (rule content-relative-out): ", who has led the service ..." describes the
    chief; it is the writer's, not what the mayor said."""
    speaker = " ".join(text.split(" ")[:2])
    cue = text.split(" ")[2]
    [st] = _assemble_statements(text, speaker, cue, [content])
    assert [c.text for c in st.content] == [want]
    [st] = _assemble_statements(text, speaker, cue, [content], off={"content-relative-out"})
    assert [c.text for c in st.content] == [content]


def test_a_quoted_relative_clause_stays_in_the_content():
    """Inside quotation marks the relative clause is the speaker's own words."""
    text = 'The mayor said: "We will not reappoint the fire chief, who has led the service since 2009."'
    content = '"We will not reappoint the fire chief, who has led the service since 2009."'
    [st] = _assemble_statements(text, "The mayor", "said", [content])
    assert [c.text for c in st.content] == [content]


@pytest.mark.parametrize("text, cue, want", [
    ("The minister said sarcastically that the talks had been a triumph.", "said", "said sarcastically"),
    ("The mayor said then that the bridge would reopen in May.", "said", "said then"),
    ("The coach said so.", "said", "said"),
])
def test_a_cue_takes_the_adverb_right_after_it(text, cue, want):
    """Rule cue-takes-adverb: PolNeAR's cue is "said sarcastically", "said then"; "said so" stays "said"
    (cues.yaml not_cue_adverbs: "so" says what was said)."""
    speaker = " ".join(text.split(" ")[:2])
    contents = [text[text.index("that"):-1]] if "that" in text else []
    [st] = _assemble_statements(text, speaker, cue, contents)
    assert st.cue.text == want
    [st] = _assemble_statements(text, speaker, cue, contents, off={"cue-takes-adverb"})
    assert st.cue.text == cue


def test_a_name_after_the_cue_is_no_adverb():
    """A capitalised word after the cue is a name even where the parse calls it an adverb."""
    text = '"The bridge will reopen in May," said Kelly.'
    [st] = _assemble_statements(text, "Kelly", "said", ['"The bridge will reopen in May,"'])
    assert st.cue.text == "said"


def test_a_prep_bound_cue_with_no_content_takes_the_object_of_its_preposition():
    """Rule cue-takes-prep: "called for" with no content run from the tagger says what was called for:
    the object of "for"."""
    text = "The nurses' union called for higher staffing levels in a letter on Friday."
    [st] = _assemble_statements(text, "The nurses' union", "called for", [])
    assert [c.text for c in st.content] == ["higher staffing levels"]
    [st] = _assemble_statements(text, "The nurses' union", "called for", [], off={"cue-takes-prep"})
    assert st.content == []


def test_assume_is_a_cue_only_with_a_clause():
    """cues.yaml clause_only_heads (rule clause-only-cues): "assumed that ..." is a belief; "assumed
    office" is not an attribution."""
    text = "The new mayor assumed office in May."
    assert _assemble_statements(text, "The new mayor", "assumed", ["office"]) == []
    [st] = _assemble_statements(text, "The new mayor", "assumed", ["office"], off={"clause-only-cues"})
    assert st.cue.text == "assumed"
    text = "The new mayor assumed that the budget would pass."
    [st] = _assemble_statements(text, "The new mayor", "assumed", ["that the budget would pass"])
    assert st.cue.text == "assumed"


def test_a_prep_bound_cue_ends_at_its_preposition():
    """Rule cue-takes-prep: the tagger's cue "continued to call for more talks on" with the content "the
    border" is the cue "continued to call for" and the content "more talks on the border"."""
    text = "The ministers continued to call for more talks on the border."
    [st] = _assemble_statements(text, "The ministers", "continued to call for more talks on", ["the border"])
    assert (st.cue.text, [c.text for c in st.content]) == ("continued to call for", ["more talks on the border"])
    [st] = _assemble_statements(text, "The ministers", "continued to call for more talks on", ["the border"],
                                off={"cue-takes-prep"})
    assert st.cue.text == "continued to call for more talks on"
