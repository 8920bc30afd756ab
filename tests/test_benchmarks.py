"""The speed benchmark's stage breakdown: every stage timed, nothing left patched."""

from __future__ import annotations

import pytest

from scrubnews import pipeline, structure

from .conftest import SAMPLES, load_script


def test_stage_breakdown_times_each_stage_and_restores_the_pipeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    speed = load_script("speed", "benchmarks")
    samples = sorted(p for p in SAMPLES.rglob("*.txt") if p.is_file())
    assert samples
    monkeypatch.setattr(speed, "_files", lambda kind: samples if kind == "dump" else [])
    originals = (pipeline.repair, pipeline.sort_lines, structure._authors)
    spent = speed.stages()
    assert set(spent) == {label for label, _m, _a in speed.STAGES} | {"all"}
    assert all(seconds >= 0.0 for seconds in spent.values())
    assert spent["all"] > 0.0
    top = [label for label, _m, _a in speed.STAGES if not label.startswith(" ")]
    assert sum(spent[label] for label in top) <= spent["all"] + 1e-6
    assert (pipeline.repair, pipeline.sort_lines, structure._authors) == originals


def test_stage_names_point_at_real_functions() -> None:
    import importlib

    speed = load_script("speed", "benchmarks")
    for _label, module_name, attribute in speed.STAGES:
        owner: object = importlib.import_module(module_name)
        for part in attribute.split("."):
            owner = getattr(owner, part)
        assert callable(owner)

