"""Shallow text measures shared by the stages: words, tokens, sentence ends.

A CJK character counts as half a word (one ``\\w+`` run is a whole CJK
sentence, which would make every CJK line look like one word).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
SENTENCE_END = frozenset('.!?…:;"”’»)。！？')
# ASCII bytes: a ``\w`` character stays, any other becomes a space (for ``word_count``).
_ASCII_WORDS = bytes(b if chr(b).isalnum() or b == 0x5F else 0x20 for b in range(128)) + bytes(
    b" " * 128
)


def tokens(text: str) -> list[str]:
    """The ``\\w+`` tokens of ``text``, with two CJK characters counted as one token.

    >>> tokens("Hello, world!")
    ['Hello', 'world']
    """
    if text.isascii() or not _CJK.search(text):
        return _WORD.findall(text)
    return _WORD.findall(_CJK.sub(" ", text)) + ["x"] * ((len(_CJK.findall(text)) + 1) // 2)


def short_text_cache(
    limit: int, maxsize: int = 4096
) -> Callable[[Callable[[str], T]], Callable[[str], T]]:
    """Remember a pure function's answers for texts of up to ``limit`` characters.

    The stages ask about the same short lines many times over; a longer text
    is answered afresh each time, so the cache never keeps a huge line alive
    (its size is bounded by ``maxsize * limit`` characters).

    >>> calls = []
    >>> @short_text_cache(5)
    ... def shout(text: str) -> str:
    ...     calls.append(text)
    ...     return text.upper()
    >>> shout("hey"), shout("hey"), shout("hello!"), shout("hello!")
    ('HEY', 'HEY', 'HELLO!', 'HELLO!')
    >>> calls
    ['hey', 'hello!', 'hello!']
    """

    def decorate(function: Callable[[str], T]) -> Callable[[str], T]:
        cached = functools.lru_cache(maxsize=maxsize)(function)

        @functools.wraps(function)
        def call(text: str) -> T:
            return cached(text) if len(text) <= limit else function(text)

        return call

    return decorate


@short_text_cache(2000, maxsize=16384)
def word_count(text: str) -> int:
    """Words in ``text``; a CJK character counts as half a word.

    Cached for lines up to 2,000 characters: the stages ask for the same
    line's count several times, and a long line is not kept alive as a key.

    >>> word_count("Hello, world!")
    2
    """
    if text.isascii():
        # The ``\w+`` runs of ASCII text are the words left once every other byte
        # is a space: a C-level translate and split, three times ``findall``'s speed.
        return len(text.encode("ascii").translate(_ASCII_WORDS).split())
    cjk = len(_CJK.findall(text))
    if cjk:
        return len(_WORD.findall(_CJK.sub(" ", text))) + (cjk + 1) // 2
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    """True if ``text`` ends like a sentence (a stop, a closing quote, CJK marks)."""
    return bool(text) and text[-1] in SENTENCE_END

