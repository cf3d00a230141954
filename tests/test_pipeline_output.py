"""Records as written: the dicts and JSON the coder's output is made of."""

import dataclasses
import json


def test_to_dict_is_asdict_and_a_copy(coder):
    record = coder.code(
        "MOSCOW, March 3. /TASS/. Russia accused Ukraine of shelling the port of Odessa on Monday, "
        "Foreign Ministry spokeswoman Maria Zakharova said.\n\n\u201cWe will respond,\u201d she added.\n",
        date="2026-03-04",
    )
    assert record.events and record.statements and record.places  # nested dataclasses to convert
    plain = record.to_dict()
    assert plain == dataclasses.asdict(record)
    assert list(plain) == [f.name for f in dataclasses.fields(record)]  # field order kept in the JSON
    assert record.to_json() == json.dumps(dataclasses.asdict(record), ensure_ascii=False)
    plain["events"][0]["source"] = None
    plain["provenance"]["changed"] = True
    assert record.events[0].source is not None and "changed" not in record.provenance
