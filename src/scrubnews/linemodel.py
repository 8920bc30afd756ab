"""The line model: a small learned classifier that says which lines are article text.

Used by the boilerplate stage after the named line rules and the article
core. Each line gets a row of cheap features (its words, stop words in the
page's language, sentence shape, position, whether it sits in the core,
what its neighbours look like); two stages of shallow regression trees turn
the rows into probabilities: the second stage reads the first one's
probabilities of the neighbouring lines. The weights live in
``data/line_model.json`` and are made by ``scripts/train_line_model.py``;
inference is plain Python.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any

from scrubnews.segment import Line
from scrubnews.words import ends_sentence
from scrubnews.words import tokens as line_tokens

_WORD = re.compile(r"\w+")
_LINKISH = re.compile(r"https?:|www\.|@|\|| › | » | / |·")
_COMMENT_HEADER = re.compile(
    r"[^\n]{1,80}(?: says| said| schreibt| sagt| écrit| dice| scrive| zegt| diz)[:.]?"
    r"|\d{1,5} (?:responses?|thoughts?|comments?|replies|kommentare?|antworten"
    r"|commentaires?|réponses|comentarios|respuestas|commenti|reacties) (?:to|on|zu|sur|a|en|"
    r"su|op|em|para)\b[^\n]{0,200}",
    re.IGNORECASE,
)
_ENDS_COUNT = re.compile(r"\(\d{1,6}\)$")
_DATEISH = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./:]\d{2}\b")


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
    "stop_ratio",
    "stops",
    "position",
    "in_core",
    "after_tail",
    "core_distance",
    "heading",
    "level",
    "list_item",
    "quote",
    "gap_before",
    "link_density",
    "hint_main",
    "hint_chrome",
    "capital_ratio",
    "digit_ratio",
    "commas",
    "linkish",
    "dateish",
    "repeats",
    "starts_lower",
    "mean_word_len",
    "doc_words",
    "doc_lines",
    "core_share",
    "rel_words",
    "menu_run",
    "words_prev",
    "words_next",
    "words_window3",
    "stops_window3",
    "ends_window3",
    "short_window3",
    "language_found",
    "comment_header",
    "comments_above",
    "tails_above",
    "ends_count",
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


def _menu_flags(words: list[int], ends: list[bool]) -> list[float]:
    """1.0 for lines in runs of four or more short lines that do not end a sentence."""
    flags = [0.0] * len(words)
    run: list[int] = []
    for index in range(len(words) + 1):
        if index < len(words) and words[index] <= 5 and not ends[index]:
            run.append(index)
            continue
        if len(run) >= 4:
            for member in run:
                flags[member] = 1.0
        run = []
    return flags


def features(
    lines: list[Line], core: tuple[int, int], tail: int, marks: frozenset[int] = frozenset()
) -> list[list[float]]:
    """One row of ``FEATURES`` per line.

    ``core`` is the article core (start, end exclusive) and ``tail`` the index
    where a tail section ("Comments", "Related") cuts it, ``core[1]`` if none.
    ``marks`` are the indices of tail headings (or of the lines just after a
    dropped one): what follows them is seldom the article.
    """
    n = len(lines)
    if n == 0:
        return []
    # Built column by column (mostly ``map`` over lists, no Python loop per
    # value), then turned into rows.
    log = math.log1p
    texts = [line.text for line in lines]
    tokens = [line_tokens(text) for text in texts]
    lowered = [list(map(str.lower, t)) for t in tokens]
    language = _language(lowered)
    is_stop = (STOP_WORDS[language] if language else frozenset()).__contains__
    words = list(map(len, tokens))
    stops = [sum(map(is_stop, t)) for t in lowered]
    ends = [ends_sentence(text) for text in texts]
    folded = [text.casefold() for text in texts]
    repeats = Counter(folded)
    doc_words = sum(words) or 1
    start, end = core
    core_words = sum(words[start:end])
    longest = max(words) or 1
    headers = [len(text) <= 300 and _COMMENT_HEADER.fullmatch(text) is not None for text in texts]
    first = itemgetter(0)
    capitals = [sum(map(str.isupper, map(first, t))) for t in tokens]
    digits = [sum(map(str.isdigit, t)) for t in tokens]
    kinds = [line.kind for line in lines]
    hints = [line.hint for line in lines]
    log_words = list(map(log, words))

    # Sums over the three lines either side, from running totals.
    sum_words, sum_stops, sum_ends, sum_short = [0], [0], [0], [0]
    for i in range(n):
        sum_words.append(sum_words[-1] + words[i])
        sum_stops.append(sum_stops[-1] + stops[i])
        sum_ends.append(sum_ends[-1] + ends[i])
        sum_short.append(sum_short[-1] + (words[i] <= 3))
    window_words: list[int] = []
    window_stops: list[int] = []
    window_ends: list[float] = []
    window_short: list[float] = []
    for i in range(n):
        lo, hi = max(0, i - 3), min(n, i + 4)
        window_words.append(sum_words[hi] - sum_words[lo] - words[i])
        window_stops.append(sum_stops[hi] - sum_stops[lo] - stops[i])
        window_ends.append(float(sum_ends[hi] - sum_ends[lo] - ends[i]))
        window_short.append(float(sum_short[hi] - sum_short[lo] - (words[i] <= 3)))

    # Comment headers strictly above a line; tail marks above it or on it.
    comments_above, tails_above = [], []
    seen_comments = seen_tails = 0
    for i in range(n):
        seen_tails += i in marks
        comments_above.append(log(seen_comments))
        tails_above.append(log(seen_tails))
        seen_comments += headers[i]

    def ratio(parts: list[int]) -> list[float]:
        return [part / w if w else 0.0 for part, w in zip(parts, words, strict=True)]

    columns: list[list[float]] = [
        log_words,
        [log(len(text)) for text in texts],
        list(map(float, ends)),
        ratio(stops),
        list(map(log, stops)),
        [i / n for i in range(n)],
        [1.0 if start <= i < end else 0.0 for i in range(n)],
        [1.0 if tail <= i < end else 0.0 for i in range(n)],
        [log(start - i if i < start else i - end + 1 if i >= end else 0) for i in range(n)],
        [1.0 if kind == "h" else 0.0 for kind in kinds],
        [float(line.level) for line in lines],
        [1.0 if kind == "li" else 0.0 for kind in kinds],
        [1.0 if kind == "quote" else 0.0 for kind in kinds],
        [1.0 if line.gap_before else 0.0 for line in lines],
        [line.link_density for line in lines],
        [1.0 if hint == "main" else 0.0 for hint in hints],
        [1.0 if hint == "chrome" else 0.0 for hint in hints],
        ratio(capitals),
        ratio(digits),
        [float(min(text.count(","), 10)) for text in texts],
        [1.0 if len(text) < 2000 and _LINKISH.search(text) else 0.0 for text in texts],
        [1.0 if len(text) < 300 and _DATEISH.search(text) else 0.0 for text in texts],
        [log(repeats[key] - 1) for key in folded],
        [1.0 if text[:1].islower() else 0.0 for text in texts],
        [
            (len(text) - text.count(" ")) / w if w else 0.0
            for text, w in zip(texts, words, strict=True)
        ],
        [log(doc_words)] * n,
        [log(n)] * n,
        [core_words / doc_words] * n,
        [w / longest for w in words],
        _menu_flags(words, ends),
        [0.0, *log_words[:-1]],
        [*log_words[1:], 0.0],
        list(map(log, window_words)),
        [
            stops_ / words_ if words_ else 0.0
            for stops_, words_ in zip(window_stops, window_words, strict=True)
        ],
        window_ends,
        window_short,
        [1.0 if language else 0.0] * n,
        list(map(float, headers)),
        comments_above,
        tails_above,
        [1.0 if ")" in text[-2:] and _ENDS_COUNT.search(text[-10:]) else 0.0 for text in texts],
    ]
    return list(map(list, zip(*columns, strict=True)))


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


def _context(probs: list[float]) -> list[list[float]]:
    """The ``CONTEXT_FEATURES`` of each line, from the first stage's probabilities."""
    n = len(probs)
    prefix = [0.0]
    for p in probs:
        prefix.append(prefix[-1] + p)
    doc_mean = prefix[-1] / n if n else 0.0
    rows: list[list[float]] = []
    for i, p in enumerate(probs):
        lo2, hi2 = max(0, i - 2), min(n, i + 3)
        lo5, hi5 = max(0, i - 5), min(n, i + 6)
        rows.append(
            [
                p,
                probs[i - 1] if i > 0 else 0.0,
                probs[i + 1] if i + 1 < n else 0.0,
                (prefix[hi2] - prefix[lo2] - p) / max(1, hi2 - lo2 - 1),
                (prefix[hi5] - prefix[lo5] - p) / max(1, hi5 - lo5 - 1),
                prefix[i] / i if i else 0.0,
                (prefix[n] - prefix[i + 1]) / (n - i - 1) if i + 1 < n else 0.0,
                doc_mean,
            ]
        )
    return rows


