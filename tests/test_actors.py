"""The actor dictionary and matcher: what an event coder sees for each kind of mention."""

from __future__ import annotations

import pytest

from wirecoder.actors import get_actor_matcher, load_entries
from wirecoder.record import Dateline, Record
from wirecoder.settings import Settings
from wirecoder.resources import Resources


@pytest.fixture(scope="module")
def matcher():
    return get_actor_matcher(Resources(Settings()))


def article(text: str, published: str | None = "2024-06-03") -> Record:
    return Record(id="t", source="test", text=text, published=published)


def resolve_phrase(matcher, text, phrase, date=None, **kw):
    record = article(text)
    start = text.index(phrase)
    ref = matcher.resolve(record, start, start + len(phrase), date=date, **kw)
    if ref is not None:
        assert record.text[ref.start : ref.end] == ref.text
        assert start <= ref.start <= ref.end <= start + len(phrase)
    return ref


# -- countries ------------------------------------------------------------------
@pytest.mark.parametrize(
    "phrase, code",
    [
        ("Syria", "SYR"),
        ("the Russian Federation", "RUS"),
        ("the United States", "USA"),
        ("the U.S.", "USA"),
        ("Britain", "GBR"),
        ("Turkiye", "TUR"),
        ("Iran", "IRN"),
        ("Ivory Coast", "CIV"),
        ("the Democratic Republic of the Congo", "COD"),
        ("Iranians", "IRN"),
    ],
)
def test_country_names_official_names_and_demonyms(matcher, phrase, code):
    text = f"Officials said {phrase} would respond."
    ref = resolve_phrase(matcher, text, phrase)
    assert ref is not None and ref.code == code and ref.country == code


def test_every_iso_country_is_in_the_dictionary():
    import pycountry

    countries = {e.code for e in load_entries().values() if e.kind == "country"}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in countries]
    assert not missing


def test_lower_case_pronoun_us_is_not_the_united_states(matcher):
    text = "He told us the talks would go on."
    assert matcher.find(article(text)) == []


@pytest.mark.parametrize(
    "phrase, code, mention",
    [
        ("Syrian troops", "SYRMIL", "Syrian troops"),
        ("the Russian Foreign Ministry", "RUSGOV", "Russian Foreign Ministry"),
        ("Russia's Defence Ministry", "RUSGOV", "Russia's Defence Ministry"),
        ("the foreign ministry of Ukraine", "UKRGOV", "foreign ministry of Ukraine"),
        ("Turkish police", "TURCOP", "Turkish police"),
        ("Iraqi lawmakers", "IRQLEG", "Iraqi lawmakers"),
        ("Chinese state media", "CHNMED", "Chinese state media"),
        ("Israeli soldiers", "ISRMIL", "Israeli soldiers"),
        ("Afghan refugees", "AFGREF", "Afghan refugees"),
        ("the U.S. State Department", "USAGOV", "U.S. State Department"),
    ],
)
def test_adjective_or_country_with_a_generic_agent(matcher, phrase, code, mention):
    text = f"On Tuesday {phrase} rejected the claims."
    ref = resolve_phrase(matcher, text, phrase)
    assert ref.code == code
    assert ref.text == mention
    assert ref.country == code[:3]


@pytest.mark.parametrize(
    "phrase, code, sector",
    [
        ("the Kremlin", "RUSGOV", "GOV"),
        ("Washington", "USAGOV", "GOV"),
        ("the White House", "USAGOV", "GOV"),
        ("Downing Street", "GBRGOV", "GOV"),
        ("the Elysee", "FRAGOV", "GOV"),
        ("Beijing", "CHNGOV", "GOV"),
        ("Tehran", "IRNGOV", "GOV"),
        ("Kyiv", "UKRGOV", "GOV"),
        ("Damascus", "SYRGOV", "GOV"),
    ],
)
def test_capitals_and_seats_of_power_stand_for_the_government(matcher, phrase, code, sector):
    text = f"{phrase} has accused its rivals of stalling."
    ref = resolve_phrase(matcher, text, phrase)
    assert (ref.code, ref.sector) == (code, sector)
    assert not ref.text.startswith("the ")


@pytest.mark.parametrize(
    "phrase, role, sector",
    [
        ("the army", "MIL", "MIL"),
        ("police", "COP", "COP"),
        ("rebels", "REB", "REB"),
        ("insurgents", "INS", "REB"),
        ("journalists", "MED", "JRN"),
        ("protesters", "CVL", "CVL"),
        ("the government", "GOV", "GOV"),
        ("gunmen", "UAF", "UAF"),
        ("the opposition", "OPP", "OPP"),
        ("a court", "JUD", "JUD"),
    ],
)
def test_generic_agent_without_a_country_is_left_without_one(matcher, phrase, role, sector):
    text = f"Witnesses said {phrase} had left the square."
    ref = resolve_phrase(matcher, text, phrase)
    assert ref.code == role and ref.country is None and ref.sector == sector


def test_generic_agent_takes_a_context_country_only_when_asked(matcher):
    text = "Witnesses said troops had left the square."
    ref = resolve_phrase(matcher, text, "troops", context_country="SDN")
    assert (ref.code, ref.country) == ("SDNMIL", "SDN")


