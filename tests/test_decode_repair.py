"""Decoding bytes and repairing text."""

from __future__ import annotations

import codecs

import pytest

import scrubnews
from scrubnews.decode import decode
from scrubnews.errors import BinaryInputError, EmptyInputError
from scrubnews.repair import repair, repair_line

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
