"""Which line is the headline: small boosted trees over shallow features.

Candidates are the lines just before the article core and its first few
lines. Each gets shallow features (position relative to the core, heading
level, length, sentence end, dates and bylines, capitalisation,
repetition on the page, overlap with the first paragraph, whether the next
line holds a date or a byline and whether prose stands around it, how many
short menu-like lines stand near it and how long the lines below it are,
whether a breadcrumb separator ends the line above, a teaser's ellipsis,
a numbered list's step) and the candidate with the highest score under
the boosted regression trees in
``data/headline_model.json`` wins (the trees read the features together:
a short line is a headline above a byline, a menu item above a menu). The
trees are trained by ``scripts/train_headline.py`` on the development
corpora; inference is the line model's plain-Python forest.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from scrubnews.dates import find_date
from scrubnews.linemodel import Forest, forest_from_dict
from scrubnews.segment import Line
from scrubnews.words import word_count

_WORD = re.compile(r"\w+")
# The ``\w+`` runs of four characters or more (a shorter run never matches: at each of
# its positions fewer than four word characters follow).
_LONG_WORD = re.compile(r"\w{4,}")
# How many lines before the core start, and into it, may hold the headline.
BEFORE = 40
AFTER = 5
_SENTENCE_BREAK = re.compile(r"[a-zß-ÿ]{2}[.!?] [A-ZÀ-Ý][a-zß-ÿ]")
_SEPARATOR = re.compile(r" [|»›>·•/–—-] |::")

FEATURES = (
    "bias", "rel", "at_m1", "at_m2", "at_m3", "at_0", "inside", "h1", "h2", "h3plus", "li",
    "log_words", "short", "long", "end_period", "end_question", "end_colon", "end_other_punct",
    "has_date", "byline", "title_case", "all_caps", "separator", "repeated", "overlap",
    "first_heading", "chars", "digits", "gap_before", "quote", "above_meta", "below_meta",
    "rel_far", "echoed", "body_overlap", "top", "sentence_break", "credit", "comma_list",
    "label", "next_dated", "after_prose", "before_prose",
    "short_around", "next_max", "after_separator", "ellipsis",
    "list_step",
)
# A line that is only a breadcrumb separator, or ends with one: "›", "Kultur >".
_CRUMB_END = frozenset("»›>/|•·")
# A picture credit or caption: "Foto: Jane Roy", "… (Bild: dpa)", "… EFE", "© Reuters".
_CREDIT = re.compile(
    r"(?:^|[\s(])(?i:foto|fotos|photo|bild|image|credit|quelle|source)s?\s?:|©"
    r"|^(?i:photo|photograph|foto|bild|picture|image)s?\s(?i:by|von|par|de)\s"
    r"|\b(?:dpa|AFP|EFE|AP|REUTERS|Reuters|Getty Images|iStock|imago)\)?$"
)
# A short label before a colon opens the line: "Themen: …", "Tags: …", "Lösung: …".
_LABEL = re.compile(r"[^\W\d_]{2,15}\s?:\s")


_NUMBERED = re.compile(r"(\d{1,2})\. (?=\S)")


def numbered_step(text: str, prev: str) -> bool:
    """Whether ``text`` is an item of a numbered list ``prev`` is the item before.

    A terminal browser numbers an ordered list's items, breadcrumb trails too
    ("1. Home", "2. News", "3. Headline").

    >>> numbered_step("3. Council approves budget", "2. News")
    True
    >>> numbered_step("3. Council approves budget", "News")
    False
    """
    m = _NUMBERED.match(text)
    if m is None or not prev[:1].isdigit():
        return False
    before = _NUMBERED.match(prev)
    return before is not None and int(before.group(1)) + 1 == int(m.group(1))


@dataclass(frozen=True)
class Context:
    """What a candidate is compared with: text counts on the page, the first paragraph."""

    counts: Counter[str]
    first_words: frozenset[str]
    # Every short line, casefolded, one per line: a headline is echoed inside others
    # ("Home » News » Headline", "2 thoughts on “Headline”", "Share: Headline").
    page: str = ""
    # The words of more than three characters at the start of the body (the only ones
    # a candidate's words are looked up among: casefolding never shortens a word).
    body_words: Counter[str] = field(default_factory=Counter)
    top: frozenset[int] = frozenset()


def context(all_lines: list[Line], body: list[Line]) -> Context:
    """The page a candidate is compared with; a line listed twice counts once.

    >>> line = Line(4, "Council approves budget")
    >>> context([line, line], []).counts["council approves budget"]
    1
    """
    all_lines = list({line.number: line for line in all_lines}.values())
    short = [line.text.casefold() for line in all_lines if len(line.text) < 300]
    first = next((line.text for line in body if word_count(line.text) >= 15), "")
    body_text = " ".join(line.text for line in body[:60])[:20000].casefold()
    numbers = sorted(line.number for line in all_lines)[:2]
    return Context(
        Counter(short),
        frozenset(w.casefold() for w in _WORD.findall(first[:2000])),
        "\n".join(short),
        Counter(_LONG_WORD.findall(body_text)),
        frozenset(numbers),
    )


@dataclass(frozen=True)
class Candidate:
    """A line that may be the headline, and where it stands."""

    line: Line
    rel: int
    above_meta: bool
    below_meta: bool
    # The window lines right before and after it, kept or used, in page order.
    prev: Line | None = None
    next: Line | None = None
    # Short lines (three words or fewer) among the three either side (a menu around
    # it), the most words of the next three lines.
    short_around: int = 0
    next_max: int = 0


@cache
def _byline_tests() -> tuple[Callable[[str], bool], Callable[[str], list[str]]]:
    """``structure.names_someone`` and ``find_authors`` (structure imports this module)."""
    from scrubnews.structure import find_authors, names_someone

    return names_someone, find_authors


def features(cand: Candidate, first_heading: bool, ctx: Context) -> list[float]:
    """The feature vector of one candidate, in ``FEATURES`` order."""
    names_someone, find_authors = _byline_tests()
    line, rel = cand.line, cand.rel
    text = line.text
    prev_words = word_count(cand.prev.text) if cand.prev is not None else 0
    next_text = cand.next.text if cand.next is not None else ""
    next_words = word_count(next_text)
    words = word_count(text)
    tokens = _WORD.findall(text)
    caps = sum(1 for t in tokens if t[:1].isupper())
    last = text[-1:]
    own = {t.casefold() for t in tokens}
    overlap = len(own & ctx.first_words) / len(own) if own else 0.0
    key = text.casefold()
    echoed = len(key) >= 8 and ctx.page.count(key) > ctx.counts.get(key, 0)
    # Share of the line's longer words used in the body (a line of the body not counted).
    long_own: dict[str, int] = {}
    for t in tokens:
        if len(t) > 3:
            folded = t.casefold()
            long_own[folded] = long_own.get(folded, 0) + 1
    body_words = ctx.body_words
    if rel >= 0:
        used = sum(1 for t, n in long_own.items() if body_words.get(t, 0) > n)
    else:
        used = sum(1 for t in long_own if body_words.get(t, 0) > 0)
    body_overlap = used / len(long_own) if long_own else 0.0
    return [
        1.0,
        max(-25.0, min(5.0, rel)) / 10.0,
        float(rel == -1),
        float(rel == -2),
        float(rel == -3),
        float(rel == 0),
        float(rel > 0),
        float(line.kind == "h" and line.level == 1),
        float(line.kind == "h" and line.level == 2),
        float(line.kind == "h" and line.level >= 3),
        float(line.kind == "li"),
        math.log1p(words),
        float(words < 3),
        float(words > 25),
        float(last == "." and not text.endswith("...")),
        float(last == "?"),
        float(last == ":"),
        float(last in ",;)]" or last == "»"),
        float(find_date(text) is not None),
        float(names_someone(text)),
        caps / len(tokens) if tokens else 0.0,
        float(text.isupper()),
        float(_SEPARATOR.search(text) is not None),
        float(ctx.counts.get(text.casefold(), 0) > 1),
        overlap,
        float(first_heading),
        min(len(text), 300) / 100.0,
        sum(map(str.isdigit, text)) / max(1, len(text)),
        float(line.gap_before),
        float(line.kind == "quote" or text[:1] in "“\"„«"),
        float(cand.above_meta),
        float(cand.below_meta),
        max(-25.0, min(5.0, rel)) ** 2 / 100.0,
        float(echoed),
        body_overlap,
        float(line.number in ctx.top and line.kind != "h"),
        float(_SENTENCE_BREAK.search(text) is not None),
        float(_CREDIT.search(text) is not None),
        float(text.count(",") >= 3 and words <= 3 * text.count(",")),
        float(_LABEL.match(text) is not None),
        float(
            0 < next_words <= 30
            and (find_date(next_text) is not None or bool(find_authors(next_text)))
        ),
        float(prev_words >= 15),
        float(next_words >= 15),
        cand.short_around / 6.0,
        math.log1p(cand.next_max),
        float(cand.prev is not None and cand.prev.text[-1:] in _CRUMB_END),
        float(text.endswith(("...", "…"))),
        float(numbered_step(text, cand.prev.text if cand.prev is not None else "")),
    ]


@cache
def model() -> Forest:
    """The shipped headline model; an error if it was trained on other features."""
    data = json.loads(
        resources.files("scrubnews").joinpath("data/headline_model.json").read_text("utf-8")
    )
    if list(data["features"]) != list(FEATURES):
        raise ValueError("headline model was trained on other features; retrain it")
    return forest_from_dict(data)


def _table_row(window: list[Line], index: int) -> bool:
    """A row of a table (a Markdown dump's ``a | b`` rows, one above or below it too).

    A title with a site name after a bar ("Headline | Site") stands alone.
    """
    near = window[max(0, index - 1) : index] + window[index + 1 : index + 2]
    return any("|" in line.text for line in near)


def candidates(before: list[Line], body: list[Line], used: set[int]) -> list[Candidate]:
    """Lines that may be the headline, with their position relative to the core start."""
    window = before[-BEFORE:] + body[:AFTER]
    start = len(before[-BEFORE:])
    counts = [word_count(line.text) for line in window]
    short = [0 < n <= 3 for n in counts]
    found = []
    for index, line in enumerate(window):
        words = counts[index]
        if line.number in used or not 1 <= words <= 40 or len(line.text) > 300:
            continue
        if "|" in line.text and _table_row(window, index):
            continue
        above = index + 1 < len(window) and window[index + 1].number in used
        below = index > 0 and window[index - 1].number in used
        prev = window[index - 1] if index > 0 else None
        after = window[index + 1] if index + 1 < len(window) else None
        around = sum(short[max(0, index - 3) : index]) + sum(short[index + 1 : index + 4])
        after_max = max(counts[index + 1 : index + 4], default=0)
        found.append(
            Candidate(
                line, index - start, above, below, prev, after, around, after_max
            )
        )
    return found


def pick(before: list[Line], body: list[Line], used: set[int], ctx: Context) -> Line | None:
    """The most headline-like candidate, or ``None`` when there is none."""
    found = candidates(before, body, used)
    if not found:
        return None
    rows = []
    seen_heading = False
    for cand in found:
        first_heading = cand.line.kind == "h" and not seen_heading
        seen_heading = seen_heading or cand.line.kind == "h"
        rows.append(features(cand, first_heading, ctx))
    scores = model().scores(list(zip(*rows, strict=True)))
    # The first of equal scores wins.
    best = max(range(len(found)), key=lambda i: (scores[i], -i))
    return found[best].line
