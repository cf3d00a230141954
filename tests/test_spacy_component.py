"""The statements as a spaCy component: nlp.add_pipe("wirecoder_statements") sets Doc._.statements
(plain dicts) and the span groups wirecoder_speakers / wirecoder_cues / wirecoder_contents, and a doc
keeps them through spaCy's own serialisation and multiprocessing."""

import json

import pytest

TEXT = ('"We see no progress," Kremlin spokesman Dmitry Peskov said on Monday. '
        'He added that contacts would continue.')
MINISTRY = ("The Russian Foreign Ministry said on Tuesday that the talks would resume in Geneva. "
            '"We are ready," the ministry said.')


@pytest.fixture(scope="module")
def nlp():
    import spacy

    import wirecoder.spacy_component  # noqa: F401  registers the factory
    from wirecoder.nlp import resolve_model_name

    nlp = spacy.load(resolve_model_name(""))
    nlp.add_pipe("wirecoder_statements")
    return nlp


def _plain(value):
    return json.loads(json.dumps(value))


def _groups(doc):
    return {name: [(s.start_char, s.end_char, i) for s, i in zip(doc.spans[name], doc.spans[name].attrs["statement"])]
            for name in ("wirecoder_speakers", "wirecoder_cues", "wirecoder_contents")}


def test_component_sets_statements_on_the_doc(nlp):
    doc = nlp(TEXT)
    assert "wirecoder_statements" in nlp.pipe_names
    sts = doc._.statements
    assert len(sts) >= 2
    first = sts[0]
    assert first["speaker_name"] == "Dmitry Peskov"
    assert first["cue"]["text"] == "said"
    assert "We see no progress" in first["content"][0]["text"]
    for st in sts:
        for span in st["content"] + [s for s in (st["speaker"], st["cue"]) if s is not None]:
            assert doc.text[span["start"]:span["end"]] == span["text"]


def test_statements_are_spans_in_span_groups(nlp):
    from spacy.tokens import Span

    doc = nlp(TEXT)
    sts = doc._.statements
    speakers, cues, contents = (doc.spans[n] for n in ("wirecoder_speakers", "wirecoder_cues", "wirecoder_contents"))
    assert all(isinstance(s, Span) for g in (speakers, cues, contents) for s in g)
    assert [s.text for s in speakers] == ["Kremlin spokesman Dmitry Peskov", "He"]
    assert [s.text for s in cues] == ["said", "added"]
    assert speakers.attrs["statement"] == [0, 1] and cues.attrs["statement"] == [0, 1]
    # each span covers its statement's character offsets (a span is whole tokens; the offsets are exact)
    for group, role in ((speakers, "speaker"), (cues, "cue")):
        for span, i in zip(group, group.attrs["statement"]):
            assert span.start_char <= sts[i][role]["start"] and sts[i][role]["end"] <= span.end_char
    assert "contacts would continue" in contents[contents.attrs["statement"].index(1)].text


def test_speaker_code_is_the_code_wirecoder_code_gives(nlp, coder):
    doc = nlp(MINISTRY)
    record = coder.code(MINISTRY)
    assert [st["speaker_code"] for st in doc._.statements] == [st.speaker_code for st in record.statements]
    assert doc._.statements[0]["speaker_code"] == "RUSGOV"
    assert [st["speaker_name"] for st in doc._.statements] == [st.speaker_name for st in record.statements]


def test_doc_to_bytes_keeps_statements_and_spans(nlp):
    from spacy.tokens import Doc

    doc = nlp(TEXT)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.statements == doc._.statements
    assert _groups(again) == _groups(doc)


def test_docbin_with_user_data_keeps_statements_and_spans(nlp):
    from spacy.tokens import DocBin

    docs = [nlp(TEXT), nlp(MINISTRY)]
    store = DocBin(store_user_data=True)
    for d in docs:
        store.add(d)
    back = list(DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab))
    # DocBin's msgpack reads lists back as tuples; the values are the same
    assert [_plain(d._.statements) for d in back] == [d._.statements for d in docs]
    assert [_groups(d) for d in back] == [_groups(d) for d in docs]


def test_pipe_with_two_processes_gives_what_one_gives(nlp):
    texts = [TEXT, "Rain fell across the region on Tuesday.", MINISTRY]
    one = list(nlp.pipe(texts))
    two = list(nlp.pipe(texts, n_process=2))
    assert [d._.statements for d in two] == [d._.statements for d in one]
    assert [_groups(d) for d in two] == [_groups(d) for d in one]
    assert len(two[0]._.statements) >= 2


def test_component_on_text_without_statements(nlp):
    doc = nlp("Rain fell across the region on Tuesday.")
    assert doc._.statements == []
    assert len(doc.spans["wirecoder_cues"]) == 0
    assert nlp("")._.statements == []


def test_component_works_in_pipe_batches(nlp):
    texts = ["Peskov said the talks had stalled.", "", "The ministry said it would respond."]
    docs = list(nlp.pipe(texts))
    assert [len(d._.statements) > 0 for d in docs] == [True, False, True]


def test_the_component_and_a_coder_on_one_pipeline_share_their_resources():
    """The component takes its Resources as a Coder does (Resources.for_pipeline): one set of loaded
    lexicons, actor dictionary and gazetteer per pipeline and settings, not a copy each."""
    import spacy

    from wirecoder import Coder
    from wirecoder.nlp import resolve_model_name
    from wirecoder.settings import Settings

    nlp = spacy.load(resolve_model_name(""))
    coder = Coder(Settings(), nlp=nlp)
    component = nlp.add_pipe("wirecoder_statements")
    assert component.resources is coder.resources
    doc = nlp(MINISTRY)
    assert {"actor_matcher", "gazetteer"} <= set(coder.resources.loaded())  # loaded once, by whichever came first
    assert [st["speaker_code"] for st in doc._.statements] == [st.speaker_code for st in coder.code(MINISTRY).statements]
    # a Coder made later with the pipeline takes the same; one with other settings has its own
    assert Coder(coder.settings, nlp=nlp).resources is coder.resources
    assert Coder(Settings(batch_size=3), nlp=nlp).resources is not coder.resources
