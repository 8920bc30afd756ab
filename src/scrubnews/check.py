"""``check``: what is wrong with a raw dump or a cleaned article, as findings.

Nothing here writes a file. ``check_bytes`` is pure (bytes in, findings
out); ``check_path`` adds reading. The checks reuse the core, never a copy
of it:

    decode        SN002 not UTF-8, SN003 binary, SN301 empty  (decode.py)
    every line    SN103 U+FFFD; SN102/SN104 what repair fixes  (repair.py)
    a raw dump    ``clean`` runs; its recorded removals give SN101 (line rules),
                  SN102/SN104 (repairs), SN303 (repeats); SN401 always
    an article    front-matter SN201-SN204 (schema.py); body blocks read back
                  as ``reread`` reads them: SN101 (rules.match_line), SN303,
                  SN301/SN302; SN401 when ``clean`` would rewrite it

A file is an article when its name ends in ``.md``/``.markdown`` or it
starts with scrubnews front-matter; anything else is a raw dump.

In an article, ``<!-- scrubnews: disable-next-line CODE... -->`` on its own
line suppresses those codes (all codes when none is given) on the next
non-blank line, and ``<!-- scrubnews: disable-file CODE... -->`` in the
whole file. A suppression that suppresses nothing is SN901.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scrubnews.article import Block
from scrubnews.boilerplate import glued_alt
from scrubnews.codes import BY_CODE, Code, SelectorError, Severity, resolve
from scrubnews.config import DEFAULT, Config
from scrubnews.decode import decode
from scrubnews.errors import BinaryInputError, EmptyInputError
from scrubnews.pipeline import clean
from scrubnews.repair import needs_ftfy, repair_line
from scrubnews.reread import SAFE_LOADER, front_matter_block, is_article, parse_body
from scrubnews.rules import BY_NAME as LINE_RULES
from scrubnews.rules import compile_extra, match_line
from scrubnews.schema import problems
from scrubnews.structure import _norm as paragraph_key
from scrubnews.words import word_count

ARTICLE_SUFFIXES = frozenset({".md", ".markdown"})
_SNIPPET = 70
_MIN_REPEAT_WORDS = 4  # as structure._body: shorter repeats ("Read more") are not paragraphs

@dataclass(frozen=True)
class Finding:
    """One problem: its code, where it is (line and column 1-based, or ``None``), what."""

    code: Code
    path: str
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def severity(self) -> Severity:
        return self.code.severity


@dataclass(frozen=True)
class Options:
    """What a check run looks for; built once at the CLI boundary."""

    config: Config = DEFAULT
    min_body_words: int = 50
    diff: bool = False


@dataclass
class FileResult:
    """The findings for one file, its diff (``--diff``), and whether it could be read."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    diff: str | None = None
    unreadable: bool = False


