"""Stage 3b, boilerplate: decide which lines are article and which are not.

1. Line rules (``rules.RULES``): widgets, alt-text, banners, each by name.
   Alt-text glued to a sentence ("needs’.Spacer") is cut off as a rewrite.
2. The article core: each remaining line scores its word count minus a
   threshold (plus a bonus for ending like a sentence), and the run of lines
   with the largest total (Kadane's maximum subarray, linear time) is the
   core: prose scores up, menus and teasers score down. This is the
   "densest run of prose" of Kohlschütter et al. and of body-text
   extraction, in one pass.
3. A tail: a short heading such as "Comments" or "Related articles" late in
   the core ends it.

The result keeps, apart, the lines just before the core: the structure
stage looks there for the headline, byline and dates.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from scrubnews import linemodel
from scrubnews.article import Removal
from scrubnews.config import Config
from scrubnews.rules import (
    GLUED_ALT,
    GLUED_ALT_LAST,
    GLUED_ALT_LONGEST,
    compile_extra,
    match_line,
    match_page_line,
)
from scrubnews.segment import Line
from scrubnews.words import ends_sentence, word_count

_TAIL = re.compile(
    r"(?:\d{1,5} )?(?:comments?|kommentare?|commentaires?|comentarios?|reader comments"
    r"|related(?: articles| stories| posts| content| links| news| topics)?"
    r"|more (?:from|on|in|about|stories|news|articles)\b.{0,40}|read (?:more|next|also)\b.{0,40}"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested in).{0,20}|recommended(?: for you)?"
    r"|most (?:popular|read|viewed|shared)|trending(?: now)?|popular (?:posts|stories|articles)"
    r"|see also|further reading|also on .{1,40}|latest (?:news|stories|articles)"
    r"|leave a (?:comment|reply)|join the (?:conversation|discussion)|what do you think\??"
    r"|weitere (?:artikel|beiträge|nachrichten|themen)|ähnliche (?:artikel|beiträge)"
    r"|mehr zum thema.{0,40}|das (?:thema )?könnte (?:sie|dich) auch interessieren"
    r"|lesen sie auch.{0,40}|weitere informationen(?: zum thema)?|zusatzinformationen"
    r"|explore further"
    r"|articles? (?:similaires|liés|connexes)|à lire aussi|sur le même sujet"
    r"|noticias relacionadas|artículos relacionados|te puede interesar|tags?|schlagwörter"
    r"|share this(?: article| story| post)?|about the author|über den autor|newsletter)[:.]?",
    re.IGNORECASE,
)

# The tail headings that open a comment section.
_COMMENTS = re.compile(
    r"(?:\d{1,5} )?(?:comments?|kommentare?|commentaires?|comentarios?|reader comments)"
    r"|leave a (?:comment|reply)|join the (?:conversation|discussion)|what do you think\??",
    re.IGNORECASE,
)


def line_score(line: Line, words: int | None = None) -> float:
    """How much this line looks like article prose (positive) or page chrome.

    ``words`` is the line's word count, when the caller has it already.
    """
    if words is None:
        words = word_count(line.text)
    score = words - 10.0
    if words >= 5 and ends_sentence(line.text):
        score += 6.0
    if line.kind == "h" and words <= 15:
        score = min(score, -2.0)
    if line.link_density > 0.5:
        score -= words * line.link_density
    if line.hint == "main":
        # The page put this line in its main content: kept unless mostly links.
        score = max(score + 6.0, 1.0) if line.link_density <= 0.5 else score + 6.0
    elif line.hint == "chrome":
        score -= 10.0 + words
    return score


@dataclass
class Sorted:
    """What the boilerplate stage decided.

    ``body``: the core's lines that stay; ``before``: the lines before the
    core that no rule dropped, nearest last (the structure stage looks there
    for metadata); ``outside``: the other lines outside the core, to be
    recorded as dropped unless the structure stage uses them.
    """

    body: list[Line] = field(default_factory=list)
    before: list[Line] = field(default_factory=list)
    outside: list[tuple[Line, str]] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)


def _core(scores: list[float | None]) -> tuple[int, int]:
    """Start and end (exclusive) of the maximum-sum run; ``None`` scores are neutral."""
    best, best_start, best_end = float("-inf"), 0, 0
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if score is None:
            continue
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_start, best_end = total, start, index + 1
    return best_start, best_end


def _menu_runs(lines: list[Line], words: list[int]) -> set[int]:
    """Indices of lines in runs of four or more short lines that do not end a sentence."""
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines):
        if words[index] <= 5 and not ends_sentence(line.text):
            run.append(index)
            continue
        if len(run) >= 4:
            found.update(run)
        run = []
    if len(run) >= 4:
        found.update(run)
    return found


# ASCII characters a match of ``GLUED_ALT`` can end with, and the others (LF aside).
_GLUED_LAST = frozenset(c for c in map(chr, range(128)) if GLUED_ALT_LAST.match(c))
_NOT_GLUED_LAST = frozenset(map(chr, range(128))) - _GLUED_LAST - {"\n"}


def glued_alt(text: str) -> int | None:
    """Where image alt-text glued to the end of a sentence starts, or ``None``.

    >>> glued_alt("for local needs’.Spacer")
    17
    """
    # A match ends the line with one of a few letters, and is short: search only
    # the end of the line ("$" also matches before a final line break).
    last = text[-1:]
    if len(text) >= 5000 or last in _NOT_GLUED_LAST:
        return None
    if last not in _GLUED_LAST and last != "\n" and GLUED_ALT_LAST.match(last) is None:
        return None
    glued = GLUED_ALT.search(text, max(0, len(text) - GLUED_ALT_LONGEST - 1))
    return glued.start() if glued is not None and glued.start() > 0 else None


def apply_rules(
    lines: list[Line], config: Config, *, page: bool = False
) -> tuple[list[Line], list[Removal], set[int]]:
    """Drop what the named line rules match; cut glued alt-text.

    ``page``: the lines come from an HTML page, where ``PAGE_RULES`` apply too.

    Returns the kept lines, the removals, and the indices (into the kept
    lines) of lines that follow a dropped tail heading ("42 Comments").
    """
    extra = compile_extra(config.extra_boilerplate)
    kept: list[Line] = []
    removals: list[Removal] = []
    after_tail: set[int] = set()
    for line in lines:
        rule = "image-alt" if line.image else match_line(line.text, extra)
        if rule is None and page:
            rule = match_page_line(line.text)
        if rule is not None:
            removals.append(Removal(line.number, line.text, rule))
            if _is_tail(line):
                after_tail.add(len(kept))
            continue
        cut = glued_alt(line.text)
        if cut is not None:
            new = line.text[:cut]
            removals.append(Removal(line.number, line.text, "glued-alt-text", new))
            line.text = new
        kept.append(line)
    return kept, removals, after_tail


def find_core(
    lines: list[Line],
    after_tail: set[int],
    *,
    words: list[int] | None = None,
    marks: frozenset[int] | None = None,
) -> tuple[int, int, int]:
    """The article core of the rule-kept ``lines``: start, end, and where a tail cuts it.

    ``words`` (the lines' word counts) and ``marks`` (``tail_marks``) are
    computed here unless the caller has them already.
    """
    if words is None:
        words = [word_count(line.text) for line in lines]
    start, core_end = _core([line_score(line, n) for line, n in zip(lines, words, strict=True)])
    if marks is None:
        marks = tail_marks(lines, after_tail)
    return start, core_end, _cut_tail(start, core_end, words, marks)


def sort_lines(lines: list[Line], config: Config, *, page: bool = False) -> Sorted:
    """Split ``lines`` into article, metadata candidates and boilerplate.

    ``page``: the lines come from an HTML page, whose own extraction already
    chose the article's container; the line model, trained on text dumps, is
    not used there.
    """
    result = Sorted()
    kept, result.removals, after_tail = apply_rules(lines, config, page=page)

    words = [word_count(line.text) for line in kept]
    if config.keep_outside_core or sum(words) < config.min_core_words:
        result.body = kept
        return result

    marks = tail_marks(kept, after_tail)
    start, core_end, end = find_core(kept, after_tail, words=words, marks=marks)
    menus = _menu_runs(kept, words)
    if config.use_line_model and not page:
        model = linemodel.load(config.line_model)
        probs = model.probabilities(kept, (start, core_end), end, marks, words)
        # Past a "Comments" heading below the core, the article is over (comments
        # read like prose); above the core, a run of short lines is a menu.
        # Below other tail headings ("Related", "See also") the model decides:
        # they also stand inside articles, as an inline promotion.
        stop = _comments_start(kept, result.removals, end, marks)
        threshold = model.threshold
        keep = [
            p >= threshold and index < stop and (index >= start or index not in menus)
            for index, p in enumerate(probs)
        ]
    else:
        keep = [start <= index < end for index in range(len(kept))]
        if page:
            # A lead paragraph the page put in its main content, set apart from
            # the core by a byline or a date line, is kept.
            for index in range(start):
                line = kept[index]
                if line.hint == "main" and line.link_density < 0.25 and (
                    (words[index] >= 10 and ends_sentence(line.text))
                    # A lead that leaves its last stop out.
                    or (words[index] >= 15 and line.kind == "p" and line.text[-1] != ":")
                ):
                    keep[index] = True
    if not any(keep):
        keep = [start <= index < end for index in range(len(kept))]
    for index, line in enumerate(kept):
        if keep[index]:
            result.body.append(line)
        elif end <= index < core_end:
            result.outside.append((line, "tail-section"))
        elif start <= index < end:
            result.outside.append((line, "low-content"))
        else:
            result.outside.append((line, "menu-run" if index in menus else "outside-core"))
    result.before = _head_outside(kept, keep)
    if page:
        _drop_page_tail(result)
    return result


def _drop_page_tail(result: Sorted) -> None:
    """Move the short labels and headings that end a page's body to ``outside``.

    A heading with nothing under it ("Ähnliche Beiträge"), or a label of a few
    words that is no sentence ("Gefällt mir:", "Mehr Themen:"), closing the
    article container is the start of page furniture, not article text.
    List items are kept (an article may end with a list). Below the body's
    last paragraph of prose, a line mostly of links ("Related Topics …", a
    teaser) goes too, under ``page-tail-links``.
    """
    body = result.body
    cut = len(body)
    while cut > 1 and _tail_label(body[cut - 1]):
        cut -= 1
    if cut < len(body):
        result.outside += [(line, "page-tail") for line in body[cut:]]
        del body[cut:]
    last = _last_prose(body)
    if last >= 0:
        after = body[last + 1 :]
        linked = [_tail_link(line) for line in after]
        if any(linked):
            pairs = list(zip(after, linked, strict=True))
            result.outside += [(line, "page-tail-links") for line, x in pairs if x]
            body[last + 1 :] = [line for line, x in pairs if not x]


# Below the body's last paragraph of prose, a line with more of its text in
# links than this is a pointer elsewhere ("Related Topics …", a teaser, a list
# of other articles), not article text.
_TAIL_LINKS = 0.3


def _tail_link(line: Line) -> bool:
    """A line mostly of links that is no list item (an article may end with a
    list of its sources or references), no bare address (a source named by
    its link) and no paragraph of prose citing its sources in links."""
    if line.link_density <= _TAIL_LINKS or line.kind == "li":
        return False
    text = line.text
    if " " not in text and ("://" in text or text.startswith("www.")):
        return False
    return not (ends_sentence(text) and word_count(text) >= 25)


def _last_prose(body: list[Line]) -> int:
    """Index of the last paragraph of prose in ``body`` (25 words or more, few
    links, ends like a sentence), or -1."""
    for index in range(len(body) - 1, -1, -1):
        line = body[index]
        if line.kind in ("p", "quote") and line.link_density < 0.25 \
                and ends_sentence(line.text) and word_count(line.text) >= 25:
            return index
    return -1


def _tail_label(line: Line) -> bool:
    """A short heading, or a label of a few words, that is no sentence nor list item
    (a colon with nothing after it ends a label, not a sentence)."""
    words = word_count(line.text)
    text = line.text
    if ends_sentence(text) and not text.endswith(":") and not (
        words <= 3 and text.endswith(("…", "..."))  # "Liken Lade …", "Loading..."
    ):
        return False
    if line.kind == "h":
        return words <= 6
    return line.kind == "p" and words <= 4 and not line.text[:1].isdigit()


def _head_outside(kept: list[Line], keep: list[bool]) -> list[Line]:
    """Dropped lines above the body's first long paragraph (at most 40, nearest last).

    The headline, byline and dates live there: before the first kept line, or
    between the first kept lines, where the line model drops them as not body.
    """
    limit, seen = 0, 0
    for index, line in enumerate(kept):
        if keep[index]:
            limit = index
            seen += 1
            if seen > 8 or word_count(line.text) >= 40:
                break
    return [line for index, line in enumerate(kept[:limit]) if not keep[index]][-40:]


def tail_marks(lines: list[Line], after_tail: set[int]) -> frozenset[int]:
    """Indices of tail headings among ``lines`` and of lines after a dropped one."""
    return frozenset(after_tail) | {i for i, line in enumerate(lines) if _is_tail(line)}


def _comments_start(
    kept: list[Line], removals: list[Removal], end: int, marks: frozenset[int]
) -> int:
    """Index of the first of ``kept[end:]`` that is, or follows a dropped, comments heading.

    ``len(kept)`` if there is none. Only tail marks (``tail_marks``) can be one;
    ``removals`` are the line rules' removals, in line order.
    """
    for index in sorted(i for i in marks if end <= i < len(kept)):
        if _is_comments(kept[index].text):
            return index
        low = kept[index - 1].number if index else 0
        at = bisect.bisect_right(removals, low, key=_line_of)
        while at < len(removals) and removals[at].line < kept[index].number:
            if removals[at].dropped and _is_comments(removals[at].text):
                return index
            at += 1
    return len(kept)


def _line_of(removal: Removal) -> int:
    return removal.line


def _is_comments(text: str) -> bool:
    return len(text) <= 40 and _COMMENTS.fullmatch(text.rstrip(":.")) is not None


# What a ``_TAIL`` match starts with: a digit or the first letter of an alternative
# (tests/test_rules.py checks the letters against the pattern). The ASCII characters
# that cannot start one rule most lines out before the pattern runs.
_TAIL_START = re.compile(r"[\dacdefjklmnprstwyzàäü]", re.IGNORECASE)
_NOT_TAIL_START = frozenset(c for c in map(chr, range(128)) if not _TAIL_START.match(c))


def _is_tail(line: Line) -> bool:
    text = line.text
    return (
        len(text) <= 80
        and text[:1] not in _NOT_TAIL_START
        and _TAIL.fullmatch(text) is not None
    )


def _cut_tail(start: int, end: int, words: list[int], marks: frozenset[int]) -> int:
    """End the core at a tail mark (``tail_marks``) found after the first third of its words."""
    total = sum(words[start:end])
    seen = 0
    for index in range(start, end):
        if seen >= total / 3 and index in marks:
            return index
        seen += words[index]
    return end
