"""HTML pages: detect them by content, turn the DOM into ``Line`` units and metadata.

Parsed with lxml's HTML parser (``lxml.html``): building a BeautifulSoup
tree costs about ten times more for the same tree, and we only walk it
once. Page chrome (``nav``, ``aside``, ``footer``, forms, scripts, share
and comment containers) is dropped with a named rule; blocks inside
``<article>``/``<main>`` are hinted as such; headings, list items, block
quotes and code keep their kind. Metadata comes from what the page states:
JSON-LD ``NewsArticle``/``Article``, ``og:title``, ``<meta name=author>``,
``article:published_time``, ``<time datetime>``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import lxml.etree
import lxml.html

from scrubnews.article import BlockKind, Removal
from scrubnews.dates import parse_iso
from scrubnews.repair import repair_line
from scrubnews.segment import Line
from scrubnews.structure import PageMeta

_HTML_START = re.compile(
    r"\s{0,200}(?:<\?xml[^>]{0,200}>\s{0,20})?(?:<!--.{0,2000}?-->\s{0,20})*"
    r"<(?:!doctype html|html|head|body|meta|title|div|p|article|section|table|link|script)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<(?:p|div|span|a|br|li|td|h[1-6])\b[^>]{0,500}>", re.IGNORECASE)

_SKIP = frozenset(
    "script style noscript template head svg iframe object embed canvas select option button "
    "input textarea math video audio form label map area dialog".split()
)
_CHROME = frozenset("nav aside footer header menu".split())
_BLOCK_KIND: dict[str, BlockKind] = {
    "h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h",
    "li": "li", "dt": "li", "blockquote": "quote", "pre": "pre",
}
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol table tr section article header footer nav aside "
    "blockquote pre figure figcaption dl dt dd address main hr center fieldset legend caption "
    "tbody thead tfoot menu details summary body html td th".split()
)
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|comment|comments|related|newsletter|subscribe|"
    r"cookie|consent|promo|advert|ads?|sidebar|breadcrumbs?|pagination|footer|navbar|nav|menu"
    r"|widget|teaser|recommend|popular|trending|outbrain|taboola|modal|popup|banner)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")


def looks_like_html(text: str) -> bool:
    """True if ``text`` is an HTML page (by content, not by file name).

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("A headline\\n\\nSome <b>bold</b> prose.")
    False
    """
    head = text[:4000]
    if _HTML_START.match(head):
        return True
    return len(_TAG.findall(head)) >= 8 and head.count("<") > head.count("\n")


def _attr_class(el: Any) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _jsonld(root: Any, meta: PageMeta) -> None:
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in _walk_jsonld(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if not any(
                isinstance(k, str) and (k.endswith("Article") or k in ("BlogPosting", "Report"))
                for k in kinds
            ):
                continue
            if not meta.title and isinstance(item.get("headline"), str):
                meta.title = _SPACE.sub(" ", item["headline"]).strip() or None
            if not meta.standfirst and isinstance(item.get("description"), str):
                meta.standfirst = _SPACE.sub(" ", item["description"]).strip() or None
            if not meta.authors:
                meta.authors = _names(item.get("author"))
            if meta.date is None and isinstance(item.get("datePublished"), str):
                meta.date = parse_iso(item["datePublished"])


def _walk_jsonld(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 5:
        return []
    if isinstance(data, list):
        return [x for item in data[:50] for x in _walk_jsonld(item, depth + 1)]
    if isinstance(data, dict):
        found = [data]
        if "@graph" in data:
            found += _walk_jsonld(data["@graph"], depth + 1)
        return found
    return []


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [n for n in (_SPACE.sub(" ", value).strip(),) if n and len(n) < 100]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value[:10] for n in _names(item)]
    return []


def page_meta(root: Any) -> PageMeta:
    """What the page states about itself."""
    meta = PageMeta()
    _jsonld(root, meta)
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = el.get("content")
        if key and content and key not in metas:
            metas[key] = _SPACE.sub(" ", content).strip()
    if not meta.title:
        meta.title = metas.get("og:title") or metas.get("twitter:title") or None
    if not meta.title:
        h1 = next(iter(root.iter("h1")), None)
        if h1 is not None:
            meta.title = _SPACE.sub(" ", h1.text_content()).strip() or None
    if not meta.standfirst:
        meta.standfirst = metas.get("og:description") or metas.get("description") or None
    if not meta.authors:
        author = metas.get("author") or metas.get("article:author") or metas.get("dc.creator")
        if author and not author.startswith("http"):
            meta.authors = [author]
    if meta.date is None:
        for key in ("article:published_time", "datepublished", "date", "dc.date",
                    "og:published_time", "pubdate", "publish-date", "sailthru.date"):
            if key in metas:
                meta.date = parse_iso(metas[key])
                if meta.date is not None:
                    break
    if meta.date is None:
        for el in root.iter("time"):
            value = el.get("datetime")
            if value:
                meta.date = parse_iso(value)
                if meta.date is not None:
                    break
    if meta.title:
        meta.title, _rule = repair_line(meta.title)
    if meta.standfirst:
        meta.standfirst, _rule = repair_line(meta.standfirst)
    if isinstance(meta.date, dt.datetime) and meta.date.tzinfo is not None:
        meta.date = meta.date.replace(tzinfo=None)
    return meta


def page_units(text: str) -> tuple[list[Line], PageMeta, list[Removal]]:
    """Parse an HTML page into units, metadata and the chrome removed."""
    text = re.sub(r"^\s*<\?xml[^>]{0,200}>", "", text)
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError):
        return [], PageMeta(), []
    meta = page_meta(root)
    walker = _Walker()
    body = root.find("body")
    walker.walk(body if body is not None else root, "", False)
    walker.flush()
    return walker.units, meta, walker.removals


class _Walker:
    """Depth-first walk collecting block texts; iterative state, recursion bounded."""

    def __init__(self) -> None:
        self.units: list[Line] = []
        self.removals: list[Removal] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.kind: BlockKind = "p"
        self.level = 0
        self.hint = ""
        self.number = 0

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        self.parts = []
        if text:
            fixed, _rule = repair_line(text)
            if fixed:
                self.number += 1
                density = min(1.0, self.link_chars / max(1, len(text)))
                self.units.append(
                    Line(self.number, fixed, self.kind, self.level, False, True, density, self.hint)
                )
        self.link_chars = 0
        self.kind, self.level = "p", 0

    def walk(self, el: Any, hint: str, in_link: bool, depth: int = 0) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if not tag or tag in _SKIP or depth > 200:
            return
        if tag in _CHROME or (hint != "main" and _CHROME_CLASS.search(_attr_class(el))):
            self.flush()
            text = _SPACE.sub(" ", el.text_content()).strip()
            if text:
                self.number += 1
                self.removals.append(Removal(self.number, text[:200], f"html-{tag}"
                                             if tag in _CHROME else "html-chrome"))
            return
        if tag in ("article", "main") or el.get("itemprop") == "articleBody":
            hint = "main"
        if tag == "br":
            self.flush()
        block = tag in _BLOCKS
        if block:
            self.flush()
            if tag in _BLOCK_KIND:
                self.kind = _BLOCK_KIND[tag]
                self.level = int(tag[1]) if self.kind == "h" else 0
            self.hint = hint
        link = in_link or tag == "a"
        if el.text:
            self.parts.append(el.text)
            if link:
                self.link_chars += len(el.text.strip())
        for child in el:
            self.walk(child, hint, link, depth + 1)
            if child.tail:
                self.parts.append(child.tail)
                if link:
                    self.link_chars += len(child.tail.strip())
        if block:
            kind, level = self.kind, self.level
            self.kind, self.level = kind, level
            self.flush()
