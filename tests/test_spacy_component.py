"""The statements as a spaCy component: nlp.add_pipe("wirecoder_statements") sets Doc._.statements."""

import pytest


@pytest.fixture(scope="module")
def nlp():
    import spacy

    import wirecoder.spacy_component  # noqa: F401  registers the factory
    from wirecoder.nlp import resolve_model_name

    nlp = spacy.load(resolve_model_name(""))
    nlp.add_pipe("wirecoder_statements")
    return nlp


def test_component_sets_statements_on_the_doc(nlp):
    doc = nlp('"We see no progress," Kremlin spokesman Dmitry Peskov said on Monday. '
              'He added that contacts would continue.')
    assert "wirecoder_statements" in nlp.pipe_names
    sts = doc._.statements
    assert len(sts) >= 2
    first = sts[0]
    assert first.speaker_name == "Dmitry Peskov"
    assert first.cue.text == "said"
    assert "We see no progress" in first.content[0].text
    for st in sts:
        for span in st.content + [s for s in (st.speaker, st.cue) if s is not None]:
            assert doc.text[span.start:span.end] == span.text


def test_component_on_text_without_statements(nlp):
    doc = nlp("Rain fell across the region on Tuesday.")
    assert doc._.statements == []


def test_component_works_in_pipe_batches(nlp):
    texts = ["Peskov said the talks had stalled.", "", "The ministry said it would respond."]
    docs = list(nlp.pipe(texts))
    assert [len(d._.statements) > 0 for d in docs] == [True, False, True]