@pytest.mark.parametrize(
    "phrase, code, country",
    [
        ("the UN Security Council", "IGOUNO", "UNO"),
        ("the United Nations", "IGOUNO", "UNO"),
        ("NATO", "IGOWSTNAT", "IGO"),
        ("the European Union", "IGOEUREEC", "EUR"),
        ("the EU", "IGOEUREEC", "EUR"),
        ("OPEC", "IGOPEC", "IGO"),
        ("the OSCE", "IGOEUROSC", "IGO"),
        ("the IAEA", "IGOUNOIAE", "UNO"),
        ("the African Union", "IGOAFRAU", "IGO"),
        ("the International Committee of the Red Cross", "NGOHRIRC", "NGO"),
    ],
)
def test_international_organisations(matcher, phrase, code, country):
    text = f"A statement from {phrase} called for restraint."
    ref = resolve_phrase(matcher, text, phrase)
    assert (ref.code, ref.country) == (code, country)


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("ISIS", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Jabhat al-Nusra", "Hayat Tahrir al-Sham"),
        ("Nusra Front", "Hayat Tahrir al-Sham"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("Houthis", "Ansar Allah"),
        ("Ansar Allah", "Ansar Allah"),
        ("al-Shabaab", "al-Shabaab"),
        ("the PKK", "Kurdistan Workers' Party"),
    ],
)
def test_armed_groups_by_any_alias(matcher, alias, canonical):
    text = f"Officials blamed {alias} fighters for the attack."
    ref = resolve_phrase(matcher, text, f"{alias} fighters")
    assert ref.name == canonical
    assert ref.sector in ("REB", "PRM")
    assert ref.code


def test_title_before_a_name_resolves_to_the_person(matcher):
    text = "Russian Foreign Minister Sergei Lavrov said on Monday the talks had failed."
    ref = resolve_phrase(matcher, text, "Russian Foreign Minister Sergei Lavrov")
    assert ref.name == "Sergei Lavrov" and ref.code == "RUSGOV"
    text = "Kremlin spokesman Dmitry Peskov declined to comment."
    ref = resolve_phrase(matcher, text, "Kremlin spokesman Dmitry Peskov")
    assert ref.name == "Dmitry Peskov" and ref.code == "RUSGOV"


def test_surname_alone_resolves_when_the_full_name_is_known(matcher):
    text = "Lavrov told reporters that Zakharova would brief them later."
    refs = matcher.find(article(text))
    assert [r.name for r in refs[:1]] == ["Sergei Lavrov"]
    assert "Maria Zakharova" in [r.name for r in refs]


def test_title_before_an_unknown_name_takes_the_countrys_role(matcher):
    text = "Sudanese Foreign Minister Omar Qadri met the envoy."
    ref = resolve_phrase(matcher, text, "Sudanese Foreign Minister Omar Qadri")
    assert ref.code == "SDNGOV"
    assert ref.text == "Sudanese Foreign Minister Omar Qadri"


@pytest.mark.parametrize(
    "date, code",
    [
        ("2016-05-01", "USAOPP"),  # candidate
        ("2018-05-01", "USAGOV"),  # first term
        ("2022-01-01", "USAELI"),  # no office: the fallback
        ("2025-06-01", "USAGOV"),  # second term
    ],
)
def test_same_official_different_dates_different_codes(matcher, date, code):
    text = "Trump said the deal was fair."
    assert resolve_phrase(matcher, text, "Trump", date=date).code == code


def test_the_articles_own_date_selects_the_code(matcher):
    text = "Bashar al-Assad said the army would hold its ground."
    record = article(text, published="2019-03-01")
    assert matcher.resolve(record, 0, len("Bashar al-Assad")).code == "SYRGOV"
    record = article(text, published="2025-03-01")
    assert matcher.resolve(record, 0, len("Bashar al-Assad")).code == "SYRELI"


def test_person_moving_to_an_international_post(matcher):
    text = "Mark Rutte spoke to reporters."
    assert resolve_phrase(matcher, text, "Mark Rutte", date="2020-01-01").code == "NLDGOV"
    ref = resolve_phrase(matcher, text, "Mark Rutte", date="2025-01-01")
    assert ref.code == "IGOWSTNAT"


def test_former_before_a_title_is_an_elite(matcher):
    text = "Former Syrian President Hafez Zzz spoke."
    ref = resolve_phrase(matcher, text, "Former Syrian President Hafez Zzz")
    assert ref.code == "SYRELI"


def test_find_lists_every_mention_in_order_without_overlap(matcher):
    text = (
        "MOSCOW, September 29. /TASS/. Washington has not yet fulfilled its obligations, "
        "Kremlin spokesman Dmitry Peskov said, adding that Ukrainian forces shelled Donetsk "
        "while Islamic State militants attacked Syrian troops."
    )
    record = article(text)
    # The dateline is where the story was filed, not an actor.
    record.dateline = Dateline(place="MOSCOW", agency="TASS", span=record.span(0, 29))
    refs = matcher.find(record, 0, len(text))
    assert [r.code for r in refs] == ["USAGOV", "RUSGOV", "UKRMIL", "IMGMOSISI", "SYRMIL"]
    for a, b in zip(refs, refs[1:]):
        assert a.end <= b.start
    for r in refs:
        assert text[r.start : r.end] == r.text


