"""Stage 2, repair: mojibake, leftover HTML entities, control characters, NFC.

Text is split into lines first (CRLF, CR and LF all end a line), and ftfy
runs only on the lines a cheap test flags: ftfy over a whole clean
document costs more than the rest of the pipeline together. Curly quotes,
dashes and ellipses are kept as the publisher typed them
(``uncurl_quotes=False``), and so is full-width CJK punctuation
(``fix_character_width=False``). Every line ftfy changes is recorded as a
rewrite named after the fixes it applied.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

import ftfy
import ftfy.badness
import ftfy.fixes
from ftfy.badness import MOJIBAKE_CATEGORIES
from ftfy.chardata import C1_CONTROL_RE, CONTROL_CHARS, LIGATURES

from scrubnews.article import Removal

FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_character_width=False,
    normalization="NFC",
    explain=True,
)

# An HTML entity left in the text: named (&amp;), decimal (&#8217;) or hex (&#x2019;).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# C0/C1 controls (tab kept), DEL, and the characters ftfy's heuristics key on.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Characters that mojibake is made of, and the Latin ligatures ftfy splits (ŉ, ǌ, ﬁ).
_SUSPECT = re.compile(
    r"[\x80-\x9f\u00c2-\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00e2\u00ef\ufffd"
    r"\u0132\u0133\u013f\u0140\u0149\u01c4-\u01cc\u01f1-\u01f3\ufb00-\ufb06]"
)
# Every pattern of ftfy's mojibake heuristic (``ftfy.badness.is_bad``, some 40 alternatives
# tried at each character) needs at least one of these characters: the categories it pairs
# and the letters of its fixed sequences. A line with none of them is never "bad", and one
# character-class scan replaces the heuristic on most lines (tests/test_decode_repair.py
# checks the claim on every pair of the characters the heuristic names).
_BADNESS_KEYS = re.compile(
    "["
    + "".join(
        MOJIBAKE_CATEGORIES[name]
        for name in (
            "c1", "bad", "upper_accented", "box", "start_punctuation", "end_punctuation",
            "currency", "numeric", "law",
        )
    )
    + "ŒœØÙ°²³µ¹¼½¾√≈‚ЂÂÃÎÐВГРСΒΓΞΟ€"
    + "]"
)
# ftfy's badness patterns also each need two non-ASCII characters side by side or a
# character ``_SUSPECT`` already flags (C1 controls, Â, Ã), except ``Œ``/``œ`` alone.
_MAYBE_BAD = re.compile(r"[^\x00-\x7f]{2}|[\u0152\u0153]")

# What each of ftfy's fixers (in ``FTFY_CONFIG``) needs in a line to change it: a fixer
# whose characters are absent would return the line as it is, so it is not called.
_LIGATURE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(LIGATURES)) + "]")
_FTFY_CONTROL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS)) + "]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

_FIX_NAMES = {
    "unescape_html": "html-entities",
    "fix_encoding": "mojibake",
    "decode_inconsistent_utf8": "mojibake",
    "restore_byte_a0": "mojibake",
    "replace_lossy_sequences": "mojibake",
    "fix_c1_controls": "control-characters",
    "remove_control_chars": "control-characters",
    "remove_terminal_escapes": "control-characters",
    "fix_latin_ligatures": "ligatures",
    "fix_character_width": "character-width",
    "fix_surrogates": "surrogates",
}


def needs_ftfy(line: str) -> bool:
    """Cheap test: could ftfy change this line?

    >>> needs_ftfy("plain text, with “curly” quotes")
    False
    >>> needs_ftfy("the cityâ€™s mayor")
    True
    """
    if line.isascii():
        return "&" in line and _ENTITY.search(line) is not None
    return (
        _SUSPECT.search(line) is not None
        or ("&" in line and _ENTITY.search(line) is not None)
        or (
            _BADNESS_KEYS.search(line) is not None
            and _MAYBE_BAD.search(line) is not None
            and ftfy.badness.is_bad(line)
        )
    )


def _may_be_bad(text: str) -> bool:
    """False when ftfy's mojibake heuristic (``ftfy.badness.is_bad``) is surely false."""
    return _SUSPECT.search(text) is not None or (
        _BADNESS_KEYS.search(text) is not None and _MAYBE_BAD.search(text) is not None
    )


Steps = list[tuple[str, str]]


def _apply(name: str, fixer: Callable[[str], str], text: str, steps: Steps) -> str:
    fixed = fixer(text)
    if fixed != text:
        steps.append(("apply", name))
    return fixed


