"""Plain data: the article, its body blocks and what the pipeline removed.

``Article`` knows nothing of files or of Markdown; ``render`` formats it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

BlockKind = Literal["p", "h", "li", "quote", "pre", "comment"]


@dataclass(frozen=True)
class Block:
    """One body block: a paragraph, heading (with level), list item, quote or code.

    ``comment`` is an HTML comment a person put in a cleaned article (such as a
    ``scrubnews check`` suppression); it is kept verbatim, and ``level`` 1
    means it stands on the line right above the next block.
    """

    text: str
    kind: BlockKind = "p"
    level: int = 0


class Removal(NamedTuple):
    """A line the pipeline dropped or rewrote, and the rule that did it.

    ``line`` is 1-based in the decoded input (0 when no single line applies);
    ``replacement`` is ``None`` for a dropped line and the new text for a
    rewritten one. A named tuple, not a frozen dataclass: a page records
    hundreds, and a tuple is made three times faster.
    """

    line: int
    text: str
    rule: str
    replacement: str | None = None

    @property
    def dropped(self) -> bool:
        return self.replacement is None


@dataclass(frozen=True)
class Source:
    """Where the article came from: file name (or ``-``), sha256 of the raw bytes, encoding."""

    file: str
    sha256: str
    encoding: str


@dataclass
class Article:
    """A cleaned article: metadata, body blocks, and every removal with its rule."""

    source: Source
    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    location: str | None = None
    date: dt.date | dt.datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    kind: Literal["text", "html", "article"] = "text"

    def to_markdown(self) -> str:
        """The article as YAML front-matter plus a Markdown body."""
        from scrubnews.render import to_markdown

        return to_markdown(self)