def context_features(base: list[list[float]], probs: list[float]) -> list[list[float]]:
    """Rows for the second stage: first-stage probabilities in context, then the base row."""
    return [context + row for context, row in zip(_context(probs), base, strict=True)]


Tree = tuple[list[int], list[float], list[int], list[int]]
Evaluate = Callable[[list[list[float]], list[list[float]]], list[float]]


@dataclass(frozen=True)
class Forest:
    """Boosted regression trees: ``bias`` plus the sum of one leaf value per tree.

    Each tree is four parallel lists: feature index (``-1`` at a leaf),
    threshold (or the leaf value), left child, right child.

    ``probability`` walks the trees (the reference); ``evaluate`` does the
    same for many rows at once, with the trees compiled into Python code.
    """

    bias: float
    trees: tuple[Tree, ...]
    split: int = 0

    def probability(self, row: list[float]) -> float:
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
        """``probability`` of each row, compiled: ``evaluate(heads, rows)``.

        A row's features are ``heads[i] + rows[i]``, the first ``split`` of
        them in ``heads[i]`` (pass ``[]`` when ``split`` is 0). Same sums in
        the same order as ``probability``, so the same floats.
        """
        return _compile(self)


def _compile(forest: Forest) -> Evaluate:
    """One Python function with every tree as nested ``if``/``else``.

    The source is made only from the forest's numbers (``int`` feature
    indices and ``float`` thresholds, written with ``repr``, which reads back
    as the same float).
    """

    def value(index: int) -> str:
        if index < forest.split:
            return f"head[{int(index)}]"
        return f"row[{int(index) - forest.split}]"

    def walk(tree: Tree, node: int, indent: str, out: list[str]) -> None:
        feature, threshold, left, right = tree
        if feature[node] < 0:
            out.append(f"{indent}total += {float(threshold[node])!r}")
            return
        out.append(f"{indent}if {value(feature[node])} <= {float(threshold[node])!r}:")
        walk(tree, left[node], indent + "    ", out)
        out.append(f"{indent}else:")
        walk(tree, right[node], indent + "    ", out)

    source = [
        "def evaluate(heads, rows):",
        "    out = []",
        "    append = out.append",
        "    for head, row in zip(heads or [()] * len(rows), rows):",
        f"        total = {float(forest.bias)!r}",
    ]
    for tree in forest.trees:
        walk(tree, 0, "        ", source)
    source += [
        "        append(0.0 if total < -30.0 else 1.0 / (1.0 + exp(-total)))",
        "    return out",
    ]
    namespace: dict[str, Any] = {"exp": math.exp}
    exec(compile("\n".join(source), "<line model>", "exec"), namespace)
    function: Evaluate = namespace["evaluate"]
    return function


