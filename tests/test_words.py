"""Word counts: the ASCII fast path counts exactly the ``\\w+`` runs."""

from __future__ import annotations

import itertools
import re

from scrubnews.words import word_count

_WORD = re.compile(r"\w+")
_ASCII = "".join(map(chr, range(128)))


def test_ascii_count_matches_regex_on_every_pair_of_characters() -> None:
    for a, b in itertools.product(_ASCII, repeat=2):
        text = f"{a}{b} x{a}y {b}_z9"
        assert word_count(text) == len(_WORD.findall(text)), repr(text)


def test_counts_of_plain_and_non_ascii_lines() -> None:
    assert word_count("By Nick Mann in Liverpool | 5 July 2012") == 8
    assert word_count("snake_case, 3.14 and a-b") == 6
    assert word_count("") == 0
    assert word_count("café au lait") == 3
    assert word_count("東京都") == 2  # three CJK characters: one and a half words, rounded up
