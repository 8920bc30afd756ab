"""The command line: options in, files and messages out; no cleaning logic here."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console

from scrubnews import __version__
from scrubnews.batch import (
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    STDIN,
    Options,
    Outcome,
    Report,
    Terminated,
    UsageError,
    default_jobs,
    handle_sigterm,
    plan,
    run,
)
from scrubnews.check_command import check, settings_or_exit
from scrubnews.explain import explain
from scrubnews.progress import BatchProgress


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="scrubnews")
def main() -> None:
    """Turn raw scraped news articles into clean archival records.

    \b
    Examples:
      scrubnews clean dump.txt                 # one article to standard output
      cat dump.txt | scrubnews clean - > a.md  # from a pipe
      scrubnews clean dumps/ -o cleaned/       # a folder, tree kept
    """


def _error(console: Console, where: str, reason: str) -> None:
    console.print(f"error: {where}: {reason}", highlight=False, markup=False, soft_wrap=True)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write articles to; input a/b/c.txt becomes OUTDIR/a/b/c.md.",
)
@click.option("--explain", is_flag=True, help="Show every dropped or rewritten line and its rule.")
@click.option(
    "--keep-outside-core",
    is_flag=True,
    help="Keep lines outside the detected article core (only named line rules drop lines).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: all cores). Output is the same whatever the number.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Clean every input again, even when its output is up to date.",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option(
    "--errors",
    "errors_file",
    type=click.File("w", encoding="utf-8", lazy=False),
    help='Write one JSON line per failed input: {"path": ..., "reason": ...}.',
)
def clean(paths: tuple[str, ...], outdir: Path | None, explain: bool, keep_outside_core: bool,
          jobs: int | None, force: bool, quiet: bool, errors_file: TextIO | None) -> None:
    """Clean text dumps or HTML pages into Markdown articles with YAML front-matter.

    PATH is a file, a folder (walked recursively, hidden files skipped) or
    '-' for standard input. One file or '-' without -o prints the article.

    With -o, an input whose output is up to date (the output's front-matter
    records the input's sha256 and this scrubnews version) is skipped, so a
    stopped run picks up where it left off; --force cleans everything again.

    \b
    Examples:
      scrubnews clean samples/seed-article.txt
      cat dump.txt | scrubnews clean - > article.md
      scrubnews clean samples/ -o cleaned/
      scrubnews clean archive/ -o cleaned/ --jobs 4 --errors failed.jsonl
      scrubnews clean --explain samples/seed-article.txt > /dev/null

    \b
    Exit codes: 0 all cleaned or up to date, 1 some inputs could not be
    cleaned, 2 usage error, 3 an output could not be written,
    130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
    """
    started = time.monotonic()
    handle_sigterm()
    config = settings_or_exit(None, False).config(keep_outside_core=keep_outside_core)
    options = Options(config, force=force, keep_article=explain)
    err = Console(stderr=True, highlight=False)
    info = err if outdir is None else Console(highlight=False)
    try:
        todo = list(plan(list(paths), outdir))
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    if outdir is not None:
        target = outdir.resolve()
        for given in paths:
            if given != STDIN and Path(given).is_dir() and Path(given).resolve() == target:
                raise click.UsageError(f"output folder {outdir} is an input folder")
    stdin = sys.stdin.buffer.read() if any(job.path is None for job in todo) else None
    report = Report()
    show = outdir is not None and not quiet and err.is_terminal
    view = BatchProgress(err, len(todo), show)
    try:
        outcomes = run(todo, options, jobs or default_jobs(), stdin, on_start=view.__enter__)
        try:
            for outcome in outcomes:
                report.count(outcome)
                _finish(outcome, err, info, explain, errors_file)
                view.advance(outcome.error is not None)
        finally:
            outcomes.close()
            view.__exit__(None, None, None)
    except (KeyboardInterrupt, Terminated) as exc:
        code = EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_TERMINATED
        err.print(f"interrupted: {report.done} of {len(todo)} inputs done; run again to resume",
                  markup=False)
        sys.exit(code)
    report.seconds = time.monotonic() - started
    if show:
        err.print(report.summary(), markup=False)
    sys.exit(report.return_code)


def _finish(outcome: Outcome, err: Console, info: Console, show: bool,
            errors_file: TextIO | None) -> None:
    job = outcome.job
    if outcome.error is not None:
        where = job.display if outcome.status == "failed" else "output"
        _error(err, where, outcome.error)
        if errors_file is not None:
            line = {"path": job.display, "reason": outcome.error}
            errors_file.write(json.dumps(line, ensure_ascii=False) + "\n")
            errors_file.flush()
    if show and outcome.article is not None:
        explain(info, job.display, outcome.article)
    if outcome.text is not None:
        sys.stdout.write(outcome.text)
        sys.stdout.flush()


main.add_command(check)


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
