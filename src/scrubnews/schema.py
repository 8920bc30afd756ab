"""The front-matter schema: the keys ``render.front_matter`` writes, in its order.

``check`` validates against it (SN203), ``reread`` takes its known keys
from it, and a test holds ``render`` to it. The README's "Output format"
table documents it for users. Other keys are allowed (``render`` writes
extra page metadata, such as ``dateline``, as strings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SOURCE_KEYS = ("file", "sha256", "encoding")


def _string(value: Any) -> str | None:
    return None if isinstance(value, str) else "a string"


def _strings(value: Any) -> str | None:
    ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return None if ok else "a list of strings"


def _date(value: Any) -> str | None:
    return None if isinstance(value, dt.date) else "a date (YYYY-MM-DD) or a date and time"


def _source(value: Any) -> str | None:
    ok = isinstance(value, dict) and all(isinstance(value.get(k), str) for k in SOURCE_KEYS)
    return None if ok else "a mapping with string file, sha256 and encoding"


@dataclass(frozen=True)
class Field:
    """One front-matter key: whether it must be there, and a test of its value.

    ``problem(value)`` is ``None`` when the value is right, else what it
    should have been.
    """

    name: str
    required: bool
    problem: Callable[[Any], str | None]


FIELDS: tuple[Field, ...] = (
    Field("title", True, _string),
    Field("standfirst", False, _string),
    Field("authors", False, _strings),
    Field("location", False, _string),
    Field("date", False, _date),
    Field("source", True, _source),
    Field("scrubnews", True, _string),
)

NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """``(key, message)`` for each schema problem in a front-matter mapping.

    >>> problems({"title": "T", "source": {"file": "a", "sha256": "0", "encoding": "utf-8"},
    ...           "scrubnews": "0.1.0", "authors": "Jo"})
    [('authors', 'authors must be a list of strings, not str')]
    """
    out: list[tuple[str, str]] = []
    for spec in FIELDS:
        if spec.name not in data:
            if spec.required:
                out.append((spec.name, f"required key {spec.name!r} is missing"))
            continue
        wanted = spec.problem(data[spec.name])
        if wanted is not None:
            value = data[spec.name]
            got = "null" if value is None else type(value).__name__
            out.append((spec.name, f"{spec.name} must be {wanted}, not {got}"))
    return out
