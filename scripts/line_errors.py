#!/usr/bin/env python3
"""List, per dump, the lines scrubnews keeps or drops against what the gold says.

    python scripts/line_errors.py ../shared/corpora readability dump-w3m
    python scripts/line_errors.py ../shared/corpora readability dump-html2text --top 20
    python scripts/line_errors.py ../shared/corpora aeb dump --summary

Each line of a dump is labelled as ``scripts/train_line_model.py`` labels
it (gold ``body``: at least half its words in runs of three the body has;
gold snippets: holds a ``with`` or a ``without`` snippet) and compared with
what the boilerplate stage decided: kept in the body, dropped by a named
rule, or left out by the line model or the article core (with the model's
probability). Documents come worst first (lowest F1 of the kept words against the labels);
``+`` marks a line kept that is not article text, ``-`` a line of article
text that was dropped, with the reason. ``--summary`` prints only the
totals by reason: which stage loses or keeps the most words.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from train_line_model import golds, label_by_body, label_by_snippets, norm_words

from scrubnews import linemodel
from scrubnews.boilerplate import apply_rules, find_core, sort_lines, tail_marks
from scrubnews.config import Config
from scrubnews.decode import decode
from scrubnews.errors import InputError
from scrubnews.repair import repair
from scrubnews.segment import Line, hard_breaks, is_markdown, segment


@dataclass
class Decision:
    """One line of a dump: its label, where it went, and the model's probability."""

    line: Line
    label: int
    kept: bool
    reason: str
    prob: float | None


def decisions(raw: bytes, gold: dict[str, object], config: Config) -> list[Decision]:
    """Every segmented line of ``raw`` with its label and the boilerplate stage's decision."""
    text, _ = decode(raw)
    repaired, _ = repair(text)
    breaks, markdown = hard_breaks(text), is_markdown(text)
    units = segment(repaired, breaks, markdown=markdown)
    if gold.get("body"):
        labels = label_by_body(units, str(gold["body"]))
    else:
        labels = label_by_snippets(
            units, list(gold.get("with") or []), list(gold.get("without") or [])  # type: ignore[call-overload]
        )
    label_of = {line.number: label for line, label in zip(units, labels, strict=True)}
    original = {line.number: line.text for line in units}

    # The model's probabilities, on a fresh copy of the units (the rules rewrite lines).
    fresh = segment(repaired, breaks, markdown=markdown)
    kept, rule_removals, after_tail = apply_rules(fresh, config)
    start, end, tail = find_core(kept, after_tail)
    model = linemodel.load(config.line_model)
    probs = model.probabilities(kept, (start, end), tail, tail_marks(kept, after_tail))
    prob_of = {line.number: p for line, p in zip(kept, probs, strict=True)}

    result = sort_lines(segment(repaired, breaks, markdown=markdown), config)
    reason: dict[int, str] = {line.number: "body" for line in result.body}
    reason.update((line.number, why) for line, why in result.outside)
    reason.update((r.line, r.rule) for r in rule_removals if r.dropped)
    out = []
    for number, text_ in original.items():
        why = reason.get(number, "?")
        line = Line(number, text_)
        out.append(Decision(line, label_of[number], why == "body", why, prob_of.get(number)))
    return out


def wrong_words(found: list[Decision]) -> tuple[int, int, float]:
    """Words of lines kept though not article text and of article text dropped, and the
    F1 of the kept words against the labels (1.0 when no line is labelled)."""
    right = sum(len(norm_words(d.line.text)) for d in found if d.kept and d.label == 1)
    kept = sum(len(norm_words(d.line.text)) for d in found if d.kept and d.label == 0)
    dropped = sum(len(norm_words(d.line.text)) for d in found if not d.kept and d.label == 1)
    wrong = kept + dropped
    return kept, dropped, 2 * right / (2 * right + wrong) if right + wrong else 1.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("set")
    parser.add_argument("folder")
    parser.add_argument("--top", type=int, default=0, help="only the N worst documents")
    parser.add_argument("--summary", action="store_true", help="only totals by reason")
    parser.add_argument("--model", help="a line model file other than the shipped one")
    args = parser.parse_args(argv)
    config = Config(line_model=args.model) if args.model else Config()
    pages = []
    for gold in golds(args.corpora, args.set):
        path = args.corpora / args.set / args.folder / f"{gold['id']}.txt"
        if not path.exists():
            continue
        try:
            found = decisions(path.read_bytes(), gold, config)
        except InputError as error:
            print(f"{path}: {error}", file=sys.stderr)
            continue
        pages.append((gold["id"], found))
    pages.sort(key=lambda page: wrong_words(page[1])[2])
    totals: Counter[str] = Counter()
    for _, found in pages:
        for d in found:
            if d.label == 1 and not d.kept:
                totals[f"- {d.reason}"] += len(norm_words(d.line.text))
            elif d.label == 0 and d.kept:
                totals["+ kept"] += len(norm_words(d.line.text))
    if not args.summary:
        for doc, found in pages[: args.top or None]:
            kept, dropped, f1 = wrong_words(found)
            print(f"=== {doc}: F1 {f1:.2f}, {kept} words kept wrongly, {dropped} dropped wrongly")
            for d in found:
                if (d.label == 0 and d.kept) or (d.label == 1 and not d.kept):
                    sign = "+" if d.kept else "-"
                    prob = "    " if d.prob is None else f"{d.prob:.2f}"
                    print(f"{sign} {d.line.number:4d} {prob} {d.reason:14.14s} {d.line.text[:110]}")
    print("=== words of wrong decisions, by reason")
    for reason, words in totals.most_common():
        print(f"{words:8d} {reason}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
