"""wirecoder's statements as a spaCy pipeline component.

    import spacy
    import wirecoder.spacy_component  # registers the factory (also found via entry point)
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("wirecoder_statements")
    doc = nlp(text)
    for st in doc._.statements:           # plain dicts, as in a record's JSON
        print(st["speaker_name"], st["speaker_code"], st["cue"]["text"], [c["text"] for c in st["content"]])
    for span in doc.spans["wirecoder_speakers"]:   # the same statements as spaCy Spans
        ...

It needs a parser (and NER for speaker names) before it. What it writes follows spaCy's
conventions, so a doc keeps it through ``doc.to_bytes()``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=2)``:

- ``doc._.statements``: one plain dict per statement, the fields of a record's statement (character
  offsets into ``doc.text``, ``speaker_name``, ``speaker_code`` filled as ``wirecoder.code`` fills them);
- ``doc.spans["wirecoder_speakers"]``, ``["wirecoder_cues"]``, ``["wirecoder_contents"]``: the speaker,
  cue and content pieces as ``Span``s (expanded to whole tokens), each group with
  ``attrs["statement"]``, the index in ``doc._.statements`` of each span's statement (a content in
  two pieces gives two spans with the same index).
"""

from __future__ import annotations

import dataclasses

from spacy.language import Language
from spacy.tokens import Doc, Span

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)

SPAN_GROUPS = {"speaker": "wirecoder_speakers", "cue": "wirecoder_cues", "content": "wirecoder_contents"}


class StatementsComponent:
    def __init__(self, nlp: Language, name: str, encoder: bool = False):
        from .resources import Resources
        from .settings import Settings

        self.name = name
        # The pipeline's Resources, as a Coder takes them (Resources.for_pipeline): added to a Coder's
        # pipeline, the component codes with that Coder's loaded parts and settings, unless its
        # `encoder` differs (encoder=True: the optional statements encoder helps the tagger,
        # pip install 'wirecoder[accurate]'); else the settings of the environment.
        settings = next((r.settings for r in Resources.on_pipeline(nlp) if r.settings.statements_encoder == encoder),
                        None) or Settings.from_env(statements_encoder=encoder)
        self.resources = Resources.for_pipeline(nlp, settings)

    def __call__(self, doc: Doc) -> Doc:
        record = self._record(doc)
        doc._.statements = [dataclasses.asdict(st) for st in record.statements]
        write_span_groups(doc, record.statements)
        return doc

    def _record(self, doc: Doc):
        """The record ``wirecoder.code`` would make of the doc's text, up to its statements and speakers."""
        from .errors import WirecoderError
        from .ingest import Input, prepare
        from .record import Record
        from .stages import BY_NAME

        try:
            record = prepare(Input(id="doc", source="spacy", text=doc.text), self.resources.settings)
        except WirecoderError:  # an empty or whitespace text: no statements
            return Record(id="doc", source="spacy", text=doc.text)
        for name in STAGES:
            stage = BY_NAME[name]
            stage.run(record, doc if stage.after_parse else None, self.resources)
        return record


# the pipeline's stages the statements and their speaker codes depend on, in the pipeline's order
STAGES = ("structure", "sentences", "entities", "statements", "speakers")


def write_span_groups(doc: Doc, found) -> None:
    """The statements' speaker, cue and content spans as the doc's span groups (see the module doc)."""
    groups: dict[str, list[Span]] = {role: [] for role in SPAN_GROUPS}
    index: dict[str, list[int]] = {role: [] for role in SPAN_GROUPS}
    for i, st in enumerate(found):
        pieces = [("speaker", st.speaker), ("cue", st.cue)] + [("content", c) for c in st.content]
        for role, span in pieces:
            if span is None:
                continue
            token_span = doc.char_span(span.start, span.end, label=role.upper(), alignment_mode="expand")
            if token_span is None or not len(token_span):
                continue
            groups[role].append(token_span)
            index[role].append(i)
    for role, name in SPAN_GROUPS.items():
        doc.spans[name] = groups[role]
        doc.spans[name].attrs["statement"] = index[role]


@Language.factory("wirecoder_statements", default_config={"encoder": False})
def make_statements_component(nlp: Language, name: str, encoder: bool) -> StatementsComponent:
    return StatementsComponent(nlp, name, encoder)
