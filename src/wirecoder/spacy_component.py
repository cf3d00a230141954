"""wirecoder's statements as a spaCy pipeline component.

    import spacy
    import wirecoder.spacy_component  # registers the factory (also found via entry point)
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("wirecoder_statements")
    doc = nlp(text)
    for st in doc._.statements: print(st.speaker_name, st.cue.text, [c.text for c in st.content])

It needs a parser (and NER for speaker names) before it. Spans in the Statements are
character offsets into doc.text, as in a wirecoder Record.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("statements"):
    Doc.set_extension("statements", default=None)


class StatementsComponent:
    def __init__(self, nlp: Language, name: str, encoder: bool = False):
        from .resources import Resources
        from .settings import Settings

        self.name = name
        # encoder=True: the optional statements encoder helps the tagger (pip install 'wirecoder[accurate]')
        self.resources = Resources(Settings.from_env(statements_encoder=encoder), nlp=nlp)

    def __call__(self, doc: Doc) -> Doc:
        from .record import Record
        from .statements import extract_statements

        record = Record(id="doc", source="spacy", text=doc.text)
        doc._.statements = extract_statements(record, doc, self.resources)
        return doc


@Language.factory("wirecoder_statements", default_config={"encoder": False})
def make_statements_component(nlp: Language, name: str, encoder: bool) -> StatementsComponent:
    return StatementsComponent(nlp, name, encoder)
