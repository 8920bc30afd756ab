"""The line model: a small learned classifier that says which lines are article text.

Used by the boilerplate stage after the named line rules and the article
core. Each line gets cheap features (its words, sentence shape, capitals,
position, whether it sits in the core or below a tail heading, what its
neighbours look like); two stages of boosted regression trees turn them into
probabilities: the second stage reads only the first one's probabilities of
the line and of its neighbours. The weights live in ``data/line_model.json``
and are made by ``scripts/train_line_model.py``; inference is plain Python.

Features are kept as columns (one list per feature, one value per line) and
each forest is compiled into one Python function that walks every tree with
the feature values in local variables: a dump of 180 lines costs well under a
millisecond. The page language (``page_language``, from stop words) is used
by the structure stage; the model itself reads no stop words (they carried
almost nothing once the other features were there, and cost a lower-cased
token list per line).
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from scrubnews.segment import Line
from scrubnews.words import SENTENCE_END, word_count


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        "the of and to a in is that for it was on with as he she be by at this are his"
        " her from have had not but they which an or were been has their its would who"
        " will we there more one also said than when what all about into can could"
    ),
    "de": _words(
        "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im"
        " auch es sie er wir ich wird werden wurde hat haben sind war noch nach bei aus"
        " wie so dass aber oder wenn nur vor über als um man kann schon"
    ),
    "fr": _words(
        "le la les de des du un une et est en que qui dans pour pas sur au aux par plus"
        " ne se ce il elle nous vous ils sont été avec son sa ses leur mais ou comme"
        " cette tout fait être avait"
    ),
    "es": _words(
        "el la los las de del y en que un una es por con para no se su sus al lo como"
        " más pero fue ha son este esta está sobre entre también cuando muy sin hay ya"
        " le les era"
    ),
    "it": _words(
        "il lo la i gli le di del della dei delle e è che un una in per con non si da al"
        " alla sono come anche più ma ha era questo questa nel nella sul sulla ci se"
        " essere stato"
    ),
    "nl": _words(
        "de het een en van in is dat op te zijn met voor niet aan er die om ook als"
        " bij maar door naar heeft werd wordt dan nog wel uit over zo hij zij ze we ik"
        " was worden kan"
    ),
    "pt": _words(
        "o a os as de do da dos das e em um uma que é no na nos nas por para com não se"
        " seu sua mais mas foi ao à como são também ele ela está ou quando muito já"
        " entre pelo pela"
    ),
}

FEATURES: tuple[str, ...] = (
    "words",
    "chars",
    "ends_sentence",
    "position",
    "in_core",
    "after_tail",
    "core_distance",
    "gap_before",
    "capital_ratio",
    "digit_ratio",
    "commas",
    "repeats",
    "starts_lower",
    "mean_word_len",
    "doc_words",
    "doc_lines",
    "core_share",
    "rel_words",
    "words_prev",
    "words_next",
    "words_window3",
    "ends_window3",
    "short_window3",
    "tails_above",
)


def page_language(token_lists: list[list[str]]) -> str | None:
    """The language whose stop words are most frequent on the page, if any are.

    >>> page_language([["der", "Hund", "ist", "nicht", "da"]])
    'de'
    """
    return _language([list(map(str.lower, tokens)) for tokens in token_lists])


# Only words of up to six characters tell the language (longer tokens are not
# counted). ``str.lower`` never shortens a word and lengthens only "İ", which
# no stop word holds, so a lower-cased token of up to six characters is one.
_SHORT_STOPS = {
    language: frozenset(word for word in words if len(word) <= 6)
    for language, words in STOP_WORDS.items()
}


def _language(lowered: list[list[str]]) -> str | None:
    """``page_language`` of tokens already lower-cased."""
    counts = Counter(chain.from_iterable(lowered))
    best, best_hits = None, 0
    for language, words in _SHORT_STOPS.items():
        hits = sum(map(counts.__getitem__, counts.keys() & words))
        if hits > best_hits:
            best, best_hits = language, hits
    return best


def _span(n: int, start: int, end: int) -> list[float]:
    """1.0 for ``start <= i < end``, else 0.0, for ``i`` in ``range(n)``."""
    start = min(max(start, 0), n)
    end = min(max(end, start), n)
    return [0.0] * start + [1.0] * (end - start) + [0.0] * (n - end)


def _window(prefix: Sequence[float], n: int, k: int) -> list[float]:
    """Sums over ``i - k .. i + k`` (clipped to the page) from ``prefix`` sums."""
    lo = [*([0.0] * k), *prefix][:n]
    hi = [*prefix[k + 1 :], *([prefix[n]] * (k + 1))][:n]
    return [b - a for a, b in zip(lo, hi, strict=True)]


def features(
    lines: list[Line],
    core: tuple[int, int],
    tail: int,
    marks: frozenset[int] = frozenset(),
    words: list[int] | None = None,
) -> list[Sequence[float]]:
    """One column per ``FEATURES`` name, with one value per line.

    Yes/no and count features stay ``bool`` and ``int``: the trees only
    compare them with thresholds, as they would the same floats.

    ``core`` is the article core (start, end exclusive) and ``tail`` the index
    where a tail section ("Comments", "Related") cuts it, ``core[1]`` if none.
    ``marks`` are the indices of tail headings (or of the lines just after a
    dropped one): what follows them is seldom the article. ``words`` are the
    lines' word counts, when the caller has them already.
    """
    n = len(lines)
    if n == 0:
        return [[] for _ in FEATURES]
    log = math.log1p
    texts = [line.text for line in lines]
    if words is None:
        words = list(map(word_count, texts))
    log_words = list(map(log, words))
    ends = [text[-1:] in SENTENCE_END for text in texts]
    short = [w <= 3 for w in words]
    parts = [text.split() for text in texts]
    first = itemgetter(0)
    capitals = [sum(map(str.isupper, map(first, p))) / len(p) if p else 0.0 for p in parts]
    digits = [sum(map(str.isdigit, p)) / len(p) if p else 0.0 for p in parts]
    repeats = Counter(texts)
    doc_words = sum(words) or 1
    start, end = core
    longest = max(words) or 1
    prefix_words = [0, *accumulate(words)]
    window_words = [s - w for s, w in zip(_window(prefix_words, n, 3), words, strict=True)]
    window_ends = [s - e for s, e in zip(_window([0, *accumulate(ends)], n, 3), ends, strict=True)]
    window_short = [
        s - e for s, e in zip(_window([0, *accumulate(short)], n, 3), short, strict=True)
    ]
    marked = accumulate(i in marks for i in range(n)) if marks else [0] * n
    tails_above = list(map(log, marked))
    inverse = 1.0 / n
    return [
        log_words,
        [log(len(text)) for text in texts],
        ends,
        [i * inverse for i in range(n)],
        _span(n, start, end),
        _span(n, tail, end),
        [log(start - i) for i in range(min(start, n))]
        + [0.0] * (min(end, n) - min(start, n))
        + [log(i - end + 1) for i in range(end, n)],
        [line.gap_before for line in lines],
        capitals,
        digits,
        [min(text.count(","), 10) for text in texts],
        [log(repeats[text] - 1) for text in texts],
        [text[:1].islower() for text in texts],
        [
            (len(text) - text.count(" ")) / w if w else 0.0
            for text, w in zip(texts, words, strict=True)
        ],
        [log(doc_words)] * n,
        [log(n)] * n,
        [sum(words[start:end]) / doc_words] * n,
        [w / longest for w in words],
        [0.0, *log_words[:-1]],
        [*log_words[1:], 0.0],
        list(map(log, window_words)),
        window_ends,
        window_short,
        tails_above,
    ]


CONTEXT_FEATURES: tuple[str, ...] = (
    "p",
    "p_prev",
    "p_next",
    "p_window2",
    "p_window5",
    "p_before_mean",
    "p_after_mean",
    "p_doc_mean",
)


def context(probs: list[float], rows: Sequence[int] | None = None) -> list[list[float]]:
    """The ``CONTEXT_FEATURES`` columns of lines ``rows`` (all lines if ``None``).

    Read from the first stage's probabilities ``probs`` of every line. Window
    means leave the line itself out and count only lines of the page.
    """
    n = len(probs)
    index = range(n) if rows is None else rows
    if not index:
        return [[] for _ in CONTEXT_FEATURES]
    prefix = [0.0, *accumulate(probs)]
    total = prefix[n]
    mean = total / n
    out = []
    for i in index:
        p = probs[i]
        lo2, hi2, lo5, hi5 = max(0, i - 2), min(n, i + 3), max(0, i - 5), min(n, i + 6)
        out.append(
            (
                p,
                probs[i - 1] if i else 0.0,
                probs[i + 1] if i + 1 < n else 0.0,
                (prefix[hi2] - prefix[lo2] - p) / max(1, hi2 - lo2 - 1),
                (prefix[hi5] - prefix[lo5] - p) / max(1, hi5 - lo5 - 1),
                prefix[i] / i if i else 0.0,
                (total - prefix[i + 1]) / (n - i - 1) if i + 1 < n else 0.0,
                mean,
            )
        )
    return [list(column) for column in zip(*out, strict=True)]


Tree = tuple[list[int], list[float], list[int], list[int]]
Evaluate = Callable[[Sequence[Sequence[float]]], list[float]]


@dataclass(frozen=True)
class Forest:
    """Boosted regression trees: ``bias`` plus the sum of one leaf value per tree.

    Each tree is four parallel lists: feature index (``-1`` at a leaf),
    threshold (or the leaf value), left child, right child.

    ``probability`` walks the trees for one row (the reference); ``evaluate``
    does the same for columns of features, with the trees compiled into
    Python code.
    """

    bias: float
    trees: tuple[Tree, ...]

    def probability(self, row: Sequence[float]) -> float:
        total = self.bias
        for feature, threshold, left, right in self.trees:
            node = 0
            f = feature[0]
            while f >= 0:
                node = left[node] if row[f] <= threshold[node] else right[node]
                f = feature[node]
            total += threshold[node]
        if total < -30.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-total))

    @functools.cached_property
    def evaluate(self) -> Evaluate:
        """``probability`` of each line, compiled: ``evaluate(columns)``.

        ``columns[f]`` holds feature ``f`` of every line. Same sums in the
        same order as ``probability``, so the same floats.
        """
        return _compile(self)

    @functools.cached_property
    def scores(self) -> Evaluate:
        """The raw sums (``bias`` plus leaves) behind ``evaluate``, for ranking."""
        return _compile(self, raw=True)


def _compile(forest: Forest, *, raw: bool = False) -> Evaluate:
    """One Python function with every tree as nested ``if``/``else``.

    Each feature a tree reads is a local variable (``f3``), unpacked from a
    ``zip`` of the columns it needs. The source is made only from the
    forest's numbers (``int`` feature indices and ``float`` thresholds,
    written with ``repr``, which reads back as the same float).
    """
    used = sorted({int(f) for tree in forest.trees for f in tree[0] if f >= 0})

    def walk(tree: Tree, node: int, indent: str, out: list[str]) -> None:
        feature, threshold, left, right = tree
        if feature[node] < 0:
            out.append(f"{indent}total += {float(threshold[node])!r}")
            return
        out.append(f"{indent}if f{int(feature[node])} <= {float(threshold[node])!r}:")
        walk(tree, left[node], indent + "    ", out)
        out.append(f"{indent}else:")
        walk(tree, right[node], indent + "    ", out)

    names = "".join(f"f{f}, " for f in used)
    columns = ", ".join(f"columns[{f}]" for f in used)
    source = [
        "def evaluate(columns):",
        "    out = []",
        "    append = out.append",
        f"    for {names} in zip({columns}):" if used else "    for _ in columns[0]:",
        f"        total = {float(forest.bias)!r}",
    ]
    for tree in forest.trees:
        walk(tree, 0, "        ", source)
    source += [
        "        append(total)"
        if raw
        else "        append(0.0 if total < -30.0 else 1.0 / (1.0 + exp(-total)))",
        "    return out",
    ]
    namespace: dict[str, Any] = {"exp": math.exp}
    exec(compile("\n".join(source), "<line model>", "exec"), namespace)
    function: Evaluate = namespace["evaluate"]
    return function


@dataclass(frozen=True)
class LineModel:
    """Both stages, the gate between them and the probability from which a line is kept.

    The first stage reads ``FEATURES``, the second ``CONTEXT_FEATURES``. Only
    lines whose first-stage probability lies in ``gate`` (``lo <= p < hi``) go
    through the second stage; outside it the second stage never changed a
    decision on the training pages (the training script sets the gate, with a
    margin, from those pages), so the others keep their first probability.
    """

    first: Forest
    second: Forest
    threshold: float
    gate: tuple[float, float] = (0.0, 2.0)

    def probabilities(
        self,
        lines: list[Line],
        core: tuple[int, int],
        tail: int,
        marks: frozenset[int] = frozenset(),
        words: list[int] | None = None,
    ) -> list[float]:
        """The probability that each line is article text (``words``: see ``features``)."""
        if not lines:
            return []
        probs = self.first.evaluate(features(lines, core, tail, marks, words))
        lo, hi = self.gate
        rows = [i for i, p in enumerate(probs) if lo <= p < hi]
        if rows:
            second = self.second.evaluate(context(probs, rows))
            for i, p in zip(rows, second, strict=True):
                probs[i] = p
        return probs


def forest_from_dict(data: dict[str, Any]) -> Forest:
    """A ``Forest`` from its JSON form: ``bias`` and ``trees`` (four lists each)."""
    trees = tuple(
        (list(map(int, t[0])), list(map(float, t[1])), list(map(int, t[2])), list(map(int, t[3])))
        for t in data["trees"]
    )
    return Forest(float(data["bias"]), trees)


def model_from_dict(data: dict[str, Any]) -> LineModel:
    """Build a ``LineModel`` from its JSON form (see ``scripts/train_line_model.py``)."""
    if list(data["features"]) != list(FEATURES) or list(data["context_features"]) != list(
        CONTEXT_FEATURES
    ):
        raise ValueError("line model was trained on other features; retrain it")
    lo, hi = data.get("gate", (0.0, 2.0))
    return LineModel(
        forest_from_dict(data["first"]),
        forest_from_dict(data["second"]),
        float(data["threshold"]),
        (float(lo), float(hi)),
    )


@lru_cache(maxsize=4)
def load(path: str | None = None) -> LineModel:
    """The line model at ``path``, or the one shipped with scrubnews."""
    if path is None:
        text = resources.files("scrubnews").joinpath("data/line_model.json").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))
