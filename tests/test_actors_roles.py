"""Roles of group words: a party's members of a chamber are legislators, office holders and executives in the plural are agents (GUIDELINES 3)."""

import pytest

from test_actors import matcher, resolve_phrase  # noqa: F401  (the module's fixture)


@pytest.mark.parametrize("phrase", ["House Republicans", "Senate Democrats", "congressional Republicans"])
def test_party_members_of_a_chamber_are_legislators(matcher, phrase):  # noqa: F811
    ref = resolve_phrase(matcher, f"On Tuesday {phrase} opened a new inquiry.", phrase)
    assert ref is not None and ref.code == "USALEG"


def test_the_party_alone_stays_a_party(matcher):  # noqa: F811
    ref = resolve_phrase(matcher, "On Tuesday the Republicans chose a new chair.", "Republicans")
    assert ref is not None and ref.code == "USAPTY"


@pytest.mark.parametrize("phrase, code", [("governors", "GOV"), ("mayors", "GOV"), ("CEOs", "BUS"),
                                          ("business leaders", "BUS"), ("chief executives", "BUS")])
def test_plural_office_holders_and_executives_are_agents(matcher, phrase, code):  # noqa: F811
    ref = resolve_phrase(matcher, f"The president urged {phrase} to act.", phrase, context_country="USA")
    assert ref is not None and ref.code == "USA" + code


@pytest.mark.parametrize("date, code", [("2023-12-20", "IRNMIL"), ("2026-01-05", "IRNELI")])
def test_the_revolutionary_guard_commander_is_iranian_military_while_in_command(matcher, date, code):  # noqa: F811
    text = "Major General Hossein Salami warned that the region would answer any attack."
    ref = resolve_phrase(matcher, text, "Major General Hossein Salami", date=date, context_country="PSE")
    assert ref is not None and ref.code == code


@pytest.mark.parametrize("phrase, code", [("a former Peruvian soldier", "PERELI"), ("a retired Peruvian police officer", "PERELI"),
                                          ("Peruvian soldiers", "PERMIL"), ("a former Peruvian minister", "PERELI")])
def test_former_or_retired_members_of_a_force_are_no_longer_that_force(matcher, phrase, code):  # noqa: F811
    ref = resolve_phrase(matcher, f"On Friday {phrase} pleaded guilty in a Miami court.", phrase)
    assert ref is not None and ref.code == code


def test_a_former_adviser_of_a_named_council_is_out_of_office(matcher):  # noqa: F811
    text = "On Monday former National Security Council adviser Dana Whitfield criticised the plan."
    ref = resolve_phrase(matcher, text, "former National Security Council adviser Dana Whitfield", date="2023-12-05")
    assert ref is not None and ref.code == "USAELI"
    text = "On Monday National Security Council adviser Dana Whitfield criticised the plan."
    ref = resolve_phrase(matcher, text, "National Security Council adviser Dana Whitfield", date="2023-12-05")
    assert ref is not None and ref.code == "USAGOV"
