"""Read a scrubnews article (front-matter + Markdown) back into an ``Article``.

Cleaning a cleaned file must change nothing, so an input that is already a
scrubnews article (its front-matter has a ``scrubnews`` version and a
``source``) is read back here, not cleaned again: this is the exact
inverse of ``render``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from scrubnews.article import Article, Block, Source
from scrubnews.schema import NAMES as _KNOWN

# libyaml's parser where PyYAML was built with it: the same safe constructor, faster.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_HEADING = re.compile(r"(#{1,6}) (.*)")
_FENCE = re.compile(r"(`{3,})\n(.*)\n\1", re.DOTALL)


def unescape(text: str) -> str:
    r"""Undo ``render.escape``.

    >>> unescape(r"1\. not a list, \*really\*")
    '1. not a list, *really*'
    """
    return _UNESCAPE.sub(r"\1", text) if "\\" in text else text


def front_matter_block(text: str) -> tuple[str, str] | None:
    """``(yaml_text, body)`` if ``text`` starts with a ``---`` ... ``---`` block.

    The YAML text starts on line 2 of ``text``.
    """
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---\n", 3)
    if end < 0:
        if text.endswith("\n---"):
            end = len(text) - 4
        else:
            return None
    return text[4 : end + 1], text[end + 5 :]


def split_front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """``(mapping, body)`` if ``text`` starts with a YAML front-matter block."""
    block = front_matter_block(text)
    if block is None:
        return None
    try:
        data = yaml.load(block[0], Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict):
        return None
    return data, block[1]


def is_article(data: dict[str, Any]) -> bool:
    source = data.get("source")
    return "scrubnews" in data and isinstance(source, dict) and "sha256" in source


def parse_body(body: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in re.split(r"\n{2,}", body.strip("\n")):
        while chunk.startswith("<!--") and "-->" in chunk.split("\n", 1)[0]:
            first, _, chunk = chunk.partition("\n")
            blocks.append(Block(first, "comment", 1 if chunk else 0))
        if not chunk:
            continue
        fence = _FENCE.fullmatch(chunk)
        if fence:
            blocks.append(Block(fence.group(2), "pre"))
            continue
        m = _HEADING.fullmatch(chunk)
        if m:
            blocks.append(Block(unescape(m.group(2)), "h", len(m.group(1))))
        elif chunk.startswith("- "):
            blocks.extend(Block(unescape(item[2:]), "li") for item in chunk.split("\n"))
        elif chunk.startswith("> "):
            blocks.append(Block(unescape(chunk[2:]), "quote"))
        else:
            blocks.append(Block(unescape(chunk)))
    return blocks


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def reread(data: dict[str, Any], body: str) -> Article:
    """The ``Article`` that rendered to ``data`` + ``body``."""
    source = data["source"]
    date = data.get("date")
    if not isinstance(date, dt.date):
        date = None
    authors = data.get("authors") or []
    return Article(
        source=Source(
            str(source.get("file", "-")),
            str(source["sha256"]),
            str(source.get("encoding", "utf-8")),
        ),
        title=_text(data.get("title")),
        standfirst=_text(data.get("standfirst")),
        authors=[str(a) for a in authors] if isinstance(authors, list) else [str(authors)],
        location=_text(data.get("location")),
        date=date,
        extra={str(k): str(v) for k, v in data.items() if k not in _KNOWN},
        body=parse_body(body),
        kind="article",
    )
