"""Actors: "she"/"he" in an adverbial clause stands for the one person noun of that gender in the main clause, and
an uncoded target gives way to a coded one conjoined with it (sentences written for these tests)."""

from conftest import event_on, events_of


def test_she_after_a_woman_in_the_main_clause_is_the_woman(coder):
    text = ("SPRINGFIELD, Ill. -- Deputies shot a woman on a county road Sunday night after she allegedly pointed a "
            "gun at her own head and at deputies.")
    ev = event_on(events_of(coder, text), "pointed")
    assert ev.source is not None and ev.source.code == "USACVL"
    assert ev.target is not None and ev.target.text == "deputies" and ev.target.code == "USACOP"


def test_he_with_two_men_in_the_main_clause_is_left_alone(coder):
    from wirecoder.events import coref

    genders = {"he": frozenset({"man"}), "she": frozenset({"woman"})}
    doc = coder.nlp("A man shot a man after he threatened a clerk.")
    he = next(t for t in doc if t.lower_ == "he")
    assert coref.clause_person(he, genders) is None
    doc = coder.nlp("Officers arrested a man after he threatened a clerk.")
    he = next(t for t in doc if t.lower_ == "he")
    assert coref.clause_person(he, genders).text == "man"
    she = next(t for t in coder.nlp("Officers arrested a man after she threatened a clerk.") if t.lower_ == "she")
    assert coref.clause_person(she, genders) is None


def test_nouns_conjoined_through_their_prepositions(coder):
    from wirecoder.events import coref

    doc = coder.nlp("She pointed the gun at her head and at officers.")
    head = next(t for t in doc if t.lower_ == "head")
    assert [t.text for t in coref.conjoined_nouns(head)] == ["officers"]
