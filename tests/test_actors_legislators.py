"""A party's members of a chamber of Congress are legislators, the party alone is a party (GUIDELINES 3)."""

import pytest

from test_actors import matcher, resolve_phrase  # noqa: F401  (the module's fixture)


@pytest.mark.parametrize("phrase", ["House Republicans", "Senate Democrats", "congressional Republicans"])
def test_party_members_of_a_chamber_are_legislators(matcher, phrase):  # noqa: F811
    ref = resolve_phrase(matcher, f"On Tuesday {phrase} opened a new inquiry.", phrase)
    assert ref is not None and ref.code == "USALEG"


def test_the_party_alone_stays_a_party(matcher):  # noqa: F811
    ref = resolve_phrase(matcher, "On Tuesday the Republicans chose a new chair.", "Republicans")
    assert ref is not None and ref.code == "USAPTY"
