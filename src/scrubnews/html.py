"""HTML pages: detect them by content, turn the DOM into ``Line`` units.

1. Parse once with lxml's HTML parser (``lxml.etree.HTMLParser``, without
   ``lxml.html``'s Python element classes, whose lookup runs for every
   element the walk touches): building a BeautifulSoup tree costs about
   ten times more for the same tree.
2. Walk the tree once, iteratively (``lxml.etree.iterwalk``: no recursion,
   so deep nesting cannot overflow the stack). Scripts, forms' controls and
   hidden elements are skipped; page chrome (``nav``, ``aside``, ``footer``,
   a page ``header``, ARIA landmarks such as ``role=navigation``, and
   containers whose class or id names a share row, comment thread, sidebar
   or advert) and image captions (``figcaption``, most often a credit) are
   dropped with a named rule. Every other block becomes a
   ``Line``: headings keep their level, ``<li>`` (even ``<li><p>``) stays a
   list item, ``<blockquote>`` a quote, ``<pre>`` keeps its newlines.
3. Choose the main content container the way Readability does: each
   paragraph scores its length and commas, the score flows to its parent
   (whole), grandparent (half) and further ancestors (less), containers
   are weighted by tag and by class names and discounted by their link
   density; the best one wins, with its parent when that scores higher.
   A container that is all of its parent's text stands for its parent,
   and siblings join it when their best container scores close to it (a
   sibling's tag and class weigh at most twice its text): an article cut
   into sections is kept whole. Sections of prose (two paragraphs or more,
   few links) up to three levels further up join it too.
4. Lines in the container are hinted ``main``; a few lines just before it
   go on as ``chrome`` (the structure stage reads a headline or byline
   there); the rest are dropped as ``html-outside-main``.

Page metadata (title, authors, date) is read by ``htmlmeta``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.etree

from scrubnews.article import BlockKind, Removal
from scrubnews.dates import find_date
from scrubnews.htmlmeta import (
    SEPARATOR,
    day_first_english,
    overlap,
    page_meta,
    read_stated,
    text_content,
)
from scrubnews.repair import repair_line
from scrubnews.segment import Line
from scrubnews.structure import PageMeta, day_first, is_date_line, labelled_date, updated_line
from scrubnews.words import SENTENCE_END, short_text_cache, word_count

_HTML_START = re.compile(
    r"\s{0,200}(?:<\?xml[^>]{0,200}>\s{0,20})?(?:<!--.{0,2000}?-->\s{0,20})*"
    r"<(?:!doctype html|html|head|body|meta|title|div|p|article|section|table|link|script|style)\b",
    re.IGNORECASE | re.DOTALL,
)
# A page with noise before its markup (a PHP warning, a <style>, many blank lines).
_PAGE_OPEN = re.compile(r"<(?:!doctype html|html|body)\b", re.IGNORECASE)
_PAGE_CLOSE = re.compile(r"</(?:body|html|head)>", re.IGNORECASE)
_TAG = re.compile(r"<(?:p|div|span|a|br|li|td|h[1-6])\b[^>]{0,500}>", re.IGNORECASE)
_XML_DECL = re.compile(r"\s{0,200}<\?xml[^>]{0,200}>")
_PARSER = lxml.etree.HTMLParser()
_UTF8_PARSER = lxml.etree.HTMLParser(encoding="utf-8")

# Elements whose content is never article text.
_SKIP = frozenset(
    "script style noscript template head title svg iframe object embed canvas select option "
    "button input textarea math video audio map area dialog label link meta source track".split()
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_CHROME_TAGS = frozenset(("nav", "aside", "footer", "menu", "figcaption"))
_CHROME_ROLES = frozenset(
    "navigation complementary contentinfo banner menu menubar search dialog alertdialog "
    "toolbar tablist".split()
)
_BLOCK_KIND: dict[str, BlockKind] = {
    "h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h",
    "li": "li", "dt": "li", "dd": "li", "blockquote": "quote", "pre": "pre",
}
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol table tr section article header footer nav aside "
    "blockquote pre figure figcaption dl dt dd address main hr center fieldset legend caption "
    "tbody thead tfoot menu details summary body html form br".split()
)
# Blocks that are one paragraph (their text is scored for their ancestors);
# the others are containers (text directly in them scores for themselves).
_PARAGRAPHS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre figcaption caption address summary legend th "
    "tr".split()
)
# Readability's weights for a container by tag.
_TAG_WEIGHT = {
    "div": 5.0, "article": 10.0, "main": 5.0, "section": 2.0, "pre": 3.0, "td": 3.0,
    "blockquote": 3.0, "address": -3.0, "ol": -3.0, "ul": -3.0, "dl": -3.0, "dd": -3.0,
    "dt": -3.0, "li": -3.0, "form": -3.0, "th": -5.0, "body": -5.0,
}

# Class or id words of page chrome (Readability's "unlikely candidates", widened):
# strong ones are dropped unless they wrap most of the page, weak ones unless
# they hold real paragraphs (a "sidebar" plugin class on the content column).
_STRONG_CHROME = re.compile(
    r"comment|disqus|breadcrumb|pagination|pager|newsletter|related|outbrain|taboola"
    r"|social|sharing|share-?(?:bar|buttons?|tools?|links?|icons?)|shariff|addtoany|sharedaddy"
    r"|cookie|consent|gdpr|subscri|paywall|signup|sign-up|advert|skyscraper|recommend"
    r"|trending|most-?(?:read|popular|viewed)|jump-?to|author-?bio|about-?the-?author"
    r"|author-?(?:box|desc|details|card|about)|saboxplugin|(?:^|[\s_-])abh_|about-?author"
    r"|(?:^|[\s_-])(?:ad|ads|adv|nav|tags|tag-?list|rss|login|search|skip|share|hidden"
    r"|sr-only|visually-hidden|screen-reader-text|offscreen|modal|popup)(?:$|[\s_-])"
    # "print", a print button or print-only furniture ("print-header"), but not
    # "print-full" or "print-step" (content marked for printing).
    r"|(?:^|[\s_-])(?:no-?)?print(?:-?(?:button|btn|link|icon|page|article|header|footer|logo"
    r"|tools?|only|url|info|none|block))?(?:$|[\s_])",
    re.IGNORECASE,
)
_WEAK_CHROME = re.compile(
    r"sidebar|promo|sponsor|masthead|site-?header|site-?footer|footer|menu|navbar|navigation"
    r"|topbar|toolbar|widget|teaser|(?:^|[\s_-])(?:meta|banner|extra)(?:$|[\s_-])",
    re.IGNORECASE,
)
# ... unless they also name the article itself.
_MAIN_CLASS = re.compile(
    r"article|body|content|entry|main|post|story|text|column|blog|page|hentry|instapaper",
    re.IGNORECASE,
)
_POSITIVE_CLASS = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    re.IGNORECASE,
)
_NEGATIVE_CLASS = re.compile(
    r"hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta"
    r"|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags"
    r"|tool|widget|(?:^|[\s_-])ad(?:$|[\s_-])",
    re.IGNORECASE,
)
# Class words that state a layout or a state, not what the element is: visibility
# by screen size ("hidden-xs", "hide-for-print"), "overflow-hidden", and a chrome
# word negated or owned ("non-paywall", "has-sidebar", "with-ads"; "no-print" is chrome).
_STATE_WORD = re.compile(
    r"(?:hidden|visible|hide|show)-(?:for-)?(?:xs|sm|md|lg|xl|xxl|mobile|phone|tablet|desktop"
    r"|print|small|medium|large)(?:$|[_-])|overflow-hidden"
    r"|(?:^|[_-])(?:non|not|without|has|with)-",
    re.IGNORECASE,
)
# A weak chrome word ending in a layout part names a page builder's box, which
# holds anything ("elementor-widget-wrap", "widget-container").
_LAYOUT_END = re.compile(r"[_-](?:wrap|wrapper|container|inner)$", re.IGNORECASE)
_COMMENTS = re.compile(r"comment|disqus|respon|reply|kommentar", re.IGNORECASE)
# A chrome-named element holding this share of the page's prose is a wrapper.
_WRAPPER_PROSE = 0.6
_HIDDEN_STYLE = re.compile(r"display\s{0,3}:\s{0,3}none|visibility\s{0,3}:\s{0,3}hidden", re.I)
_SPACE = re.compile(r"\s+")

_WEIGHT_CHARS = 1000.0
# A container under the stated headline wins over a better one elsewhere
# if it scores at least this share of it.
_ANCHOR_SHARE = 0.3
_CELLS = frozenset(("td", "th"))
# A numeric date opening a paragraph, then a dash or a capital: a dateline.
_LEADING_DATE = re.compile(r"([0-3]?\d\.[01]?\d\.(?:19|20)\d\d)\s{0,3}(?:[-–—|:]|(?=[A-ZÄÖÜ„\"]))")
_CELL_CHARS = 150
_DIGIT = re.compile(r"\d")
# A date's label in page chrome dropped whole (a footer's "Erschienen am: 01.11.2023",
# "Mise en ligne 23 mai 2019", "wurde am 19. Mai 2010 … gepostet"), and an
# edit's ("Diese Seite wurde zuletzt am 29. Januar 2020 … geändert").
_CHROME_PUBLISHED = re.compile(
    r"(?i:erschienen|veröffentlicht|publiziert|published|posted|gepostet|mise en ligne|publié"
    r"|publicado|pubblicato|wurde am)"
)
_CHROME_CHANGED = re.compile(
    r"(?i:zuletzt|last modified|last edited|last updated|geändert|änderung|modifié|updated)"
)

# Sections of prose this many levels above the main container's parent join it
# when at least this many characters, and this share of their text, are prose.
_GROW_LEVELS = 3
_GROW_PROSE = 150
_GROW_SHARE = 0.6

# How many lines just before the main container go on to the structure stage.
_HEAD_LINES = 15


# What follows a dateline that opens a paragraph: a dash, bar or colon, a closing
# parenthesis, or the end of a sentence and a capital.
_AFTER_DATE = re.compile(r"\)?\s{0,2}[-–—|:)]|\)?\.?\s{1,2}[A-ZÄÖÜ„\"]")


def opening_date(text: str) -> dt.date | dt.datetime | None:
    """The date a paragraph opens with, set apart from its text.

    >>> opening_date("31. Oktober 2023. Dragqueens sind Kunstfiguren aus Make-up und Glitter")
    datetime.date(2023, 10, 31)
    >>> opening_date("Pressemitteilung vom 25. Januar 2022 | Berlin – Die künftige Zusammenarbeit")
    datetime.date(2022, 1, 25)
    >>> opening_date("Am 25. Januar 2022 wurde die künftige Zusammenarbeit beschlossen") is None
    True
    """
    found = find_date(text[:60])
    if found is None or found[1] > 25:
        return None
    before = text[: found[1]]
    if len(before.split()) > 3 or any(c.isdigit() for c in before) \
            or _AFTER_DATE.match(text, found[2]) is None:
        return None
    return found[0]


def looks_like_html(text: str) -> bool:
    """True if ``text`` is an HTML page (by content, not by file name).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("A headline\\n\\nSome <b>bold</b> prose.")
    False
    >>> looks_like_html("<br><b>Warning</b>: a notice\\n" * 60 + "<html><body></body></html>")
    True
    """
    head = text[:4000]
    if _HTML_START.match(head):
        return True
    if len(_TAG.findall(head)) >= 8 and head.count("<") > head.count("\n"):
        return True
    # Markup after some noise: an opening tag early, a closing one, and many tags.
    return (
        _PAGE_OPEN.search(text, 0, 20000) is not None
        and _PAGE_CLOSE.search(text) is not None
        and len(_TAG.findall(text)) >= 50
    )


def parse(text: str) -> Any:
    """The lxml root of ``text``, or ``None`` if nothing could be parsed."""
    m = _XML_DECL.match(text)
    if m:
        text = text[m.end() :]
    try:
        # UTF-8 bytes parse faster than a Python string (stated as UTF-8, so a
        # <meta charset> in the page cannot override the decode stage).
        data: str | bytes = text.encode("utf-8")
        parser = _UTF8_PARSER
    except UnicodeEncodeError:  # lone surrogates: parse the string itself
        data, parser = text, _PARSER
    try:
        return lxml.etree.fromstring(data, parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def page_units(text: str) -> tuple[list[Line], PageMeta, list[Removal]]:
    """Parse an HTML page into units, metadata and the chrome removed."""
    root = parse(text)
    if root is None:
        return [], PageMeta(), []
    body = root.find("body")
    if body is None:
        body = root
    stated = read_stated(root)
    walk = _Walk(body)
    walk.run(body)
    units, removals = walk.select(stated.title(), stated.description())
    return units, page_meta(root, units, stated, walk.written_date), removals


def _page_chars(body: Any) -> int:
    """Characters of text in ``body``, not counting scripts and styles."""
    try:
        chars = len(text_content(body))
    except ValueError:
        return 0
    return chars - sum(len(el.text or "") for el in body.iter("script", "style"))


_MAIN, _STRONG, _WEAK = 1, 2, 3
_OTHER_POSTS = re.compile(
    r"related|recommend|newsletter|subscri|author-?box|sharedaddy|likes-?widget"
    r"|(?:^|[_-])(?:tags|nav|share|social)(?:$|[_-])",
    re.IGNORECASE,
)
_NO_ATTRS: dict[str, str] = {}
# Tags that, without attributes, are never dropped.
_PLAIN = frozenset(
    "p div span a b i em strong u s small sup sub h1 h2 h3 h4 h5 h6 li ul ol table tbody thead "
    "tr td th br hr blockquote pre code figure section article main dl dt dd "
    "center font abbr cite q time mark ins del".split()
)


@short_text_cache(200, maxsize=8192)
def _word_verdict(word: str) -> int:
    """What one class or id word says: article (``_MAIN``), chrome, or nothing (0).

    A word naming what is not the article (links to other posts, a newsletter
    or subscription box, an author box, like and share widgets, tags, post
    navigation) is chrome even when it names posts or content too
    ("related-posts", "jp-relatedposts", "newsletter-content",
    "author-box-content", "post-likes-widget", "post-tags", "post-nav").
    """
    if _OTHER_POSTS.search(word) and not _STATE_WORD.search(word):
        return _STRONG
    if _MAIN_CLASS.search(word):
        return _MAIN
    if _STATE_WORD.search(word):
        return 0
    if _STRONG_CHROME.search(word):
        return _STRONG
    if _WEAK_CHROME.search(word) and not _LAYOUT_END.search(word):
        return _WEAK
    return 0


@short_text_cache(500)
def _class_verdict(classes: str) -> int:
    """What a class and id string says: article (``_MAIN``), chrome, or nothing (0).

    No pattern spans a space, so each word is tested once (and cached: the
    same words recur across pages); an article word anywhere wins, then a
    strong chrome word, then a weak one.

    >>> _class_verdict("sidebar entry-content"), _class_verdict("share-bar widget")
    (1, 2)
    """
    verdict = 0
    for word in classes.split():
        found = _word_verdict(word)
        if found == _MAIN:
            return _MAIN
        if found and (not verdict or found < verdict):
            verdict = found
    return verdict


@short_text_cache(500)
def _class_weight(classes: str) -> float:
    """Readability's class weight: -25 for chrome words, +25 for article words."""
    negative = positive = False
    for word in classes.split():  # no pattern spans a space: one cached test per word
        word_negative, word_positive = _word_weight(word)
        negative = negative or word_negative
        positive = positive or word_positive
    return (-25.0 if negative else 0.0) + (25.0 if positive else 0.0)


