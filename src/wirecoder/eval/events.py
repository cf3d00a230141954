"""Scoring the ``events`` stage against hand-coded event gold (``events_gold/*.jsonl``).

A gold file holds one article a line: ``id``, ``date``, ``text``, ``events`` (each with its
``sentence``, ``trigger``, ``cameo``, ``source``/``target`` spans with a ``code`` or null,
``negated``, ``modality``), and ``sentences`` (every unit the coder read and judged).

Matching, one to one per article: a predicted event matches a gold event when its trigger lies
inside the gold event's sentence, the two-digit CAMEO root is the same, and, for each side the
gold codes (a side with a code), the predicted side's country (the first three letters of its
code) is the same. The root-only score drops the country condition. Among the matched pairs:
how often the full code agrees and how often ``negated`` does. Events per 100 sentences count
the predicted events whose trigger lies in a judged sentence, over the judged sentences.

``part`` picks the articles scored: ``all``, ``confirm`` (every 4th article in file order, the
3rd, 7th, ...: held back from tuning) or ``tune`` (the others).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from .cameo_scores import prf

PARTS = ("all", "tune", "confirm")
CONFIRM_EVERY = 4  # every 4th article (index % 4 == 3) is the held-back confirmation part


@dataclass
class Side:
    """One actor side as the scorer sees it: the code (None: no code) or absent (the side is None)."""

    code: Optional[str]
    text: str = ""

    @property
    def country(self) -> Optional[str]:
        return self.code[:3].upper() if self.code else None


@dataclass
class ScoredEvent:
    trigger: tuple[int, int]
    cameo: Optional[str]
    source: Optional[Side]
    target: Optional[Side]
    negated: bool = False
    sentence: Optional[tuple[int, int]] = None  # gold only
    trigger_text: str = ""

    @property
    def root(self) -> Optional[str]:
        return self.cameo[:2] if self.cameo and len(self.cameo) >= 2 else None


@dataclass
class GoldArticle:
    id: str
    text: str
    date: Optional[str]
    title: Optional[str]
    events: list[ScoredEvent]
    sentences: list[tuple[int, int]]
    sentences_judged: int
    url: Optional[str] = None
    extra: dict = field(default_factory=dict)


def _side(data: Optional[dict]) -> Optional[Side]:
    if data is None:
        return None
    return Side(data.get("code"), data.get("text") or "")


def _pred_side(actor: Any) -> Optional[Side]:
    if actor is None:
        return None
    if isinstance(actor, dict):
        return Side(actor.get("code"), actor.get("text") or "")
    return Side(actor.code, actor.text)


def load_gold(path: str | Path) -> list[GoldArticle]:
    """The articles of a gold JSON Lines file, in file order; a bad line is an error naming it."""
    path = Path(path)
    articles = []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                events = [
                    ScoredEvent(
                        trigger=(e["trigger"]["start"], e["trigger"]["end"]),
                        cameo=str(e["cameo"]) if e.get("cameo") is not None else None,
                        source=_side(e.get("source")),
                        target=_side(e.get("target")),
                        negated=bool(e.get("negated", False)),
                        sentence=(e["sentence"]["start"], e["sentence"]["end"]),
                        trigger_text=e["trigger"].get("text", ""),
                    )
                    for e in row.get("events", [])
                ]
                sentences = [(s["start"], s["end"]) for s in row.get("sentences", [])]
                articles.append(GoldArticle(
                    id=str(row["id"]), text=row["text"], date=row.get("date"), title=row.get("title"),
                    events=events, sentences=sentences,
                    sentences_judged=int(row.get("sentences_judged", len(sentences))), url=row.get("url"),
                ))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{n}: not an events gold line ({type(exc).__name__}: {exc})") from None
    return articles


def select_part(articles: list[GoldArticle], part: str) -> list[GoldArticle]:
    if part not in PARTS:
        raise ValueError(f"part {part!r}: expected one of {', '.join(PARTS)}")
    if part == "all":
        return list(articles)
    confirm = part == "confirm"
    return [a for i, a in enumerate(articles) if (i % CONFIRM_EVERY == CONFIRM_EVERY - 1) == confirm]


def predicted_events(events: Iterable[Any]) -> list[ScoredEvent]:
    """Record events (``Event`` objects or their JSON dicts) as the scorer sees them."""
    out = []
    for ev in events:
        if isinstance(ev, dict):
            trig, cameo, neg = ev["trigger"], ev.get("cameo"), ev.get("negated", False)
            start, end, text = trig["start"], trig["end"], trig.get("text", "")
            src, tgt = ev.get("source"), ev.get("target")
        else:
            start, end, text = ev.trigger.start, ev.trigger.end, ev.trigger.text
            cameo, neg, src, tgt = ev.cameo, ev.negated, ev.source, ev.target
        out.append(ScoredEvent((start, end), cameo, _pred_side(src), _pred_side(tgt), bool(neg), trigger_text=text))
    return out


def _in(span: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= span[0] and span[1] <= outer[1]


def _side_agrees(gold: Optional[Side], pred: Optional[Side]) -> bool:
    if gold is None or gold.code is None:
        return True  # the gold codes no country on this side: no condition
    return pred is not None and pred.country == gold.country


def compatible(gold: ScoredEvent, pred: ScoredEvent, countries: bool = True) -> bool:
    if gold.sentence is None or not _in(pred.trigger, gold.sentence):
        return False
    if gold.root is None or gold.root != pred.root:
        return False
    return not countries or (_side_agrees(gold.source, pred.source) and _side_agrees(gold.target, pred.target))


def match(gold: list[ScoredEvent], pred: list[ScoredEvent], countries: bool = True) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (gold index, predicted index) of compatible pairs.

    Augmenting paths over the gold events in order; each gold event tries its candidates
    same full code first, then nearest trigger, so that among equally large matchings the
    one found pairs like with like (deterministic).
    """
    cands = []
    for g in gold:
        options = [j for j, p in enumerate(pred) if compatible(g, p, countries)]
        options.sort(key=lambda j: (pred[j].cameo != g.cameo, abs(pred[j].trigger[0] - g.trigger[0]), j))
        cands.append(options)
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set) -> bool:
        for j in cands[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 4) if b else None