def test_resolve_prefers_a_coded_actor_over_a_bare_agent(matcher):
    text = "A spokesman for the Russian Defence Ministry said the strike hit a depot."
    ref = resolve_phrase(matcher, text, "A spokesman for the Russian Defence Ministry")
    assert ref.code == "RUSGOV"


def test_nothing_to_resolve(matcher):
    text = "The weather was mild on Sunday."
    assert resolve_phrase(matcher, text, "The weather") is None


# -- users' files -------------------------------------------------------------------
def test_user_file_adds_and_overrides_entries_by_key(tmp_path):
    user = tmp_path / "mine.yaml"
    user.write_text(
        "- {key: metonym/moscow, kind: metonym, code: RUSGOVX, country: RUS, sector: GOV, names: [Kremlin]}\n"
        "- key: person/ivan-zzz\n"
        "  kind: person\n"
        "  name: Ivan Zzzov\n"
        "  country: RUS\n"
        "  roles:\n"
        "    - {title: Governor, code: RUSGOV, from: 2020-01-01, to: 2022-12-31}\n",
        encoding="utf-8",
    )
    matcher = get_actor_matcher(Resources(Settings(actor_files=[str(user)])))
    text = "The Kremlin said Ivan Zzzov would stay; Zzzov agreed."
    refs = matcher.find(article(text, published="2021-05-05"))
    assert [r.code for r in refs] == ["RUSGOVX", "RUSGOV", "RUSGOV"]
    # Moscow lost its metonym: the user's entry replaced the bundled one by key.
    assert matcher.find(article("Moscow said no.")) == []
    refs = matcher.find(article(text, published="2024-05-05"))
    assert refs[1].code == "RUSELI"


def test_user_csv_file(tmp_path):
    user = tmp_path / "mine.csv"
    user.write_text(
        "key,kind,name,names,code,country,sector\n"
        "group/zeta,group,Zeta Front,Zeta Front;ZF,XYZREBZET,XYZ,REB\n",
        encoding="utf-8",
    )
    matcher = get_actor_matcher(Resources(Settings(actor_files=[str(user)])))
    ref = matcher.lookup("ZF commanders")
    assert (ref.code, ref.name, ref.country) == ("XYZREBZET", "Zeta Front", "XYZ")


def test_matcher_is_built_once_per_context():
    resources = Resources(Settings())
    assert get_actor_matcher(resources) is get_actor_matcher(resources)


@pytest.mark.parametrize(
    "date, name, code",
    [
        ("1995-01-01", "Hafez al-Assad", "SYRGOV"),
        ("2012-01-01", "Bashar al-Assad", "SYRGOV"),
        ("2025-06-01", "Bashar al-Assad", "SYRELI"),  # no one in office: who left last
    ],
)
def test_shared_surname_goes_to_whoever_held_office_on_the_date(matcher, date, name, code):
    ref = resolve_phrase(matcher, "Assad spoke on television.", "Assad", date=date)
    assert (ref.name, ref.code) == (name, code)


def test_shared_surname_with_two_people_in_office_is_not_guessed(matcher):
    # Boris Johnson was prime minister while Mike Johnson sat in Congress.
    assert resolve_phrase(matcher, "Johnson spoke on television.", "Johnson", date="2020-06-01") is None


def test_news_agencies_and_national_agencies(matcher):
    text = "According to TASS, the FSB detained a man; the IDF and ICE declined to comment."
    refs = matcher.find(article(text))
    assert [(r.text, r.code) for r in refs] == [
        ("TASS", "RUSMED"), ("FSB", "RUSSPY"), ("IDF", "ISRMIL"), ("ICE", "USACOP"),
    ]
    assert refs[0].sector == "JRN"


def test_place_name_inside_a_persons_name_is_not_an_actor(matcher):
    assert matcher.find(article("Paris Hilton and Jordan Peterson arrived late.")) == []
    assert matcher.find(article("The film starred Denzel Washington.")) == []


def test_a_place_in_the_phrase_gives_the_country(matcher):
    text = "Residents of Aleppo fled as shells landed in Idlib."
    ref = resolve_phrase(matcher, text, "Residents of Aleppo")
    assert (ref.code, ref.country) == ("SYRCVL", "SYR")
    ref = resolve_phrase(matcher, text, "Idlib")
    assert (ref.code, ref.text) == ("SYR", "Idlib")


def test_an_unsettled_surname_is_not_taken_for_a_town(matcher):
    # George W. Bush was president while Jeb Bush governed Florida: no guess, and no Egyptian town.
    assert resolve_phrase(matcher, "Bush spoke on television.", "Bush", date="2005-01-01") is None
    assert resolve_phrase(matcher, "Bush spoke on television.", "Bush", date="2016-01-01").name == "Jeb Bush"
