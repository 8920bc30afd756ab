#!/usr/bin/env python3
"""Train the line model (``src/scrubnews/data/line_model.json``) from scored corpora.

    python scripts/train_line_model.py ../shared/corpora -o src/scrubnews/data/line_model.json
    python scripts/train_line_model.py ../shared/corpora --loso     # leave one set out
    python scripts/train_line_model.py ../shared/corpora --cv 3     # 3 folds by page
    python scripts/train_line_model.py ../shared/corpora --evaluate MODEL.json

A corpus set is a folder with ``gold.jsonl`` and dump folders (``dump/``,
``dump-w3m/``, ...) of ``<id>.txt`` files, as ``../shared/corpora`` has them.
Every dump runs through scrubnews up to the line rules and the article core;
each remaining line is labelled by what the gold says about it:

- gold ``body``: the line's words are aligned to the body; a line is article
  text when at least half its words sit in a run of three or more words that
  the body also has (in the same order);
- gold ``with``/``without`` snippets: a line holding a ``with`` snippet (or
  held by one) is article text, one holding a ``without`` snippet is not;
  other lines of that page are not used for training.

Two stages of boosted trees (scikit-learn's ``HistGradientBoostingClassifier``,
the ``train`` extra) are fitted: the first (30 trees of depth 5) on the line
features, the second (15 trees of depth 3) on the first stage's out-of-fold
probabilities of the line and its neighbours only. Each page weighs 1 in
all (its lines share it); pages of sets with only snippet gold (trafilatura)
weigh ``--snippet-weight`` (0.4): their labels are few and partial, and at 1
they outnumber the body-gold pages three to one. The gate (which first-stage
probabilities go on to the second stage) is the range where the second stage
flips a decision on the training pages, plus a margin. Everything is written
as plain lists that ``scrubnews.linemodel`` evaluates without scikit-learn.

Deterministic: fixed ``random_state`` and fold assignment (sorted page
keys), no subsampling or early stopping; bin edges are unweighted quantiles
(see ``_classifier``). The shipped model was made with the first command
above (scikit-learn 1.9, numpy 2.4, all three dev sets, all three dumpers,
``OMP_NUM_THREADS=1``). ``--evaluate`` and ``--loso`` run the whole pipeline
with a model and score it with the corpus's own ``score.py``.

How the settings were chosen (leave-one-set-out and 3-fold-by-document
scores, not the scores on the training pages): stop-word features, the
regular-expression features (link-like, date-like, comment headers, counts
in brackets) and the line features in the second stage each changed the
cross-validated body F1 by 0.003 or less, in either direction, and cost
most of the time; 30 trees of depth 5 or 40 of depth 4 did as well as 80 of
depth 3 or 60 of depth 4. Mean body F1 / snippet F over the nine
set-dumper pairs, on the lines the model sees: snippet weight 0.4 with
threshold 0.45 / 0.5, leave-one-set-out 0.853 / 0.849, 3-fold 0.875 /
0.873; the old settings (weight 1, threshold 0.6) 0.847 and 0.873. The
threshold shipped is 0.55: lower, more headline and byline lines stay in
the body and the headline model (fitted with the old split) picks fewer
titles.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from scrubnews import linemodel
from scrubnews.boilerplate import apply_rules, find_core, tail_marks
from scrubnews.config import Config
from scrubnews.decode import decode
from scrubnews.errors import InputError
from scrubnews.pipeline import clean
from scrubnews.render import to_markdown
from scrubnews.repair import repair
from scrubnews.segment import Line, hard_breaks, is_markdown, segment

SETS = ("aeb", "readability", "trafilatura")
FOLDERS = ("dump", "dump-w3m", "dump-html2text")
_WORD = re.compile(r"\w+")
RUN = 3


def norm_words(text: str) -> list[str]:
    """Words as the scorer counts them: NFKC, case-folded, ``\\w+``."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


