"""The line model: loading, features, decisions on crafted pages, and its training script."""

from __future__ import annotations

import dataclasses
import json
import math
import random
from pathlib import Path

import pytest

import scrubnews
from scrubnews import linemodel
from scrubnews.boilerplate import sort_lines
from scrubnews.config import Config
from scrubnews.rules import describe, match_line
from scrubnews.segment import Line

from .conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"

PROSE = [
    "The council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge, which has been closed to traffic since the spring floods.",
    "Residents who spoke at the meeting said that the detour had added almost an hour to their "
    "daily journeys, and several shop owners told councillors that trade had fallen sharply.",
    "The leader of the council said the repairs would begin in the autumn and that the bridge "
    "should reopen before the end of next year, provided that the contractors keep to time.",
    "Opposition members argued that the money would have been better spent on a new crossing, "
    "but their amendment was defeated by a large majority when it was put to the vote.",
]
MENU = ["Home", "News", "Sport", "Business", "Weather", "Local", "Opinion", "Video"]
TEASERS = [
    "Man arrested after break-in at village shop (12)",
    "Five things to do this weekend (8)",
    "Photos: the best of the summer fair (31)",
    "School wins national award for music (4)",
]


def lines_of(texts: list[str]) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_shipped_model_loads_with_current_features() -> None:
    model = linemodel.load()
    assert 0.0 < model.threshold < 1.0
    assert model.first.trees and model.second.trees
    size = (ROOT / "src" / "scrubnews" / "data" / "line_model.json").stat().st_size
    assert size < 64_000


def test_model_from_dict_refuses_other_features() -> None:
    data = json.loads(
        (ROOT / "src" / "scrubnews" / "data" / "line_model.json").read_text(encoding="utf-8")
    )
    data["features"] = [*data["features"][:-1], "something_else"]
    with pytest.raises(ValueError, match="retrain"):
        linemodel.model_from_dict(data)


def test_forest_adds_leaf_values_to_bias() -> None:
    # One stump: feature 0 <= 0.5 -> -2.0, else +2.0.
    stump = ([0, -1, -1], [0.5, -2.0, 2.0], [1, -1, -1], [2, -1, -1])
    forest = linemodel.Forest(0.0, (stump,))
    assert forest.probability([0.0]) < 0.2
    assert forest.probability([1.0]) > 0.8


def _random_tree(rng: random.Random, width: int, depth: int) -> linemodel.Tree:
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []

    def grow(level: int) -> int:
        node = len(feature)
        feature.append(-1)
        threshold.append(rng.uniform(-1.0, 1.0))
        left.append(-1)
        right.append(-1)
        if level < depth and rng.random() < 0.8:
            feature[node] = rng.randrange(width)
            threshold[node] = rng.choice([0.0, 0.5, 1.0, rng.uniform(-3.0, 3.0)])
            left[node] = grow(level + 1)
            right[node] = grow(level + 1)
        return node

    grow(0)
    return feature, threshold, left, right


def _random_rows(rng: random.Random, count: int, width: int) -> list[list[float]]:
    values = [0.0, 0.5, 1.0, -1.0, float("nan")]
    return [
        [rng.choice(values) if rng.random() < 0.3 else rng.uniform(-3.0, 3.0) for _ in range(width)]
        for _ in range(count)
    ]


def _columns(rows: list[list[float]], width: int) -> list[list[float]]:
    return [[row[f] for row in rows] for f in range(width)]


@pytest.mark.parametrize("seed", range(5))
def test_compiled_forest_equals_the_tree_walk(seed: int) -> None:
    rng = random.Random(seed)
    width = 12
    trees = tuple(_random_tree(rng, width, rng.randint(1, 4)) for _ in range(25))
    forest = linemodel.Forest(rng.uniform(-1.0, 1.0), trees)
    rows = _random_rows(rng, 200, width)
    assert forest.evaluate(_columns(rows, width)) == [forest.probability(row) for row in rows]
    scores = forest.scores(_columns(rows, width))
    assert [1.0 / (1.0 + math.exp(-s)) for s in scores] == [forest.probability(r) for r in rows]


