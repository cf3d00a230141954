"""Actors: a council or association named for a trade is a business body, BUS (sentences written for these tests)."""

from conftest import event_on, events_of


def criticized(coder, text):
    return event_on(events_of(coder, text), "criticized")


def test_a_council_named_for_a_commodity_is_bus(coder):
    ev = criticized(coder, "MANILA -- Rice prices fell again. The Coffee Council criticized the Philippine government "
                           "on Tuesday.")
    assert ev.source is not None and ev.source.code == "PHLBUS"
    assert ev.target is not None and ev.target.code == "PHLGOV"


def test_a_council_of_a_trade_is_bus(coder):
    ev = criticized(coder, "NEW YORK -- The Council of Furniture Makers of America criticized President Joe Biden "
                           "on Tuesday.")
    assert ev.source is not None and ev.source.code == "USABUS"


def test_a_government_council_stays_government(coder):
    ev = criticized(coder, "The National Security Council criticized Iran on Monday.")
    assert ev.source is not None and ev.source.code == "USAGOV"
    ev = criticized(coder, "MANILA -- The city council criticized the government over the new import tariff.")
    assert ev.source is not None and ev.source.code == "PHLGOV"


def test_the_acronym_of_a_trade_body_is_bus(coder):
    ev = criticized(coder, "NEW YORK -- The Council of Furniture Makers of America issued a statement on Monday. "
                           "The CFMA criticized President Joe Biden over the tariff.")
    assert ev.source is not None and ev.source.text == "The CFMA" and ev.source.code == "USABUS"


def test_the_acronym_of_a_police_department_keeps_its_role(coder):
    ev = criticized(coder, "NEW YORK -- The Chicago Police Department arrested two men. The CPD criticized Mayor "
                           "Tom Baker over the budget.")
    assert ev.source is not None and ev.source.code == "USACOP"
