"""Stage 1, decode: raw bytes to text, never a ``UnicodeDecodeError``.

Order of trust: a byte-order mark (UTF-8, UTF-16, UTF-32); then strict
UTF-8; then an HTML page's own ``charset`` declaration; then cp1252 (the
Windows superset of latin-1 that most legacy Western dumps use); then
latin-1, which decodes any byte. Binary data (NUL bytes without a UTF-16
mark, well-known file signatures) and empty input raise ``InputError``s.
"""

from __future__ import annotations

import codecs
import re

from scrubnews.errors import BinaryInputError, EmptyInputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"RIFF", "RIFF media"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"\x00\x00\x01\x00", "icon"),
)

# A charset declared in the first bytes of an HTML page or XML prolog.
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


# A well-formed multi-byte UTF-8 sequence.
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _line_decode(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return line.decode("cp1252")
        except UnicodeDecodeError:
            return line.decode("latin-1")


def _is_binary(raw: bytes) -> str | None:
    for magic, what in _SIGNATURES:
        if raw.startswith(magic):
            # "MZ" or "BZh" can start a text line; binary only with NULs too.
            if magic in (b"MZ", b"BZh", b"ID3") and b"\x00" not in raw[:1024]:
                continue
            return what
    head = raw[:8192]
    nul = head.count(b"\x00")
    if nul and nul * 100 > len(head):
        return "NUL bytes"
    controls = len(head) - len(head.translate(None, _BINARY_CONTROL_BYTES))
    if controls * 10 > len(head):
        return "control bytes"
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """Name of the UTF-16 byte order if ``raw`` looks like BOM-less UTF-16 text."""
    head = raw[:4096]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) * 0.4 and even == 0:
        return "utf-16-le"
    if even > len(head) * 0.4 and odd == 0:
        return "utf-16-be"
    return None


# Bytes that never occur in text (tab, LF, FF, CR and ESC excepted).
_BINARY_CONTROLS = (1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26)
_BINARY_CONTROL_BYTES = bytes(_BINARY_CONTROLS)


def _declared(raw: bytes) -> str | None:
    m = _CHARSET.search(raw[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(raw: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``raw``.

    >>> decode("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode(codecs.BOM_UTF8 + b"hi")
    ('hi', 'utf-8-sig')
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            text = raw.decode(name, errors="replace")
            if not text.strip():
                raise EmptyInputError()
            return text, name
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return raw.decode(utf16, errors="replace"), utf16
    what = _is_binary(raw)
    if what:
        raise BinaryInputError(what)
    if not raw.strip():
        raise EmptyInputError()
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(_UTF8_SEQ.findall(raw[:65536])) >= 4:
        # Mostly UTF-8 with a few legacy lines pasted in: decode line by line.
        return "".join(_line_decode(line) for line in raw.splitlines(keepends=True)), "utf-8+cp1252"
    declared = _declared(raw)
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return raw.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"