def test_compiled_forest_of_leaves_only() -> None:
    forest = linemodel.Forest(0.5, (([-1], [0.25], [-1], [-1]),))
    assert forest.evaluate([[1.0, 2.0, 3.0]]) == [forest.probability([0.0])] * 3


def test_compiled_shipped_model_equals_the_tree_walk() -> None:
    model = linemodel.load()
    rng = random.Random(7)
    width = len(linemodel.FEATURES)
    base = _random_rows(rng, 300, width)
    first = model.first.evaluate(_columns(base, width))
    assert first == [model.first.probability(row) for row in base]
    context = linemodel.context(first)
    rows = [[column[i] for column in context] + row for i, row in enumerate(base)]
    second = model.second.evaluate(context + _columns(base, width))
    assert second == [model.second.probability(row) for row in rows]


def test_page_language_finds_german_and_none() -> None:
    assert linemodel.page_language([["Die", "Stadt", "hat", "nicht", "mit", "der", "Bahn"]]) == "de"
    assert linemodel.page_language([["Lorem", "ipsum"]]) is None


def _named(columns: list[list[float]], names: tuple[str, ...]) -> dict[str, list[float]]:
    assert len(columns) == len(names)
    return dict(zip(names, columns, strict=True))


def test_features_of_crafted_lines() -> None:
    texts = [
        "Home",
        "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, nach einer langen Debatte.",
        "thelastchargersfan says:",
        "Man arrested after break-in at village shop (12)",
        "Home",
    ]
    col = _named(linemodel.features(lines_of(texts), (1, 3), 2, frozenset({3})), linemodel.FEATURES)
    assert all(len(column) == len(texts) for column in col.values())
    assert col["ends_sentence"] == [0.0, 1.0, 1.0, 1.0, 0.0]
    assert col["in_core"] == [0.0, 1.0, 1.0, 0.0, 0.0]
    assert col["after_tail"] == [0.0, 0.0, 1.0, 0.0, 0.0]
    assert col["core_distance"] == [math.log1p(1), 0.0, 0.0, math.log1p(1), math.log1p(2)]
    assert col["tails_above"] == [0.0, 0.0, 0.0, math.log1p(1), math.log1p(1)]
    assert col["capital_ratio"][0] == 1.0 and col["capital_ratio"][2] == 0.0
    assert col["commas"][1] == 1.0
    assert col["digit_ratio"][3] == 0.0 and col["starts_lower"][2] == 1.0
    assert col["repeats"][0] == col["repeats"][4] == math.log1p(1)
    assert col["position"] == pytest.approx([i / 5 for i in range(5)])
    assert linemodel.features([], (0, 0), 0) == [[] for _ in linemodel.FEATURES]


def test_page_language_counts_only_short_words() -> None:
    # "también" has seven letters: not counted, so "le" (French first) decides.
    assert linemodel.page_language([["TAMBIÉN", "también", "le"]]) == "fr"
    assert linemodel.page_language([["İl", "il", "è"]]) == "it"


@pytest.mark.parametrize("count", [1, 2, 3, 5, 8, 13])
def test_window_features_sum_three_lines_either_side(count: int) -> None:
    pool = ["one", "two words", "the cat sat.", "a b c d", "x", "y y", "z", "last line here."]
    texts = [pool[i % len(pool)] + f" {i}" * (i % 3) for i in range(count)]
    col = _named(
        linemodel.features(lines_of(texts), (0, len(texts)), len(texts)), linemodel.FEATURES
    )
    words = [len(text.split()) for text in texts]
    for i in range(count):
        near = [k for k in range(max(0, i - 3), min(count, i + 4)) if k != i]
        assert col["words_window3"][i] == pytest.approx(math.log1p(sum(words[k] for k in near)))
        assert col["short_window3"][i] == sum(1 for k in near if words[k] <= 3)
        assert col["ends_window3"][i] == sum(1 for k in near if texts[k].endswith("."))
        assert col["words_prev"][i] == (math.log1p(words[i - 1]) if i else 0.0)