def _count(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…")


class _Collector:
    def __init__(self, path: str) -> None:
        self.path = path
        self.findings: list[Finding] = []

    def add(self, code: str, message: str, line: int | None = None,
            column: int | None = None) -> None:
        if line is not None and column is None:
            column = 1
        self.findings.append(Finding(BY_CODE[code], self.path, message, line, column))


# --- entry points -------------------------------------------------------------------------


def check_path(path: Path, options: Options, display: str | None = None) -> FileResult:
    """Read ``path`` and check it; an unreadable file is a finding, never an exception."""
    display = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = "is a folder" if isinstance(exc, IsADirectoryError) else (
            exc.strerror or str(exc)).lower()
        finding = Finding(BY_CODE["SN001"], display, f"cannot read file: {reason}")
        return FileResult(display, [finding], unreadable=True)
    return check_bytes(raw, display, options, name=path.name)


def check_bytes(raw: bytes, display: str, options: Options, *,
                name: str | None = None) -> FileResult:
    """Check one file's bytes. ``name`` (default: from ``display``) decides the kind."""
    name = name or Path(display).name
    out = _Collector(display)
    result = FileResult(display)
    try:
        text, encoding = decode(raw)
    except BinaryInputError as exc:
        out.add("SN003", str(exc).split(",")[0])
        result.findings = out.findings
        return result
    except EmptyInputError:
        out.add("SN301", "empty file: no text at all")
        result.findings = out.findings
        return result
    if encoding not in ("utf-8", "utf-8-sig"):
        _not_utf8(out, raw, encoding)
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        column = line.find("\ufffd")
        if column >= 0:
            count = line.count("\ufffd")
            out.add("SN103", f"{count} replacement character{'s' if count > 1 else ''} (U+FFFD)",
                    number, column + 1)
    if Path(name).suffix.lower() in ARTICLE_SUFFIXES or _starts_article(text):
        result.diff = _check_article(out, raw, text, name, options)
    else:
        result.diff = _check_dump(out, raw, text, name, options)
    result.findings = out.findings
    return result


def _starts_article(text: str) -> bool:
    block = front_matter_block(text.replace("\r\n", "\n")) if text.startswith("---") else None
    if block is None:
        return False
    data = _load_yaml(block[0])
    return isinstance(data, dict) and is_article(data)


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError:
        return None


def _not_utf8(out: _Collector, raw: bytes, encoding: str) -> None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        start = exc.start
        line = raw.count(b"\n", 0, start) + 1
        column = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        out.add("SN002", f"not valid UTF-8 (byte 0x{raw[start]:02x}); read as {encoding}",
                line, column)


# --- raw dumps ----------------------------------------------------------------------------


def _check_dump(out: _Collector, raw: bytes, text: str, name: str, options: Options) -> str | None:
    """A raw dump: what ``clean`` drops or repairs in it is what is wrong with it."""
    article = clean(raw, options.config, name=name)
    numbered = article.kind == "text"  # HTML removals count blocks, not lines
    for removal in article.removals:
        line = removal.line if numbered and removal.line > 0 else None
        rule = removal.rule
        if rule in LINE_RULES or rule == "glued-alt-text":
            out.add("SN101", f"boilerplate line ({rule}): {_snippet(removal.text)}", line)
        elif rule.startswith("repair:"):
            code = "SN102" if "mojibake" in rule else "SN104"
            fixes = rule.removeprefix("repair:").replace("+", ", ")
            out.add(code, f"{fixes}: {_snippet(removal.text)}", line)
    _body_size(out, article.body, options, "clean keeps")
    dropped = sum(1 for r in article.removals if r.dropped)
    rewritten = len(article.removals) - dropped
    cleaned = article.to_markdown()
    out.add("SN401", f"clean would change this raw {article.kind} dump "
            f"({_count(dropped, 'line')} dropped, {rewritten} rewritten)")
    return _diff(text, cleaned, out.path) if options.diff else None


def _body_size(out: _Collector, body: Iterable[Block], options: Options, what: str) -> None:
    words = sum(word_count(block.text) for block in body)
    if words == 0:
        out.add("SN301", f"{what} no body text")
    elif words < options.min_body_words:
        out.add("SN302", f"{what} {words} body words (fewer than {options.min_body_words})")


def _diff(before: str, after: str, path: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.replace("\r\n", "\n").splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=path,
            tofile=f"{path} (cleaned)",
        )
    )


# --- articles -----------------------------------------------------------------------------


@dataclass
class _Suppression:
    line: int
    directive: str
    selectors: dict[str, frozenset[str]] | None  # as written -> codes; None: every code
    target: int | None = None  # the line it applies to (disable-next-line)
    used: set[str] = field(default_factory=set)  # codes it suppressed

    def covers(self, finding: Finding) -> bool:
        if self.directive == "disable-next-line" and finding.line != self.target:
            return False
        code = finding.code.code
        return self.selectors is None or any(code in c for c in self.selectors.values())

    def unused(self) -> list[str]:
        """The selectors (as written) that suppressed nothing; ``["*"]`` for a bare one."""
        if self.selectors is None:
            return [] if self.used else ["*"]
        return [word for word, codes in self.selectors.items() if not codes & self.used]


