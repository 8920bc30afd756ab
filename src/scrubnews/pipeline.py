"""The cleaning pipeline, in order: the table of contents of scrubnews.

    1. decode       bytes -> text, encoding recorded          (decode.py)
    2. repair       mojibake, entities, controls, NFC; lines  (repair.py)
       (an input that is already a scrubnews article is read back as it is:
        reread.py; cleaning a cleaned file changes nothing)
    3. segment      lines -> units, dumper markup read         (segment.py)
       HTML pages become units too, plus page metadata         (html.py)
    4. boilerplate  line rules, article core, tail             (boilerplate.py, rules.py)
    5. structure    headline, standfirst, byline, date, body   (structure.py)
    6. render       YAML front-matter + Markdown               (render.py, on demand)

``clean`` is pure: bytes and a config in, an ``Article`` out; no files.
"""

from __future__ import annotations

import hashlib

from scrubnews.article import Article, Removal, Source
from scrubnews.boilerplate import sort_lines
from scrubnews.config import DEFAULT, Config
from scrubnews.decode import decode
from scrubnews.errors import TooLargeInputError
from scrubnews.repair import repair
from scrubnews.reread import is_article, reread, split_front_matter
from scrubnews.segment import hard_breaks, is_markdown, segment
from scrubnews.structure import PageMeta, structure


def clean(raw: bytes, config: Config | None = None, *, name: str = "-") -> Article:
    """Clean one raw input (a text dump or an HTML page) into an ``Article``.

    ``name`` is recorded in the front-matter as the source file name.
    Raises ``InputError`` (empty, binary, too large) for input that cannot be cleaned.
    """
    config = config or DEFAULT
    if len(raw) > config.max_input_bytes:
        raise TooLargeInputError(config.max_input_bytes)
    text, encoding = decode(raw)
    if text.startswith("---"):
        found = split_front_matter(text.replace("\r\n", "\n"))
        if found is not None and is_article(found[0]):
            return reread(*found)
    source = Source(name, hashlib.sha256(raw).hexdigest(), encoding)

    from scrubnews.html import looks_like_html, page_units

    kind: str
    meta: PageMeta | None = None
    removals: list[Removal]
    if looks_like_html(text):
        units, meta, removals = page_units(text)
        kind = "html"
    else:
        lines, removals = repair(text)
        units = segment(lines, hard_breaks(text), markdown=is_markdown(text))
        kind = "text"

    sorted_lines = sort_lines(units, config, page=meta is not None)
    found_structure = structure(sorted_lines, meta)
    used = found_structure.used
    outside = [
        Removal(line.number, line.text, rule)
        for line, rule in sorted_lines.outside
        if line.number not in used
    ]
    all_removals = sorted(
        removals + sorted_lines.removals + found_structure.removals + outside,
        key=lambda r: (r.line, r.replacement is None),
    )
    return Article(
        source=source,
        title=found_structure.title,
        standfirst=found_structure.standfirst,
        authors=found_structure.authors,
        location=found_structure.location,
        date=found_structure.date,
        extra=found_structure.extra,
        body=found_structure.body,
        removals=all_removals,
        kind="html" if kind == "html" else "text",
    )