@pytest.mark.parametrize("count", [1, 2, 4, 7, 12])
def test_context_is_the_neighbours_probabilities(count: int) -> None:
    probs = [random.Random(count).random() for _ in range(count)]
    col = _named(linemodel.context(probs), linemodel.CONTEXT_FEATURES)

    def mean(indices: list[int]) -> float:
        return sum(probs[k] for k in indices) / len(indices) if indices else 0.0

    for i in range(count):
        around = range(max(0, i - 5), min(count, i + 6))
        assert col["p_prev"][i] == (probs[i - 1] if i else 0.0)
        assert col["p_window2"][i] == pytest.approx(
            mean([k for k in around if k != i and abs(k - i) <= 2])
        )
        assert col["p_window5"][i] == pytest.approx(mean([k for k in around if k != i]))
        assert col["p_before_mean"][i] == pytest.approx(mean(list(range(i))))
        assert col["p_after_mean"][i] == pytest.approx(mean(list(range(i + 1, count))))
    assert linemodel.context([]) == [[] for _ in linemodel.CONTEXT_FEATURES]
    some = list(range(0, count, 3))
    assert linemodel.context(probs, some) == [[column[i] for i in some] for column in col.values()]
    assert linemodel.context(probs, []) == [[] for _ in linemodel.CONTEXT_FEATURES]


def _decisions(model: linemodel.LineModel, lines: list[Line]) -> list[bool]:
    probs = model.probabilities(lines, (0, len(lines)), len(lines))
    return [p >= model.threshold for p in probs]


def test_gate_skips_only_lines_whose_decision_the_second_stage_keeps() -> None:
    # The gate leaves out the 0.1% most extreme flips of the training pages.
    model = linemodel.load()
    lo, hi = model.gate
    assert 0.0 <= lo <= model.threshold <= hi
    ungated = dataclasses.replace(model, gate=(0.0, 2.0))
    pages = [
        [*MENU, *PROSE, "Most read", *TEASERS],
        [*TEASERS, *PROSE[:2], *MENU[:3], *PROSE[2:]],
        [PROSE[0], "Share this", PROSE[1]],
    ]
    if CORPORA.is_dir():
        for path in sorted((CORPORA / "aeb" / "dump-w3m").glob("*.txt"))[:20]:
            raw = path.read_bytes().decode("utf-8", "replace")
            pages.append([t.strip() for t in raw.splitlines() if t.strip()])
    lines = differ = 0
    for texts in pages:
        gated, full = _decisions(model, lines_of(texts)), _decisions(ungated, lines_of(texts))
        lines += len(texts)
        differ += sum(a != b for a, b in zip(gated, full, strict=True))
    assert differ <= lines // 1000


def test_crafted_page_drops_menu_and_teasers_keeps_prose() -> None:
    texts = ["Bridge to reopen next year", *MENU, *PROSE, "Most read", *TEASERS, *MENU[:5]]
    result = sort_lines(lines_of(texts), Config())
    kept = [line.text for line in result.body]
    for paragraph in PROSE:
        assert paragraph in kept
    for teaser in TEASERS:
        assert teaser not in kept
    assert not set(MENU) & set(kept)
    for _, rule in result.outside:
        assert describe(rule)
    assert result.before and result.before[-1].number < result.body[0].number


def test_keep_outside_core_and_core_only_still_work() -> None:
    texts = [*MENU, *PROSE, *TEASERS]
    everything = sort_lines(lines_of(texts), Config(keep_outside_core=True))
    assert [line.text for line in everything.body] == [t for t in texts if match_line(t) is None]
    core_only = sort_lines(lines_of(texts), Config(use_line_model=False))
    kept = [line.text for line in core_only.body]
    assert kept[: len(PROSE)] == PROSE
    assert not set(MENU) & set(kept)


def test_seed_article_body_is_whole() -> None:
    article = scrubnews.clean((ROOT / "samples" / "seed-article.txt").read_bytes())
    assert article.body[0].text.startswith("Addressing the conference yesterday,")
    assert article.body[-1].text.endswith("which reflect real local needs’.")


def test_labels_follow_the_gold_body() -> None:
    trainer = load_script("train_line_model")
    lines = lines_of(["Home", PROSE[0], "Most read", PROSE[1]])
    gold = PROSE[0] + "\n\n" + PROSE[1]
    assert trainer.label_by_body(lines, gold) == [0, 1, 0, 1]
    snippets = trainer.label_by_snippets(lines, ["the cost of repairing"], ["Most read"])
    assert snippets == [-1, 1, 0, -1]


