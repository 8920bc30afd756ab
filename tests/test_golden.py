"""Golden cases: every sample cleans to its golden file, by library and by CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import scrubnews
from scrubnews.cli import main
from scrubnews.reread import split_front_matter

from .conftest import GOLDEN, SAMPLES

CASES = sorted(p for p in SAMPLES.iterdir() if not p.name.startswith("."))


def golden(sample: Path) -> str:
    return (GOLDEN / (sample.stem + ".md")).read_text(encoding="utf-8")


def test_every_sample_has_a_golden_file() -> None:
    assert len(CASES) >= 9
    for sample in CASES:
        assert (GOLDEN / (sample.stem + ".md")).exists(), sample.name


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_library(sample: Path) -> None:
    article = scrubnews.clean(sample.read_bytes(), name=sample.name)
    assert article.to_markdown() == golden(sample)


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_cli_from_file(sample: Path) -> None:
    result = CliRunner().invoke(main, ["clean", str(sample)])
    assert result.exit_code == 0, result.output
    assert result.stdout == golden(sample)


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_cli_from_stdin(sample: Path) -> None:
    result = CliRunner().invoke(main, ["clean", "-"], input=sample.read_bytes())
    assert result.exit_code == 0, result.output
    expected = golden(sample).replace(f"  file: {sample.name}\n", "  file: '-'\n", 1)
    assert result.stdout == expected


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_cleaning_a_cleaned_article_changes_nothing(sample: Path) -> None:
    once = scrubnews.clean(sample.read_bytes(), name=sample.name).to_markdown()
    twice = scrubnews.clean(once.encode("utf-8"), name="again.md").to_markdown()
    assert twice == once


@pytest.mark.parametrize("sample", CASES, ids=lambda p: p.name)
def test_front_matter_reads_back_to_the_same_values(sample: Path) -> None:
    article = scrubnews.clean(sample.read_bytes(), name=sample.name)
    found = split_front_matter(article.to_markdown())
    assert found is not None
    data, _body = found
    assert data["title"] == (article.title or "")
    assert data.get("standfirst") == article.standfirst
    assert data.get("authors", []) == article.authors
    assert data.get("location") == article.location
    assert data.get("date") == article.date
    assert data["source"] == {
        "file": sample.name,
        "sha256": article.source.sha256,
        "encoding": article.source.encoding,
    }
    assert data["scrubnews"] == scrubnews.__version__
    # And by plain yaml.safe_load, as any reader would.
    text = article.to_markdown()
    assert yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n")) == data
