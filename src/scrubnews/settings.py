"""Settings from ``pyproject.toml``: found, read, validated, frozen.

The nearest ``pyproject.toml`` with a ``[tool.scrubnews]`` table, looking
in the working folder and then upward (the search stops at a folder
holding ``.git``, as black's does); files without the table are skipped.
``--config FILE`` names the file instead (a ``pyproject.toml``, or any
TOML file whose top level is the table), and ``--isolated`` reads none.
Keys, all optional::

    [tool.scrubnews]
    extra-boilerplate = ["^read our .* coverage$"]   # clean and check
    min-core-words = 60                              # clean

    [tool.scrubnews.check]
    select = ["ALL"]              # codes, names or prefixes
    extend-select = []
    ignore = ["SN204"]
    fail-on = "error"             # or "warning"
    min-body-words = 50
    per-file-ignores = { "drafts/*" = ["short-body"] }

A problem in the file is a ``SettingsError`` (exit code 2 at the CLI).
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, cast

from scrubnews.codes import SEVERITIES, Selection, SelectorError, Severity, resolve_all
from scrubnews.config import Config

PYPROJECT = "pyproject.toml"
_TOP_KEYS = frozenset({"extra-boilerplate", "min-core-words", "check"})
_CHECK_KEYS = frozenset(
    {"select", "extend-select", "ignore", "fail-on", "min-body-words", "per-file-ignores"}
)


class SettingsError(Exception):
    """The configuration file is unreadable or holds a bad value."""


@dataclass(frozen=True)
class Settings:
    """What the configuration file says; defaults when there is none.

    ``source`` is the file read (``None``: defaults); per-file-ignore
    globs are matched against paths relative to its folder.
    """

    source: Path | None = None
    extra_boilerplate: tuple[str, ...] = ()
    min_core_words: int = Config.min_core_words
    selection: Selection = field(default_factory=Selection)
    fail_on: Severity = "error"
    min_body_words: int = 50
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()

    def config(self, *, keep_outside_core: bool = False) -> Config:
        """The cleaning ``Config`` these settings describe."""
        return Config(
            extra_boilerplate=self.extra_boilerplate,
            keep_outside_core=keep_outside_core,
            min_core_words=self.min_core_words,
        )

    def ignored_for(self, path: Path) -> frozenset[str]:
        """Codes that ``per-file-ignores`` turns off for ``path``.

        A glob matches the path relative to the configuration's folder (or
        as given, when outside it), or the file name alone.
        """
        if not self.per_file_ignores:
            return frozenset()
        rel = _relative(path, self.source.parent if self.source else None)
        out: set[str] = set()
        for pattern, codes in self.per_file_ignores:
            if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(path.name, pattern):
                out |= codes
        return frozenset(out)


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return PurePath(path).as_posix()


def find(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` with ``[tool.scrubnews]`` at or above ``start``."""
    folder = start.resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / PYPROJECT
        if path.is_file() and _table(_read(path), path, required=False) is not None:
            return path
        if (candidate / ".git").exists():
            return None
    return None


def load(start: Path | None = None, config_file: Path | None = None,
         isolated: bool = False) -> Settings:
    """Settings for a run started in ``start`` (default: the working folder)."""
    if isolated:
        return Settings()
    path = config_file if config_file is not None else find(start or Path.cwd())
    if path is None:
        return Settings()
    table = _table(_read(path), path, required=config_file is not None and _is_pyproject(path))
    return parse(table or {}, path)


def _is_pyproject(path: Path) -> bool:
    return path.name == PYPROJECT


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc


def _table(data: dict[str, Any], path: Path, *, required: bool) -> dict[str, Any] | None:
    tool = data.get("tool")
    table = tool.get("scrubnews") if isinstance(tool, dict) else None
    if table is None:
        if required:
            raise SettingsError(f"{path}: no [tool.scrubnews] table")
        return None if _is_pyproject(path) else data
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: [tool.scrubnews] must be a table")
    return table


def parse(table: dict[str, Any], source: Path | None = None) -> Settings:
    """Validate a ``[tool.scrubnews]`` table into ``Settings``."""
    where = str(source) if source else "configuration"
    _unknown(table, _TOP_KEYS, where, "tool.scrubnews")
    check = table.get("check", {})
    if not isinstance(check, dict):
        raise SettingsError(f"{where}: [tool.scrubnews.check] must be a table")
    _unknown(check, _CHECK_KEYS, where, "tool.scrubnews.check")
    extra = _strings(table, "extra-boilerplate", where) or ()
    for pattern in extra:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise SettingsError(f"{where}: extra-boilerplate {pattern!r}: {exc}") from exc
    select = _strings(check, "select", where)
    selection = Selection(
        select=select,
        extend_select=_strings(check, "extend-select", where) or (),
        ignore=_strings(check, "ignore", where) or (),
    )
    try:
        selection.validate()
    except SelectorError as exc:
        raise SettingsError(f"{where}: {exc}") from exc
    fail_on = check.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise SettingsError(f"{where}: fail-on must be 'error' or 'warning', not {fail_on!r}")
    return Settings(
        source=source,
        extra_boilerplate=extra,
        min_core_words=_count(table, "min-core-words", Config.min_core_words, where),
        selection=selection,
        fail_on=cast(Severity, fail_on),
        min_body_words=_count(check, "min-body-words", 50, where),
        per_file_ignores=_per_file(check.get("per-file-ignores", {}), where),
    )


def _unknown(table: dict[str, Any], known: frozenset[str], where: str, name: str) -> None:
    extra = sorted(set(table) - known)
    if extra:
        raise SettingsError(f"{where}: unknown key{'s' if len(extra) > 1 else ''} in "
                            f"[{name}]: {', '.join(extra)}")


def _strings(table: dict[str, Any], key: str, where: str) -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SettingsError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def _count(table: dict[str, Any], key: str, default: int, where: str) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SettingsError(f"{where}: {key} must be a whole number ≥ 0")
    return value


def _per_file(value: Any, where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    if not isinstance(value, dict):
        raise SettingsError(f"{where}: per-file-ignores must be a table of glob = [codes]")
    out = []
    for pattern, codes in value.items():
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise SettingsError(f"{where}: per-file-ignores {pattern!r} must list codes")
        try:
            out.append((pattern, resolve_all(codes)))
        except SelectorError as exc:
            raise SettingsError(f"{where}: per-file-ignores {pattern!r}: {exc}") from exc
    return tuple(out)