@short_text_cache(200, maxsize=8192)
def _word_weight(word: str) -> tuple[bool, bool]:
    """Whether one class or id word reads as chrome, and whether as article."""
    return _NEGATIVE_CLASS.search(word) is not None, _POSITIVE_CLASS.search(word) is not None


# True if an element holds no link: a "teaser" or "meta" box of prose without
# one is the article's own lead, not a pointer elsewhere.
_LINK_FREE: Any = lxml.etree.XPath("not(.//a)")


def _prose_chars(el: Any, enough: int | None = 500) -> int:
    """Characters in the paragraphs of 80 characters or more under ``el``.

    Counting stops once ``enough`` is reached (``None``: count them all).
    """
    total = 0
    for p in el.iter("p"):
        chars = len(text_content(p))
        if chars >= 80:
            total += chars
            if enough is not None and total >= enough:
                break
    return total


def _pre_line(line: str) -> str:
    """One line of preformatted text repaired, its indentation kept."""
    body = line.lstrip()
    if not body:
        return ""
    return line[: len(line) - len(body)].replace("\u00a0", " ") + repair_line(body)[0]


def _near(box: _Box, line: int, limit: int) -> bool:
    """True if ``box`` holds line ``line`` or starts after it, before ``limit``."""
    return box.start <= line < box.end or line < box.start < limit


