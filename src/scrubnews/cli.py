"""The command line: options in, files and messages out; no cleaning logic here."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from scrubnews import __version__
from scrubnews.batch import (
    STDIN,
    Outcome,
    Report,
    UsageError,
    check_output,
    plan,
    run_one,
    write_atomic,
)
from scrubnews.check_command import check, settings_or_exit
from scrubnews.explain import explain


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
def clean(paths: tuple[str, ...], outdir: Path | None, explain: bool,
          keep_outside_core: bool) -> None:
    """Clean text dumps or HTML pages into Markdown articles with YAML front-matter.

    PATH is a file, a folder (walked recursively, hidden files skipped) or
    '-' for standard input. One file or '-' without -o prints the article.

    \b
    Examples:
      scrubnews clean samples/seed-article.txt
      cat dump.txt | scrubnews clean - > article.md
      scrubnews clean samples/ -o cleaned/
      scrubnews clean --explain samples/seed-article.txt > /dev/null

    \b
    Exit codes: 0 all cleaned, 1 some inputs could not be cleaned,
    2 usage error, 3 an output could not be written.
    """
    config = settings_or_exit(None, False).config(keep_outside_core=keep_outside_core)
    err = Console(stderr=True, highlight=False)
    info = err if outdir is None else Console(highlight=False)
    try:
        jobs = list(plan(list(paths), outdir))
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    if outdir is not None:
        target = outdir.resolve()
        for given in paths:
            if given != STDIN and Path(given).is_dir() and Path(given).resolve() == target:
                raise click.UsageError(f"output folder {outdir} is an input folder")
    inputs = {job.path.resolve() for job in jobs if job.path is not None}
    stdin = sys.stdin.buffer.read() if any(job.path is None for job in jobs) else None
    report = Report()
    produced: dict[Path, str] = {}
    for job in jobs:
        refused = check_output(job, inputs, produced)
        outcome = Outcome(job, error=refused) if refused else run_one(job, config, stdin)
        _finish(outcome, report, produced, err, info, explain)
    sys.exit(report.return_code)


def _finish(outcome: Outcome, report: Report, produced: dict[Path, str], err: Console,
            info: Console, show: bool) -> None:
    job = outcome.job
    if outcome.error is not None or outcome.text is None:
        report.failed += 1
        _error(err, job.display, outcome.error or "nothing to write")
        return
    if show and outcome.article is not None:
        explain(info, job.display, outcome.article)
    if job.out is None:
        sys.stdout.write(outcome.text)
        sys.stdout.flush()
    else:
        try:
            write_atomic(job.out, outcome.text)
        except OSError as exc:
            report.output_failed += 1
            _error(err, str(job.out), exc.strerror or str(exc))
            return
        produced[job.out.resolve()] = job.display
    report.cleaned += 1


main.add_command(check)


if __name__ == "__main__":  # pragma: no cover
    main(sys.argv[1:])
