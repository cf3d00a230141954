"""The events page in headless Chromium: the actor network by code or country (never words of the
text), the timeline over the dense dates with year-only dates apart, facet counts that filter when
clicked, the offline map with points sized by count, and the download links of the filtered view."""

from __future__ import annotations


import pytest

from test_browser import CHROMIUM, browser, page, pytestmark, serve_store  # noqa: F401  (fixtures)
from web_records import actor, all_records, span
from wirecoder.record import ActorRef, Event, Place, Record

RECALL = ("BERLIN, May 8 (Wirewire) - Veterans recalled how Soviet troops took the city in 1945, the mayor said. "
          "This was remembered by many, and 42 lives were honoured in Kyiv.")


def recall_record() -> Record:
    t = RECALL
    kyiv = Place(t.index("Kyiv"), t.index("Kyiv") + 4, "Kyiv", name="Kyiv", country="UKR", kind="city", lat=50.45, lon=30.52)
    return Record(
        id="berlin-recall", source="tests/berlin.txt", text=t, title="Berlin recalls 1945", published="2026-05-08",
        reference_date="2026-05-08",
        events=[
            Event(trigger=span(t, "took"), source=actor(t, "Soviet troops", "SUNMIL", "SUN", "Soviet army"),
                  target=actor(t, "the city", "DEU", "DEU", "Germany"), cameo="190", quad=4, plover="ASSAULT",
                  date="1945"),
            # actors the coder found no code for: they must not become nodes of the network
            Event(trigger=span(t, "honoured"), source=ActorRef(t.index("This"), t.index("This") + 4, "This"),
                  target=ActorRef(t.index("42 lives"), t.index("42 lives") + 8, "42 lives"), cameo="010", quad=1,
                  plover="CONSULT", date="2026-05-08", place=kyiv),
        ],
        places=[kyiv],
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from wirecoder.store import Store

    db = str(tmp_path_factory.mktemp("browser-events") / "events.duckdb")
    Store(db).add([*all_records(), recall_record()])
    yield from serve_store(db)


def test_network_nodes_are_codes_or_countries_never_text(server, page):
    page.goto(server + "/events")
    page.wait_for_selector("#network svg g.node")
    ids = page.locator("#network svg g.node").evaluate_all("gs => gs.map(g => g.getAttribute('data-id'))")
    assert "This" not in ids and "42 lives" not in ids
    assert {"UKRMIL", "RUS", "SUNMIL", "DEU"} <= set(ids)
    page.select_option("#network-by", "country")
    page.wait_for_function("() => [...document.querySelectorAll('#network g.node')].some(g => g.dataset.id === 'SUN')"
                           " && ![...document.querySelectorAll('#network g.node')].some(g => g.dataset.id === 'SUNMIL')")
    countries = page.locator("#network svg g.node").evaluate_all("gs => gs.map(g => g.getAttribute('data-id'))")
    assert all(len(c) == 3 and c.isupper() for c in countries)
    assert page.csp_violations == []


def test_timeline_keeps_year_only_dates_apart(server, page):
    page.goto(server + "/events")
    page.wait_for_selector("#timeline svg rect.bar")
    dates = page.locator("#timeline svg rect.bar").evaluate_all("rs => rs.map(r => r.getAttribute('data-date'))")
    assert dates and min(dates) >= "2026-03-01"  # the axis is not stretched back to 1945
    apart = page.locator("#timeline-apart .apart-date")
    assert apart.count() == 1 and apart.get_attribute("data-date") == "1945-01-01"
    assert "1 event" in apart.inner_text()


def test_facet_counts_filter_when_clicked(server, page):
    page.goto(server + "/events")
    accuse = page.locator('.facet[data-facet="plover"] a.facet-value[data-value="ACCUSE"]')
    assert accuse.locator(".count").inner_text() == "2"
    accuse.click()
    page.wait_for_url("**/events?plover=ACCUSE")
    assert page.locator("#event-table tbody tr").count() == 2
    assert page.locator('.facet[data-facet="plover"] a.chosen').inner_text().startswith("ACCUSE")
    page.locator('.facet[data-facet="source_country"] a.facet-value[data-value="PHL"]').click()
    page.wait_for_url("**/events?plover=ACCUSE&source_country=PHL")
    assert page.locator("#event-table tbody tr").count() == 1
    page.locator('.facet[data-facet="plover"] a.chosen').click()  # a chosen value takes itself off
    page.wait_for_url("**/events?source_country=PHL")
    assert page.locator("#event-table tbody tr").count() == 2


def test_map_draws_the_world_offline_with_points_sized_by_count(server, page):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(server + "/events")
    page.wait_for_selector("#map svg circle.place")
    assert page.locator("#map svg path.country").count() > 150
    points = page.locator("#map svg circle.place").evaluate_all(
        "cs => cs.map(c => [c.dataset.name, +c.dataset.count, +c.getAttribute('r')])")
    assert {p[0] for p in points} == {"Belgorod", "Geneva", "Kyiv"}
    assert all(r > 0 for _, _, r in points)
    assert [u for u in asked if not u.startswith(server)] == []
    page.goto(server + "/events?quad=2")
    page.wait_for_selector("#map svg circle.place")
    assert page.locator("#map svg circle.place").evaluate_all("cs => cs.map(c => c.dataset.name)") == ["Geneva"]
    assert page.csp_violations == []


def test_download_links_give_the_filtered_view(server, page):
    page.goto(server + "/events?quad=3")
    href = page.locator("#download-csv").get_attribute("href")
    assert href == "/api/events.csv?quad=3"
    csv_text = page.evaluate("h => fetch(h).then(r => r.text())", href)
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("event_id,article_id,idx,") and len(lines) == 3
    jsonl = page.evaluate("h => fetch(h).then(r => r.text())", page.locator("#download-jsonl").get_attribute("href"))
    assert len(jsonl.strip().splitlines()) == 2
