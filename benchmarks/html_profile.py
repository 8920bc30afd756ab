"""HTML cleaning speed: milliseconds per page, in one process, and where the time goes.

Reads the HTML pages of ``../shared/corpora`` (aeb, readability,
trafilatura; nothing from the corpora is kept here) into memory, then
times ``scrubnews.clean(raw)`` plus rendering on each set, best of
``--repeat`` runs (CPU time of this process, so a busy machine disturbs
it less).

    python benchmarks/html_profile.py                     # ms per page per set
    python benchmarks/html_profile.py --peer              # and trafilatura's, same run
    python benchmarks/html_profile.py --profile aeb       # cProfile, top 30 by own time
    python benchmarks/html_profile.py --digest out.txt    # sha256 of every output, to
                                                          # check a change keeps the bytes
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import time
from collections.abc import Callable
from pathlib import Path

from scrubnews import clean
from scrubnews.errors import InputError
from scrubnews.render import to_markdown

SETS = ("aeb", "readability", "trafilatura")


def load(corpora: Path, name: str) -> list[tuple[str, bytes]]:
    """The pages of one set, as (id, bytes)."""
    return [(p.stem, p.read_bytes()) for p in sorted((corpora / name / "html").glob("*.html"))]


def run(pages: list[tuple[str, bytes]]) -> list[str]:
    """Clean and render every page; the outputs (an error's name for a failure)."""
    out = []
    for _name, raw in pages:
        try:
            out.append(to_markdown(clean(raw)))
        except InputError as err:
            out.append(type(err).__name__)
    return out


def run_trafilatura(pages: list[tuple[str, bytes]]) -> list[str]:
    """trafilatura's whole extraction on every page (the peer of issue 5)."""
    import trafilatura

    return [trafilatura.extract(raw) or "" for _name, raw in pages]


def timed(pages: list[tuple[str, bytes]], repeat: int, fn: Callable[..., object] = run) -> float:
    """Best CPU milliseconds per page over ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn(pages)
        best = min(best, time.process_time() - start)
    return 1000 * best / max(1, len(pages))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", metavar="SET", help="profile one set with cProfile")
    parser.add_argument("--peer", action="store_true",
                        help="time trafilatura.extract on the same pages, in the same run")
    parser.add_argument("--digest", type=Path, help="write one sha256 per page to this file")
    args = parser.parse_args()
    names = args.sets.split(",")
    if not (args.corpora / names[0] / "html").is_dir():
        raise SystemExit(f"no HTML under {args.corpora}: nothing to benchmark")
    sets = {name: load(args.corpora, name) for name in names}
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run(sets[args.profile])
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(40)
        return
    if args.digest:
        with args.digest.open("w", encoding="utf-8") as fh:
            for name, pages in sets.items():
                for (page, _raw), text in zip(pages, run(pages), strict=True):
                    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
                    fh.write(f"{name}/{page} {digest}\n")
        return
    run(sets[names[0]][:20])  # warm up imports and caches
    if args.peer:
        run_trafilatura(sets[names[0]][:5])
    for name, pages in sets.items():
        ours = timed(pages, args.repeat)
        line = f"{name:12} {len(pages):4} pages  scrubnews {ours:6.2f} ms/page"
        if args.peer:
            theirs = timed(pages, args.repeat, run_trafilatura)
            line += f"  trafilatura {theirs:6.2f} ms/page  ratio {theirs / ours:4.2f}x"
        print(line, flush=True)


if __name__ == "__main__":
    main()
