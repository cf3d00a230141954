"""Near-duplicates: one wire story run by several outlets is linked into one cluster and counted once."""

from __future__ import annotations

from wirecoder.record import ActorRef, Defect, Event, Record
from wirecoder.store import Store
from wirecoder.store.dedup import Deduper

WIRE = (
    "GENEVA, March 3. The foreign ministers of Armenia and Azerbaijan met in Geneva on Tuesday for a third "
    "round of talks on the border commission, a spokesperson for the Swiss foreign ministry said. The two "
    "delegations agreed to exchange maps of the disputed section before the end of the month and to meet "
    "again in April, according to a joint statement released after the meeting. Baku accused Yerevan of "
    "delaying the demarcation, while the Armenian side said it had not yet received the promised documents. "
    "Observers from the European Union welcomed the agreement and called on both sides to refrain from "
    "military activity along the line of contact."
)
OTHER = (
    "NAIROBI, March 3. Kenya's central bank left its benchmark rate unchanged at its meeting on Tuesday, "
    "citing easing inflation and a stable shilling, the governor told reporters. Analysts had expected a cut "
    "after consumer prices rose less than forecast in February, and several banks said they would keep their "
    "lending rates where they are until the next review in May."
)


def outlet_copy(id: str, body: str, header: str = "", footer: str = "") -> Record:
    """The story as an outlet's page: its own debris around the same body, marked as defects."""
    text = header + body + footer
    r = Record(id=id, source=f"{id}.html", text=text, title="Armenia and Azerbaijan agree to exchange maps",
               published="2026-03-03")
    if header:
        r.defects.append(Defect(0, len(header), "debris", header))
    if footer:
        r.defects.append(Defect(len(text) - len(footer), len(text), "boilerplate", footer))
    b = text.find("Baku")
    y = text.find("Yerevan")
    if b >= 0 and y >= 0:
        r.events.append(Event(trigger=r.span(b + 5, b + 12), source=ActorRef(b, b + 4, "Baku", code="AZEGOV",
                                                                             country="AZE"),
                              target=ActorRef(y, y + 7, "Yerevan", code="ARMGOV", country="ARM"),
                              cameo="112", root="11", quad=3, plover="ACCUSE", date="2026-03-03"))
    return r


def test_same_wire_story_in_three_outlets_is_one_cluster(tmp_path):
    store = Store(tmp_path / "news.duckdb")
    stats = store.add([
        outlet_copy("agency", WIRE),
        outlet_copy("daily", WIRE.replace("on Tuesday", "on Tuesday (March 3)"),
                    header="All news  Politics  World  Subscribe\n", footer="\nRead more: top stories of the day"),
    ])
    assert stats["duplicates"] == 1
    # A later ingest (another transaction) still finds the cluster through the stored LSH keys.
    edited = WIRE.replace("a spokesperson for", "a spokeswoman for").replace("Observers from", "Monitors from")
    store.add([outlet_copy("weekly", edited, header="Menu | Sign in\n"), outlet_copy("bank", OTHER)])

    cluster = store.duplicates("weekly")
    assert [a["id"] for a in cluster] == ["agency", "daily", "weekly"]
    assert all(a["dup_of"] == "agency" for a in cluster[1:])
    assert all(a["similarity"] >= 0.7 for a in cluster[1:])
    assert store.duplicates("bank") == [store.duplicates("bank")[0]] and store.duplicates("bank")[0]["dup_of"] is None

    assert store.events()["total"] == 3
    assert store.events(dedup=True)["total"] == 1
    assert store.events(dedup=True)["items"][0]["article_id"] == "agency"
    assert store.search_articles(q="Tuesday", dedup=True)["total"] == 2
    assert store.counts()["duplicates"] == 2
    assert store.network(dedup=True)["edges"][0]["weight"] == 1
    assert store.network()["edges"][0]["weight"] == 3


def test_rewritten_story_is_not_a_duplicate(tmp_path):
    store = Store(tmp_path / "news.duckdb")
    rewritten = (
        "Talks between Armenia and Azerbaijan resumed in Switzerland, with both ministers promising to trade "
        "maps of the contested border before April. Azerbaijan again blamed Armenia for slowing the work."
    )
    stats = store.add([outlet_copy("agency", WIRE), outlet_copy("analysis", rewritten)])
    assert stats["duplicates"] == 0
    assert store.events(dedup=True)["total"] == store.events()["total"]


def test_debris_does_not_make_different_stories_duplicates():
    dedup = Deduper()
    debris = "All news Politics World Economy Sport Culture Subscribe Sign in Menu Search " * 10
    a = dedup.signature(outlet_copy("a", WIRE).text)
    b = dedup.signature(outlet_copy("b", OTHER).text)
    assert a.similarity(b) < 0.2
    # Signatures come from the prose only; the store strips defects first (rows.prose).
    from wirecoder.store.rows import prose

    ra = outlet_copy("a", WIRE, header=debris).to_dict()
    rb = outlet_copy("b", OTHER, header=debris).to_dict()
    assert dedup.signature(prose(ra)).similarity(dedup.signature(prose(rb))) < 0.2


def test_replacing_an_article_recomputes_its_link(tmp_path):
    store = Store(tmp_path / "news.duckdb")
    store.add([outlet_copy("agency", WIRE), outlet_copy("daily", WIRE + " Updated at 14:00.")])
    assert store.duplicates("daily")[-1]["dup_of"] == "agency"
    store.add([outlet_copy("daily", OTHER)])  # the outlet replaced the page with another story
    assert [a["id"] for a in store.duplicates("agency")] == ["agency"]
    assert store.events(dedup=True)["total"] == store.events()["total"]
