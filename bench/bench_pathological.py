"""How long a pathological article (100,000 one-word sentences) takes under the article time limit.

    PYTHONPATH=src OMP_NUM_THREADS=1 python bench/bench_pathological.py [LIMIT_S]

Prints, for the sentences separated by spaces and by newlines, the seconds from
the start of coding to its timeout error record, in the main thread and in a
worker thread (as the server codes). The limit must bound the parse too.
"""

from __future__ import annotations

import sys
import threading
import time

from wirecoder import Coder, Settings
from wirecoder.ingest import Input


def main() -> None:
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    coder = Coder(Settings(article_timeout=limit))
    coder.warm_up()
    for sep, name in ((" ", "spaces"), ("\n", "newlines")):
        text = ("Stop." + sep) * 100_000
        for where in ("main thread", "worker thread"):
            box = {}

            def work():
                t0 = time.monotonic()
                (box["out"],) = list(coder.code_inputs([Input(id="p", source="<pathological>", text=text)]))
                box["s"] = time.monotonic() - t0

            if where == "main thread":
                work()
            else:
                t = threading.Thread(target=work)
                t.start()
                t.join()
            out = box["out"]
            what = out.error.kind if hasattr(out, "error") else "record"
            print(f"{len(text):,} chars ({name}), {where}: {box['s']:.1f} s -> {what} (limit {limit:g} s)")


if __name__ == "__main__":
    main()
