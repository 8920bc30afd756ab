"""The command line: files, folders, standard input, errors and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import scrubnews
from scrubnews.cli import main

from .conftest import SAMPLES

ARTICLE = (SAMPLES / "seed-article.txt").read_bytes()


def make_tree(root: Path) -> Path:
    src = root / "in"
    (src / "a" / "b").mkdir(parents=True)
    (src / "a" / "b" / "c.txt").write_bytes(ARTICLE)
    (src / "top.txt").write_bytes(ARTICLE)
    (src / ".hidden.txt").write_bytes(ARTICLE)
    (src / ".git").mkdir()
    (src / ".git" / "x.txt").write_bytes(ARTICLE)
    return src


def test_folder_to_outdir_keeps_the_tree(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert written == ["a/b/c.md", "top.md"]
    assert (out / "top.md").read_text(encoding="utf-8").startswith("---\ntitle: Whitehall")


def test_bad_file_reported_and_batch_goes_on(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    (src / "empty.txt").write_bytes(b"")
    (src / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(out)])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"error: {src / 'empty.txt'}: empty input: no text to clean",
        f"error: {src / 'image.png'}: binary input (PNG image), not a text dump or HTML page",
    ]
    assert (out / "top.md").exists() and (out / "a" / "b" / "c.md").exists()
    assert not (out / "empty.md").exists()


def test_inputs_are_never_modified(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    before = {p: p.read_bytes() for p in src.rglob("*") if p.is_file()}
    CliRunner().invoke(main, ["clean", str(src), "-o", str(tmp_path / "out")])
    assert {p: p.read_bytes() for p in src.rglob("*") if p.is_file()} == before


def test_outdir_inside_input_is_not_read_again(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    out = src / "cleaned"
    runner = CliRunner()
    assert runner.invoke(main, ["clean", str(src), "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["clean", str(src), "-o", str(out)])
    assert result.exit_code == 0
    assert not (out / "cleaned").exists()
    assert sorted(p.name for p in out.rglob("*.md")) == ["c.md", "top.md"]


def test_outdir_equal_to_input_folder_is_refused(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(src)])
    assert result.exit_code == 2
    assert "is an input folder" in result.stderr
    assert not (src / "top.md").exists()


def test_output_that_would_overwrite_an_input_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_bytes(ARTICLE)
    (src / "x.md").write_bytes(ARTICLE)
    result = CliRunner().invoke(main, ["clean", str(src / "x.txt"), str(src / "x.md"),
                                       "-o", str(src)])
    assert result.exit_code == 1
    assert "would overwrite an input" in result.stderr
    assert (src / "x.md").read_bytes() == ARTICLE


def test_two_inputs_for_one_output(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "x.txt").write_bytes(ARTICLE)
    (src / "x.html").write_bytes(ARTICLE)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(src), "-o", str(out)])
    assert result.exit_code == 1
    assert "is already written from" in result.stderr


def test_folder_without_outdir_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["clean", str(make_tree(tmp_path))])
    assert result.exit_code == 2
    assert "give -o OUTDIR" in result.stderr


def test_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nope.txt'}: no such file\n"


def test_stdin_to_stdout() -> None:
    result = CliRunner().invoke(main, ["clean", "-"], input=ARTICLE)
    assert result.exit_code == 0
    assert "  file: '-'\n" in result.stdout
    assert result.stdout == scrubnews.clean(ARTICLE).to_markdown()


def test_explain_goes_to_stdout_when_articles_go_to_files(tmp_path: Path) -> None:
    src = make_tree(tmp_path)
    result = CliRunner().invoke(main, ["clean", "--explain", str(src), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "image-alt" in result.stdout and "CIPFA logo" in result.stdout
    assert "\x1b[" not in result.stdout


def test_version_and_module_entry_point() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.output.strip() == f"scrubnews, version {scrubnews.__version__}"
    proc = subprocess.run(
        [sys.executable, "-m", "scrubnews", "clean", "-"],
        input=ARTICLE, capture_output=True, check=False,
    )
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8").startswith("---\ntitle: Whitehall")


def _commands(group: click.Group) -> list[click.Command]:
    return [group, *group.commands.values()]


@pytest.mark.parametrize("command", _commands(main), ids=lambda c: c.name or "main")
def test_every_command_has_help_with_examples(command: click.Command) -> None:
    assert command.help and "Examples" in command.help
