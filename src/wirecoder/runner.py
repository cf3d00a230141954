"""The loop behind `wirecoder code` and `demo`: read, code, write JSON Lines, report."""

from __future__ import annotations

import contextlib
import sys
import time
from typing import BinaryIO, Iterable, Iterator, Optional, TextIO

from tqdm import tqdm

from .encodable import written
from .errors import WirecoderError
from .ingest import Reader
from .ingest.readers import count_inputs
from .parallel import code_parallel
from .pipeline import Output
from .record import ErrorRecord
from .settings import Settings

LONG_BATCH = 100  # outputs after which a non-terminal run reports progress too


def run_code(paths: list[str], input_format: str, settings: Settings, output: str | None,
             summary: bool = False) -> int:
    """Code `paths` into JSON Lines; 0 when every input was coded, 2 when some failed, 1 when none could be.

    One output line per input, in input order: a record, or an error record in
    its place (with a line on stderr naming the input and the reason).
    """
    reader = Reader(settings, input_format)
    if "-" in paths and sys.stdin.isatty():
        print("wirecoder: reading articles from the terminal; end with Ctrl-D", file=sys.stderr)
    failed = coded = 0
    rows = []
    try:
        with _open_output(output) as out:
            total = count_inputs(paths, input_format)
            for rec in progress(code_parallel(reader.inputs(paths), settings, settings.jobs), settings, total):
                rec, line = written(rec)  # one that cannot be written stands as an error in its place
                out.write(line)
                if isinstance(rec, ErrorRecord):
                    failed += 1
                    # tqdm.write keeps a progress bar intact (and is a plain print without one)
                    tqdm.write(f"wirecoder: {rec.error.kind}: {rec.error.message}", file=sys.stderr)
                else:
                    coded += 1
                if summary:
                    rows.append(_summary_row(rec))
    except WirecoderError as exc:  # the run itself cannot go on (no model, unwritable output)
        print(f"wirecoder: {exc}", file=sys.stderr)
        return 1
    if reader.skipped[0]:
        print(f"wirecoder: skipped {reader.skipped[0]} WARC record(s) that are not successful HTML responses",
              file=sys.stderr)
    if summary:
        print_summary(rows, coded, failed)
    return 2 if failed else 0


@contextlib.contextmanager
def _open_output(output: str | None) -> Iterator[BinaryIO]:
    """A binary stream: records are written as UTF-8 whatever the locale says."""
    if not output or output == "-":
        sys.stdout.flush()
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:  # a text-only stdout (some test harnesses)
            yield _TextAsBinary(sys.stdout)
        else:
            yield stream
            stream.flush()
        return
    try:
        fh = open(output, "wb")
    except OSError as exc:
        raise WirecoderError(f"cannot write {output}: {exc.strerror or exc}", kind="output") from None
    with fh:
        yield fh


class _TextAsBinary:
    def __init__(self, text_stream: TextIO):
        self.text_stream = text_stream

    def write(self, data: bytes) -> None:
        self.text_stream.write(data.decode("utf-8"))


def progress(items: Iterable, settings: Settings, total: Optional[int] = None, final: bool = True) -> Iterator:
    """A tqdm bar on a terminal (with `total`, the number of inputs when known, and so an ETA);
    elsewhere a line every 10 s once the batch is long. Then, with `final`, a last line with the count."""
    mode = settings.progress
    tty = sys.stderr.isatty()
    if mode == "never":
        yield from items
        return
    t0 = last = time.monotonic()
    n = 0
    if tty or mode == "always":
        with tqdm(items, total=total, unit="article", file=sys.stderr, dynamic_ncols=True) as bar:
            for n, item in enumerate(bar, 1):
                yield item
    else:
        for n, item in enumerate(items, 1):
            yield item
            now = time.monotonic()
            if n >= LONG_BATCH and now - last >= 10:
                last = now
                of = f" of {total}" if total else ""
                eta = f", about {(total - n) / (n / (now - t0)):.0f} s left" if total and n < total else ""
                print(f"wirecoder: {n}{of} articles, {n / (now - t0):.1f}/s{eta}", file=sys.stderr)
        if n < LONG_BATCH:
            return
    if final:
        print(f"wirecoder: {n} article(s) in {time.monotonic() - t0:.1f} s", file=sys.stderr)


def _summary_row(rec: Output) -> dict:
    if isinstance(rec, ErrorRecord):
        return {"id": rec.id, "error": f"{rec.error.kind}: {rec.error.message}"}
    dl = rec.dateline
    return {
        "id": rec.id,
        "title": (rec.title or (rec.sentences[0].text if rec.sentences else ""))[:60],
        "dateline": " / ".join(x for x in (dl.place, dl.agency, dl.date) if x) if dl else "",
        "sentences": len(rec.sentences),
        "statements": len(rec.statements),
        "events": len(rec.events),
        "defects": len(rec.defects),
        "speakers": ", ".join(s.name for s in rec.speakers[:3]),
    }


def print_summary(rows: list[dict], coded: int, failed: int, file: TextIO | None = None) -> None:
    file = file or sys.stderr
    for r in rows:
        if "error" in r:
            print(f"  {r['id']:<28} ERROR {r['error']}", file=file)
            continue
        print(f"  {r['id']:<28} {r['title']}", file=file)
        print(
            f"  {'':<28} dateline: {r['dateline'] or '-'} | sentences {r['sentences']} | "
            f"statements {r['statements']} | events {r['events']} | defects {r['defects']}",
            file=file,
        )
        if r["speakers"]:
            print(f"  {'':<28} speakers: {r['speakers']}", file=file)
    print(f"coded {coded} article(s), {failed} error(s)", file=file)
