"""The batch layer: which files to clean, where each goes, atomic writes, the report.

It knows files, not articles: it reads bytes, calls ``scrubnews.clean``,
writes the rendered text, and counts outcomes. Inputs are never written:
an output that would land on an input, or an output folder inside an
input folder, is never read or written as input.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scrubnews.article import Article
from scrubnews.config import Config
from scrubnews.errors import InputError
from scrubnews.pipeline import clean

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_OUTPUT_FAILED = 3

STDIN = "-"


class UsageError(Exception):
    """The command line asks for something impossible (turned into exit code 2)."""


@dataclass(frozen=True)
class Job:
    """One input and where its article goes (``out`` None: standard output)."""

    display: str
    path: Path | None
    out: Path | None


@dataclass
class Outcome:
    """What happened to one job."""

    job: Job
    text: str | None = None
    article: Article | None = None
    error: str | None = None
    output_error: bool = False


@dataclass
class Report:
    """Counts of a run; owns the exit code."""

    cleaned: int = 0
    failed: int = 0
    output_failed: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def return_code(self) -> int:
        if self.output_failed:
            return EXIT_OUTPUT_FAILED
        if self.failed:
            return EXIT_INPUT_FAILED
        return EXIT_OK


def _visible_files(folder: Path, skip: Path | None) -> Iterator[Path]:
    """Files under ``folder``, sorted, without hidden files/folders or ``skip``."""
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        for name in sorted(filenames):
            if not name.startswith("."):
                yield here / name


def plan(paths: list[str], outdir: Path | None) -> Iterator[Job]:
    """Jobs for the command line's PATHs, in a stable order.

    Raises ``UsageError`` when several inputs would go to standard output.
    """
    folders = [p for p in paths if p != STDIN and Path(p).is_dir()]
    if outdir is None and (len(paths) > 1 or folders):
        raise UsageError("give -o OUTDIR to clean a folder or several files")
    if paths.count(STDIN) > 1:
        raise UsageError("standard input ('-') can be read only once")
    skip = outdir.resolve() if outdir is not None else None
    for given in paths:
        if given == STDIN:
            yield Job(STDIN, None, outdir / "stdin.md" if outdir else None)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _visible_files(path, skip):
                rel = file.relative_to(path).with_suffix(".md")
                yield Job(str(file), file, outdir / rel if outdir else None)
        else:
            yield Job(given, path, outdir / path.with_suffix(".md").name if outdir else None)


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_input(job: Job, stdin: bytes | None = None) -> bytes:
    if job.path is None:
        return stdin or b""
    return job.path.read_bytes()


def run_one(job: Job, config: Config, stdin: bytes | None = None) -> Outcome:
    """Clean one job; an unreadable or unusable input is an outcome, not an exception."""
    try:
        raw = read_input(job, stdin)
    except IsADirectoryError:
        return Outcome(job, error="is a folder")
    except FileNotFoundError:
        return Outcome(job, error="no such file")
    except PermissionError:
        return Outcome(job, error="permission denied")
    except OSError as exc:
        return Outcome(job, error=exc.strerror or str(exc))
    name = job.path.name if job.path is not None else STDIN
    try:
        article = clean(raw, config, name=name)
    except InputError as exc:
        return Outcome(job, error=str(exc))
    return Outcome(job, text=article.to_markdown(), article=article)


def check_output(job: Job, inputs: set[Path], produced: dict[Path, str]) -> str | None:
    """Why ``job`` must not write its output, or ``None``."""
    if job.out is None:
        return None
    target = job.out.resolve()
    if target in inputs:
        return f"output {job.out} would overwrite an input"
    if target in produced:
        return f"output {job.out} is already written from {produced[target]}"
    return None