def score_article(article: GoldArticle, pred: list[ScoredEvent]) -> dict:
    judged = [p for p in pred if any(_in(p.trigger, s) for s in article.sentences)] if article.sentences else pred
    pairs = match(article.events, pred)
    root_pairs = match(article.events, pred, countries=False)
    return {
        "id": article.id,
        "sentences": article.sentences_judged,
        "gold": len(article.events),
        "predicted": len(pred),
        "predicted_in_sentences": len(judged),
        "matched": len(pairs),
        "matched_root": len(root_pairs),
        "code_agrees": sum(1 for i, j in pairs if article.events[i].cameo == pred[j].cameo),
        "negation_agrees": sum(1 for i, j in pairs if article.events[i].negated == pred[j].negated),
        "pairs": pairs,
    }


def summarise(rows: list[dict]) -> dict:
    gold = sum(r["gold"] for r in rows)
    predicted = sum(r["predicted"] for r in rows)
    matched = sum(r["matched"] for r in rows)
    matched_root = sum(r["matched_root"] for r in rows)
    sentences = sum(r["sentences"] for r in rows)
    in_sentences = sum(r["predicted_in_sentences"] for r in rows)
    return {
        "articles": len(rows),
        "sentences": sentences,
        "gold_events": gold,
        "predicted_events": predicted,
        "events": prf(matched, predicted - matched, gold - matched),
        "root": prf(matched_root, predicted - matched_root, gold - matched_root),
        "code_accuracy": _ratio(sum(r["code_agrees"] for r in rows), matched),
        "negation_accuracy": _ratio(sum(r["negation_agrees"] for r in rows), matched),
        "per_100_sentences": {
            "coder": round(100 * in_sentences / sentences, 1) if sentences else None,
            "gold": round(100 * gold / sentences, 1) if sentences else None,
        },
    }


