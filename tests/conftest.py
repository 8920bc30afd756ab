"""Shared fixtures: paths to the samples, golden files and (optional) corpora."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

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


def load_script(name: str, folder: str = "scripts") -> ModuleType:
    """``<folder>/<name>.py`` as a module (scripts import one another by name)."""
    if name in sys.modules:
        return sys.modules[name]
    scripts = str(ROOT / folder)
    if scripts not in sys.path:
        sys.path.insert(0, scripts)
    spec = importlib.util.spec_from_file_location(name, ROOT / folder / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
