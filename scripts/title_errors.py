#!/usr/bin/env python3
"""Classify the documents whose dump title scrubnews gets wrong.

    python scripts/title_errors.py [CORPORA] [--sets readability,trafilatura]
        [--folders dump,dump-w3m,dump-html2text] [--show CLASS] [--limit N]

For every document with a gold title, each dump is cleaned and its title
compared with the gold as ``score.py`` compares them. A miss is put in one
class: ``none`` (no title given), ``absent`` (no line of the dump is the gold
title), ``cleaning`` (the picked line holds the gold title but more or less
than it), ``wrong-pick`` (a headline candidate was right, another was
picked) or ``not-candidate`` (a line of the dump is right but was not a
candidate). ``--show CLASS`` lists the documents of a class with the gold,
the pick and the right candidates.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from train_headline import load_scorer

import scrubnews
from scrubnews import headline
from scrubnews.decode import decode
from scrubnews.repair import repair
from scrubnews.segment import hard_breaks, is_markdown, segment
from scrubnews.structure import reported_title

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="?", default=str(ROOT.parent / "shared" / "corpora"))
    parser.add_argument("--sets", default="readability,trafilatura")
    parser.add_argument("--folders", default="dump,dump-w3m,dump-html2text")
    parser.add_argument("--show", default="")
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    corpora = Path(args.corpora)
    score = load_scorer(corpora)
    captured: list[Any] = []
    original = headline.pick

    def spy(before: Any, body: Any, used: Any, ctx: Any) -> Any:
        found = original(before, body, used, ctx)
        window = before[-headline.BEFORE :] + body[: headline.AFTER]
        captured.append((headline.candidates(before, body, used), found, window, set(used)))
        return found

    headline.pick = spy  # type: ignore[assignment]
    shown = 0
    for name in args.sets.split(","):
        golds = [json.loads(line) for line in (corpora / name / "gold.jsonl").open()]
        for folder in args.folders.split(","):
            counts: Counter[str] = Counter()
            total = 0
            for gold in golds:
                if not gold.get("title"):
                    continue
                total += 1
                path = corpora / name / folder / f"{gold['id']}.txt"
                captured.clear()
                try:
                    raw = path.read_bytes()
                    article = scrubnews.clean(raw)
                except (OSError, scrubnews.InputError):
                    counts["error"] += 1
                    continue
                if score.title_ok(article.title, gold["title"]):
                    counts["ok"] += 1
                    continue
                text, _ = decode(raw)
                repaired, _ = repair(text)
                units = segment(repaired, hard_breaks(text), markdown=is_markdown(text))
                gwords = " ".join(score.words(gold["title"]))
                cands, picked, window, used = captured[0] if captured else ([], None, [], set())
                right = [
                    c
                    for c in cands
                    if score.title_ok(
                        reported_title(c.line.text, c.prev.text if c.prev else ""), gold["title"]
                    )
                ]
                if not article.title:
                    cls = "none"
                elif gwords and gwords in " ".join(score.words(article.title)):
                    cls = "cleaning"
                elif right:
                    cls = "wrong-pick"
                elif any(score.title_ok(u.text, gold["title"]) for u in units):
                    where = [u for u in units if score.title_ok(u.text, gold["title"])]
                    nums = {u.number for u in window}
                    if any(u.number in nums and u.number in used for u in where):
                        cls = "not-candidate-used"
                    elif any(u.number in nums for u in where):
                        cls = "not-candidate-filtered"
                    elif window and any(u.number < window[0].number for u in where):
                        cls = "not-candidate-above"
                    else:
                        cls = "not-candidate-below"
                elif any(gwords and gwords in " ".join(score.words(u.text)) for u in units):
                    cls = "inside-line"
                else:
                    cls = "absent"
                counts[cls] += 1
                if cls == args.show and shown < args.limit:
                    shown += 1
                    print(f"--- {name}/{folder}/{gold['id']}")
                    print(f"  gold:   {gold['title']!r}")
                    rel = next(
                        (c.rel for c in cands if picked is not None and c.line is picked), None
                    )
                    print(
                        f"  picked: {article.title!r} rel={rel}"
                        + (f" kind={picked.kind}{picked.level}" if picked is not None else "")
                    )
                    if cls.startswith("not-candidate"):
                        first = cands[0].line.number if cands else 0
                        last = cands[-1].line.number if cands else 0
                        for u in units:
                            if score.title_ok(u.text, gold["title"]):
                                print(
                                    f"  line:   {u.text!r} n={u.number} cands {first}-{last}"
                                    f" kind={u.kind}{u.level}"
                                )
                                break
                    for c in right[:3]:
                        print(
                            f"  right:  {c.line.text!r} rel={c.rel}"
                            f" kind={c.line.kind}{c.line.level}"
                        )
            misses = total - counts["ok"]
            print(
                f"{name} {folder}: {counts['ok']}/{total} ok = {counts['ok'] / max(1, total):.3f};"
                f" misses {misses}: "
                + ", ".join(f"{k} {v}" for k, v in counts.most_common() if k != "ok"),
                file=sys.stderr,
            )
    headline.pick = original  # type: ignore[assignment]


if __name__ == "__main__":
    main()
