"""The codes ``scrubnews check`` reports, and how selectors choose among them.

Every code has a number (``SN101``) and a kebab-case name
(``boilerplate-line``); selectors accept either, a prefix of the number
(``SN1``, ``SN``) or ``ALL``. Each code is documented in the README under
an anchor made of both (``#sn101-boilerplate-line``), and findings carry
that URL. Groups:

    SN0xx  the file itself: unreadable, not UTF-8, binary
    SN1xx  text: boilerplate, mojibake, replacement characters, repairs
    SN2xx  front-matter: missing, invalid YAML, schema
    SN3xx  body: empty, short, duplicated paragraphs
    SN4xx  ``clean`` would change the file (like ``black --check``)
    SN9xx  suppression comments
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
SEVERITIES: tuple[Severity, ...] = ("warning", "error")  # lowest first

DOCS_URL = "https://github.com/scrubnews/scrubnews/blob/main/README.md"


@dataclass(frozen=True)
class Code:
    """One finding code: ``SN101`` / ``boilerplate-line``, its severity and its help."""

    code: str
    name: str
    severity: Severity
    summary: str
    help: str

    @property
    def anchor(self) -> str:
        return f"{self.code.lower()}-{self.name}"

    @property
    def url(self) -> str:
        return f"{DOCS_URL}#{self.anchor}"


CODES: tuple[Code, ...] = (
    Code(
        "SN001", "unreadable-file", "error", "The file could not be read.",
        "The path does not exist, is not a regular file, or cannot be opened. Nothing else "
        "is checked in it, and the run exits with code 3.",
    ),
    Code(
        "SN002", "invalid-utf8", "error", "The file is not valid UTF-8.",
        "Archived articles are UTF-8. A raw dump in another encoding (cp1252, latin-1, "
        "UTF-16) is still read, as `clean` reads it, and checked further; the finding points "
        "at the first byte that is not UTF-8.",
    ),
    Code(
        "SN003", "binary-file", "error", "The file is binary data, not text.",
        "An image, PDF, archive or other binary file where a dump or article was expected. "
        "`clean` refuses it too.",
    ),
    Code(
        "SN101", "boilerplate-line", "error", "A boilerplate line is still present.",
        "A line matched by one of the boilerplate rules that `clean` drops (share buttons, "
        "alt-text, cookie banners, subscription prompts, copyright footers, …, and the "
        "configuration's `extra-boilerplate` patterns). The message names the rule; "
        "`scrubnews clean --explain` shows the same rules at work.",
    ),
    Code(
        "SN102", "mojibake", "error", "Mojibake is left in the text.",
        "Text that was decoded with the wrong encoding, such as `cityâ€™s` for `city’s`. "
        "`clean` repairs it with ftfy.",
    ),
    Code(
        "SN103", "replacement-character", "error", "A U+FFFD replacement character is present.",
        "The character `�` marks bytes that were lost when the text was decoded. They "
        "cannot be repaired from the text alone: go back to the original bytes.",
    ),
    Code(
        "SN104", "unrepaired-text", "error", "Text that `clean` would repair is present.",
        "HTML entities (`&amp;`, `&#8217;`), control characters, ligatures or full-width "
        "characters that the repair stage of `clean` fixes.",
    ),
    Code(
        "SN201", "missing-front-matter", "error", "The article has no YAML front-matter.",
        "A Markdown article (`.md`) must start with a `---` line, the YAML front-matter, "
        "and a closing `---` line.",
    ),
    Code(
        "SN202", "invalid-front-matter", "error", "The front-matter is not valid YAML.",
        "The front-matter block does not parse as YAML, or is not a mapping of keys to "
        "values. The finding points at the line YAML complains about.",
    ),
    Code(
        "SN203", "schema-mismatch", "error", "A front-matter field does not match the schema.",
        "A required field is missing or a field has the wrong type: `title` not a string, "
        "`date` not a date, `authors` not a list of strings, `source` without `file`, "
        "`sha256` and `encoding`. See the front-matter schema below.",
    ),
    Code(
        "SN204", "empty-title", "warning", "The article has an empty title.",
        "`clean` writes `title: ''` when it finds no headline. The article is valid, but an "
        "archive record without a title is hard to find.",
    ),
    Code(
        "SN301", "empty-body", "error", "The article has no body text.",
        "Nothing below the front-matter, an empty file, or a dump from which `clean` keeps "
        "no article text.",
    ),
    Code(
        "SN302", "short-body", "warning", "The body is very short.",
        "Fewer words than `min-body-words` (default 50): often a teaser, a paywall stub or a "
        "page where the article was not found.",
    ),
    Code(
        "SN303", "duplicate-paragraph", "warning", "A paragraph is repeated word for word.",
        "A paragraph of four or more words that appears earlier in the body (compared by "
        "words, case-folded, as `clean` compares them).",
    ),
    Code(
        "SN401", "would-clean", "error", "`clean` would change this file.",
        "Like `black --check`: the file is a raw dump, or an article that is not exactly "
        "what `clean` writes. `--diff` prints the change as a unified diff.",
    ),
    Code(
        "SN901", "unused-suppression", "warning", "A suppression comment suppresses nothing.",
        "A `<!-- scrubnews: disable-next-line CODE -->` or `disable-file` comment whose "
        "codes did not occur where it applies. Remove it, so it hides no future problem.",
    ),
    Code(
        "SN902", "invalid-suppression", "warning", "A suppression comment cannot be read.",
        "A `<!-- scrubnews: … -->` comment with an unknown directive or an unknown code.",
    ),
)

BY_CODE: dict[str, Code] = {c.code: c for c in CODES}
BY_NAME: dict[str, Code] = {c.name: c for c in CODES}
PREFIX = "SN"


class SelectorError(ValueError):
    """A selector names no code."""


def lookup(key: str) -> Code:
    """The code named ``key`` (``SN101`` or ``boilerplate-line``)."""
    found = BY_CODE.get(key.upper()) or BY_NAME.get(key.lower())
    if found is None:
        raise SelectorError(f"unknown code {key!r}")
    return found


def resolve(selector: str) -> frozenset[str]:
    """The codes a selector chooses.

    >>> sorted(resolve("SN30"))
    ['SN301', 'SN302', 'SN303']
    >>> sorted(resolve("mojibake"))
    ['SN102']
    """
    key = selector.strip()
    if key.upper() == "ALL":
        return frozenset(BY_CODE)
    if key.lower() in BY_NAME:
        return frozenset({BY_NAME[key.lower()].code})
    upper = key.upper()
    if upper == PREFIX or (upper.startswith(PREFIX) and upper[len(PREFIX) :].isdigit()):
        found = frozenset(c for c in BY_CODE if c.startswith(upper))
        if found:
            return found
    raise SelectorError(f"unknown code or prefix {selector!r} (see scrubnews check --list-codes)")


def resolve_all(selectors: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for selector in selectors:
        out |= resolve(selector)
    return frozenset(out)


@dataclass(frozen=True)
class Selection:
    """One layer of choices (configuration file, then command line)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def validate(self) -> None:
        resolve_all((*(self.select or ()), *self.extend_select, *self.ignore))


def enabled(layers: Iterable[Selection]) -> frozenset[str]:
    """The codes that run after applying ``layers`` in order, as ruff does.

    A layer's ``select`` replaces everything chosen before it (earlier
    ignores included); ``extend-select`` adds; ``ignore`` removes.

    >>> sorted(enabled([Selection(ignore=("SN1",)), Selection(select=("SN10",))]))
    ['SN101', 'SN102', 'SN103', 'SN104']
    """
    chosen = set(BY_CODE)
    for layer in layers:
        if layer.select is not None:
            chosen = set(resolve_all(layer.select))
        chosen |= resolve_all(layer.extend_select)
        chosen -= resolve_all(layer.ignore)
    return frozenset(chosen)


def at_least(severity: Severity, threshold: Severity) -> bool:
    """True if ``severity`` is at or above ``threshold``."""
    return SEVERITIES.index(severity) >= SEVERITIES.index(threshold)
