"""One frozen configuration object, built at the boundary and passed down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Config:
    """Settings of the cleaning pipeline.

    Attributes:
        extra_boilerplate: extra regular expressions (Python syntax, matched
            case-insensitively against a whole stripped line); a line they
            match is dropped under the rule name ``user-pattern``.
        keep_outside_core: keep lines outside the detected article core
            (only the named per-line rules drop anything).
        min_core_words: a document with fewer words than this in its lines
            is kept whole instead of being cut down to a core.
        max_input_bytes: a larger input is refused with an ``InputError``
            (the largest page of the evaluation corpora is 1.6 MB; a file
            ten times larger is not a news article, and refusing it keeps
            time and memory per file bounded).
        use_line_model: decide line by line with the learned line model
            (``linemodel``); off, the article core alone is the body.
        line_model: path of a line model file (JSON, made by
            ``scripts/train_line_model.py``); ``None`` uses the one shipped
            with scrubnews.
    """

    extra_boilerplate: tuple[str, ...] = ()
    keep_outside_core: bool = False
    min_core_words: int = 60
    max_input_bytes: int = 16 * 2**20
    use_line_model: bool = True
    line_model: str | None = None


DEFAULT = Config()
