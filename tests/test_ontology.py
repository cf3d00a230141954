from wirecoder import ontology


def test_every_code_has_name_root_quad_and_pentaclass():
    codes = ontology.codes()
    assert len(codes) > 280
    for code, entry in codes.items():
        assert entry.name, code
        assert entry.root == code[:2]
        assert 1 <= entry.quad <= 4
        assert entry.penta == ontology.penta_of(code)
        assert entry.plover is None or entry.plover in ontology.plover_types()


def test_all_twenty_roots_and_sixteen_plover_types():
    assert {f"{i:02d}" for i in range(1, 21)} <= set(ontology.codes())
    assert len(ontology.plover_types()) == 16
    used = {e.plover for e in ontology.codes().values() if e.plover}
    assert used == set(ontology.plover_types())


def test_known_codes_map_to_plover_type_mode_and_context():
    ceasefire = ontology.lookup("0871")
    assert (ceasefire.plover, ceasefire.mode, ceasefire.context) == ("RETREAT", "ceasefire", "military")
    assert ceasefire.penta == 2 and ceasefire.quad == 2
    assert ontology.lookup("1823").plover == "ASSAULT"
    assert ontology.lookup("163").plover == "COERCE"
    assert ontology.lookup("112").penta == 3


def test_statements_and_appeals_have_no_plover_type():
    assert ontology.lookup("010").plover is None
    assert ontology.lookup("0256").name.startswith("Appeal")
    assert ontology.lookup("020").penta == 0


def test_unknown_codes_are_not_valid_but_still_have_a_class():
    assert not ontology.is_valid("999")
    assert ontology.lookup("0999") is None
    assert ontology.penta_of("1999") == 4
