"""Write benchmarks/quality.md: scrubnews next to trafilatura and jusText, and its worst documents.

    python benchmarks/quality_report.py [CORPORA]     (needs: pip install -e '.[bench]')

One run of the corpora's score.py measures every system on the three
development sets; then each scrubnews output is scored per document to list
the twenty worst documents per set, with a one-line reason read off the
numbers (what was lost, what was kept that should not have been).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SETS = ("aeb", "readability", "trafilatura")
OURS = ("scrubnews:dump", "scrubnews:dump-w3m", "scrubnews:dump-html2text", "scrubnews:html")
PEERS = ("raw", "trafilatura:dump", "justext:dump", "trafilatura:html")
TARGETS = {  # issue targets: (text dumps, HTML)
    "aeb F1": (0.90, 0.96),
    "readability F1": (0.90, 0.95),
    "trafilatura snipF": (0.85, 0.93),
    "title": (0.85, 0.92),
    "author": (0.60, 0.80),
    "date": (0.70, 0.92),
}


def load_scorer(corpora: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score", corpora / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_score(corpora: Path) -> list[dict[str, Any]]:
    env = dict(os.environ, SCRUBNEWS=f"{sys.executable} -m scrubnews")
    proc = subprocess.run(
        [sys.executable, str(corpora / "score.py"), str(corpora), ",".join(OURS + PEERS),
         ",".join(SETS)],
        capture_output=True, text=True, env=env, check=True,
    )
    return [json.loads(line) for line in proc.stdout.splitlines()]


def reason(p: float, r: float, empty: bool, snip: tuple[int, int, int, int] | None) -> str:
    """One line on what went wrong, from the document's numbers."""
    if empty:
        return "nothing extracted (empty or refused input, or no article core found)"
    if snip is not None:
        _tp, fn, fp, _tn = snip
        parts = []
        if fn:
            parts.append(f"{fn} article snippet(s) dropped")
        if fp:
            parts.append(f"{fp} boilerplate snippet(s) kept")
        return "; ".join(parts) or "snippets fine"
    if r < 0.3 and p < 0.5:
        return f"wrong block taken as the article (P {p:.2f}, R {r:.2f})"
    if r < 0.7 and p >= 0.8:
        return f"article cut short: {1 - r:.0%} of its words dropped (P {p:.2f})"
    if p < 0.7 and r >= 0.8:
        return f"boilerplate kept: {1 - p:.0%} of the output is not article (R {r:.2f})"
    return f"both: some article dropped and some boilerplate kept (P {p:.2f}, R {r:.2f})"


def worst(corpora: Path, score: Any, name: str, folder: str) -> list[tuple[float, str, str]]:
    """The twenty lowest-scoring documents of one set for scrubnews on ``folder``."""
    out = Path(tempfile.mkdtemp(prefix="scrub-worst-"))
    subprocess.run([sys.executable, "-m", "scrubnews", "clean", str(corpora / name / folder),
                    "-o", str(out)], capture_output=True, check=False)
    found = {p.stem: p for p in out.rglob("*.md")}
    rows = []
    for line in (corpora / name / "gold.jsonl").open(encoding="utf-8"):
        gold = json.loads(line)
        path = found.get(gold["id"])
        body = ""
        if path is not None:
            _meta, body = score.split_front_matter(path.read_text(encoding="utf-8"))
            body = score.md_to_text(body)
        if gold.get("body"):
            p, r, f = score.prf(score.words(body), score.words(gold["body"]))
            rows.append((f, gold["id"], reason(p, r, not body.strip(), None)))
        elif gold.get("with") or gold.get("without"):
            snip = score.snippets(body, gold)
            tp, fn, fp, tn = snip
            total = tp + fn + fp + tn
            rows.append(((tp + tn) / total if total else 1.0, gold["id"],
                         reason(0, 0, not body.strip(), snip)))
    rows.sort()
    return rows[:20]


def fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else ("" if value is None else str(value))


def main() -> None:
    corpora = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora")
    score = load_scorer(corpora)
    rows = run_score(corpora)
    lines = [
        "# Extraction quality",
        "",
        "Measured by `python benchmarks/quality_report.py` (the corpora's `score.py`,",
        "all systems in one run). Body: word-level F1 against the gold body (aeb,",
        "readability); snipF: trafilatura's snippet measure. title / author / date:",
        "share of documents with gold where the answer is right.",
        "",
        "| set | system | body F1 / snipF | P | R | title | author | date | missing | s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        body = row.get("F1", row.get("snipF"))
        p = row.get("P", row.get("snipP"))
        r = row.get("R", row.get("snipR"))
        lines.append(
            f"| {row['set']} | {row['system']} | {fmt(body)} | {fmt(p)} | {fmt(r)} | "
            f"{fmt(row.get('title'))} | {fmt(row.get('author'))} | {fmt(row.get('date'))} | "
            f"{row.get('missing', '')} | {row['secs']:.1f} |"
        )
    lines += ["", "## Against the targets", "",
              "| measure | target dumps | scrubnews, worst dumper | target HTML | scrubnews HTML |",
              "|---|---|---|---|---|"]
    by = {(r["set"], r["system"]): r for r in rows}
    for label, (t_dump, t_html) in TARGETS.items():
        if label.endswith("F1") or label.endswith("snipF"):
            name, measure = label.split()
            dump_vals = [by[(name, s)].get(measure, 0.0) for s in OURS[:3]]
            html_val = by[(name, "scrubnews:html")].get(measure, 0.0)
            lines.append(f"| {label} | {t_dump} | {min(dump_vals):.3f} | "
                         f"{t_html} | {html_val:.3f} |")
        else:
            for name in ("readability", "trafilatura"):
                dump_vals = [by[(name, s)].get(label, 0.0) for s in OURS[:3]]
                html_val = by[(name, "scrubnews:html")].get(label, 0.0)
                lines.append(f"| {label} ({name}) | {t_dump} | {min(dump_vals):.3f} | "
                             f"{t_html} | {html_val:.3f} |")
    for name in SETS:
        for folder in ("dump", "html"):
            lines += ["", f"## Worst twenty: {name}, `{folder}`", "",
                      "| document | score | reason |", "|---|---|---|"]
            for value, doc, why in worst(corpora, score, name, folder):
                lines.append(f"| {doc} | {value:.3f} | {why} |")
    (ROOT / "benchmarks" / "quality.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote benchmarks/quality.md")


if __name__ == "__main__":
    main()