_DIRECTIVES = ("disable-next-line", "disable-file")


def _suppression(out: _Collector, number: int, line: str) -> _Suppression | None:
    """The suppression comment on ``line``, if it holds one (a bad one is SN902)."""
    stripped = line.strip()
    if not (stripped.startswith("<!--") and stripped.endswith("-->")):
        return None
    inner = stripped[4:-3].strip()
    if not inner.startswith("scrubnews:"):
        return None
    words = inner.removeprefix("scrubnews:").replace(",", " ").split()
    if not words or words[0] not in _DIRECTIVES:
        got = words[0] if words else "nothing"
        out.add("SN902", f"unknown suppression directive {got!r} "
                f"(use {' or '.join(_DIRECTIVES)})", number)
        return _Suppression(number, "invalid", {})
    try:
        selectors = {word: resolve(word) for word in words[1:]} if words[1:] else None
    except SelectorError as exc:
        out.add("SN902", str(exc), number)
        return _Suppression(number, "invalid", {})
    return _Suppression(number, words[0], selectors)


def _check_article(out: _Collector, raw: bytes, text: str, name: str,
                   options: Options) -> str | None:
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    block = front_matter_block(text)
    body_start = 1
    if block is None:
        out.add("SN201", "no YAML front-matter: the file must start with a '---' line"
                if not text.startswith("---") else "front-matter is not closed by a '---' line", 1)
        body = text
    else:
        yaml_text, body = block
        body_start = yaml_text.count("\n") + 3
        _front_matter(out, yaml_text, lines)

    suppressions: list[_Suppression] = []
    kept_lines: list[str] = []  # the body without suppression comments
    numbers: list[int] = []
    for offset, line in enumerate(body.split("\n")):
        number = body_start + offset
        found = _suppression(out, number, line)
        if found is not None:
            suppressions.append(found)
            continue
        kept_lines.append(line)
        numbers.append(number)
    for number, line in zip(numbers, kept_lines, strict=True):
        _repairs(out, number, line)
    for number, line in enumerate(lines[: body_start - 1], start=1):
        _repairs(out, number, line)
    for sup in suppressions:
        if sup.directive == "disable-next-line":
            sup.target = next((n for n, ln in zip(numbers, kept_lines, strict=True)
                               if n > sup.line and ln.strip()), None)

    blocks = _blocks(kept_lines, numbers)
    _body(out, blocks, options)

    comparable = _without_comments(lines, {s.line for s in suppressions})
    cleaned = clean(comparable.encode("utf-8"), options.config, name=name).to_markdown()
    cleaned = _keep_version(cleaned, lines[: body_start - 1])
    diff = None
    if cleaned != comparable:
        out.add("SN401", "clean would rewrite this article")
        if options.diff:
            diff = _diff(comparable, cleaned, out.path)
    out.findings = _apply_suppressions(out, suppressions)
    return diff


