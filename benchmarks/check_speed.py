"""How long ``scrubnews check`` takes on 1,000 cleaned articles.

Cleans dumps from ``../shared/corpora`` (aeb, readability, trafilatura; no
corpus file is kept in this repository) into a temporary folder until there
are 1,000 articles, then times ``scrubnews check`` on that folder: in
process (the checks alone) and as a command (start-up included), best of
three (wall clock; CPU time too, as the mean of the three in-process
runs, for a machine busy with other work). Writes the numbers to ``benchmarks/check_speed.json``.

    python benchmarks/check_speed.py [--corpora ../shared/corpora] [--files 1000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from scrubnews import __version__, clean
from scrubnews.check import Options, check_path
from scrubnews.errors import InputError

HERE = Path(__file__).parent
SETS = ("aeb", "readability", "trafilatura")


def make_articles(corpora: Path, folder: Path, count: int) -> int:
    """Clean corpus dumps into ``folder`` until it holds ``count`` articles."""
    dumps = [p for name in SETS for p in sorted((corpora / name / "dump").glob("*.txt"))]
    if not dumps:
        raise SystemExit(f"no dumps under {corpora}: nothing to benchmark")
    made = 0
    while made < count:
        for dump in dumps:
            if made == count:
                break
            try:
                article = clean(dump.read_bytes(), name=dump.name)
            except InputError:
                continue
            target = folder / f"{made:04d}-{dump.parent.parent.name}-{dump.stem}.md"
            target.write_text(article.to_markdown(), encoding="utf-8")
            made += 1
    return made


def best_of(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=HERE.parent.parent / "shared" / "corpora")
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=HERE / "check_speed.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        made = make_articles(args.corpora, folder, args.files)
        files = sorted(folder.iterdir())
        counts: Counter[str] = Counter()

        def in_process() -> None:
            counts.clear()
            for path in files:
                counts.update(f.code.code for f in check_path(path, Options()).findings)

        command = [sys.executable, "-m", "scrubnews", "check", "--isolated", "-qq", str(folder)]
        env = {**os.environ, "NO_COLOR": "1"}

        def as_command() -> None:
            subprocess.run(command, env=env, check=False)

        cpu_start = time.process_time()
        core = best_of(3, in_process)
        cpu = (time.process_time() - cpu_start) / 3
        whole = best_of(3, as_command)
        code = subprocess.run(command, env=env, check=False).returncode

    results = {
        "files": made,
        "check_seconds_in_process": round(core, 2),
        "check_cpu_seconds_in_process": round(cpu, 2),
        "check_seconds_command": round(whole, 2),
        "ms_per_file": round(core * 1000 / made, 2),
        "exit_code": code,
        "findings": dict(sorted(counts.items())),
        "scrubnews": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
