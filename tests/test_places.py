"""Places: gazetteer matches with coordinates, vetoed where the text names a person or an organisation."""

from __future__ import annotations

import pytest

from conftest import assert_spans_ok
from wirecoder.places import place_key


@pytest.fixture(scope="module")
def story(coder):
    text = (
        "MOSCOW, September 29. /TASS/. Russian forces struck positions near Kherson and "
        "militants shelled Aleppo on Monday, Kremlin spokesman Dmitry Peskov told reporters.\n\n"
        "Paris Hilton was not in Paris, and Jordan Peterson did not visit Jordan, a fan club said. "
        "Police said the square was calm. Lloyd Austin flew to Kyiv, The Washington Post reported."
    )
    return coder.code(text, date="2024-09-30")


def places_named(record, text):
    return [p for p in record.places if p.text == text]


def test_aleppo_is_found_with_coordinates(story):
    (aleppo,) = places_named(story, "Aleppo")
    assert aleppo.country == "SYR" and aleppo.kind == "city"
    assert aleppo.lat == pytest.approx(36.2, abs=0.1) and aleppo.lon == pytest.approx(37.16, abs=0.1)
    assert aleppo.geonameid


def test_city_the_small_model_calls_a_person_is_still_a_place(story):
    (kherson,) = places_named(story, "Kherson")
    assert kherson.country == "UKR"


def test_person_and_organisation_names_are_not_places(story):
    texts = [p.text for p in story.places]
    hilton = story.text.index("Paris Hilton")
    assert all(not (hilton <= p.start < hilton + len("Paris Hilton")) for p in story.places)
    assert "Austin" not in texts and "Washington" not in texts and "Police" not in texts
    # Paris the city, named on its own in the same sentence, is found.
    assert len(places_named(story, "Paris")) == 1
    assert places_named(story, "Paris")[0].country == "FRA"


def test_dateline_place_resolves(story):
    first = story.places[0]
    assert story.text[first.start : first.end] == "MOSCOW"
    assert first.name == "Moscow" and first.country == "RUS"


def test_country_mentions_are_places(story):
    (jordan,) = [p for p in story.places if p.kind == "country"]
    assert jordan.text == "Jordan" and jordan.country == "JOR" and jordan.lat is not None


def test_place_spans_are_valid(story):
    assert_spans_ok(story)
    starts = [p.start for p in story.places]
    assert starts == sorted(starts)


def test_ambiguous_word_needs_clear_place_context(coder):
    record = coder.code("Officials said Nice weather helped. Later the team travelled to Nice for talks.")
    nice = [p for p in record.places if p.text == "Nice"]
    assert len(nice) == 1 and nice[0].country == "FRA"
    assert record.text[nice[0].start - 3 : nice[0].start] == "to "


def test_dateline_country_picks_among_places_of_one_name(coder):
    lebanon = coder.code("BEIRUT, May 2 (Reuters) - Clashes broke out in Tripoli, the army said.")
    libya = coder.code("TRIPOLI, May 2 (Reuters) - Militias clashed in the capital, officials said.")
    tripoli_lb = [p for p in lebanon.places if p.text == "Tripoli"]
    assert tripoli_lb and tripoli_lb[0].country == "LBN"
    assert libya.places and libya.places[0].country == "LBY"


def test_named_country_picks_among_places_of_one_name(coder):
    record = coder.code("Lebanon said gunmen opened fire in Tripoli overnight.")
    (tripoli,) = [p for p in record.places if p.text == "Tripoli"]
    assert tripoli.country == "LBN"


def test_regions_and_alternate_names(coder):
    record = coder.code("Shelling was reported in the Gaza Strip, while drones hit Kiev and Donbas.")
    by_text = {p.text: p for p in record.places}
    assert by_text["Gaza Strip"].country == "PSE"
    assert by_text["Kiev"].name == "Kyiv"
    assert by_text["Donbas"].kind == "region"


def test_debris_is_not_searched(coder):
    html = (
        "<html><body><nav>All news Moscow Paris Berlin</nav><article><h1>Talks</h1>"
        "<p>Envoys met in Geneva on Friday to discuss the ceasefire, officials said.</p></article></body></html>"
    )
    record = coder.code(html=html)
    assert_spans_ok(record)
    for p in record.places:
        assert not record.in_defect(p.start, p.end)


def test_gazetteer_is_built_once_and_keys_fold_accents(coder):
    assert coder.resources.gazetteer is coder.resources.gazetteer
    assert place_key("Zürich") == place_key("Zurich")
    assert place_key("Deir ez-Zor") == "deir ez zor"


def test_names_and_acronyms_that_match_small_towns_are_not_places(coder):
    record = coder.code("Mary and Joseph said the OTA update was late. Republic of Ireland officials agreed.")
    texts = [p.text for p in record.places]
    assert "Mary" not in texts and "OTA" not in texts and "Republic" not in texts
    assert "Ireland" in texts


def test_curated_region_outranks_a_town_of_the_same_name(coder):
    record = coder.code("Ships were diverted away from the Red Sea and across the Atlantic Ocean.")
    kinds = {p.text: p.kind for p in record.places}
    assert kinds == {"Red Sea": "sea", "Atlantic Ocean": "sea"}


def test_a_tiny_namesake_in_a_named_country_does_not_beat_the_real_place(coder):
    record = coder.code("The United States and Russia will meet in Geneva, the State Department said.")
    (geneva,) = [p for p in record.places if p.text == "Geneva"]
    assert geneva.country == "CHE"


def test_users_actor_files_reach_the_gazetteer(coder, tmp_path):
    """A user's organisation named like a town is not a place; a user's country is one."""
    from wirecoder.places import find_places
    from wirecoder.record import Record

    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {kind: organization, name: Mosul Brigade Veterans, names: [Mosul], code: IRQNGO}\n"
        "- {kind: country, key: country/FRD, code: FRD, name: Freedonia, names: [Freedonia]}\n",
        encoding="utf-8",
    )
    text = "Officials in Freedonia met Mosul in Basra on Tuesday."
    record = Record(id="t", source="t", text=text)
    from wirecoder.resources import Resources
    from wirecoder.settings import Settings

    bundled = {p.text for p in find_places(record, coder.nlp(text), coder.resources.gazetteer)}
    assert "Mosul" in bundled and "Freedonia" not in bundled
    mine = Resources(Settings(actor_files=[str(user)])).gazetteer
    found = {p.text: p for p in find_places(record, coder.nlp(text), mine)}
    assert "Mosul" not in found
    assert found["Freedonia"].country == "FRD" and found["Basra"].country == "IRQ"