@dataclass
class Page:
    """One dump's rule-kept lines, their feature columns and labels (``-1``: unknown)."""

    key: str
    lines: list[Line]
    core: tuple[int, int]
    tail: int
    marks: frozenset[int]
    columns: list[list[float]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)


def kept_lines(raw: bytes) -> tuple[list[Line], tuple[int, int], int, frozenset[int]]:
    """Rule-kept lines, core, tail cut and tail marks, as ``sort_lines`` has them."""
    text, _ = decode(raw)
    lines, _ = repair(text)
    units = segment(lines, hard_breaks(text), markdown=is_markdown(text))
    kept, _, after_tail = apply_rules(units, Config())
    start, end, tail = find_core(kept, after_tail)
    return kept, (start, end), tail, tail_marks(kept, after_tail)


def label_by_body(lines: list[Line], body: str) -> list[int]:
    """1 where at least half a line's words sit in runs of ``RUN`` words the body has."""
    gold = norm_words(body)
    grams = {tuple(gold[i : i + RUN]) for i in range(len(gold) - RUN + 1)}
    stream: list[str] = []
    owner: list[int] = []
    for index, line in enumerate(lines):
        words = norm_words(line.text)
        stream.extend(words)
        owner.extend([index] * len(words))
    covered = [False] * len(stream)
    for i in range(len(stream) - RUN + 1):
        if tuple(stream[i : i + RUN]) in grams:
            for k in range(i, i + RUN):
                covered[k] = True
    hits = [0] * len(lines)
    totals = [0] * len(lines)
    for position, index in enumerate(owner):
        totals[index] += 1
        hits[index] += covered[position]
    return [1 if totals[i] and 2 * hits[i] >= totals[i] else 0 for i in range(len(lines))]


def label_by_snippets(lines: list[Line], with_: list[str], without: list[str]) -> list[int]:
    """1 / 0 for lines that hold (or are held by) a ``with`` / ``without`` snippet; else -1."""
    good = [" ".join(norm_words(s)) for s in with_]
    bad = [" ".join(norm_words(s)) for s in without]
    labels = []
    for line in lines:
        words = norm_words(line.text)
        text = " ".join(words)

        def hit(snippets: list[str], words: list[str] = words, text: str = text) -> bool:
            return any(
                s and (s in text or (len(words) >= 3 and text in s)) for s in snippets
            )

        is_good, is_bad = hit(good), hit(bad)
        labels.append(1 if is_good and not is_bad else 0 if is_bad and not is_good else -1)
    return labels


def _load_page(job: tuple[str, str, dict[str, Any]]) -> Page | None:
    path, key, gold = job
    try:
        lines, core, tail, marks = kept_lines(Path(path).read_bytes())
    except InputError:
        return None
    page = Page(key, lines, core, tail, marks)
    if gold.get("body"):
        page.labels = label_by_body(lines, gold["body"])
        words = [len(norm_words(line.text)) + 1 for line in lines]
        total = sum(words) or 1
        page.weights = [w / total for w in words]
    elif gold.get("with") or gold.get("without"):
        page.labels = label_by_snippets(lines, gold.get("with") or [], gold.get("without") or [])
        known = sum(1 for label in page.labels if label >= 0) or 1
        page.weights = [1.0 / known] * len(lines)
    else:
        page.labels = [-1] * len(lines)
        page.weights = [0.0] * len(lines)
    page.columns = linemodel.features(lines, core, tail, marks)
    return page


