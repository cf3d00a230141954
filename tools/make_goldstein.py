"""Build src/wirecoder/data/cameo/goldstein.csv (CAMEO code -> Goldstein scale) from the CAMEO
codebook table of the icews R package (andybega/icews, data-raw/cameo-codes.csv, MIT licence).

    python tools/make_goldstein.py ../shared/reference/cameo/cameo-codes.csv

Only the code and its Goldstein value are kept (no descriptions or examples); the output file
carries the MIT notice of its source.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "wirecoder" / "data" / "cameo" / "goldstein.csv"

HEADER = """\
# CAMEO event code -> Goldstein scale (conflict -10 .. cooperation +10), one row per code.
# Made by tools/make_goldstein.py from data-raw/cameo-codes.csv of the icews R package
# (github.com/andybega/icews @ c954894), after the CAMEO codebook (Schrodt et al.) and
# Goldstein (1992), "A Conflict-Cooperation Scale for WEIS Events Data".
#
# MIT License
#
# Copyright (c) 2022 Andreas Beger
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main(source: str) -> None:
    rows = []
    with open(source, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            code, score = (row.get("code") or "").strip(), (row.get("goldstein") or "").strip()
            if not code.isdigit() or score in ("", "NA"):
                continue
            rows.append((code, float(score)))
    rows.sort()
    codes = [c for c, _ in rows]
    if len(codes) != len(set(codes)):
        sys.exit("duplicate codes in the source")
    with open(OUT, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["cameo", "goldstein"])
        for code, score in rows:
            w.writerow([code, f"{score:g}"])
    print(f"{OUT}: {len(rows)} codes", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/cameo/cameo-codes.csv")
