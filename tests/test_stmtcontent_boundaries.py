"""Content boundary rules of the statements stage (wip-stmtcontent), on hand-made tagger runs over invented
sentences."""

import pytest

from test_statements import _assemble_statements


@pytest.mark.parametrize("text, speaker, cue, content, want", [
    ("The governor praised the new bridge and opened the road to traffic on Sunday.", "The governor", "praised",
     "the new bridge and opened the road to traffic on Sunday", "the new bridge"),
    ("The minister condemned the attack on the embassy but refused to recall the ambassador.", "The minister",
     "condemned", "the attack on the embassy but refused to recall the ambassador", "the attack on the embassy"),
])
def test_a_content_ends_before_the_speakers_next_predicate(text, speaker, cue, content, want):
    """Rule content-next-predicate-out: "and opened the road" is what the governor did next, not what was
    praised."""
    [st] = _assemble_statements(text, speaker, cue, [content])
    assert [c.text for c in st.content] == [want]
    [st] = _assemble_statements(text, speaker, cue, [content], off={"content-next-predicate-out"})
    assert [c.text for c in st.content] == [content]


def test_a_second_clause_with_its_own_subject_stays_in_the_content():
    """ "and the mayor would resign" has its own subject: it may be what was said, the rule leaves it."""
    text = "The council said that taxes would rise and the mayor would resign."
    content = "that taxes would rise and the mayor would resign"
    [st] = _assemble_statements(text, "The council", "said", [content])
    assert [c.text for c in st.content] == [content]


def test_a_quoted_second_predicate_stays_in_the_content():
    """Inside quotation marks the words are the speaker's own, whatever their parse."""
    text = 'The coach said the team "played well and deserved the win."'
    content = 'the team "played well and deserved the win."'
    [st] = _assemble_statements(text, "The coach", "said", [content])
    assert [c.text for c in st.content][0].startswith("the team")
    assert "deserved the win" in st.content[0].text


def test_an_unquoted_content_ends_at_its_sentence():
    """Rule content-one-sentence: a content that runs over the full stop into the next sentence's quotation
    ends at the stop; a short capitalised abbreviation's stop ("Gen. Ortiz") is no sentence end."""
    text = "The mayor said the plan had failed. ''We will try again next year,'' she added."
    content = "the plan had failed. ''We will try again next year,''"
    [st, *_] = _assemble_statements(text, "The mayor", "said", [content])
    assert [c.text for c in st.content] == ["the plan had failed"]
    [st, *_] = _assemble_statements(text, "The mayor", "said", [content], off={"content-one-sentence"})
    assert [c.text for c in st.content] == [content]
    text = "The mayor said the city would honour Gen. Ortiz with a statue."
    content = "the city would honour Gen. Ortiz with a statue"
    [st] = _assemble_statements(text, "The mayor", "said", [content])
    assert [c.text for c in st.content] == [content]


def test_a_quotation_over_several_sentences_stays_whole():
    """A content that is a quotation runs to its closing mark, over its sentences."""
    text = 'The mayor said: "The plan failed. We will try again."'
    content = '"The plan failed. We will try again."'
    [st] = _assemble_statements(text, "The mayor", "said", [content])
    assert [c.text for c in st.content] == [content]


def _quoted_statements(text, off=frozenset()):
    speaker = "the coach"
    return _assemble_statements(text, speaker, ["said", "referring to"],
                                [text[:text.index(",") + 2], text[text.index(". ") + 2:]], off=off)


def test_a_quotation_after_the_cues_aside_goes_on_the_first_one():
    """Rule quote-after-aside: '"X," he said, referring to Y. "Z."' is one content in two pieces, the coach's;
    the aside "referring to" is no statement of its own."""
    text = '"We played badly," the coach said, referring to the final. "Next year will be different."'
    statements = _quoted_statements(text)
    assert [[c.text for c in st.content] for st in statements] == [
        ['"We played badly,"', '"Next year will be different."']]
    assert statements[0].cue.text == "said"
    assert len(_quoted_statements(text, off={"quote-after-aside"})) == 2


def test_an_aside_with_its_own_quotation_in_its_sentence_stays_a_statement():
    """ '..., adding, "Z."': the quotation stands in the aside's own sentence; it is what was added."""
    text = '"We played badly," the coach said, adding, "Next year will be different."'
    statements = _assemble_statements(text, "the coach", ["said", "adding"],
                                      ['"We played badly,"', '"Next year will be different."'])
    assert len(statements) == 2


def test_a_cueless_piece_from_inside_a_quotation_is_no_statement():
    """Rule quote-fragments-out: the tagger's "the quality.”" starts inside the quotation, not at its mark: a
    fragment of what the quoted speaker said, no statement of its own; a whole quotation with no cue stays."""
    text = "The mayor spoke. “We built the bridge. But I worry about the quality.”"
    fragment = "the quality.”"
    assert _assemble_statements(text, [], [], [fragment]) == []
    assert len(_assemble_statements(text, [], [], [fragment], off={"quote-fragments-out", "quoted-phrases-out"})) == 1
    whole = "“We built the bridge. But I worry about the quality.”"
    [st] = _assemble_statements(text, [], [], [whole])
    assert [c.text for c in st.content] == [whole]


def test_a_cueless_quoted_phrase_inside_the_writers_sentence_is_no_statement():
    """Rule quoted-phrases-out: "moved into “a small flat by the river”" quotes a phrase in the writer's own
    sentence; a quotation that opens its sentence stays a statement (the last speaker's, for the resolver)."""
    text = "The family moved into “a small flat by the river” last year."
    phrase = "“a small flat by the river”"
    assert _assemble_statements(text, [], [], [phrase]) == []
    assert len(_assemble_statements(text, [], [], [phrase], off={"quoted-phrases-out"})) == 1
    text = "The family moved last year. “It is a small flat by the river.”"
    [st] = _assemble_statements(text, [], [], ["“It is a small flat by the river.”"])
    assert st.cue is None
