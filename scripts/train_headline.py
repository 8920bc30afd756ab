"""Train the headline model (src/scrubnews/data/headline_model.json).

    python scripts/train_headline.py [CORPORA]   (default: ../shared/corpora)

For every document with a gold title in the development sets, each dump
folder is cleaned and the headline candidates are captured; a candidate is
labelled a headline when the scorer would accept it as the title. A
conditional logit over each document's candidates (numpy, training only:
`pip install -e '.[train]'`) is fitted, evaluated leave-one-set-out, then
refitted on everything and written as plain weights. Inference needs none
of this.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import scrubnews
from scrubnews import headline

SETS = ("readability", "trafilatura")
FOLDERS = ("dump", "dump-w3m", "dump-html2text")
ROOT = Path(__file__).resolve().parent.parent


def load_scorer(corpora: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", corpora / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def collect(corpora: Path, score: Any) -> list[tuple[str, str, list[list[float]], list[int]]]:
    """(set, doc id, candidate features, labels) for every document with a gold title."""
    captured: list[tuple[Any, ...]] = []
    original = headline.pick

    def spy(before: Any, body: Any, used: Any, ctx: Any) -> Any:
        captured.append((list(before), list(body), set(used), ctx))
        return original(before, body, used, ctx)

    headline.pick = spy  # type: ignore[assignment]
    rows = []
    try:
        for name in SETS:
            golds = [json.loads(line) for line in (corpora / name / "gold.jsonl").open()]
            for gold in golds:
                if not gold.get("title"):
                    continue
                for folder in FOLDERS:
                    path = corpora / name / folder / f"{gold['id']}.txt"
                    captured.clear()
                    try:
                        scrubnews.clean(path.read_bytes())
                    except scrubnews.InputError:
                        continue
                    if not captured:
                        continue
                    before, body, used, ctx = captured[0]
                    feats, labels = [], []
                    seen_heading = False
                    for cand in headline.candidates(before, body, used):
                        first = cand.line.kind == "h" and not seen_heading
                        seen_heading = seen_heading or cand.line.kind == "h"
                        feats.append(headline.features(cand, first, ctx))
                        labels.append(int(score.title_ok(cand.line.text, gold["title"])))
                    if feats:
                        rows.append((name, gold["id"], feats, labels))
    finally:
        headline.pick = original  # type: ignore[assignment]
    return rows


def fit(rows: list[tuple[str, str, list[list[float]], list[int]]]) -> list[float]:
    """Conditional logit: softmax over each document's candidates, L2-regularised.

    Documents where no candidate is the headline teach nothing and are left out.
    """
    import numpy as np

    docs = [(np.array(f), np.array(labels, dtype=float)) for _s, _i, f, labels in rows
            if any(labels)]
    w = np.zeros(len(headline.FEATURES))
    rate, l2 = 0.5, 1e-3
    for _step in range(400):
        grad = l2 * w
        for x, y in docs:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            target = y / y.sum()
            grad += x.T @ (p - target) / len(docs)
        w -= rate * grad
    return [float(v) for v in w]


def accuracy(rows: list[tuple[str, str, list[list[float]], list[int]]], w: list[float]) -> float:
    hits = 0
    for _s, _i, feats, labels in rows:
        scores = [sum(a * b for a, b in zip(w, f, strict=True)) for f in feats]
        hits += labels[max(range(len(scores)), key=scores.__getitem__)]
    return hits / max(1, len(rows))


def main() -> None:
    corpora = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora")
    rows = collect(corpora, load_scorer(corpora))
    print(f"{len(rows)} documents with candidates")
    for held in SETS:
        train = [r for r in rows if r[0] != held]
        test = [r for r in rows if r[0] == held]
        print(f"held out {held}: candidate pick accuracy {accuracy(test, fit(train)):.3f}")
    w = fit(rows)
    print(f"all sets, in sample: {accuracy(rows, w):.3f}")
    out = ROOT / "src" / "scrubnews" / "data" / "headline_model.json"
    data = {
        "about": "Headline model weights; written by scripts/train_headline.py.",
        "weights": {
            name: round(value, 4) for name, value in zip(headline.FEATURES, w, strict=True)
        },
    }
    out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