def _lead_like(line: Line, summary: str = "") -> bool:
    """A paragraph of prose: ten words or more, few links, ends like a sentence;
    set as a list item too (a summary's points). A lead set as a heading of more
    than fifteen words counts when the page's stated ``summary`` is not that
    lead (which the front-matter keeps as the standfirst): else it would be lost."""
    text = line.text
    if line.link_density >= 0.25:
        return False
    words = word_count(text)
    if text[-1] not in SENTENCE_END:
        # A lead that leaves its last stop out: a paragraph of fifteen words or more.
        return line.kind == "p" and words >= 15 and text[-1] != ":"
    if line.kind in ("p", "quote", "li"):
        return words >= 10
    return line.kind == "h" and words > 15 and overlap(text, summary) < 0.8


def _classes(attrs: dict[str, str]) -> str:
    """The class and id of an element, from its attributes, as one string."""
    cls, ident = attrs.get("class"), attrs.get("id")
    if cls is None and ident is None:
        return ""
    return f"{cls or ''} {ident or ''}"


def _holds_heading(el: Any) -> bool:
    """True if a heading element sits anywhere under ``el``."""
    return next(el.iter(*_HEADINGS), None) is not None


def _hidden(attrs: dict[str, str]) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


@dataclass(slots=True)
class _Box:
    """A block element seen by the walk: its place, lines and score."""

    tag: str
    parent: int
    classes: str
    start: int = 0
    end: int = 0
    score: float = 0.0
    weight: float = 0.0
    credited: bool = False