def golds(corpora: Path, name: str) -> list[dict[str, Any]]:
    with (corpora / name / "gold.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load_pages(corpora: Path, sets: list[str], folders: list[str], jobs: int) -> list[Page]:
    """Every dump of ``sets`` x ``folders`` as a labelled ``Page``."""
    work = []
    for name in sets:
        for gold in golds(corpora, name):
            for folder in folders:
                path = corpora / name / folder / f"{gold['id']}.txt"
                if path.exists():
                    work.append((str(path), f"{name}/{gold['id']}", gold))
    with Pool(jobs) as pool:
        pages = pool.map(_load_page, work, chunksize=8)
    return [page for page in pages if page is not None]


def _export(model: Any, rows: Any) -> dict[str, Any]:
    """The fitted trees of a ``HistGradientBoostingClassifier`` as plain lists.

    Leaf values already hold the learning rate; the bias is read back from
    the model's own decision on one row, so it matches scikit-learn exactly.
    """
    trees: list[tuple[list[int], list[float], list[int], list[int]]] = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        feature = [-1 if node["is_leaf"] else int(node["feature_idx"]) for node in nodes]
        threshold = [
            round(float(node["value"]), 5)
            if node["is_leaf"]
            else float(f"{float(node['num_threshold']):.6g}")
            for node in nodes
        ]
        left = [int(node["left"]) for node in nodes]
        right = [int(node["right"]) for node in nodes]
        trees.append((feature, threshold, left, right))
    raw = float(model.decision_function(rows[:1])[0])
    leaves = sum(t[1][_leaf(t, [float(v) for v in rows[0]])] for t in trees)
    return {"bias": round(raw - leaves, 6), "trees": [list(t) for t in trees]}


def _leaf(tree: tuple[list[int], list[float], list[int], list[int]], row: list[float]) -> int:
    feature, threshold, left, right = tree
    node = 0
    while feature[node] >= 0:
        node = left[node] if row[feature[node]] <= threshold[node] else right[node]
    return node


@dataclass
class Settings:
    first_trees: int = 30
    first_depth: int = 5
    second_trees: int = 15
    second_depth: int = 3
    rate: float = 0.2
    snippet_weight: float = 0.4
    threshold: float = 0.55
    folds: int = 3


def _classifier(trees: int, depth: int, rate: float) -> Any:
    """Boosted trees whose candidate split points are unweighted quantiles.

    scikit-learn 1.6+ places the bin edges at sample-weighted quantiles,
    which takes about a minute per fit here (a Python loop over 255
    percentiles per feature); each training page's weights sum to 1, so the
    few lines of a long page would crowd the edges anyway. Leaves, gains
    and the bias still use the weights.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    class Classifier(HistGradientBoostingClassifier):  # type: ignore[misc]
        def _bin_data(self, x: Any, sample_weight: Any, is_training_data: bool) -> Any:
            return super()._bin_data(x, None, is_training_data)

    return Classifier(
        max_iter=trees, max_depth=depth, learning_rate=rate, min_samples_leaf=20,
        early_stopping=False, random_state=0,
    )


def _rows(columns: list[list[float]]) -> list[list[float]]:
    return [list(row) for row in zip(*columns, strict=True)]


def train(pages: list[Page], settings: Settings) -> dict[str, Any]:
    """Fit both stages on the labelled lines of ``pages``; the model as JSON data.

    The second stage reads only ``linemodel.CONTEXT_FEATURES``: the first
    stage's probability of the line and of its neighbours.
    """
    import numpy as np

    def fit(x: Any, y: Any, w: Any, trees: int, depth: int) -> Any:
        return _classifier(trees, depth, settings.rate).fit(x, y, sample_weight=w)

    def arrays(rows_of: list[list[list[float]]]) -> tuple[Any, Any, Any, Any]:
        xs, ys, ws, gs = [], [], [], []
        for page, rows in zip(pages, rows_of, strict=True):
            snippet = page.key.split("/")[0] not in body_sets
            scale = settings.snippet_weight if snippet else 1.0
            for row, label, weight in zip(rows, page.labels, page.weights, strict=True):
                if label >= 0:
                    xs.append(row)
                    ys.append(label)
                    ws.append(weight * scale)
                    gs.append(page.key)
        return np.array(xs), np.array(ys), np.array(ws), np.array(gs)

    body_sets = {"aeb", "readability"}
    page_rows = [_rows(page.columns) for page in pages]
    x, y, w, groups = arrays(page_rows)
    first = fit(x, y, w, settings.first_trees, settings.first_depth)
    first_data = _export(first, x)

    # Out-of-fold first-stage probabilities, so the second stage learns from honest ones.
    keys = sorted({page.key for page in pages})
    fold_of = {key: index % settings.folds for index, key in enumerate(keys)}
    oof: list[list[float]] = [[] for _ in pages]
    for fold in range(settings.folds):
        mask = np.array([fold_of[g] != fold for g in groups])
        model = fit(x[mask], y[mask], w[mask], settings.first_trees, settings.first_depth)
        held = [i for i, page in enumerate(pages) if fold_of[page.key] == fold and page_rows[i]]
        if not held:
            continue
        probs = model.predict_proba(np.array([row for i in held for row in page_rows[i]]))[:, 1]
        at = 0
        for i in held:
            oof[i] = [float(p) for p in probs[at : at + len(page_rows[i])]]
            at += len(page_rows[i])
    context = [_rows(linemodel.context(probs)) for probs in oof]
    cx, cy, cw, _ = arrays(context)
    second = fit(cx, cy, cw, settings.second_trees, settings.second_depth)
    model = {
        "features": list(linemodel.FEATURES),
        "context_features": list(linemodel.CONTEXT_FEATURES),
        "threshold": settings.threshold,
        "first": first_data,
        "second": _export(second, cx),
    }
    model["gate"] = gate(model, pages)
    return model


def gate(
    model: dict[str, Any], pages: list[Page], margin: float = 0.05, spare: float = 0.001
) -> list[float]:
    """First-stage probabilities from which the second stage can change a decision.

    The range of first-stage probabilities of the lines of ``pages`` whose
    decision the second stage flips, less the ``spare`` share of those
    lines at either end (a handful of lines with a first probability near
    0 or 1), widened by ``margin`` and rounded out to two decimals; lines
    outside it skip the second stage.
    """
    threshold = model["threshold"]
    both = linemodel.model_from_dict(model | {"gate": [0.0, 2.0]})
    flipped: list[float] = []
    for page in pages:
        if not page.lines:
            continue
        probs = both.first.evaluate(page.columns)
        second = both.second.evaluate(linemodel.context(probs))
        flipped += [
            p for p, q in zip(probs, second, strict=True) if (p >= threshold) != (q >= threshold)
        ]
    if not flipped:
        return [threshold, threshold]
    flipped.sort()
    cut = int(len(flipped) * spare)
    low, high = flipped[cut], flipped[len(flipped) - 1 - cut]
    return [
        max(0.0, math.floor((low - margin) * 100) / 100),
        min(2.0, math.ceil((high + margin) * 100) / 100),
    ]


def _scorer(corpora: Path) -> Any:
    spec = importlib.util.spec_from_file_location("corpus_score", corpora / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {corpora}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cross_validate(
    corpora: Path, pages: list[Page], settings: Settings, sets: list[str], folders: list[str],
    jobs: int, folds: int = 3,
) -> Iterator[dict[str, Any]]:
    """Held-out scores: pages in ``folds`` groups (all dumps of a page in one), each
    group cleaned with a model trained on the others and scored as ``score.py`` would."""
    keys = sorted({page.key for page in pages})
    fold_of = {key: index % folds for index, key in enumerate(keys)}
    models: list[str] = []
    with tempfile.TemporaryDirectory() as folder_:
        for fold in range(folds):
            model = train([p for p in pages if fold_of[p.key] != fold], settings)
            path = Path(folder_) / f"fold{fold}.json"
            path.write_text(json.dumps(model), encoding="utf-8")
            models.append(str(path))
        scorer = _scorer(corpora)
        for name in sets:
            gold = golds(corpora, name)
            for folder in folders:
                work = [
                    (
                        str(corpora / name / folder / f"{g['id']}.txt"), g["id"],
                        models[fold_of.get(f"{name}/{g['id']}", 0)],
                    )
                    for g in gold
                ]
                keep = ("F1", "snipF", "title", "author", "date")
                row = _score_folder(scorer, gold, work, jobs, keep)
                yield {"set": name, "folder": folder, "folds": folds} | row


def _score_folder(
    scorer: Any, gold: list[dict[str, Any]], work: list[tuple[str, str, str | None]],
    jobs: int, keep: tuple[str, ...],
) -> dict[str, float]:
    """Clean ``work`` in ``jobs`` processes; the ``keep`` figures ``score.py`` gives it."""
    with Pool(jobs) as pool:
        done = [r for r in pool.map(_clean_one, work, chunksize=8) if r is not None]
    results = {}
    for key, found in done:
        meta, body = scorer.split_front_matter(found["markdown"])
        results[key] = {"meta": meta, "body": scorer.md_to_text(body)}
    row = scorer.score(gold, results)
    return {k: round(v, 3) for k, v in row.items() if k in keep}


def _clean_one(job: tuple[str, str, str | None]) -> tuple[str, dict[str, Any]] | None:
    path, key, model = job
    config = Config(line_model=model) if model else Config()
    try:
        article = clean(Path(path).read_bytes(), config, name=Path(path).name)
    except InputError:
        return None
    return key, {"markdown": to_markdown(article)}


def evaluate(
    corpora: Path, model: str | None, sets: list[str], folders: list[str], jobs: int
) -> Iterator[dict[str, Any]]:
    """Score the whole pipeline with ``model`` as ``score.py`` would, set by folder."""
    scorer = _scorer(corpora)
    for name in sets:
        gold = golds(corpora, name)
        for folder in folders:
            work = [
                (str(corpora / name / folder / f"{g['id']}.txt"), g["id"], model) for g in gold
            ]
            keep = ("F1", "P", "R", "snipF", "snipP", "snipR")
            yield {"set": name, "folder": folder} | _score_folder(scorer, gold, work, jobs, keep)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("-o", "--output", type=Path, help="write the model here")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--folders", default=",".join(FOLDERS))
    parser.add_argument("--loso", action="store_true", help="train on all sets but one, score it")
    parser.add_argument("--evaluate", metavar="MODEL", help="score a model file on --sets")
    parser.add_argument(
        "--cv", type=int, metavar="K", default=0,
        help="K-fold held-out scores, folds by page (every dump of a page in one fold)",
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=Settings.threshold)
    parser.add_argument("--first-trees", type=int, default=Settings.first_trees)
    parser.add_argument("--first-depth", type=int, default=Settings.first_depth)
    parser.add_argument("--second-trees", type=int, default=Settings.second_trees)
    parser.add_argument("--second-depth", type=int, default=Settings.second_depth)
    parser.add_argument("--rate", type=float, default=Settings.rate)
    parser.add_argument("--snippet-weight", type=float, default=Settings.snippet_weight)
    args = parser.parse_args(argv)
    sets = args.sets.split(",")
    folders = args.folders.split(",")
    settings = Settings(
        first_trees=args.first_trees, first_depth=args.first_depth,
        second_trees=args.second_trees, second_depth=args.second_depth, rate=args.rate,
        snippet_weight=args.snippet_weight, threshold=args.threshold,
    )
    if args.evaluate:
        for row in evaluate(args.corpora, args.evaluate, sets, folders, args.jobs):
            print(json.dumps(row), flush=True)
        return 0
    pages = load_pages(args.corpora, sets, folders, args.jobs)
    if args.cv:
        for row in cross_validate(args.corpora, pages, settings, sets, folders, args.jobs, args.cv):
            print(json.dumps({"held_out": True} | row), flush=True)
        return 0
    if args.loso:
        for held_out in sets:
            model = train([p for p in pages if not p.key.startswith(held_out + "/")], settings)
            with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
                json.dump(model, handle)
            for row in evaluate(args.corpora, handle.name, [held_out], folders, args.jobs):
                print(json.dumps({"held_out": True} | row), flush=True)
            Path(handle.name).unlink()
        return 0
    model = train(pages, settings)
    text = json.dumps(model, separators=(",", ":"))
    if args.output:
        args.output.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.output} ({len(text) // 1024} KB)", file=sys.stderr)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