def _fix_encoding(text: str, steps: Steps) -> str:
    """``ftfy.fix_encoding_and_explain``: one re-encoding step after another until none applies.

    A step leaves text that is not "bad" as it is, so the heuristic is asked
    only when ``_may_be_bad``: after a line is fixed, it seldom is.
    """
    while _may_be_bad(text):
        fixed, plan = ftfy._fix_encoding_one_step_and_explain(text, FTFY_CONFIG)
        steps.extend(plan or ())
        if fixed == text:
            break
        text = fixed
    return text


def fix_and_explain(text: str) -> tuple[str, Steps]:
    """``ftfy.fix_and_explain(text, FTFY_CONFIG)``, same text and steps, faster.

    ftfy runs every fixer on every pass, and its pass that finds nothing to
    change repeats them all; here a fixer runs only when the text holds a
    character it acts on, and the mojibake heuristic only when ``_may_be_bad``.
    tests/test_ftfy_cases.py compares the two.

    >>> fix_and_explain("the cityâ€™s mayor")
    ('the city’s mayor', [('encode', 'sloppy-windows-1252'), ('decode', 'utf-8')])
    """
    steps: Steps = []
    unescape = "<" not in text  # ftfy's unescape_html="auto"
    while True:
        original = text
        if unescape and "&" in text:
            text = _apply("unescape_html", ftfy.fixes.unescape_html, text, steps)
        if not text.isascii():
            text = _fix_encoding(text, steps)
            if C1_CONTROL_RE.search(text):
                text = _apply("fix_c1_controls", ftfy.fixes.fix_c1_controls, text, steps)
            if _LIGATURE.search(text):
                text = _apply("fix_latin_ligatures", ftfy.fixes.fix_latin_ligatures, text, steps)
            if _SURROGATE.search(text):
                text = _apply("fix_surrogates", ftfy.fixes.fix_surrogates, text, steps)
        if "\x1b" in text:
            text = _apply("remove_terminal_escapes", ftfy.fixes.remove_terminal_escapes, text,
                          steps)
        if _FTFY_CONTROL.search(text):
            text = _apply("remove_control_chars", ftfy.fixes.remove_control_chars, text, steps)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
            steps.append(("normalize", "NFC"))
        if text == original:
            return text, steps


def _rule_name(explanation: Sequence[tuple[str, str]] | None) -> str:
    """The rule name of a repair, from ftfy's explanation.

    Re-encoding steps (``encode``/``decode``/``transcode``) undo mojibake.

    >>> _rule_name([("apply", "unescape_html"), ("encode", "sloppy-windows-1252"),
    ...             ("decode", "utf-8")])
    'repair:html-entities+mojibake'
    """
    names = []
    for action, fixer in explanation or []:
        if action in ("encode", "decode", "transcode"):
            name = "mojibake"
        else:
            name = _FIX_NAMES.get(fixer, fixer.replace("_", "-"))
        if name not in names:
            names.append(name)
    return "repair:" + "+".join(names or ["text"])


def tidy(line: str) -> str:
    """Whitespace and invisible characters: one space between words, none at the ends.

    >>> tidy("  a\\u00a0\\tb\\u200b  ")
    'a b'
    """
    if not line.isascii():
        if not line.isprintable():  # the zero-width characters are not printable
            line = _ZERO_WIDTH.sub("", line)
        if not unicodedata.is_normalized("NFC", line):
            line = unicodedata.normalize("NFC", line)
    if line.isprintable():
        # The only white space a printable line can hold is the ASCII space: with no
        # two in a row and none at the ends, the line is tidy already.
        if "  " not in line and line[:1] != " " and line[-1:] != " ":
            return line
    else:  # control characters are never printable
        line = _CONTROL.sub("", line)
    # ``str.split`` splits on Unicode white space: NBSP, U+2000-U+200A, U+3000 and the rest.
    return " ".join(line.split())


def repair_line(line: str) -> tuple[str, str | None]:
    """Return the repaired line and the rule name, or ``None`` when only tidied."""
    if needs_ftfy(line):
        fixed, explanation = fix_and_explain(line)
        if fixed != line:
            return tidy(fixed), _rule_name(explanation)
    return tidy(line), None


def repair(text: str) -> tuple[list[str], list[Removal]]:
    """Split ``text`` into repaired lines; return them and the rewrites made."""
    lines: list[str] = []
    rewrites: list[Removal] = []
    for number, raw_line in enumerate(text.splitlines(), start=1):
        if not raw_line or raw_line.isspace():  # half the lines of a dump: nothing to repair
            lines.append("")
            continue
        fixed, rule = repair_line(raw_line)
        if rule is not None:
            rewrites.append(Removal(number, tidy(raw_line), rule, fixed))
        lines.append(fixed)
    return lines, rewrites
