"""Train the headline model (src/scrubnews/data/headline_model.json).

    python scripts/train_headline.py [CORPORA]   (default: ../shared/corpora)

For every document with a gold title in the development sets, each dump
folder is cleaned and the headline candidates are captured; a candidate is
labelled a headline when the scorer would accept the title the pipeline
reports for it (``structure.reported_title``: a breadcrumb trail's last step). Boosted
regression trees (scikit-learn's ``HistGradientBoostingClassifier``,
training only: `pip install -e '.[train]'`) learn which candidates are
headlines; the candidate the trees score highest is picked. The script
reports the pick accuracy on held-out documents (five folds of documents,
every dump of a document in the same fold, and leave-one-set-out), then
fits on everything and writes the trees as plain lists. Inference needs
none of this.

Depth-2 trees at rate 0.15 were chosen on the five folds: a linear
conditional logit over the same features picked 0.483 / 0.724 of
readability / trafilatura documents right, 200 trees 0.505 / 0.748 (deeper
trees or more of them did no better). With the features of a menu around a
line, the words below it, a breadcrumb separator above it, a teaser's
ellipsis and a numbered list's step, 150 trees pick 0.504 / 0.764 (the
former features 0.493 / 0.754); 200 trees pick 0.501 / 0.770 and are kept:
on the dumps they win about 28 trafilatura titles (of 845 per folder) over 150 trees and lose one
readability title and one trafilatura author.
"""

from __future__ import annotations

import importlib.util
import json
import random
import statistics
import sys
from pathlib import Path
from typing import Any

import scrubnews
from scrubnews import headline
from scrubnews.structure import reported_title

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
        # The candidates come before any pick: the model being replaced is not asked.
        captured.append((list(before), list(body), set(used), ctx))
        return None

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
                        prev = cand.prev.text if cand.prev is not None else ""
                        title = reported_title(cand.line.text, prev)  # what the pipeline reports
                        labels.append(int(score.title_ok(title, gold["title"])))
                    if feats:
                        rows.append((name, gold["id"], feats, labels))
    finally:
        headline.pick = original  # type: ignore[assignment]
    return rows


Rows = list[tuple[str, str, list[list[float]], list[int]]]
TREES, DEPTH, RATE = 200, 2, 0.15


def fit(rows: Rows) -> Any:
    """Boosted trees over every candidate of ``rows``, headline or not."""
    import numpy as np
    from train_line_model import _classifier

    x = np.array([f for _s, _i, feats, _l in rows for f in feats])
    y = np.array([label for _s, _i, _f, labels in rows for label in labels])
    model = _classifier(TREES, DEPTH, RATE)
    model.fit(x, y)
    return model


def accuracy(rows: Rows, model: Any) -> float:
    """Share of documents whose highest-scored candidate is a headline."""
    import numpy as np

    hits = 0
    for _s, _i, feats, labels in rows:
        scores = model.decision_function(np.array(feats))
        hits += labels[int(np.argmax(scores))]
    return hits / max(1, len(rows))


def folds(rows: Rows, k: int = 5) -> list[tuple[Rows, Rows]]:
    """``k`` splits of the documents (all dumps of a page in the same fold)."""
    docs = sorted({(r[0], r[1]) for r in rows})
    random.Random(0).shuffle(docs)
    out = []
    for fold in range(k):
        held = {doc for i, doc in enumerate(docs) if i % k == fold}
        out.append(([r for r in rows if (r[0], r[1]) not in held],
                    [r for r in rows if (r[0], r[1]) in held]))
    return out


def main() -> None:
    corpora = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora")
    rows = collect(corpora, load_scorer(corpora))
    print(f"{len(rows)} documents with candidates")
    splits = [(train, test, fit(train)) for train, test in folds(rows)]
    for name in SETS:
        mean = statistics.mean(
            accuracy([r for r in test if r[0] == name], model) for _train, test, model in splits
        )
        print(f"{name}: held-out candidate pick accuracy, five folds {mean:.3f}")
    for held in SETS:
        train = [r for r in rows if r[0] != held]
        test = [r for r in rows if r[0] == held]
        print(f"held out {held}: candidate pick accuracy {accuracy(test, fit(train)):.3f}")
    model = fit(rows)
    print(f"all sets, in sample: {accuracy(rows, model):.3f}")
    from train_line_model import _export

    first = rows[0][2]
    data = {
        "about": "Headline model: boosted trees written by scripts/train_headline.py.",
        "features": list(headline.FEATURES),
        **_export(model, first),
    }
    out = ROOT / "src" / "scrubnews" / "data" / "headline_model.json"
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
