"""Rewrite tests/golden/<name>.md from samples/ (review the diff before committing)."""

from __future__ import annotations

from pathlib import Path

import scrubnews

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for sample in sorted((ROOT / "samples").iterdir()):
        if sample.name.startswith("."):
            continue
        article = scrubnews.clean(sample.read_bytes(), name=sample.name)
        target = ROOT / "tests" / "golden" / (sample.stem + ".md")
        target.write_text(article.to_markdown(), encoding="utf-8", newline="\n")
        print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
