"""Shared fixtures: paths to the samples, golden files and (optional) corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLDEN = ROOT / "tests" / "golden"
CORPORA = ROOT.parent / "shared" / "corpora"


@pytest.fixture
def corpora() -> Path:
    """The evaluation corpora beside the project; the test skips when they are absent."""
    if not (CORPORA / "score.py").exists():
        pytest.skip("../shared/corpora is not present")
    return CORPORA
