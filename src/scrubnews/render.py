"""Stage 5, render: an ``Article`` to YAML front-matter plus CommonMark.

The front-matter is written by PyYAML's safe dumper (never by hand; libyaml's
when it gives the same bytes). Body text is escaped so that a CommonMark
renderer gives back exactly the article's text: backslashes, backticks,
emphasis and link characters, ``<``, ``|`` and entity-like ``&`` everywhere;
``#``, ``>``, ``-``, ``+``, ``=`` and ``1.`` where they would start a block.
``reread`` inverts this.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from scrubnews.article import Article, Block

_INLINE = re.compile(r"([\\`*_\[\]<|~])")
_ENTITY_AMP = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
_HEADING_END = re.compile(r"(?<= )(#+)$")
# libyaml (``CSafeDumper``, five times faster) writes the same bytes as the pure
# Python dumper except for characters outside the BMP and Unicode line breaks,
# which it escapes: front-matter holding one goes through the pure dumper.
_LIBYAML_DIFFERS = re.compile(r"[\x85\u2028\u2029\U00010000-\U0010ffff]")
_FAST_DUMPER: Any = getattr(yaml, "CSafeDumper", None)


def escape(text: str, *, heading: bool = False) -> str:
    """Escape ``text`` so that CommonMark reads it as plain inline text.

    >>> escape("# not a heading")
    '\\\\# not a heading'
    >>> escape("1. not a list, *really*")
    '1\\\\. not a list, \\\\*really\\\\*'
    """
    out = _INLINE.sub(r"\\\1", text)
    if "&" in out:
        out = _ENTITY_AMP.sub(r"\\&", out)
    first = out[:1]
    if first in ("#", ">", "-", "+", "=", "!"):
        out = "\\" + out
    elif first.isdigit():
        m = _ORDERED.match(out)
        if m:
            out = m.group(1) + "\\" + out[m.end(1) :]
    if heading:
        out = _HEADING_END.sub(lambda m: "\\#" * len(m.group(1)), out)
    return out


def _fence(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+|~+", text)), default=0)
    return "`" * max(3, longest + 1)


def render_block(block: Block) -> str:
    if block.kind == "h":
        return "#" * max(1, min(block.level, 6)) + " " + escape(block.text, heading=True)
    if block.kind == "li":
        return "- " + escape(block.text)
    if block.kind == "quote":
        return "> " + escape(block.text)
    if block.kind == "comment":
        return block.text
    if block.kind == "pre":
        fence = _fence(block.text)
        return f"{fence}\n{block.text}\n{fence}"
    return escape(block.text)


def front_matter(article: Article) -> dict[str, Any]:
    """The front-matter mapping, in schema order; optional fields only when set."""
    from scrubnews import __version__

    data: dict[str, Any] = {"title": article.title or ""}
    if article.standfirst:
        data["standfirst"] = article.standfirst
    if article.authors:
        data["authors"] = list(article.authors)
    if article.location:
        data["location"] = article.location
    if article.date is not None:
        data["date"] = article.date
    for key, value in article.extra.items():
        data[key] = value
    data["source"] = {
        "file": article.source.file,
        "sha256": article.source.sha256,
        "encoding": article.source.encoding,
    }
    data["scrubnews"] = __version__
    return data


def _strings(value: Any) -> list[Any]:
    """Every value in a front-matter mapping, nested lists and mappings opened."""
    found: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        else:
            found.append(item)
    return found


def to_markdown(article: Article) -> str:
    """The whole output file: ``---``, YAML, ``---``, a blank line, the body."""
    data = front_matter(article)
    dumper = _FAST_DUMPER
    if dumper is None or any(
        isinstance(v, str) and _LIBYAML_DIFFERS.search(v) for v in _strings(data)
    ):
        dumper = yaml.SafeDumper
    meta = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)
    parts: list[str] = []
    previous: Block | None = None
    for block in article.body:
        text = render_block(block)
        if previous is not None and (
            previous.kind == block.kind == "li" or (previous.kind == "comment" and previous.level)
        ):
            parts[-1] += "\n" + text
        else:
            parts.append(text)
        previous = block
    body = "\n\n".join(parts)
    return f"---\n{meta}---\n\n{body}\n" if body else f"---\n{meta}---\n"
