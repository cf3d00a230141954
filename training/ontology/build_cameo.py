"""Build src/wirecoder/data/cameo/cameo.json from the PLOVER project's CAMEO2PLOVER table.

    .venv/bin/python training/ontology/build_cameo.py /work/shared/reference/plover/CAMEO2PLOVER-2021.txt

The table (CC BY-SA 4.0, openeventdata/PLOVER) gives every CAMEO code from 03 to 20
with its name and PLOVER event type, mode and context. PLOVER dropped CAMEO 01
(statements) and 02 (appeals); their names come from the CAMEO 1.1b3 codebook and
they carry no PLOVER type. Root names, quad classes and PentaClasses are CAMEO's.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "data" / "cameo" / "cameo.json"

ROOT_NAMES = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate", "04": "Consult",
    "05": "Engage in diplomatic cooperation", "06": "Engage in material cooperation", "07": "Provide aid",
    "08": "Yield", "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce", "18": "Assault",
    "19": "Fight", "20": "Use unconventional mass violence",
}

# CAMEO 01 and 02 (not in the PLOVER table): CAMEO 1.1b3 codebook names.
STATEMENTS_APPEALS = {
    "010": "Make statement, not specified below", "011": "Decline comment", "012": "Make pessimistic comment",
    "013": "Make optimistic comment", "014": "Consider policy option", "015": "Acknowledge or claim responsibility",
    "016": "Deny responsibility", "017": "Engage in symbolic act", "018": "Make empathetic comment",
    "019": "Express accord",
    "020": "Make an appeal or request, not specified below", "021": "Appeal for material cooperation",
    "0211": "Appeal for economic cooperation", "0212": "Appeal for military cooperation",
    "0213": "Appeal for judicial cooperation", "0214": "Appeal for intelligence",
    "022": "Appeal for diplomatic cooperation (such as policy support)", "023": "Appeal for aid",
    "0231": "Appeal for economic aid", "0232": "Appeal for military aid", "0233": "Appeal for humanitarian aid",
    "0234": "Appeal for military protection or peacekeeping", "024": "Appeal for political reform",
    "0241": "Appeal for change in leadership", "0242": "Appeal for policy change", "0243": "Appeal for rights",
    "0244": "Appeal for change in institutions, regime", "025": "Appeal to yield",
    "0251": "Appeal for easing of administrative sanctions", "0252": "Appeal for easing of popular dissent",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0255": "Appeal to allow international involvement (non-mediation)",
    "0256": "Appeal for de-escalation of military engagement", "026": "Appeal to others to meet or negotiate",
    "027": "Appeal to others to settle dispute", "028": "Appeal to others to engage in or accept mediation",
}

PLOVER_TYPES = {
    # type: (quad class, PLOVER category)
    "AGREE": (1, "verbal cooperation"), "CONSULT": (1, "verbal cooperation"),
    "SUPPORT": (1, "verbal cooperation"), "CONCEDE": (1, "verbal cooperation"),
    "COOPERATE": (2, "material cooperation"), "AID": (2, "material cooperation"),
    "RETREAT": (2, "material cooperation"), "REQUEST": (3, "verbal conflict"),
    "ACCUSE": (3, "verbal conflict"), "REJECT": (3, "verbal conflict"), "THREATEN": (3, "verbal conflict"),
    "PROTEST": (4, "material conflict"), "SANCTION": (4, "material conflict"),
    "MOBILIZE": (4, "material conflict"), "COERCE": (4, "material conflict"), "ASSAULT": (4, "material conflict"),
}

LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,(.*?)(?:,(.*?))?(?:#\s*(.*))?$")


def quad_of(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def penta_of(root: str) -> int:
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def entry(code: str, name: str, plover=None, mode=None, context=None) -> dict:
    root = code[:2]
    return {
        "name": name, "root": root, "root_name": ROOT_NAMES[root], "quad": quad_of(root),
        "penta": penta_of(root), "plover": plover, "mode": mode or None, "context": context or None,
    }


def parse(path: Path) -> dict:
    codes = {}
    for code, name in STATEMENTS_APPEALS.items():
        codes[code] = entry(code, name)
    for line in path.read_text(encoding="utf-8").splitlines():
        m = LINE.match(line.strip())
        if not m or len(m.group(1)) == 2:
            continue
        code, plover, mode, context, name = m.groups()
        mode = (mode or "").strip() or None
        context = ";".join(c.strip() for c in (context or "").split(";") if c.strip()) or None
        if code in codes:  # the table lists 175 twice: keep the first
            continue
        codes[code] = entry(code, (name or "").strip(), plover, mode, context)
    # Root-level entries ("14") mirror their generic code ("140").
    for root, rname in ROOT_NAMES.items():
        generic = codes.get(root + "0")
        codes[root] = dict(generic or entry(root + "0", rname), name=rname)
    return dict(sorted(codes.items(), key=lambda kv: (kv[0][:3], len(kv[0]), kv[0])))


def main() -> None:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference/plover/CAMEO2PLOVER-2021.txt")
    codes = parse(src)
    data = {
        "source": "CAMEO2PLOVER-2021.txt, PLOVER manual draft 0.8 (github.com/openeventdata/PLOVER); "
        "CAMEO 01/02 names from the CAMEO 1.1b3 codebook",
        "licence": "CC BY-SA 4.0 (derived from the PLOVER project's CAMEO to PLOVER table)",
        "plover_types": {k: {"quad": q, "category": c} for k, (q, c) in PLOVER_TYPES.items()},
        "penta_classes": {"0": "statements and appeals (01-02)", "1": "verbal cooperation (03-05)",
                          "2": "material cooperation (06-08)", "3": "verbal conflict (09-13)",
                          "4": "material conflict (14-20)"},
        "codes": codes,
    }
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(codes)} codes to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
