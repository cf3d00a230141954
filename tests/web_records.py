"""Hand-annotated records of invented wire stories, for the API, page and browser tests.

Spans are found in the text by search, so every one is a real slice of it. The
annotations are what a careful coder would mark; they do not come from wirecoder.
"""

from __future__ import annotations

from wirecoder.record import ActorRef, Dateline, Defect, Event, Place, Record, Span, Speaker, Statement

TASS_TEXT = (
    "All news\n"
    "Kremlin says Kyiv has not yet fulfilled prisoner deal\n"
    "MOSCOW, September 29. /TASS/. Kyiv has not yet fulfilled its obligations under the prisoner "
    "exchange deal, Kremlin spokesman Dmitry\u00a0Peskov said on Tuesday. \"We still hope that the "
    "agreement will be honoured,\" Peskov added. According to the Russian Defense Ministry, Ukrainian "
    "drones struck a fuel depot near Belgorod overnight. The ministry accused Kyiv of \"deliberately "
    "targeting civilian infrastru"
)

SCRIPT_TEXT = (
    "GENEVA, March 3 (Wirewire) - Delegations from Armenia and Azerbaijan agreed on Monday to extend "
    "the ceasefire along their border, the Swiss foreign ministry said. A page comment read "
    "<script>window.__pwned = true;</script> and <b>bold</b> & more. "
    "\"This is a fragile but real step,\" mediator Anna Keller told reporters."
)

MANILA_TEXT = (
    "MANILA, April 12 (Wirewire) - The Philippine coast guard accused Chinese vessels of blocking a "
    "resupply mission near Second Thomas Shoal, spokesman Jay Tarriela said. Beijing did not respond. "
    "The two governments held talks in Manila last week, officials said."
)


def _find(text: str, needle: str, after: int = 0) -> tuple[int, int]:
    start = text.index(needle, after)
    return start, start + len(needle)


def span(text: str, needle: str, after: int = 0) -> Span:
    return Span.of(text, *_find(text, needle, after))


def actor(text: str, needle: str, code: str, country: str, name: str, after: int = 0) -> ActorRef:
    s, e = _find(text, needle, after)
    return ActorRef(s, e, text[s:e], code=code, country=country, name=name)


def tass_record() -> Record:
    t = TASS_TEXT
    peskov_said = Statement(
        speaker=span(t, "Kremlin spokesman Dmitry\u00a0Peskov"), speaker_name="Dmitry Peskov",
        speaker_role="spokesman", speaker_org="Kremlin", cue=span(t, "said"),
        content=[span(t, "Kyiv has not yet fulfilled its obligations under the prisoner exchange deal", 60)],
        kind="indirect",
    )
    peskov_added = Statement(
        speaker=span(t, "Peskov", t.index("added") - 8), speaker_name="Dmitry Peskov", cue=span(t, "added"),
        content=[span(t, "We still hope that the agreement will be honoured,")], kind="direct",
    )
    ministry = Statement(
        speaker=span(t, "the Russian Defense Ministry"), speaker_name="Russian Defense Ministry",
        cue=span(t, "According to"),
        content=[span(t, "Ukrainian drones struck a fuel depot near Belgorod overnight")], kind="indirect",
        type="report",
    )
    belgorod = Place(*_find(t, "Belgorod"), "Belgorod", name="Belgorod", country="RUS", kind="city", lat=50.61, lon=36.58)
    events = [
        Event(
            trigger=span(t, "fulfilled", 60), source=actor(t, "Kyiv", "UKRGOV", "UKR", "Government of Ukraine", 60),
            cameo="057", cameo_name="Sign formal agreement", quad=1, plover="AGREE", negated=True,
            modality="asserted", date="2026-09-29", statement=0,
        ),
        Event(
            trigger=span(t, "struck"), source=actor(t, "Ukrainian drones", "UKRMIL", "UKR", "Ukrainian armed forces"),
            target=actor(t, "a fuel depot near Belgorod", "RUS", "RUS", "Russia"), cameo="195",
            cameo_name="Employ aerial weapons", quad=4, plover="ASSAULT", date="2026-09-28", place=belgorod, statement=2,
        ),
        Event(
            trigger=span(t, "accused"), source=actor(t, "The ministry", "RUSMIL", "RUS", "Russian Defense Ministry"),
            target=actor(t, "Kyiv", "UKRGOV", "UKR", "Government of Ukraine", t.index("accused")),
            cameo="112", cameo_name="Accuse", quad=3, plover="ACCUSE", date="2026-09-29",
        ),
    ]
    cut = t.index("The ministry accused")
    return Record(
        id="tass-prisoners", source="tests/tass.txt", text=t, title="Kremlin says Kyiv has not yet fulfilled prisoner deal",
        published="2026-09-29", reference_date="2026-09-29",
        title_span=span(t, "Kremlin says Kyiv has not yet fulfilled prisoner deal"),
        dateline=Dateline(place="Moscow", agency="TASS", date="2026-09-29", span=span(t, "MOSCOW, September 29. /TASS/.")),
        defects=[Defect(0, 8, "debris", t[0:8]), Defect(cut, len(t), "truncated_sentence", t[cut:])],
        statements=[peskov_said, peskov_added, ministry],
        speakers=[
            Speaker("Dmitry Peskov", [peskov_said.speaker, peskov_added.speaker], [0, 1], role="spokesman", org="Kremlin"),
            Speaker("Russian Defense Ministry", [ministry.speaker], [2]),
        ],
        events=events, places=[belgorod],
    )


