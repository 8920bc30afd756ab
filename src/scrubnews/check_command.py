"""``scrubnews check``: options in, a report out; the checks live in ``check.py``."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import click

from scrubnews.batch import STDIN, _visible_files
from scrubnews.check import Options, check_bytes, check_path, select
from scrubnews.codes import SEVERITIES, Selection, SelectorError, Severity, enabled
from scrubnews.reports import EXIT_USAGE, FORMATS, MACHINE, Run, codes_json, codes_text, text
from scrubnews.settings import Settings, SettingsError, load


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def settings_or_exit(config_file: Path | None, isolated: bool) -> Settings:
    """The configuration for this run; a bad one is a usage error (exit code 2)."""
    try:
        return load(Path.cwd(), config_file, isolated)
    except SettingsError as exc:
        raise click.UsageError(str(exc)) from exc


def use_color(choice: str, stream_is_tty: bool) -> bool:
    """``--color``: ``always``/``never``, or ``auto``: NO_COLOR, then FORCE_COLOR, then a TTY."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream_is_tty


def _files(paths: tuple[str, ...]) -> Iterator[tuple[str, Path | None]]:
    """``(display, path)`` for every file to check; ``None`` is standard input."""
    for given in paths:
        if given == STDIN:
            yield STDIN, None
        elif Path(given).is_dir():
            for file in _visible_files(Path(given), None):
                yield str(file), file
        else:
            yield given, Path(given)


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--select", "select_", multiple=True, metavar="CODES",
              help="Only these codes, names or prefixes (comma-separated; replaces the config).")
@click.option("--extend-select", multiple=True, metavar="CODES",
              help="Add codes to those selected.")
@click.option("--ignore", multiple=True, metavar="CODES", help="Leave out these codes.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that fails the run [config, else error].")
@click.option("--strict", is_flag=True, help="Warnings fail the run too (--fail-on warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the run.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Report format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file (never coloured).")
@click.option("--diff", is_flag=True,
              help="Print what clean would change, as a unified diff, to standard output.")
@click.option("--statistics", is_flag=True, help="Count findings per code (text format).")
@click.option("-q", "--quiet", count=True,
              help="No summary line; twice: no output at all (the exit code still tells).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text report.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read settings from this TOML file instead of the nearest pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option("--stdin-filename", metavar="NAME",
              help="Name for standard input ('-'): its kind and per-file ignores.")
@click.option("--list-codes", is_flag=True, help="List every code and exit (text or json).")
@click.option("--show-settings", is_flag=True, help="Show the settings in effect and exit.")
def check(paths: tuple[str, ...], select_: tuple[str, ...], extend_select: tuple[str, ...],
          ignore: tuple[str, ...], fail_on: str | None, strict: bool, exit_zero: bool,
          fmt: str, output: Path | None, diff: bool, statistics: bool, quiet: int, color: str,
          config_file: Path | None, isolated: bool, stdin_filename: str | None,
          list_codes: bool, show_settings: bool) -> None:
    """Report problems in raw dumps and cleaned articles; write nothing.

    PATH is a file, a folder (walked recursively, hidden files skipped) or
    '-' for standard input. Files ending in .md are articles (front-matter
    and Markdown); anything else is a raw dump, which clean would change.

    \b
    Examples:
      scrubnews check cleaned/
      scrubnews check --select SN1,duplicate-paragraph --strict cleaned/
      scrubnews check --format github cleaned/
      scrubnews check --diff dump.txt
      scrubnews check --list-codes

    \b
    Exit codes: 0 no finding at or above the threshold, 1 findings,
    2 usage or configuration error, 3 a file could not be read.
    """
    if list_codes:
        click.echo(codes_json() if fmt == "json" else codes_text(), nl=False)
        return
    settings = settings_or_exit(config_file, isolated)
    cli_layer = Selection(select=_split(select_) or None, extend_select=_split(extend_select),
                          ignore=_split(ignore))
    try:
        cli_layer.validate()
        codes = enabled([settings.selection, cli_layer])
    except SelectorError as exc:
        raise click.UsageError(str(exc)) from exc
    if show_settings:
        click.echo(_describe(settings, codes), nl=False)
        return
    if not paths:
        raise click.UsageError("give at least one PATH (a file, a folder or '-')")
    if paths.count(STDIN) > 1:
        raise click.UsageError("standard input ('-') can be read only once")
    if diff and fmt != "text" and output is None:
        raise click.UsageError(f"--diff with --format {fmt} needs -o FILE for the report")
    threshold = cast(Severity, "warning" if strict else fail_on or settings.fail_on)
    options = Options(settings.config(), settings.min_body_words, diff)

    run = Run(fail_on=threshold, exit_zero=exit_zero, codes=codes)
    for display, path in _files(paths):
        if path is None:
            display = stdin_filename or STDIN
            result = check_bytes(sys.stdin.buffer.read(), display, options)
            ignored = settings.ignored_for(Path(display))
        else:
            result = check_path(path, options, display)
            ignored = settings.ignored_for(path)
        result.findings = select(result.findings, codes - ignored)
        run.results.append(result)
        if diff and result.diff:
            click.echo(result.diff, nl=False)

    if fmt == "text":
        to_tty = output is None and sys.stdout.isatty()
        colored = output is None and use_color(color, to_tty)
        report = text(run, color=colored, statistics=statistics, quiet=quiet)
    else:
        colored = False
        report = "" if quiet >= 2 else MACHINE[fmt](run)
    _write(report, output, colored)
    sys.exit(run.return_code)


def _write(report: str, output: Path | None, colored: bool) -> None:
    if output is None:
        click.echo(report, nl=False, color=colored)  # click would strip ANSI off a TTY
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(report, encoding="utf-8")
    except OSError as exc:
        click.echo(f"error: {output}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_USAGE)


def _describe(settings: Settings, codes: frozenset[str]) -> str:
    lines = [
        f"config file: {settings.source or '(none)'}",
        f"extra-boilerplate: {list(settings.extra_boilerplate)}",
        f"min-core-words: {settings.min_core_words}",
        f"fail-on: {settings.fail_on}",
        f"min-body-words: {settings.min_body_words}",
        f"codes: {', '.join(sorted(codes))}",
    ]
    lines += [f"per-file-ignores: {pattern} = {', '.join(sorted(ignored))}"
              for pattern, ignored in settings.per_file_ignores]
    return "\n".join(lines) + "\n"