def _front_matter(out: _Collector, yaml_text: str, lines: list[str]) -> None:
    try:
        data = yaml.load(yaml_text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
        line = mark.line + 2 if mark is not None else 2
        column = mark.column + 1 if mark is not None else 1
        out.add("SN202", f"front-matter is not valid YAML: {problem}", line, column)
        return
    if not isinstance(data, dict):
        out.add("SN202", f"front-matter must be a mapping of keys to values, "
                f"not {type(data).__name__ if data is not None else 'empty'}", 2)
        return
    end = yaml_text.count("\n") + 1
    for key, message in problems(data):
        out.add("SN203", message, _key_line(lines, key, end))
    if data.get("title") == "":
        out.add("SN204", "title is empty", _key_line(lines, "title", end))


def _key_line(lines: list[str], key: str, end: int) -> int | None:
    """The front-matter line (1-based) that starts with ``key:``."""
    for number in range(2, min(end, len(lines)) + 1):
        if lines[number - 1].startswith(f"{key}:"):
            return number
    return None


def _repairs(out: _Collector, number: int, line: str) -> None:
    if not needs_ftfy(line):
        return
    fixed, rule = repair_line(line)
    if rule is not None:
        code = "SN102" if "mojibake" in rule else "SN104"
        out.add(code, f"{rule.removeprefix('repair:').replace('+', ', ')}: {_snippet(line)}"
                f" → {_snippet(fixed)}", number)


def _blocks(lines: list[str], numbers: list[int]) -> list[tuple[int, Block]]:
    """Body blocks as ``reread`` reads them, each with its first line number."""
    out: list[tuple[int, Block]] = []
    chunk: list[int] = []
    for index in [*range(len(lines)), -1]:
        if index >= 0 and lines[index].strip():
            chunk.append(index)
            continue
        if chunk:
            blocks = parse_body("\n".join(lines[i] for i in chunk))
            if len(blocks) == len(chunk):
                out.extend((numbers[i], b) for i, b in zip(chunk, blocks, strict=True))
            else:
                out.extend((numbers[chunk[0]], b) for b in blocks)
            chunk = []
    return out


def _body(out: _Collector, blocks: list[tuple[int, Block]], options: Options) -> None:
    extra = compile_extra(options.config.extra_boilerplate)
    seen: dict[str, int] = {}
    for number, block in blocks:
        if block.kind == "pre":
            continue
        rule = match_line(block.text, extra)
        if rule is None and glued_alt(block.text) is not None:
            rule = "glued-alt-text"
        if rule is not None:
            out.add("SN101", f"boilerplate line ({rule}): {_snippet(block.text)}", number)
        key = paragraph_key(block.text)
        if key in seen and word_count(block.text) >= _MIN_REPEAT_WORDS:
            out.add("SN303", f"paragraph repeats line {seen[key]}: {_snippet(block.text)}",
                    number)
        seen.setdefault(key, number)
    _body_size(out, (b for _, b in blocks), options, "the article has")


def _keep_version(cleaned: str, front: list[str]) -> str:
    """``cleaned`` with the article's own ``scrubnews:`` version line.

    ``clean`` stamps its own version; a file written by an earlier version
    is not for that reason a file ``clean`` would change.
    """
    own = next((line for line in front if line.startswith("scrubnews: ")), None)
    if own is None:
        return cleaned
    head, sep, body = cleaned.partition("\n---\n")
    stamped = [own if line.startswith("scrubnews: ") else line for line in head.split("\n")]
    return "\n".join(stamped) + sep + body


def _without_comments(lines: list[str], comment_lines: set[int]) -> str:
    """The article without suppression comments (and the blank line each leaves)."""
    kept: list[str] = []
    skip_blank = False
    for number, line in enumerate(lines, start=1):
        if number in comment_lines:
            skip_blank = bool(kept) and kept[-1] == ""
            continue
        if skip_blank and line == "":
            skip_blank = False
            continue
        skip_blank = False
        kept.append(line)
    return "\n".join(kept)


def _apply_suppressions(out: _Collector, suppressions: list[_Suppression]) -> list[Finding]:
    if not suppressions:
        return out.findings
    kept: list[Finding] = []
    for finding in out.findings:
        hit = next((s for s in suppressions if s.directive in _DIRECTIVES and s.covers(finding)),
                   None)
        if hit is None:
            kept.append(finding)
        else:
            hit.used.add(finding.code.code)
    for sup in suppressions:
        unused = sup.unused() if sup.directive in _DIRECTIVES else []
        if unused == ["*"]:
            kept.append(Finding(BY_CODE["SN901"], out.path,
                                "suppression comment suppresses nothing", sup.line, 1))
        elif unused:
            kept.append(Finding(BY_CODE["SN901"], out.path,
                                f"unused suppression: {', '.join(unused)}", sup.line, 1))
    return kept


def select(findings: Iterable[Finding], codes: frozenset[str]) -> list[Finding]:
    """The findings whose code is in ``codes``, ordered by line then code."""
    chosen = [f for f in findings if f.code.code in codes]
    return sorted(chosen, key=lambda f: (f.line or 0, f.column or 0, f.code.code))

