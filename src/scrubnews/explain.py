"""``--explain``: a view of the removals the pipeline already recorded."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from scrubnews.article import Article

_WIDTH = 100


def _short(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"


def _changed(before: str, after: str) -> tuple[str, str]:
    """The two texts cut to where they differ, with a little context."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    start = max(0, start - 30)
    prefix = "…" if start else ""
    return prefix + _short(before[start:]), prefix + _short(after[start:])


def explain(console: Console, name: str, article: Article) -> None:
    """Print every dropped or rewritten line of ``article`` with its rule."""
    dropped = sum(1 for r in article.removals if r.dropped)
    rewritten = len(article.removals) - dropped
    console.print(
        Text.assemble((name, "bold"), f": {dropped} lines dropped, {rewritten} rewritten")
    )
    width = max((len(r.rule) for r in article.removals), default=0)
    for removal in article.removals:
        line = Text(f"{removal.line:>6}  ")
        style = "red" if removal.dropped else "yellow"
        line.append(removal.rule.ljust(width), style=style)
        line.append("  ")
        if removal.dropped:
            line.append(_short(removal.text), style="dim")
        else:
            before, after = _changed(removal.text, removal.replacement or "")
            line.append(before, style="dim")
            line.append(" → ")
            line.append(after)
        console.print(line, soft_wrap=True, highlight=False)