def test_training_script_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    trainer = load_script("train_line_model")
    corpus = tmp_path / "corpora" / "tiny"
    (corpus / "dump").mkdir(parents=True)
    golds = []
    for index in range(6):
        prose = PROSE[index % 4 :] + PROSE[: index % 4]
        page = [f"Headline number {index}", *MENU, *prose, "Most read", *TEASERS]
        (corpus / "dump" / f"p{index}.txt").write_text("\n\n".join(page), encoding="utf-8")
        golds.append({"id": f"p{index}", "body": "\n\n".join(prose)})
    (corpus / "gold.jsonl").write_text(
        "".join(json.dumps(g) + "\n" for g in golds), encoding="utf-8"
    )
    out = tmp_path / "model.json"
    code = trainer.main(
        [
            str(tmp_path / "corpora"),
            "-o",
            str(out),
            "--sets",
            "tiny",
            "--folders",
            "dump",
            "--jobs",
            "1",
            "--first-trees",
            "30",
            "--second-trees",
            "10",
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["gate"]) == 2 and data["gate"][0] <= data["gate"][1]
    model = linemodel.model_from_dict(data)
    lines = lines_of([*MENU, *PROSE, *TEASERS])
    probs = model.probabilities(lines, (len(MENU), len(MENU) + len(PROSE)), len(MENU) + 4)
    prose = probs[len(MENU) : len(MENU) + len(PROSE)]
    assert sum(prose) / len(prose) > max(probs[: len(MENU)])

    # Held-out scores by page: each page is cleaned by a model that never saw it.
    (tmp_path / "corpora" / "score.py").write_text(
        "def split_front_matter(text):\n"
        "    return {}, text.split('\\n---\\n', 1)[-1]\n"
        "def md_to_text(md):\n"
        "    return md\n"
        "def score(golds, results):\n"
        "    hits = [g['body'][:60] in results[g['id']]['body'] for g in golds]\n"
        "    return {'F1': sum(hits) / len(hits)}\n",
        encoding="utf-8",
    )
    pages = trainer.load_pages(tmp_path / "corpora", ["tiny"], ["dump"], 1)
    settings = trainer.Settings(first_trees=30, second_trees=10)
    rows = list(
        trainer.cross_validate(tmp_path / "corpora", pages, settings, ["tiny"], ["dump"], 1)
    )
    assert [(row["set"], row["folder"], row["folds"]) for row in rows] == [("tiny", "dump", 3)]
    assert rows[0]["F1"] >= 0.5


@pytest.mark.skipif(not CORPORA.is_dir(), reason="evaluation corpora not present")
def test_corpus_dumps_clean_with_named_removals() -> None:
    dumps = sorted((CORPORA / "aeb" / "dump").glob("*.txt"))[:10]
    for path in dumps:
        article = scrubnews.clean(path.read_bytes(), name=path.name)
        assert article.body
        assert all(describe(removal.rule) for removal in article.removals)


def test_lines_below_a_tail_heading_are_the_models_to_keep(tmp_path: Path) -> None:
    """A "Related" heading inside an article does not cut the body: the model decides."""
    keep_all = {"bias": 2.0, "trees": []}
    model = {
        "features": list(linemodel.FEATURES),
        "context_features": list(linemodel.CONTEXT_FEATURES),
        "threshold": 0.5,
        "first": keep_all,
        "second": keep_all,
    }
    path = tmp_path / "keep_all.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    config = Config(line_model=str(path))
    texts = [*PROSE[:3], "Related articles", PROSE[3], PROSE[0][:80] + "."]
    result = sort_lines(lines_of(texts), config)
    assert [line.text for line in result.body] == texts
    assert not result.outside
    # Comments read like prose: past a comments heading (kept or dropped), nothing is body.
    comment = "I have lived near that bridge for years and the detour really is a nuisance."
    for heading in ("12 Comments", "Leave a comment", "Kommentare:"):
        result = sort_lines(lines_of([*PROSE, heading, comment, "Reply", comment]), config)
        assert [line.text for line in result.body] == PROSE
