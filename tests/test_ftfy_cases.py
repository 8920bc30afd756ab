"""Repair on ftfy's own test cases: the cheap pre-test never skips a line ftfy would fix."""

from __future__ import annotations

import json
from pathlib import Path

import ftfy
import pytest

from scrubnews.repair import FTFY_CONFIG, repair_line, tidy


def _cases(corpora: Path) -> list[dict[str, str]]:
    cases: list[dict[str, str]] = []
    for name in ("in-the-wild.json", "synthetic.json", "negative.json"):
        path = corpora / "ftfy-cases" / name
        if path.exists():
            cases += json.loads(path.read_text(encoding="utf-8"))
    return cases


def test_repair_agrees_with_ftfy_on_every_case(corpora: Path) -> None:
    cases = _cases(corpora)
    assert len(cases) > 100
    config = FTFY_CONFIG._replace(explain=False)
    disagree = []
    for case in cases:
        original = case["original"]
        expected = tidy(ftfy.fix_text(original, config))
        got, _rule = repair_line(original)
        if got != expected:
            disagree.append(original)
    assert disagree == []


def test_repair_fixes_the_mojibake_of_most_wild_cases(corpora: Path) -> None:
    wild = json.loads((corpora / "ftfy-cases" / "in-the-wild.json").read_text(encoding="utf-8"))
    fixed = 0
    for case in wild:
        got, _rule = repair_line(case["original"])
        # Quotes are kept curly on purpose; compare with them straightened.
        straight = got.translate(str.maketrans("‘’“”„", "''\"\"\""))
        if straight == " ".join(case["fixed"].split()):
            fixed += 1
    if not wild:
        pytest.fail("no cases")
    assert fixed / len(wild) >= 0.85


def test_fix_and_explain_is_ftfys(corpora: Path) -> None:
    """The guarded fix loop gives ftfy's text and steps, on ftfy's cases and corpus lines."""
    from scrubnews.decode import decode
    from scrubnews.repair import fix_and_explain

    lines = [case["original"] for case in _cases(corpora)]
    for path in sorted(corpora.glob("*/dump/*.txt"))[::7]:
        if path.read_bytes().strip():
            lines += [ln for ln in decode(path.read_bytes())[0].splitlines() if not ln.isascii()]
    assert len(lines) > 1000
    differ = []
    for line in lines:
        expected = ftfy.fix_and_explain(line, FTFY_CONFIG)
        got = fix_and_explain(line)
        if (expected.text, [tuple(s) for s in expected.explanation or []]) != got:
            differ.append(line)
    assert differ == []