@dataclass(frozen=True)
class LineModel:
    """Both stages and the probability from which a line is kept."""

    first: Forest
    second: Forest
    threshold: float

    def probabilities(
        self,
        lines: list[Line],
        core: tuple[int, int],
        tail: int,
        marks: frozenset[int] = frozenset(),
    ) -> list[float]:
        """The probability that each line is article text."""
        base = features(lines, core, tail, marks)
        probs = self.first.evaluate([], base)
        return self.second.evaluate(_context(probs), base)


def _forest(data: dict[str, Any], split: int = 0) -> Forest:
    trees = tuple(
        (list(map(int, t[0])), list(map(float, t[1])), list(map(int, t[2])), list(map(int, t[3])))
        for t in data["trees"]
    )
    return Forest(float(data["bias"]), trees, split)


def model_from_dict(data: dict[str, Any]) -> LineModel:
    """Build a ``LineModel`` from its JSON form (see ``scripts/train_line_model.py``)."""
    if list(data["features"]) != list(FEATURES) or list(data["context_features"]) != list(
        CONTEXT_FEATURES
    ):
        raise ValueError("line model was trained on other features; retrain it")
    return LineModel(
        _forest(data["first"]),
        _forest(data["second"], len(CONTEXT_FEATURES)),
        float(data["threshold"]),
    )


@lru_cache(maxsize=4)
def load(path: str | None = None) -> LineModel:
    """The line model at ``path``, or the one shipped with scrubnews."""
    if path is None:
        text = resources.files("scrubnews").joinpath("data/line_model.json").read_text("utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text))
