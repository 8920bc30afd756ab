"""The quality gate: score.py on the development sets, never below the pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import load_script


def test_compare_flags_drops_and_missing_documents() -> None:
    quality = load_script("quality")
    floors = {"aeb scrubnews:dump": {"F1": 0.9, "missing": 0}}
    assert quality.compare(floors, {"aeb scrubnews:dump": {"F1": 0.9, "missing": 0}}) == []
    assert quality.compare(floors, {"aeb scrubnews:dump": {"F1": 0.89, "missing": 0}}) == [
        "aeb scrubnews:dump: F1 0.8900 < floor 0.9000"
    ]
    assert quality.compare(floors, {"aeb scrubnews:dump": {"F1": 0.95, "missing": 2}}) == [
        "aeb scrubnews:dump: 2 documents missing (floor 0)"
    ]
    assert quality.compare(floors, {}) == ["aeb scrubnews:dump: not measured"]


def test_scores_stay_at_or_above_the_floors(corpora: Path) -> None:
    quality = load_script("quality")
    baseline = json.loads(quality.BASELINE.read_text())
    assert baseline["corpus_sha256"] == quality.corpus_hash(corpora), (
        "the corpus changed: re-measure with scripts/quality.py --update"
    )
    rows = quality.measure(corpora)
    assert set(rows) == set(baseline["floors"])
    assert quality.compare(baseline["floors"], rows) == []
