"""Score scrubnews on the evaluation corpora and compare with the pinned floors.

    python scripts/quality.py               # score, print, compare with the baseline
    python scripts/quality.py --update      # raise floors to today's numbers
    python scripts/quality.py --update --allow-lower   # after writing why in CHANGELOG.md

The baseline (benchmarks/quality_baseline.json) pins every figure score.py
reports for scrubnews on the three development sets and four inputs (text
dump, w3m dump, html2text dump, HTML), with a hash of the corpus it was
measured on. tests/test_quality_gate.py runs the same comparison in CI.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
BASELINE = ROOT / "benchmarks" / "quality_baseline.json"
SETS = ("aeb", "readability", "trafilatura")
SYSTEMS = ("scrubnews:dump", "scrubnews:dump-w3m", "scrubnews:dump-html2text", "scrubnews:html")
MEASURES = ("F1", "snipF", "title", "author", "date")
# Scores move a little when a tie between equal candidates breaks another way.
TOLERANCE = 0.0005


def corpus_hash(corpora: Path) -> str:
    """SHA-256 over every file of the scored sets (path and bytes), in sorted order."""
    digest = hashlib.sha256()
    for name in SETS:
        for path in sorted((corpora / name).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(corpora).as_posix().encode() + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def measure(corpora: Path) -> dict[str, dict[str, float]]:
    """``{"set system": {measure: value}}`` from one run of score.py."""
    env = dict(os.environ, SCRUBNEWS=f"{sys.executable} -m scrubnews")
    proc = subprocess.run(
        [sys.executable, str(corpora / "score.py"), str(corpora), ",".join(SYSTEMS),
         ",".join(SETS)],
        capture_output=True, text=True, env=env, check=True,
    )
    rows: dict[str, dict[str, float]] = {}
    for line in proc.stdout.splitlines():
        row = json.loads(line)
        key = f"{row['set']} {row['system']}"
        rows[key] = {m: float(row[m]) for m in (*MEASURES, "missing") if m in row}
    return rows


def compare(baseline: dict[str, dict[str, float]], rows: dict[str, dict[str, float]]) -> list[str]:
    """One line per figure that fell below its floor (or went missing)."""
    drops = []
    for key, floors in baseline.items():
        got = rows.get(key)
        if got is None:
            drops.append(f"{key}: not measured")
            continue
        for name, floor in floors.items():
            if name == "missing":
                if got.get("missing", 0) > floor:
                    drops.append(f"{key}: {got['missing']:.0f} documents missing (floor {floor})")
            elif got.get(name, 0.0) < floor - TOLERANCE:
                drops.append(f"{key}: {name} {got.get(name, 0.0):.4f} < floor {floor:.4f}")
    return drops


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--update", action="store_true", help="raise floors to today's numbers")
    parser.add_argument("--allow-lower", action="store_true", help="let --update lower floors")
    args = parser.parse_args()
    rows = measure(args.corpora)
    for key, row in rows.items():
        print(key, " ".join(f"{k}={v:.3f}" for k, v in row.items()))
    old = json.loads(BASELINE.read_text()) if BASELINE.exists() else {"floors": {}}
    digest = corpus_hash(args.corpora)
    if args.update:
        floors = {}
        for key, row in rows.items():
            before = old["floors"].get(key, {})
            floors[key] = {}
            for name, value in row.items():
                if name == "missing":
                    floors[key][name] = value if args.allow_lower else min(
                        value, before.get(name, value))
                    continue
                new = int(value * 1000) / 1000
                if not args.allow_lower and name in before:
                    new = max(new, before[name])
                floors[key][name] = new
        BASELINE.write_text(json.dumps(
            {"corpus_sha256": digest, "floors": floors}, indent=1) + "\n")
        print(f"wrote {BASELINE.relative_to(ROOT)}")
        return
    if old.get("corpus_sha256") != digest:
        sys.exit("the corpus differs from the one the baseline was measured on")
    drops = compare(old["floors"], rows)
    print("\n".join(drops) or "every figure at or above its floor")
    sys.exit(1 if drops else 0)


if __name__ == "__main__":
    main()
