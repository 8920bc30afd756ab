"""Decoding bytes and repairing text."""

from __future__ import annotations

import codecs
import random
import re
import unicodedata
from pathlib import Path

import pytest

import scrubnews
from scrubnews.decode import decode
from scrubnews.errors import BinaryInputError, EmptyInputError
from scrubnews.repair import _BADNESS_KEYS, _MAYBE_BAD, _SUSPECT, repair, repair_line, tidy

TEXT = "Zürich’s café — “quoted” … naïve"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_decode(raw: bytes, encoding: str) -> None:
    assert decode(raw) == (TEXT, encoding)


def test_latin1_bytes_undefined_in_cp1252() -> None:
    text, encoding = decode(b"caf\xe9 \x81")
    assert encoding == "latin-1"
    assert text.startswith("café")


def test_mostly_utf8_with_a_legacy_line() -> None:
    raw = "Zürich “one”\n".encode() * 3 + "café\n".encode("cp1252")
    text, encoding = decode(raw)
    assert encoding == "utf-8+cp1252"
    assert text.splitlines() == ["Zürich “one”"] * 3 + ["café"]


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"\x00\x01\x02\x03" * 100, "NUL bytes"),
    ],
)
def test_binary_is_refused(raw: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError, match=what):
        decode(raw)


@pytest.mark.parametrize("raw", [b"", b"   \n\r\n\t ", codecs.BOM_UTF8])
def test_empty_is_refused(raw: bytes) -> None:
    with pytest.raises(EmptyInputError):
        scrubnews.clean(raw)


def test_mojibake_repaired_and_recorded() -> None:
    fixed, rule = repair_line("The cityâ€™s mayor said â€œnoâ€\x9d.")
    assert fixed == "The city’s mayor said “no”."
    assert rule == "repair:mojibake"


def test_entities_repaired_quotes_kept() -> None:
    fixed, rule = repair_line("It&#8217;s &ldquo;fine&rdquo;&nbsp;&amp; done")
    assert fixed == "It’s “fine” & done"
    assert rule == "repair:html-entities"


def test_clean_lines_are_left_alone() -> None:
    assert repair_line("“Curly” quotes — and dashes…") == ("“Curly” quotes — and dashes…", None)


def test_crlf_control_characters_and_nfc() -> None:
    lines, rewrites = repair("one\r\ntwo\x07\rthre\u0065\u0301\n")
    assert lines == ["one", "two", "thre\u00e9"]
    assert rewrites == []


def _badness_alphabet() -> list[str]:
    """Every non-ASCII character ftfy's mojibake heuristic names, and some ASCII."""
    from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES

    named = re.compile("[" + "".join(MOJIBAKE_CATEGORIES.values()) + "]")
    chars = {chr(c) for c in range(0x80, 0x10000) if named.match(chr(c))}
    chars |= {c for c in BADNESS_RE.pattern if ord(c) > 0x7F}
    return sorted(chars | set("aZx .,?!1"))


def _may_be_bad(text: str) -> bool:
    """The cheap tests ``needs_ftfy`` runs before ftfy's own heuristic."""
    return _SUSPECT.search(text) is not None or (
        _BADNESS_KEYS.search(text) is not None and _MAYBE_BAD.search(text) is not None
    )


def test_badness_keys_cover_every_mojibake_pattern() -> None:
    """Every string ftfy finds "bad" passes the cheap tests.

    Every pair of the characters the heuristic names, random strings of three
    to six of them (its longest patterns), and the same without the key
    characters (the gate must leave most of the heuristic's letters alone).
    """
    from ftfy.badness import is_bad

    alphabet = _badness_alphabet()
    free = [c for c in alphabet if not _BADNESS_KEYS.search(c)]
    assert len(free) > 150
    missed = [a + b for a in alphabet for b in alphabet if is_bad(a + b) and not _may_be_bad(a + b)]
    assert missed == []
    rng = random.Random(5)
    for letters in (alphabet, free):
        strings = ("".join(rng.choices(letters, k=rng.randint(3, 6))) for _ in range(100_000))
        assert [s for s in strings if is_bad(s) and not _may_be_bad(s)] == []


def test_badness_keys_on_corpus_lines(corpora: Path) -> None:
    from ftfy.badness import is_bad

    missed = []
    for path in sorted(corpora.glob("*/dump*/*.txt")):
        if not path.read_bytes().strip():
            continue
        text, _encoding = decode(path.read_bytes())
        missed += [ln for ln in text.splitlines() if is_bad(ln) and not _may_be_bad(ln)]
    assert missed == []


def test_tidy_matches_the_white_space_pattern_on_every_character() -> None:
    """``tidy`` splits on ``str.isspace``; it must agree with a Unicode ``\\s`` pattern."""
    space = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
    control = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for code in range(0x3001):
        line = unicodedata.normalize("NFC", f" {chr(code)}a{chr(code)}{chr(code)}b {chr(code)}")
        expected = space.sub(" ", control.sub("", line)).strip()
        if code in (0x200B, 0x200C, 0x200D, 0x2060, 0xAD):  # zero-width: removed
            expected = "ab"
        assert tidy(line) == expected, hex(code)


def test_tidy_leaves_a_tidy_line_and_splits_any_other_white_space() -> None:
    """A printable line without doubled or outer spaces is returned as it is; every
    other white space character (``str.isspace``) is still read as a word break."""
    control = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for code in range(0x110000):
        char = chr(code)
        if char in "\u200b\u200c\u200d\u2060\ufeff\u00ad" or 0xD800 <= code <= 0xDFFF:
            continue
        line = unicodedata.normalize("NFC", f"a{char}b")
        tidied = tidy(line)
        if char.isspace():
            assert char == " " or not line.isprintable()
            assert tidied == ("ab" if control.match(char) else "a b"), hex(code)
        elif line.isprintable():
            assert tidied == line, hex(code)
