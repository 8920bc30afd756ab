"""Stage 3a, segment: repaired lines to ``Line`` units, dumper markup read.

Dumpers mark structure in their own ways: html2text writes Markdown
(``## Heading``, ``* item``, ``![alt](src)``, ``**bold**``, ``\\.`` escapes), w3m and lynx
indent and bullet list items (``•``, ``☆``, ``◦``), ``> `` quotes. Each
non-empty line becomes one ``Line`` with its kind (paragraph, heading,
list item, quote), its heading level, whether it was an image, and whether
a blank line stood before it. The markers themselves are not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scrubnews.article import BlockKind

_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*")
_BULLET = re.compile(r"[*+•◦○●▪▫■□☆★‣⁃·–-][ \t]+(.*)")
_QUOTE = re.compile(r">[ \t]?(.*)")
# Link text and target stop at the next bracket (html2text escapes those inside a
# target: ``\[``): each match attempt then ends at the next '[' or ']', so a line of
# 10 MB of brackets costs linear time.
_TARGET = r"\((?:[^)\[\]\n\\]|\\.){0,2000}\)"
_IMAGE = re.compile(r"!\[([^\[\]\n]{0,500})\]" + _TARGET)
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]" + _TARGET)
_EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__)(?=\S)([^*_\n]{1,500}?)(?<=\S)\1(?![\w*])")
# Italics: "_By_ Jane Roy", "*Updated*" (not the "_" inside a user name, "Herr_Rein").
_ITALIC = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])([^*_\n]{1,500}?)(?<=[^\s*_\\])\1(?![\w*])")
# Bold or italic marks left over once pairs are read, between words: an icon's empty
# span ("2. Mai __Jane Roy  __1 Kommentar"), a bold span closed after a space ("Von
# **Tomas Spahn **"). An icon opening or closing the line stays: it marks a menu item,
# a button or a video ("__Cookies", "__Fiction Page", "![Alt](src) __").
_STRAY = re.compile(r"(?<=[^\s*_])\s*(?:\*\*+|__+)\s*(?=[^\s*_])|(?<=[^\s*_])\s+\*\*+$")
# A Markdown backslash escape, as html2text writes them ("28\\. Juli", "\\- item").
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A terminal browser's picture placeholder opening a line of text: its alt-text or file
# name in brackets, one word without digits first ("[Image-from] ", "[logo] "), or a
# file name cut to ten characters that opens with a digit ("[6eef5bc5-c] ", not "[12] ").
_PLACEHOLDER = re.compile(
    r"(?:\[[^\W\d][^\[\]\s]{0,29}|\[\d(?=[^\]\s]{0,9}[^\W\d])[^\[\]\s]{5,29})\] (?=[^\s\[])"
)
_SETEXT = re.compile(r"={3,}|-{3,}")


@dataclass
class Line:
    """One non-empty line of the input, with what the dumper told about it.

    ``number`` is 1-based in the decoded input. ``hint`` carries what an HTML
    page states (``"main"`` inside ``<article>``/``<main>``, ``"chrome"``
    inside ``nav``/``footer``/``aside``); dumps leave it empty.
    """

    number: int
    text: str
    kind: BlockKind = "p"
    level: int = 0
    image: bool = False
    gap_before: bool = True
    link_density: float = 0.0
    hint: str = ""


def _strip_markdown(text: str, markdown: bool = False) -> tuple[str, bool]:
    """Inline html2text markup: images to alt-text, links to their text, no bold.

    In a ``markdown`` dump, italics inside the line are read as text too; a
    plain dump's ``*stars*`` stay as typed.
    """
    image = False
    if "](" in text:
        if "![" in text:
            stripped = _IMAGE.sub(lambda m: m.group(1), text)
            image = not _IMAGE.sub("", text).strip()
            text = stripped
        text = _LINK.sub(lambda m: m.group(1), text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(lambda m: m.group(2), text)
        if markdown and ("**" in text or "__" in text):
            text = _STRAY.sub(lambda m: _unstray(m, text), text)
    if markdown and ("_" in text or "*" in text):
        text = _ITALIC.sub(lambda m: m.group(2) if len(m.group()) < len(text) else m.group(), text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text.strip(), image


def _unstray(m: re.Match[str], text: str) -> str:
    """What stands for a stray mark: a space between words, else nothing.

    >>> text = "2. Mai __Jane Roy  __1 Kommentar"
    >>> _STRAY.sub(lambda m: _unstray(m, text), text)
    '2. Mai Jane Roy 1 Kommentar'
    """
    before = text[m.start() - 1 : m.start()]
    after = text[m.end() : m.end() + 1]
    if not before or not after:
        return ""
    if m.group() != m.group().strip() or (before.isalnum() and after.isalnum()):
        return " "
    return ""


def to_line(number: int, text: str, gap_before: bool, markdown: bool = False) -> Line:
    """Read one repaired, non-empty line into a ``Line``.

    >>> to_line(3, "## A heading", True).kind
    'h'
    >>> to_line(4, "* an item", False).text
    'an item'
    """
    kind: BlockKind = "p"
    level = 0
    first = text[0]
    if first == "#":
        m = _HEADING.fullmatch(text)
        if m and m.group(2):
            kind, level, text = "h", len(m.group(1)), m.group(2)
    elif first == ">":
        m = _QUOTE.fullmatch(text)
        if m and m.group(1):
            kind, text = "quote", m.group(1)
    elif not first.isalpha():
        m = _BULLET.fullmatch(text)
        if m and m.group(1):
            kind, text = "li", m.group(1)
    if not markdown and text[:1] == "[":
        m = _PLACEHOLDER.match(text)
        if m is not None:
            text = text[m.end() :]  # "[Image-from] Edward Russell": a picture before the text
    text, image = _strip_markdown(text, markdown)
    return Line(number, text, kind, level, image, gap_before)


def is_markdown(text: str) -> bool:
    """Whether a dump is Markdown (html2text): it links as ``[text](target)``."""
    return "](" in text


def hard_breaks(text: str) -> frozenset[int]:
    """Numbers of the lines that end in a Markdown hard break (two spaces or more).

    html2text writes a ``<br>`` inside a paragraph so: the paragraph goes on
    on the next line. Only in a Markdown dump (one with ``[text](link)``): a
    terminal browser pads table cells with spaces.

    >>> sorted(hard_breaks("It is easier   \\nthan [ever](/a).\\n\\nNext  \\n"))
    [1, 4]
    """
    if "  \n" not in text and "  \r" not in text:
        return frozenset()
    if not is_markdown(text):
        return frozenset()  # no Markdown links: trailing spaces are a layout's padding (w3m)
    return frozenset(
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.endswith("  ") and not line.isspace()
    )


def segment(
    lines: list[str], breaks: frozenset[int] = frozenset(), *, markdown: bool = False
) -> list[Line]:
    """Turn repaired lines (index 0 is input line 1) into ``Line`` units.

    A Markdown setext underline (``===`` or ``---`` under a line) makes the
    line above a heading and is not itself a unit. A paragraph line after a
    hard break (a line number in ``breaks``) continues the paragraph of prose
    above it (six words or more: short lines broken so are bylines and labels).
    """
    units: list[Line] = []
    gap = True
    for index, text in enumerate(lines):
        if not text:
            gap = True
            continue
        if units and not gap and _SETEXT.fullmatch(text) and units[-1].number == index:
            units[-1].kind = "h"
            units[-1].level = 1 if text[0] == "=" else 2
            continue
        line = to_line(index + 1, text, gap, markdown)
        if line.text:
            last = units[-1] if units else None
            if (
                index in breaks
                and not gap
                and last is not None
                and last.kind == "p"
                and line.kind == "p"
                and not last.image
                and not line.image
                and last.text.count(" ") >= 5
                and last.text[-1] not in ".!?:;\"”»)"
                and "|" not in last.text
                and "|" not in line.text
                and not line.text[0].isdigit()
            ):
                last.text += " " + line.text
            else:
                units.append(line)
        gap = False
    return units
