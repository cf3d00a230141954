"""Scoring HTML extraction against NAEB: hand-cleaned bodies, titles, dates and authors of news pages.

A NAEB folder holds ``articles.json`` (md5 of the url -> id, title, authors,
date, articleBody, site, url) and ``html/<md5 of the url>.html.gz``. Each page
goes through the same reading as ``wirecoder code`` (decode, depth check,
trafilatura, text with headings); no spaCy. Figures:

- body: bag-of-words precision, recall and F1 (lower-cased word tokens, counted
  with multiplicity) per page, averaged over the pages scored; a page that gives
  an error scores 0 on all three;
- title: exact match rate (after trimming) and normalised match rate (Unicode
  NFKC, case-folded, punctuation and spacing ignored);
- date: same day as the gold date, over pages with a gold date;
- authors: the same set of names (normalised, split at commas, semicolons and
  " and "), over pages whose gold lists authors; also over all pages, where an
  empty gold list matches an empty extraction.

Pages missing from ``html/`` are counted, not scored.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, Optional

from ..errors import WirecoderError
from ..ingest import Input, prepare
from ..settings import Settings

_WORD = re.compile(r"\w+")


def evaluate(folder: str | Path, limit: Optional[int] = None, settings: Optional[Settings] = None,
             progress: bool = True) -> dict[str, Any]:
    """Scores for the NAEB pages in `folder` (the first `limit` entries when given)."""
    folder = Path(folder)
    settings = settings or Settings()
    gold = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    entries = sorted(gold.values(), key=lambda e: e.get("id", 0))[:limit]
    pages = []
    missing = 0
    items = entries
    if progress:
        from tqdm import tqdm

        items = tqdm(entries, unit="page", desc="naeb", file=sys.stderr)
    for entry in items:
        path = folder / "html" / f"{hashlib.md5(entry['url'].encode('utf-8')).hexdigest()}.html.gz"
        if not path.exists():
            missing += 1
            continue
        pages.append(score_page(entry, path.read_bytes(), settings))
    return summarise(pages, missing, len(entries))


def score_page(entry: dict[str, Any], gz: bytes, settings: Settings) -> dict[str, Any]:
    """Scores of one page against its gold entry."""
    inp = Input(id=str(entry.get("id")), source=entry["url"], url=entry["url"], raw=gzip.decompress(gz),
                input_format="html")
    try:
        rec = prepare(inp, settings)
        text, title, published, authors, error = rec.text, rec.title, rec.published, rec.authors, None
    except WirecoderError as exc:
        text, title, published, authors, error = "", None, None, [], exc.kind
    p, r, f = bag_of_words_prf(text, entry.get("articleBody") or "")
    gold_title = (entry.get("title") or "").strip()
    gold_authors = split_authors(entry.get("authors") or "")
    return {
        "id": entry.get("id"),
        "url": entry["url"],
        "error": error,
        "precision": p,
        "recall": r,
        "f1": f,
        "title_exact": bool(gold_title) and (title or "").strip() == gold_title,
        "title_normalised": bool(gold_title) and normalise(title or "") == normalise(gold_title),
        "date_gold": entry.get("date") or None,
        "date_match": bool(entry.get("date")) and (published or "")[:10] == entry["date"][:10],
        "authors_gold": bool(gold_authors),
        "authors_match": {normalise(a) for a in authors} == {normalise(a) for a in gold_authors},
    }


def summarise(pages: list[dict[str, Any]], missing: int, entries: int) -> dict[str, Any]:
    n = len(pages)

    def mean(key: str, rows: list[dict[str, Any]]) -> float:
        return round(sum(float(r[key]) for r in rows) / len(rows), 4) if rows else 0.0

    dated = [r for r in pages if r["date_gold"]]
    authored = [r for r in pages if r["authors_gold"]]
    return {
        "entries": entries,
        "pages_scored": n,
        "pages_missing": missing,
        "errors": Counter(r["error"] for r in pages if r["error"]),
        "body_precision": mean("precision", pages),
        "body_recall": mean("recall", pages),
        "body_f1": mean("f1", pages),
        "title_exact": mean("title_exact", pages),
        "title_normalised": mean("title_normalised", pages),
        "date_match": mean("date_match", dated),
        "date_pages": len(dated),
        "authors_match": mean("authors_match", authored),
        "authors_pages": len(authored),
        "authors_match_all": mean("authors_match", pages),
    }


def bag_of_words_prf(extracted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the extracted words against the gold words (multisets)."""
    got, want = Counter(tokens(extracted)), Counter(tokens(gold))
    overlap = sum((got & want).values())
    if not got and not want:
        return 1.0, 1.0, 1.0
    p = overlap / sum(got.values()) if got else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def normalise(s: str) -> str:
    return " ".join(tokens(s))


def split_authors(s: str) -> list[str]:
    parts = re.split(r"\s*(?:[,;]|\band\b|&)\s*", s)
    return [p.strip() for p in parts if p.strip()]


def format_table(result: dict[str, Any]) -> str:
    rows = [
        ("pages scored", f"{result['pages_scored']} of {result['entries']} ({result['pages_missing']} missing)"),
        ("body precision (bag of words)", f"{result['body_precision']:.3f}"),
        ("body recall", f"{result['body_recall']:.3f}"),
        ("body F1", f"{result['body_f1']:.3f}"),
        ("title exact match", f"{result['title_exact']:.3f}"),
        ("title normalised match", f"{result['title_normalised']:.3f}"),
        ("date same day", f"{result['date_match']:.3f} (of {result['date_pages']})"),
        ("authors same set", f"{result['authors_match']:.3f} (of {result['authors_pages']} with authors)"),
        ("authors same set, all pages", f"{result['authors_match_all']:.3f}"),
        ("errors", ", ".join(f"{k} {v}" for k, v in sorted(result["errors"].items())) or "none"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)
