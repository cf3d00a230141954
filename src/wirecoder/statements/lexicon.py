"""The attribution lexicon (data/attribution/cues.yaml) and word clusters: their loaders.

Each call reads the file; a Coder loads them once, through its Resources
(``statement_lexicon``, ``statement_word_clusters``), and passes them down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "attribution"


@dataclass(frozen=True)
class Lexicon:
    verb_type: dict  # lemma -> speech | belief | report (first listed wins)
    noun_type: dict
    phrases: tuple  # tuples of lower-case words: ("according", "to")
    roles: frozenset  # role words, lower case, possibly multi-word
    not_line_speakers: frozenset = frozenset()  # page labels ("Photo:", "UPDATE:") that are nobody's words
    frames: dict = field(default_factory=dict)  # "in X's words" noun -> statement type
    subject_frames: dict = field(default_factory=dict)  # "X's assessment is that" noun -> statement type
    not_cue_heads: frozenset = frozenset()  # lemmas heading the tagger's non-speech cues ("seemed eager to")
    not_cue_phrases: tuple = ()  # word tuples that are no cue ("phone call")
    empty_speakers: frozenset = frozenset()  # "Nobody said ..."
    empty_contents: frozenset = frozenset()  # "... said anything."
    prep_free_verbs: frozenset = frozenset()  # "said of" -> "said"
    catenative_heads: frozenset = frozenset()  # "tried" whose "to ..." belongs to the cue
    receiving_verbs: frozenset = frozenset()  # "has drawn criticism": the subject is the target (speakers.yaml)
    received_nouns: frozenset = frozenset()
    clause_only_heads: frozenset = frozenset()  # "maintain": a cue only with a clause ("maintained that ...")
    content_connectives: tuple = ()  # word tuples that open a sentence but not its content ("however")
    addressee_verbs: frozenset = frozenset()  # "told [reporters] that ...": the object is no content
    raising_heads: frozenset = frozenset()  # "No deal appears to be near": the subject is the content's first piece
    editor_notes: tuple = ()  # a paragraph opening so is the publication's note ("editor's note")
    occasion_preps: frozenset = frozenset()  # "said | in a ruling": the occasion's preposition ...
    occasion_nouns: frozenset = frozenset()  # ... and its noun end the content
    prep_bound_verbs: dict = field(default_factory=dict)  # lemma -> prepositions its cue takes ("called for")
    not_cue_adverbs: frozenset = frozenset()  # "said so": an adverb after the cue that is what was said
    not_one_word_cues: frozenset = frozenset()  # "is", "had" alone: a verb that is no cue by itself
    pro_object_cues: dict = field(default_factory=dict)  # "as he put it": verb -> the pronoun objects its cue takes
    medium_preps: frozenset = frozenset()  # "said | in an email": the preposition of the words' medium ...
    medium_nouns: frozenset = frozenset()  # ... and its noun, which the cue leaves out
    tail_relatives: frozenset = frozenset()  # ", who has ..." closing a content is the writer's, not the speaker's
    report_frames: frozenset = frozenset()  # "In a CNN poll, 31% said ...": the poll is the source of the clause

    def cue_type(self, lemma: str, pos: str = "VERB") -> str | None:
        table = self.noun_type if pos in ("NOUN", "PROPN") else self.verb_type
        return table.get(lemma.lower())

    def word_cue_type(self, word: str, lemma: str, pos: str = "VERB") -> str | None:
        """Like cue_type, also trying the word itself de-inflected: the small model
        lemmatizes "hopes" as "hop"."""
        found = self.cue_type(lemma, pos)
        if found or pos in ("NOUN", "PROPN"):
            return found
        w = word.lower()
        for cut, add in (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e")):
            if w.endswith(cut) and self.verb_type.get(w[: -len(cut)] + add):
                return self.verb_type[w[: -len(cut)] + add]
        return None


def load_lexicon() -> Lexicon:
    data = yaml.safe_load((DATA_DIR / "cues.yaml").read_text(encoding="utf-8"))
    verb_type: dict = {}
    for kind in ("speech", "belief", "report"):
        for lemma in data["verbs"].get(kind, []):
            verb_type.setdefault(lemma, kind)
    noun_type: dict = {}
    for kind in ("speech", "belief", "report"):
        for lemma in data["nouns"].get(kind, []):
            noun_type.setdefault(lemma, kind)
    phrases = tuple(tuple(p.lower().split()) for p in data["phrases"])
    speakers_file = DATA_DIR / "speakers.yaml"
    speakers = yaml.safe_load(speakers_file.read_text(encoding="utf-8")) if speakers_file.exists() else {}
    return Lexicon(verb_type, noun_type, phrases, frozenset(r.lower() for r in data["roles"]),
                   frozenset(w.lower() for w in data.get("not_line_speakers", ())),
                   {w.lower(): kind for w, kind in data.get("frames", {}).items()},
                   {w.lower(): kind for w, kind in data.get("subject_frames", {}).items()},
                   frozenset(w.lower() for w in data.get("not_cue_heads", ())),
                   tuple(tuple(p.lower().split()) for p in data.get("not_cue_phrases", ())),
                   frozenset(w.lower() for w in data.get("empty_speakers", ())),
                   frozenset(w.lower() for w in data.get("empty_contents", ())),
                   frozenset(w.lower() for w in data.get("prep_free_verbs", ())),
                   frozenset(w.lower() for w in data.get("catenative_heads", ())),
                   receiving_verbs=frozenset(w.lower() for w in speakers.get("receiving_verbs", ())),
                   received_nouns=frozenset(w.lower() for w in speakers.get("received_nouns", ())),
                   clause_only_heads=frozenset(w.lower() for w in data.get("clause_only_heads", ())),
                   content_connectives=tuple(tuple(p.lower().split()) for p in data.get("content_connectives", ())),
                   addressee_verbs=frozenset(w.lower() for w in data.get("addressee_verbs", ())),
                   raising_heads=frozenset(w.lower() for w in data.get("raising_heads", ())),
                   editor_notes=tuple(w.lower().replace("\u2019", "'") for w in data.get("editor_notes", ())),
                   occasion_preps=frozenset(w.lower() for w in data.get("occasion_preps", ())),
                   occasion_nouns=frozenset(w.lower() for w in data.get("occasion_nouns", ())),
                   prep_bound_verbs={w.lower(): frozenset(p.lower() for p in preps)
                                     for w, preps in (data.get("prep_bound_verbs") or {}).items()},
                   tail_relatives=frozenset(w.lower() for w in data.get("tail_relatives", ())),
                   report_frames=frozenset(w.lower() for w in data.get("report_frames", ())),
                   medium_preps=frozenset(w.lower() for w in data.get("medium_preps", ())),
                   medium_nouns=frozenset(w.lower() for w in data.get("medium_nouns", ())),
                   not_cue_adverbs=frozenset(w.lower() for w in data.get("not_cue_adverbs", ())),
                   not_one_word_cues=frozenset(w.lower() for w in data.get("not_one_word_cues", ())),
                   pro_object_cues={w.lower(): frozenset(o.lower() for o in objs)
                                    for w, objs in (data.get("pro_object_cues") or {}).items()})


def load_word_clusters() -> dict[str, tuple[str, str]]:
    """Word (lower case, straight apostrophe) -> (coarse, fine) cluster of its MiniLM embedding.

    Built by training/statements/word_clusters.py; lets the tagger treat a cue it never
    saw in training ("likened") like the ones it did ("compared"). Empty when absent.
    """
    path = DATA_DIR / "word_clusters.tsv"
    if not path.exists():
        return {}
    table = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, coarse, fine = line.rstrip("\n").split("\t")
            table[word] = (coarse, fine)
    return table