@dataclass(slots=True)
class _Frame:
    """An open element during the walk."""

    tag: str
    box: int
    kind: BlockKind
    level: int
    link: bool
    pre: bool
    skipped: bool = False
    block: bool = False


@dataclass
class _Walk:
    """One iterative walk over ``<body>``: lines, removals and container boxes."""

    body: Any
    lines: list[Line] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    boxes: list[_Box] = field(default_factory=list)
    link_chars: list[int] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    part_links: int = 0
    part_chars: int = 0
    number: int = 0
    # The main container's first line and the line after its last, once chosen.
    span: tuple[int, int] = (0, 0)

    @functools.cached_property
    def page_chars(self) -> int:
        """Characters of text on the page (read only when a chrome name needs it)."""
        return _page_chars(self.body)

    @functools.cached_property
    def page_prose(self) -> int:
        """Characters in the page's paragraphs of prose (read only when a chrome name needs it)."""
        return _prose_chars(self.body, None)

    def _wrapper(self, el: Any, classes: str) -> bool:
        """True if ``el`` wraps most of the page, or most of its prose (not a comment thread)."""
        if self.page_chars and len(text_content(el)) > 0.5 * self.page_chars:
            return True
        if _COMMENTS.search(classes) or self.page_prose < 400:
            return False
        return _prose_chars(el, None) > _WRAPPER_PROSE * self.page_prose

    def run(self, body: Any) -> None:
        self.boxes.append(_Box("body", -1, _classes(dict(body.items()))))
        stack = [_Frame("body", 0, "p", 0, False, False, block=True)]
        walker = lxml.etree.iterwalk(body, events=("start", "end", "comment", "pi"))
        first = True
        in_article = 0
        for event, el in walker:
            if first:
                first = False
                if el.text:
                    self._text(el.text, stack[-1])
                continue
            if event in ("comment", "pi"):
                if el.tail:
                    self._text(el.tail, stack[-1])
                continue
            if event == "end":
                if len(stack) == 1:
                    break
                frame = stack.pop()
                if frame.block:
                    self._flush(frame)
                    self.boxes[frame.box].end = len(self.lines)
                elif frame.tag in _CELLS and not frame.skipped:
                    if self.part_chars > _CELL_CHARS:
                        self._flush(frame)
                    self.boxes[frame.box].end = len(self.lines)
                if frame.tag in ("article", "main") and not frame.skipped:
                    in_article -= 1
                if el.tail:
                    self._text(el.tail, stack[-1])
                continue
            parent = stack[-1]
            tag = el.tag
            tag = tag.lower() if isinstance(tag, str) else ""
            # All attributes read at once: one call instead of one per name.
            items = el.items()
            if items:
                attrs = dict(items)
                classes = _classes(attrs)
                rule = self._drop_rule(el, tag, attrs, classes, in_article > 0, parent)
            else:
                classes = ""
                rule = None if tag in _PLAIN else self._drop_rule(
                    el, tag, _NO_ATTRS, "", in_article > 0, parent)
            if rule is not None:
                walker.skip_subtree()
                stack.append(_Frame(tag, parent.box, parent.kind, parent.level, parent.link,
                                    parent.pre, skipped=True))
                if rule:
                    self._flush(parent)
                    self._drop(el, rule)
                continue
            if tag in ("article", "main"):
                in_article += 1
            if tag == "br" or tag == "hr":
                if parent.pre and tag == "br":
                    self.parts.append("\n")
                else:
                    self._flush(parent)
                stack.append(_Frame(tag, parent.box, parent.kind, parent.level, parent.link,
                                    parent.pre))
                continue
            if tag in _CELLS:
                # Short cells of a row make one line; a long cell (a layout table) its own.
                if self.part_chars > _CELL_CHARS:
                    self._flush(parent)
                elif self.parts:
                    self.parts.append(" | ")
                box = len(self.boxes)
                self.boxes.append(_Box(tag, parent.box, classes, start=len(self.lines)))
                frame = _Frame(tag, box, parent.kind, parent.level, parent.link, parent.pre)
            elif tag in _BLOCKS:
                self._flush(parent)
                box = len(self.boxes)
                self.boxes.append(_Box(tag, parent.box, classes, start=len(self.lines)))
                kind = _BLOCK_KIND.get(tag, parent.kind)
                level = int(tag[1]) if kind == "h" and tag[0] == "h" else parent.level
                frame = _Frame(tag, box, kind, level, parent.link, parent.pre or tag == "pre",
                               block=True)
            else:
                frame = _Frame(tag, parent.box, parent.kind, parent.level,
                               parent.link or tag == "a", parent.pre)
            stack.append(frame)
            if el.text:
                self._text(el.text, frame)
        self._flush(stack[0])
        self.boxes[0].end = len(self.lines)

    def _drop_rule(self, el: Any, tag: str, attrs: dict[str, str], classes: str,
                   in_article: bool, parent: _Frame) -> str | None:
        """``None`` to keep ``el``, ``""`` to skip it silently, else the rule dropping it."""
        if not tag or tag in _SKIP:
            return ""
        chrome = tag in _CHROME_TAGS or (tag == "header" and not in_article)
        if tag == "figcaption" and _holds_heading(el):
            chrome = False  # a headline card (heading, date, lead), not a caption
        if not attrs:
            if chrome:
                # A page-wide wrapper (often an element left unclosed) is not chrome.
                return None if self._wrapper(el, "") else f"html-{tag}"
            return None
        if _hidden(attrs):
            return "html-hidden"
        rule = None
        if chrome:
            rule = f"html-{tag}"
        else:
            role = attrs.get("role")
            if role is not None and role.lower() in _CHROME_ROLES:
                rule = f"html-role-{role.lower()}"
        if rule is not None and not self._wrapper(el, classes):
            return rule
        if classes and not parent.pre and tag not in ("body", "article", "main", "a", "span",
                                                      "b", "i", "em", "strong"):
            verdict = _class_verdict(classes)
            if verdict == _MAIN:
                return None
            if verdict == _STRONG:
                # A wrapper of most of the page is not chrome, whatever its name.
                if self._wrapper(el, classes):
                    return None
                return "html-chrome"
            if verdict == _WEAK and (prose := _prose_chars(el)) < 500 \
                    and not (prose and _LINK_FREE(el)):
                return "html-chrome"
        return None

    def _drop(self, el: Any, rule: str) -> None:
        if rule == "html-hidden" and el.tag in ("span", "i", "b"):
            return
        try:
            text = _SPACE.sub(" ", text_content(el)[:400]).strip()
        except ValueError:
            text = ""
        if text:
            self.number += 1
            self.removals.append(Removal(self.number, text[:200], rule))

    def _text(self, text: str, frame: _Frame) -> None:
        self.parts.append(text)
        self.part_chars += len(text)
        if frame.link:
            self.part_links += len(text.strip())

    def _flush(self, frame: _Frame) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        self.parts = []
        self.part_chars = 0
        links, self.part_links = self.part_links, 0
        if frame.pre:
            text = "\n".join(_pre_line(line) for line in raw.strip("\n").split("\n"))
            text = text.strip("\n")
            if not text.strip():
                return
            kind: BlockKind = "pre"
        else:
            text, _rule = repair_line(_SPACE.sub(" ", raw).strip().strip("|").strip())
            if not text:
                return
            kind = frame.kind
        self.number += 1
        density = min(1.0, links / max(1, len(text)))
        self.lines.append(Line(self.number, text, kind, frame.level if kind == "h" else 0,
                               False, True, density, ""))
        self.owners.append(frame.box)
        self.link_chars.append(min(links, len(text)))

    # -- choosing the main container ------------------------------------------------

    def _credit(self) -> None:
        boxes = self.boxes
        for box in boxes:
            box.weight = _TAG_WEIGHT.get(box.tag, 0.0) + _class_weight(box.classes)
        for line, owner in zip(self.lines, self.owners, strict=True):
            text = line.text
            if len(text) < 25 or line.kind == "h" or line.link_density > 0.5:
                continue
            points = 1.0 + text.count(",") + text.count("，") + min(len(text) / 100.0, 3.0)
            index = owner
            if boxes[index].tag in _PARAGRAPHS:
                index = boxes[index].parent
            level = 0
            while index >= 0 and level < 5:
                box = boxes[index]
                box.credited = True
                box.score += points if level == 0 else points / (2 if level == 1 else level * 3)
                index = box.parent
                level += 1

    def _anchor(self, title: str) -> int:
        """Index of the first heading that matches the stated ``title`` (or its
        first part, before a separator and the site's name), or -1."""
        if not title:
            return -1
        titles = [title]
        head = SEPARATOR.split(title, maxsplit=1)[0].strip()
        if head != title and len(head.split()) >= 2:
            titles.append(head)
        for index, line in enumerate(self.lines):
            if line.kind == "h" and any(overlap(line.text, t) >= 0.8 for t in titles):
                return index
        return -1

    def _elsewhere(self, box: _Box, anchor: int) -> bool:
        """True if ``box`` lies before the headline at ``anchor`` or under a later one."""
        if box.start <= anchor < box.end:
            return False
        if box.end <= anchor:
            return True
        level = self.lines[anchor].level
        return any(
            line.kind == "h" and line.level <= level for line in self.lines[anchor + 1 : box.start]
        )

    def _next_headline(self, anchor: int) -> int:
        """The next headline as important as the one at ``anchor`` (or the end of the window)."""
        limit = min(len(self.lines), anchor + _HEAD_LINES)
        level = self.lines[anchor].level
        for index in range(anchor + 1, limit):
            line = self.lines[index]
            if line.kind == "h" and line.level <= level:
                return index
        return limit

    def _main(self, anchor: int) -> tuple[set[int], bool]:
        """Indices of the lines in the main container, and whether one was found.

        ``anchor`` is the line of the article's headline (or -1): on a page
        with several articles the one under its own headline is the article.
        """
        self._credit()
        boxes = self.boxes
        total = [0]
        links = [0]
        for line, link in zip(self.lines, self.link_chars, strict=True):
            total.append(total[-1] + len(line.text))
            links.append(links[-1] + link)

        def density(box: _Box) -> float:
            chars = total[box.end] - total[box.start]
            return (links[box.end] - links[box.start]) / chars if chars else 1.0

        def final(box: _Box) -> float:
            # Tag and class weights count in full only for a container of some size.
            chars = total[box.end] - total[box.start]
            weight = box.weight * min(1.0, chars / _WEIGHT_CHARS)
            return (box.score + weight) * (1.0 - density(box))

        def sibling(box: _Box) -> float:
            # A sibling's tag and class count at most as much as its own text.
            chars = total[box.end] - total[box.start]
            weight = min(box.weight * min(1.0, chars / _WEIGHT_CHARS), 2.0 * box.score)
            return (box.score + weight) * (1.0 - density(box))

        candidates = [i for i, box in enumerate(boxes) if box.credited]
        if not candidates:
            return set(), False
        top = max(candidates, key=lambda i: final(boxes[i]))
        best = final(boxes[top])
        if anchor >= 0 and self._elsewhere(boxes[top], anchor):
            limit = self._next_headline(anchor)
            near = [i for i in candidates if _near(boxes[i], anchor, limit)]
            if near:
                other = max(near, key=lambda i: final(boxes[i]))
                if final(boxes[other]) >= best * _ANCHOR_SHARE:
                    top, best = other, final(boxes[other])
        # Readability: move up while the parent scores higher (or close, walking up).
        # A container holding the next article's headline is too wide.
        other = self._next_headline(anchor) if anchor >= 0 else len(self.lines)
        if other < len(self.lines) and self.lines[other].kind != "h":
            other = len(self.lines)
        last, index = best, boxes[top].parent
        while index > 0:
            box = boxes[index]
            if box.start <= other < box.end:
                break
            if box.credited:
                score = final(box)
                if score < best / 3:
                    break
                if score > last:
                    top = index
                    break
                last = score
            index = box.parent
        # Readability: a container that is its parent's only content stands for the parent,
        # so that the sibling step below sees the article's other sections.
        score_top = final(boxes[top])
        while True:
            index = boxes[top].parent
            if index <= 0:
                break
            box = boxes[index]
            if box.start != boxes[top].start or box.end != boxes[top].end:
                break
            top = index
        parent = boxes[top].parent
        chosen = [top]
        if parent >= 0:
            # A sibling counts as its best container (a section's text sits deeper).
            inner = [sibling(box) if box.credited else 0.0 for box in boxes]
            for index in range(len(boxes) - 1, parent, -1):
                up = boxes[index].parent
                if up > parent and inner[index] > inner[up]:
                    inner[up] = inner[index]
            threshold = max(10.0, max(score_top, final(boxes[top])) * 0.2)
            for index in range(parent + 1, len(boxes)):
                box = boxes[index]
                if box.start >= boxes[parent].end:
                    break
                if box.parent != parent or index == top:
                    continue
                if anchor >= 0 and box.end > box.start and self.lines[box.start].kind == "h" \
                        and self.lines[box.start].level <= 2:
                    continue  # another article under its own headline
                bonus = score_top * 0.2 if box.classes == boxes[top].classes else 0.0
                if box.credited and inner[index] + bonus >= threshold:
                    chosen.append(index)
                elif box.tag == "p" and box.end > box.start:
                    text = " ".join(self.lines[i].text for i in range(box.start, box.end))
                    ld = density(box)
                    if (len(text) > 80 and ld < 0.25) or (
                        0 < len(text) <= 80 and ld == 0 and text[-1] in ".!?"
                    ):
                        chosen.append(index)
        found: set[int] = set()
        for index in chosen:
            found.update(range(boxes[index].start, boxes[index].end))
        if parent >= 0:
            for i in range(boxes[parent].start, boxes[parent].end):
                line = self.lines[i]
                if self.owners[i] == parent and line.link_density < 0.25 and (
                    len(line.text) > 80 or line.text[-1:] in SENTENCE_END
                ):
                    found.add(i)
            self._grow(found, parent, other, anchor, total, links)
        return found, True

    def _prose(self, start: int, end: int) -> tuple[int, int]:
        """Characters in the paragraphs of prose among lines ``start`` to ``end``,
        and how many such paragraphs there are."""
        chars = count = 0
        for line in self.lines[start:end]:
            text = line.text
            if line.kind in ("p", "quote") and line.link_density < 0.25 and len(text) > 80 \
                    and text[-1] in SENTENCE_END:
                chars += len(text)
                count += 1
        return chars, count

    def _grow(self, found: set[int], parent: int, other: int, anchor: int,
              total: list[int], links: list[int]) -> None:
        """Add the sections of prose a few levels above the chosen container.

        A page may set its text in cousins of the chosen container (an intro
        block, a second column of the same text): a section of an ancestor
        joins when most of its text is paragraphs of prose with few links.
        """
        boxes = self.boxes
        index = boxes[parent].parent
        for _level in range(_GROW_LEVELS):
            if index <= 0:
                return
            box = boxes[index]
            if box.start <= other < box.end:
                return
            for child in range(index + 1, len(boxes)):
                section = boxes[child]
                if section.start >= box.end:
                    break
                if section.parent != index or section.end <= section.start:
                    continue
                if found.intersection(range(section.start, section.end)):
                    continue
                if anchor >= 0 and self.lines[section.start].kind == "h" \
                        and self.lines[section.start].level <= 2:
                    continue
                chars = total[section.end] - total[section.start]
                if links[section.end] - links[section.start] > 0.25 * chars:
                    continue
                prose, count = self._prose(section.start, section.end)
                if count >= 2 and prose >= _GROW_PROSE and prose >= _GROW_SHARE * chars:
                    found.update(range(section.start, section.end))
            index = box.parent

    def written_date(self, anywhere: bool) -> dt.date | dt.datetime | None:
        """The date of the date line nearest the article's start (just before
        or at the start of the main container; a paragraph opening with its
        date counts), else (``anywhere``) just after it or in the rest of the
        page. An "Updated ..." line yields to another date line near the start
        and, anywhere, to any other date and to a labelled date in the dropped
        chrome ("Erschienen am: 01.11.2023"). A date with slashes is read day
        first on a page not in English or in British English."""
        lines = self.lines
        first, last = self.span
        # Nearest to the container's start first: a dateline under the headline
        # before a date above it (today's date in the page header).
        end = min(len(lines), first + 10, last if last > first else first + 10)
        near = sorted(range(max(0, first - _HEAD_LINES), end),
                      key=lambda i: first - i - 0.5 if i < first else i - first)
        if anywhere:
            near += range(last, min(len(lines), last + _HEAD_LINES))
        seen = set(near)
        rest = (i for i in range(len(lines)) if i not in seen) if anywhere else ()
        # Anywhere, an update ("last edited 2019-11-10") dates a page stating nothing else.
        update: dt.date | dt.datetime | None = None
        for index in [*near, *rest]:
            text = lines[index].text
            if lines[index].kind == "quote":
                continue  # an embedded post's date, a quoted letter's
            if len(text) > 80:
                # A paragraph opening with its dateline: "31. Oktober 2023. Der ...",
                # "(21. November 2022) Die ...", "Pressemitteilung vom 25. Januar 2022 | …".
                if index in seen and lines[index].kind == "p" \
                        and (opening := opening_date(text)) is not None:
                    return opening
                continue
            if any(c.isdigit() for c in text) and is_date_line(text):
                if updated_line(text) and (anywhere or index in seen):
                    # An update yields to a publication date near it, or anywhere
                    # to any other date.
                    if update is None and (found := find_date(text)) is not None:
                        update = found[0]
                    continue
                found = find_date(text)
                if found is None:
                    return None
                if "/" in text and self._day_first():
                    found = find_date(text, day_first=True) or found
                # Near the start, a bare date in a byline is not trusted over a
                # stated time; a written time, a line that is little but a date, or
                # one opening with its label ("Updated Mar 12, 2020 @ 10:42"), is.
                if not anywhere and not isinstance(found[0], dt.datetime) and found[1] > 0 \
                        and not labelled_date(text) \
                        and len((text[: found[1]] + " " + text[found[2] :]).split()) > 1:
                    return None
                return found[0]
        if anywhere:
            # A dateline opening the article's first paragraph ("01.02.2022 – Der ...").
            for index in range(first, min(len(lines), first + 3)):
                m = _LEADING_DATE.match(lines[index].text)
                if m is not None and (found := find_date(m.group(1))) is not None:
                    return found[0]
            published = self._chrome_date(_CHROME_PUBLISHED)
            return published or update or self._chrome_date(_CHROME_CHANGED)
        return update

    def _chrome_date(self, label: re.Pattern[str]) -> dt.date | dt.datetime | None:
        """The first date right after ``label`` in the page chrome dropped (a footer's
        "Erschienen am: 01.11.2023"): the last resort of a page that dates itself nowhere else."""
        for removal in self.removals:
            text = removal.text
            if not _DIGIT.search(text):
                continue
            for m in label.finditer(text):
                found = find_date(text[m.end() : m.end() + 60])
                if found is not None and found[1] <= 20:
                    return found[0]
        return None

    def _day_first(self) -> bool:
        """Whether the article's language writes the day before the month
        (all but English): an ambiguous "03/05/2022" is 3 May."""
        first, last = self.span
        return day_first_english(self.body.getroottree().getroot()) or day_first(
            self.lines[first : first + 40] if last > first else self.lines[:40])

    def select(self, title: str = "", summary: str = "") -> tuple[list[Line], list[Removal]]:
        """Hint the main container's lines; drop the rest but a few lines before it.

        Prose between the headline and the container (a lead paragraph set
        apart from the body) is main content too, even when it repeats the
        summary the page states (which the front-matter keeps as standfirst).
        """
        anchor = self._anchor(title)
        main, ok = self._main(anchor)
        if not ok or not main:
            return self.lines, self.removals
        first = min(main)
        self.span = (first, max(main) + 1)
        headline = anchor if 0 <= anchor < first else -1
        if headline < 0:
            # The nearest <h1> above the container; on a page without one, an <h2>.
            above = range(first - 1, max(-1, first - _HEAD_LINES), -1)
            heads = [i for i in above if self.lines[i].kind == "h" and self.lines[i].level <= 2]
            level_one = [i for i in heads if self.lines[i].level == 1]
            if level_one or heads:
                headline = (level_one or heads)[0]
        if headline >= 0:
            for index in range(headline + 1, first):
                line = self.lines[index]
                if _lead_like(line, summary):
                    main.add(index)
        units: list[Line] = []
        removals = self.removals
        for index, line in enumerate(self.lines):
            if index in main:
                line.hint = "main"
                units.append(line)
            elif first - _HEAD_LINES <= index < first:
                line.hint = "chrome"
                units.append(line)
            else:
                removals.append(Removal(line.number, line.text, "html-outside-main"))
        return units, removals