def score(articles: list[GoldArticle], predictions: dict[str, list[Any]]) -> dict:
    """Scores for predicted events per article id (``Event`` objects or dicts); an article with no
    prediction (e.g. it failed to code) counts as predicting no event, and is listed."""
    rows = [score_article(a, predicted_events(predictions.get(a.id, ()))) for a in articles]
    result = summarise(rows)
    result["missing"] = [a.id for a in articles if a.id not in predictions]
    result["per_article"] = [{k: v for k, v in r.items() if k != "pairs"} for r in rows]
    return result


def code_articles(articles: list[GoldArticle], coder=None, progress: bool = True) -> dict[str, list[Any]]:
    """Code each gold article's text with wirecoder (its date as the reference date): events per id."""
    if coder is None:
        from ..pipeline import Coder

        coder = Coder()
    from ..ingest import Input
    from ..record import Record

    inputs = [Input(id=a.id, source=a.url or a.id, text=a.text, date=a.date) for a in articles]
    outputs = coder.code_inputs(inputs)
    if progress:
        import sys

        from tqdm import tqdm

        outputs = tqdm(outputs, total=len(inputs), desc="events", unit="article", file=sys.stderr)
    predictions: dict[str, list[Any]] = {}
    for art, out in zip(articles, outputs):
        if isinstance(out, Record):
            if out.text != art.text:  # offsets would be meaningless otherwise
                raise ValueError(f"{art.id}: record text differs from the gold text")
            predictions[art.id] = out.events
    return predictions


def read_records(path: str | Path) -> dict[str, list[Any]]:
    """Events per id from a JSON Lines file of records already coded (``wirecoder code`` output)."""
    out: dict[str, list[Any]] = {}
    with Path(path).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if "error" not in row:
                    out[str(row["id"])] = row.get("events") or []
    return out


def evaluate(gold_path: str | Path, part: str = "all", coder=None, records: Optional[str | Path] = None,
             predict: Optional[Callable[[GoldArticle], list[Any]]] = None, progress: bool = True) -> dict:
    """Code (or read, or predict) the gold articles of ``part`` and score their events."""
    articles = select_part(load_gold(gold_path), part)
    if predict is not None:
        predictions = {a.id: predict(a) for a in articles}
    elif records is not None:
        predictions = read_records(records)
    else:
        predictions = code_articles(articles, coder=coder, progress=progress)
    result = score(articles, predictions)
    result["gold_file"] = str(gold_path)
    result["part"] = part
    return result


def _f(x: Optional[float]) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def format_table(result: dict, verbose: bool = False) -> str:
    e, r, per = result["events"], result["root"], result["per_100_sentences"]
    lines = [
        f"events gold: {result['articles']} articles ({result.get('part', 'all')}), {result['sentences']} sentences, "
        f"{result['gold_events']} gold events, {result['predicted_events']} predicted",
        f"{'match':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}",
        f"{'root+countries':16} {_f(e['precision'])} {_f(e['recall'])} {_f(e['f1'])} {e['tp']:5d} {e['fp']:5d} {e['fn']:5d}",
        f"{'root only':16} {_f(r['precision'])} {_f(r['recall'])} {_f(r['f1'])} {r['tp']:5d} {r['fp']:5d} {r['fn']:5d}",
        f"full code accuracy on matches: {_f(result['code_accuracy']).strip()}",
        f"negation accuracy on matches:  {_f(result['negation_accuracy']).strip()}",
        f"events per 100 sentences: coder {per['coder']}, gold {per['gold']}",
    ]
    if result.get("missing"):
        lines.append(f"not coded (counted as no events): {', '.join(result['missing'])}")
    if verbose:
        lines.append("")
        lines.append(f"{'article':34} {'sents':>5} {'gold':>5} {'pred':>5} {'match':>5} {'root':>5} {'P':>6} {'R':>6}")
        for row in result["per_article"]:
            p = _ratio(row["matched"], row["predicted"])
            rr = _ratio(row["matched"], row["gold"])
            lines.append(f"{row['id'][:34]:34} {row['sentences']:5d} {row['gold']:5d} {row['predicted']:5d} "
                         f"{row['matched']:5d} {row['matched_root']:5d} {_f(p)} {_f(rr)}")
    return "\n".join(lines)
