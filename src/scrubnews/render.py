"""Stage 5, render: an ``Article`` to YAML front-matter plus CommonMark.

The front-matter is written by ``yaml.safe_dump`` (never by hand), through
libyaml's emitter when it writes the very same bytes (see ``dump_yaml``). Body
text is escaped so that a CommonMark renderer gives back exactly the
article's text: backslashes, backticks, emphasis and link characters,
``<``, ``|`` and entity-like ``&`` everywhere; ``#``, ``>``, ``-``, ``+``,
``=`` and ``1.`` where they would start a block. ``reread`` inverts this.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from scrubnews.article import Article, Block

_INLINE = re.compile(r"([\\`*\[\]<|~])")
_UNDERSCORES = re.compile(r"_+")
_ENTITY_AMP = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ORDERED = re.compile(r"(\d{1,9})([.)])")
_HEADING_END = re.compile(r"(?<= )(#+)$")

# libyaml's emitter is about five times faster than PyYAML's and writes the same bytes,
# except that it escapes NEL and characters beyond U+FFFF (emoji) where PyYAML writes
# them as they are, and that it folds differently near the line width. Strings holding
# those characters, line breaks, or over 4,000 characters go through PyYAML's emitter.
# tests/test_render.py compares the two.
_CSAFE_DUMPER: type[yaml.SafeDumper] | None = getattr(yaml, "CSafeDumper", None)
_LIBYAML_DIFFERS = re.compile("[\n\r\x85\u2028\u2029\U00010000-\U0010ffff]")
_LIBYAML_MAX_CHARS = 4000


def _libyaml_safe(value: object) -> bool:
    """True if libyaml writes ``value`` exactly as PyYAML's emitter does."""
    if isinstance(value, str):
        return len(value) <= _LIBYAML_MAX_CHARS and _LIBYAML_DIFFERS.search(value) is None
    if isinstance(value, dict):
        return all(_libyaml_safe(k) and _libyaml_safe(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_libyaml_safe(item) for item in value)
    return True


def dump_yaml(data: dict[str, Any]) -> str:
    """``yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)``, fast."""
    if _CSAFE_DUMPER is not None and _libyaml_safe(data):
        return yaml.dump(
            data, Dumper=_CSAFE_DUMPER, sort_keys=False, allow_unicode=True, width=10_000
        )
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


def escape(text: str, *, heading: bool = False) -> str:
    """Escape ``text`` so that CommonMark reads it as plain inline text.

    >>> escape("# not a heading")
    '\\\\# not a heading'
    >>> escape("1. not a list, *really*")
    '1\\\\. not a list, \\\\*really\\\\*'
    """
    out = _INLINE.sub(r"\\\1", text)
    if "_" in out:
        out = _UNDERSCORES.sub(_underscores, out)
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


def _underscores(m: re.Match[str]) -> str:
    """A run of underscores, escaped unless it sits inside a word ("snake_case").

    Between two letters or digits a run can neither open nor close emphasis
    in CommonMark, so it reads back as it is written.
    """
    text, start, end = m.string, m.start(), m.end()
    if start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
        return m.group()
    return "\\_" * (end - start)


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


def to_markdown(article: Article) -> str:
    """The whole output file: ``---``, YAML, ``---``, a blank line, the body."""
    meta = dump_yaml(front_matter(article))
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
