"""Speed and memory of scrubnews next to trafilatura, on the evaluation corpora.

    pip install -e '.[bench]'
    python benchmarks/speed.py                    # everything (a few minutes)
    python benchmarks/speed.py --only core        # documents per CPU second only
    python benchmarks/speed.py --files 20000      # size of the memory run

Measures, in one run:

1. core: documents per CPU second (one process, ``time.process_time``, so
   other load on the machine matters little) of ``scrubnews.clean`` +
   rendering on text dumps and on HTML pages, and of ``trafilatura.extract``
   on the same HTML pages;
2. jobs: wall time of ``scrubnews clean FOLDER -o OUT --force`` with
   ``--jobs 1`` and ``--jobs 2`` (needs two free cores to mean anything);
3. memory: peak resident memory of a ``--jobs 2`` run over FILES files
   copied from the corpora into a temporary folder (the largest single
   process; ``ru_maxrss`` of the children).

``--only stages`` says where the time of the dumps goes: CPU seconds of
each pipeline stage over the ``dump/`` inputs (the boilerplate stage split
into its line rules and line model, the structure stage's headline pick and
author search shown apart).

The corpora are looked for at ``../shared/corpora`` from the project root.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = ("aeb", "readability", "trafilatura")


def _files(kind: str) -> list[Path]:
    return [p for s in SETS for p in sorted((CORPORA / s / kind).glob("*"))]


def _per_cpu_second(work: list[bytes], fn: object, repeat: int = 1) -> float:
    call = fn  # a callable taking bytes
    for raw in work[:5]:
        call(raw)  # type: ignore[operator]
    start = time.process_time()
    for _ in range(repeat):
        for raw in work:
            call(raw)  # type: ignore[operator]
    return len(work) * repeat / (time.process_time() - start)


def core() -> dict[str, float]:
    from scrubnews import InputError, clean

    def scrub(raw: bytes) -> None:
        with contextlib.suppress(InputError):
            clean(raw).to_markdown()

    results: dict[str, float] = {}
    dumps = [p.read_bytes() for p in _files("dump")]
    html = [p.read_bytes() for p in _files("html")]
    results["scrubnews dumps"] = _per_cpu_second(dumps, scrub)
    results["scrubnews html"] = _per_cpu_second(html, scrub)
    try:
        import trafilatura
    except ImportError:
        print("trafilatura not installed (pip install -e '.[bench]'): skipped", file=sys.stderr)
        return results
    results["trafilatura html"] = _per_cpu_second(html, trafilatura.extract)
    return results


def _copy_corpus(folder: Path, count: int) -> None:
    sources = _files("dump") + _files("html") + _files("dump-w3m") + _files("dump-html2text")
    for n, source in enumerate(itertools.islice(itertools.cycle(sources), count)):
        sub = folder / f"{n // 1000:03}"
        sub.mkdir(exist_ok=True)
        shutil.copyfile(source, sub / f"{n:06}{source.suffix}")


def _clean(inputs: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one ``scrubnews clean`` run."""
    command = [sys.executable, "-m", "scrubnews", "clean", str(inputs), "-o", str(out),
               "--force", "--quiet", "--jobs", str(jobs)]
    # A child forked from this process starts out counting this process's resident
    # pages (the trafilatura and corpus data of the core part) in its ru_maxrss, so the
    # run is started from a small wrapper process that reports its own children's peak.
    start = time.perf_counter()
    wrapper = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], check=False, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    return seconds, int(wrapper.stdout.split()[-1])


_WRAPPER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def jobs_scaling(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        _copy_corpus(inputs, count)
        one, _ = _clean(inputs, Path(tmp) / "out1", 1)
        two, _ = _clean(inputs, Path(tmp) / "out2", 2)
    return {"files": count, "jobs 1 s": one, "jobs 2 s": two, "speed-up": one / two}


def memory(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        _copy_corpus(inputs, count)
        seconds, peak = _clean(inputs, Path(tmp) / "out", 2)
        written = sum(1 for _ in (Path(tmp) / "out").rglob("*.md"))
    return {"files": count, "written": written, "seconds": seconds, "peak MB": peak / 1024}


STAGES = (
    # (label, module, attribute): each is timed where the pipeline looks it up.
    ("repair", "scrubnews.pipeline", "repair"),
    ("segment", "scrubnews.pipeline", "segment"),
    ("boilerplate", "scrubnews.pipeline", "sort_lines"),
    ("  line rules", "scrubnews.boilerplate", "apply_rules"),
    ("  line model", "scrubnews.linemodel", "LineModel.probabilities"),
    ("structure", "scrubnews.pipeline", "structure"),
    ("  headline pick", "scrubnews.headline", "pick"),
    ("  author search", "scrubnews.structure", "_authors"),
    ("render", "scrubnews.article", "Article.to_markdown"),
)


def stages() -> dict[str, float]:
    """CPU seconds per pipeline stage over the ``dump/`` inputs, and in all."""
    import importlib

    from scrubnews import InputError, clean

    spent = dict.fromkeys([label for label, _m, _a in STAGES], 0.0)

    def timed(label: str, fn: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start

        return run

    patched = []
    for label, module_name, attribute in STAGES:
        owner: Any = importlib.import_module(module_name)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)
        patched.append((owner, name, original))
        setattr(owner, name, timed(label, original))
    dumps = [p.read_bytes() for p in _files("dump")]
    start = time.process_time()
    try:
        for raw in dumps:
            with contextlib.suppress(InputError):
                clean(raw).to_markdown()
    finally:
        for owner, name, original in patched:
            setattr(owner, name, original)
    spent["all"] = time.process_time() - start
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=["core", "jobs", "memory", "stages"])
    parser.add_argument("--files", type=int, default=20_000, help="files in the memory run")
    parser.add_argument("--jobs-files", type=int, default=3_000, help="files in the jobs run")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"no corpora at {CORPORA}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    if args.only == "stages":
        spent = stages()
        total = spent["all"]
        print(f"{len(_files('dump'))} dumps, {total:.2f} CPU s"
              f" ({1000 * total / len(_files('dump')):.2f} ms each)")
        for label, seconds in spent.items():
            if label != "all":
                print(f"{label:18s} {seconds:6.2f} s  {100 * seconds / total:5.1f}%")
        return
    if args.only in (None, "core"):
        results = core()
        for name, rate in results.items():
            print(f"{name:20s} {rate:8.1f} docs per CPU second")
        if "trafilatura html" in results:
            base = results["trafilatura html"]
            print(f"dumps / trafilatura html: {results['scrubnews dumps'] / base:.1f}x"
                  f"   html / trafilatura html: {results['scrubnews html'] / base:.1f}x")
    if args.only in (None, "jobs"):
        print("jobs:", {k: round(v, 2) for k, v in jobs_scaling(args.jobs_files).items()})
    if args.only in (None, "memory"):
        print("memory:", {k: round(v, 1) for k, v in memory(args.files).items()})


if __name__ == "__main__":
    main()
