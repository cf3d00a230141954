"""Actor matcher figures: coverage of the CAMEO-NER actor spans and speed.

    .venv/bin/python bench/bench_actors.py [--shared ../shared]

Coverage: of the gold source/target actor spans in data/cameo/cameo_ner/train.txt,
the share for which ``resolve`` finds an actor (any code), and one with a country
or organisation (a full CAMEO code rather than a bare role); the same for the
attribution sources (speakers) of PolNeAR's training articles, pronouns left out.
Neither gold has codes, so code correctness is not measured here.
Speed: ``find`` over every CAMEO-NER sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from wirecoder.resources import Resources
from wirecoder.settings import Settings


def read_conll(path: Path):
    """Sentences as (text, [(start, end, label)]) from one token and BIO tag a line."""
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            word, tag = line.rsplit(" ", 1) if " " in line else (line, "O")
            tokens.append((word, tag))
            continue
        if tokens:
            text, spans, pos, open_span = "", [], 0, None
            for word, tag in tokens:
                if text:
                    text += " "
                start = len(text)
                text += word
                if tag.startswith("B-") or (tag.startswith("I-") and open_span is None):
                    if open_span:
                        spans.append(open_span)
                    open_span = [start, len(text), tag[2:]]
                elif tag.startswith("I-") and open_span:
                    open_span[1] = len(text)
                else:
                    if open_span:
                        spans.append(open_span)
                    open_span = None
            if open_span:
                spans.append(open_span)
            sentences.append((text, [tuple(s) for s in spans]))
            tokens = []
    return sentences


_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "these", "those", "his", "her"}


def polnear_sources(matcher, root: Path) -> None:
    """Share of PolNeAR attribution sources (speakers), pronouns left out, that resolve codes."""
    if not (root / "attributions").is_dir():
        return
    total = coded = country = person = 0
    people = {e.name for e in matcher.entries.values() if e.kind == "person"}
    for ann in tqdm(sorted((root / "attributions").glob("*.ann")), desc="polnear", file=sys.stderr):
        stem = ann.stem.rsplit("_", 1)[0]
        text_path = root / "text" / f"{stem}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        date = stem.split("_")[1]
        for line in ann.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[1].startswith("Source "):
                continue
            offsets = parts[1].split(" ", 1)[1].split(";")
            start, end = int(offsets[0].split()[0]), int(offsets[-1].split()[1])
            words = text[start:end].split()
            if not words or words[0].lower() in _PRONOUNS or (len(words) == 1 and words[0].lower() in ("the",)):
                continue
            total += 1
            ref = matcher.resolve_text(text, start, end, date=date)
            if ref is not None:
                coded += 1
                country += ref.country is not None
                person += ref.name in people
    if total:
        print(f"PolNeAR train sources (no pronouns): {total}; resolve codes {coded / total:.1%}, "
              f"with a country/organisation {country / total:.1%}, a dictionary person {person / total:.1%}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    t0 = time.perf_counter()
    matcher = Resources(Settings()).actor_matcher  # with the gazetteer, as a Coder's
    print(f"dictionary and gazetteer load and compile: {time.perf_counter() - t0:.2f} s")
    path = Path(args.shared) / "data" / "cameo" / "cameo_ner" / "train.txt"
    if not path.exists():
        print(f"{path} not found: no coverage figures", file=sys.stderr)
        return
    sentences = read_conll(path)
    gold = any_code = full_code = 0
    for text, spans in tqdm(sentences, desc="resolve", file=sys.stderr):
        for start, end, _label in spans:
            gold += 1
            ref = matcher.resolve_text(text, start, end)
            if ref is not None:
                any_code += 1
                if ref.country:
                    full_code += 1
    print(f"gold actor spans: {gold}")
    print(f"resolve finds an actor: {any_code / gold:.1%}")
    print(f"resolve finds a country/organisation-coded actor: {full_code / gold:.1%}")
    polnear_sources(matcher, Path(args.shared) / "data" / "polnear" / "train")
    chars = sum(len(t) for t, _ in sentences)
    t0 = time.perf_counter()
    mentions = 0
    for _ in range(3):
        for text, _spans in sentences:
            mentions += len(matcher.find_in_text(text))
    elapsed = (time.perf_counter() - t0) / 3
    print(f"find: {len(sentences)} sentences, {chars} chars in {elapsed:.3f} s "
          f"({len(sentences) / elapsed:,.0f} sentences/s, {chars / elapsed / 1e6:.2f} M chars/s); "
          f"{mentions // 3} mentions")


if __name__ == "__main__":
    main()