def script_record() -> Record:
    t = SCRIPT_TEXT
    ministry = Statement(
        speaker=span(t, "the Swiss foreign ministry"), speaker_name="Swiss foreign ministry", cue=span(t, "said"),
        content=[span(t, "Delegations from Armenia and Azerbaijan agreed on Monday to extend the ceasefire along their border")],
    )
    keller = Statement(
        speaker=span(t, "mediator Anna Keller"), speaker_name="Anna Keller", speaker_role="mediator",
        cue=span(t, "told"), content=[span(t, "This is a fragile but real step,")], kind="direct",
    )
    geneva = Place(*_find(t, "GENEVA"), "GENEVA", name="Geneva", country="CHE", kind="city", lat=46.2, lon=6.14)
    return Record(
        id="geneva-ceasefire", source="tests/geneva.txt", text=t, title="Armenia and Azerbaijan extend <b>ceasefire</b>",
        published="2026-03-03", reference_date="2026-03-03",
        dateline=Dateline(place="Geneva", agency="Wirewire", date="2026-03-03", span=span(t, "GENEVA, March 3 (Wirewire) -")),
        statements=[ministry, keller],
        speakers=[Speaker("Swiss foreign ministry", [ministry.speaker], [0]), Speaker("Anna Keller", [keller.speaker], [1])],
        events=[
            Event(
                trigger=span(t, "agreed"), source=actor(t, "Armenia", "ARM", "ARM", "Armenia"),
                target=actor(t, "Azerbaijan", "AZE", "AZE", "Azerbaijan"), cameo="0871", cameo_name="Declare truce, ceasefire",
                quad=2, plover="RETREAT", date="2026-03-02", place=geneva, statement=0,
            )
        ],
        places=[geneva],
    )


def manila_record() -> Record:
    t = MANILA_TEXT
    tarriela = Statement(
        speaker=span(t, "spokesman Jay Tarriela"), speaker_name="Jay Tarriela", speaker_role="spokesman",
        cue=span(t, "said"),
        content=[span(t, "The Philippine coast guard accused Chinese vessels of blocking a resupply mission near Second Thomas Shoal")],
    )
    manila = Place(*_find(t, "MANILA"), "MANILA", name="Manila", country="PHL", kind="city", lat=14.6, lon=120.98)
    return Record(
        id="manila-shoal", source="tests/manila.txt", text=t, title="Manila accuses Chinese vessels at shoal",
        published="2026-04-12", reference_date="2026-04-12",
        dateline=Dateline(place="Manila", agency="Wirewire", date="2026-04-12", span=span(t, "MANILA, April 12 (Wirewire) -")),
        statements=[tarriela], speakers=[Speaker("Jay Tarriela", [tarriela.speaker], [0], role="spokesman")],
        events=[
            Event(
                trigger=span(t, "accused"), source=actor(t, "The Philippine coast guard", "PHLMIL", "PHL", "Philippine Coast Guard"),
                target=actor(t, "Chinese vessels", "CHNMIL", "CHN", "Chinese navy"), cameo="112", cameo_name="Accuse",
                quad=3, plover="ACCUSE", date="2026-04-12", statement=0,
            ),
            Event(
                trigger=span(t, "held talks"), source=actor(t, "The two governments", "PHLGOV", "PHL", "Government of the Philippines"),
                target=actor(t, "Beijing", "CHNGOV", "CHN", "Government of China"), cameo="040", cameo_name="Consult",
                quad=1, plover="CONSULT", date="2026-04-05",
            ),
        ],
        places=[manila],
    )


def all_records() -> list[Record]:
    return [tass_record(), script_record(), manila_record()]


def build_store(path) -> str:
    """A store at `path` holding the three hand-annotated stories; returns its path."""
    from wirecoder.store import Store

    Store(path).add(all_records())
    return str(path)
