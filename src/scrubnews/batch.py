"""The batch layer: which files to clean, where each goes, atomic writes, the report.

It knows files, not articles: it reads bytes, calls ``scrubnews.clean``,
writes the rendered text, and counts outcomes. Inputs are never written:
an output that would land on an input, or an output folder inside an
input folder, is never read or written as input.

A run, in order:

    1. plan      the command line's paths -> ``Job``s (input, output), sorted
    2. claim     each output is claimed by the first job that maps to it; a
                 later job mapping there, or an output that is an input, fails
    3. process   ``process`` per job, in worker processes (``run``): read the
                 input, skip it when its output is up to date (resume), clean,
                 write through a temporary file and a rename
    4. report    outcomes come back in input order, whatever the number of
                 workers, and are counted in a ``Report``

Workers receive paths and write their own outputs; only a short ``Outcome``
travels back (the text itself only when it goes to standard output).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import multiprocessing
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from types import FrameType
from typing import Any, Literal

from scrubnews.article import Article
from scrubnews.config import Config
from scrubnews.errors import InputError, TooLargeInputError
from scrubnews.pipeline import clean
from scrubnews.reread import split_front_matter

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_OUTPUT_FAILED = 3
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # SIGTERM (128 + SIGTERM)

STDIN = "-"

# How much of an existing output is read to find its front-matter (resume).
_HEAD_BYTES = 64 * 1024


class UsageError(Exception):
    """The command line asks for something impossible (turned into exit code 2)."""


class Terminated(SystemExit):
    """SIGTERM arrived: unwinds like ``KeyboardInterrupt`` so that cleanup runs.

    A ``SystemExit``, so that a worker process ends on it quietly.
    """

    def __init__(self) -> None:
        super().__init__(EXIT_TERMINATED)


@dataclass(frozen=True)
class Job:
    """One input and where its article goes (``out`` None: standard output)."""

    display: str
    path: Path | None
    out: Path | None


Status = Literal["cleaned", "unchanged", "failed", "output-failed"]


@dataclass
class Outcome:
    """What happened to one job: small, so that it travels cheaply between processes.

    ``text`` is set only when the article goes to standard output;
    ``article`` only when the caller asked for it (``--explain``).
    """

    job: Job
    status: Status = "cleaned"
    text: str | None = None
    article: Article | None = None
    error: str | None = None


@dataclass(frozen=True)
class Options:
    """What every worker needs to know, besides its job."""

    config: Config = field(default_factory=Config)
    force: bool = False
    keep_article: bool = False


@dataclass
class Report:
    """Counts of a run; owns the exit code."""

    cleaned: int = 0
    unchanged: int = 0
    failed: int = 0
    output_failed: int = 0
    seconds: float = 0.0

    @property
    def done(self) -> int:
        return self.cleaned + self.unchanged + self.failed + self.output_failed

    def count(self, outcome: Outcome) -> None:
        if outcome.status == "cleaned":
            self.cleaned += 1
        elif outcome.status == "unchanged":
            self.unchanged += 1
        elif outcome.status == "failed":
            self.failed += 1
        else:
            self.output_failed += 1

    @property
    def return_code(self) -> int:
        """0 all cleaned or up to date, 1 some inputs failed, 3 some outputs failed."""
        if self.output_failed:
            return EXIT_OUTPUT_FAILED
        if self.failed:
            return EXIT_INPUT_FAILED
        return EXIT_OK

    def summary(self) -> str:
        return (
            f"{self.cleaned} cleaned, {self.unchanged} up to date, "
            f"{self.failed + self.output_failed} failed in {self.seconds:.1f} s"
        )


def _visible_files(folder: Path, skip: Path | None) -> Iterator[Path]:
    """Files under ``folder``, sorted, without hidden files/folders or ``skip``."""
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and (skip is None or (here / d).resolve() != skip)
        )
        for name in sorted(filenames):
            if not name.startswith("."):
                yield here / name


def plan(paths: list[str], outdir: Path | None) -> Iterator[Job]:
    """Jobs for the command line's PATHs, in a stable order.

    Raises ``UsageError`` when several inputs would go to standard output.
    """
    folders = [p for p in paths if p != STDIN and Path(p).is_dir()]
    if outdir is None and (len(paths) > 1 or folders):
        raise UsageError("give -o OUTDIR to clean a folder or several files")
    if paths.count(STDIN) > 1:
        raise UsageError("standard input ('-') can be read only once")
    skip = outdir.resolve() if outdir is not None else None
    for given in paths:
        if given == STDIN:
            yield Job(STDIN, None, outdir / "stdin.md" if outdir else None)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _visible_files(path, skip):
                rel = file.relative_to(path).with_suffix(".md")
                yield Job(str(file), file, outdir / rel if outdir else None)
        else:
            yield Job(given, path, outdir / path.with_suffix(".md").name if outdir else None)


def claim_outputs(jobs: list[Job]) -> list[str | None]:
    """For each job, why it must not write its output (or ``None``), in job order.

    The first job mapping to an output claims it, whether or not it later
    succeeds: which job writes a file never depends on timing.
    """
    inputs = {job.path.resolve() for job in jobs if job.path is not None}
    claimed: dict[Path, str] = {}
    refusals: list[str | None] = []
    for job in jobs:
        refusal = None
        if job.out is not None:
            target = job.out.resolve()
            if target in inputs:
                refusal = f"output {job.out} would overwrite an input"
            elif target in claimed:
                refusal = f"output {job.out} is already written from {claimed[target]}"
            else:
                claimed[target] = job.display
        refusals.append(refusal)
    return refusals


@functools.cache
def _file_mode() -> int:
    """Permissions of a new file under the current umask (``mkstemp`` makes them 0600)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    The temporary file is removed whatever stops the write, Ctrl-C and
    SIGTERM included (see ``worker_signals``): no partial output is left.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, _file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_input(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; ``InputError`` when it holds more than ``limit`` bytes."""
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise TooLargeInputError(limit)
    return raw


def recorded_source(out: Path) -> tuple[str, str] | None:
    """``(source sha256, scrubnews version)`` from the front-matter of an existing output.

    Reads only the head of the file; ``None`` when there is no readable
    scrubnews front-matter there.
    """
    try:
        with out.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    text = head.decode("utf-8", errors="replace")
    end = text.find("\n---\n")
    if end < 0:
        return None
    found = split_front_matter(text[: end + 5])
    if found is None:
        return None
    data = found[0]
    source = data.get("source")
    if not isinstance(source, dict):
        return None
    return str(source.get("sha256")), str(data.get("scrubnews"))


def _read_error(exc: OSError) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def process(job: Job, options: Options, data: bytes | None = None,
            refusal: str | None = None) -> Outcome:
    """Do one job: read, skip if up to date, clean, write. Never raises for a bad input.

    ``data`` holds the bytes when the input is standard input. An input that
    cannot be read or cleaned, or an output that cannot be written, is an
    ``Outcome`` with its reason; the batch goes on.
    """
    from scrubnews import __version__

    if refusal is not None:
        return Outcome(job, "failed", error=refusal)
    limit = options.config.max_input_bytes
    try:
        if job.path is None:
            raw = data or b""
            if len(raw) > limit:
                raise TooLargeInputError(limit)
        else:
            raw = read_input(job.path, limit)
    except OSError as exc:
        return Outcome(job, "failed", error=_read_error(exc))
    except InputError as exc:
        return Outcome(job, "failed", error=str(exc))
    if job.out is not None and not options.force and not options.keep_article:
        digest = hashlib.sha256(raw).hexdigest()
        if recorded_source(job.out) == (digest, __version__):
            return Outcome(job, "unchanged")
    name = job.path.name if job.path is not None else STDIN
    try:
        article = clean(raw, options.config, name=name)
        text = article.to_markdown()
    except InputError as exc:
        return Outcome(job, "failed", error=str(exc))
    except Exception as exc:  # a bug in scrubnews: reported for this file, the batch goes on
        reason = f"internal error ({type(exc).__name__}: {exc}), please report"
        return Outcome(job, "failed", error=reason)
    kept = article if options.keep_article else None
    if job.out is None:
        return Outcome(job, "cleaned", text=text, article=kept)
    try:
        write_atomic(job.out, text)
    except OSError as exc:
        return Outcome(job, "output-failed", article=kept,
                       error=f"{job.out}: {exc.strerror or exc}")
    return Outcome(job, "cleaned", article=kept)


# --- running jobs in worker processes -------------------------------------------------
#
# A small pool of our own rather than ``multiprocessing.Pool``: each worker has
# its own pipe, so a worker that dies (killed, out of memory, a crash in a C
# library) takes no lock shared with the others down with it. Its unfinished
# jobs are retried one by one in a fresh worker, and the job that kills a worker
# twice fails alone, with its reason. At most two chunks per worker are in
# flight, so memory does not grow with the number of jobs.

Task = tuple[Job, bytes | None, str | None]
_DIED = "the worker cleaning it died (exit code {code}): too large or hostile input?"


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def worker_signals() -> None:
    """Signals in a worker: Ctrl-C is the parent's business; SIGTERM unwinds cleanly.

    The parent answers Ctrl-C by sending its workers SIGTERM; raising
    ``Terminated`` there lets ``write_atomic`` remove its temporary file.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _raise_terminated)


def _worker_main(conn: Connection, options: Options) -> None:
    worker_signals()
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        key, tasks = message
        conn.send((key, [process(job, options, data, refusal) for job, data, refusal in tasks]))


@dataclass
class _Chunk:
    """Consecutive tasks sent to one worker: ``tasks[i]`` is job number ``first + i``."""

    first: int
    tasks: list[Task]


class _Worker:
    def __init__(self, context: Any, options: Options) -> None:  # a multiprocessing context
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, options), daemon=True)
        self.process.start()
        child.close()
        self.pending: deque[_Chunk] = deque()

    def send(self, chunk: _Chunk) -> None:
        self.pending.append(chunk)
        self.conn.send((chunk.first, chunk.tasks))

    def stop(self, now: bool) -> None:
        if now:
            self.process.terminate()
        else:
            with contextlib.suppress(OSError):
                self.conn.send(None)
        self.process.join(timeout=10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def default_jobs() -> int:
    """All the cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def chunk_size(total: int, workers: int) -> int:
    """Jobs sent to a worker at a time: few round trips, yet a smooth, balanced finish."""
    return max(1, min(32, total // (workers * 16)))


def run(jobs: list[Job], options: Options, workers: int, stdin: bytes | None = None,
        on_start: Callable[[], object] | None = None) -> Generator[Outcome, None, None]:
    """Outcomes of ``jobs``, in job order, computed by ``workers`` processes.

    With one worker (or one job) everything runs in this process. Otherwise
    worker processes are started (``fork`` where available: no re-import).
    ``on_start`` is called once they exist (a progress display's thread
    must start after the fork). If the consumer stops early (Ctrl-C,
    SIGTERM), the workers are terminated and their temporary files removed
    before this returns.
    """
    refusals = claim_outputs(jobs)
    tasks: Iterator[Task] = (
        (job, stdin if job.path is None else None, refusal)
        for job, refusal in zip(jobs, refusals, strict=True)
    )
    if workers <= 1 or len(jobs) <= 1:
        if on_start is not None:
            on_start()
        for job, data, refusal in tasks:
            yield process(job, options, data, refusal)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    size = chunk_size(len(jobs), workers)
    pool = [_Worker(context, options) for _ in range(min(workers, len(jobs)))]
    if on_start is not None:
        on_start()
    finished = False
    try:
        yield from _drive(pool, tasks, size, lambda: _Worker(context, options))
        finished = True
    finally:
        if not finished:
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        for worker in pool:
            worker.stop(now=not finished)
        if not finished:
            signal.signal(signal.SIGINT, previous)


def _drive(pool: list[_Worker], tasks: Iterator[Task], size: int,
           spawn: Callable[[], _Worker]) -> Iterator[Outcome]:
    """Feed chunks to the workers and yield outcomes in job order."""
    retry: deque[_Chunk] = deque()
    done: dict[int, Outcome] = {}
    position = 0  # next job number to hand out
    wanted = 0  # next job number to yield

    def next_chunk() -> _Chunk | None:
        nonlocal position
        if retry:
            return retry.popleft()
        batch = list(itertools.islice(tasks, size))
        if not batch:
            return None
        chunk = _Chunk(position, batch)
        position += len(batch)
        return chunk

    def feed(worker: _Worker) -> None:
        while len(worker.pending) < 2:
            chunk = next_chunk()
            if chunk is None:
                return
            worker.send(chunk)

    for worker in pool:
        feed(worker)
    while any(worker.pending for worker in pool):
        busy = {worker.conn: worker for worker in pool if worker.pending}
        for conn in wait(list(busy)):
            worker = busy[conn]
            try:
                first, outcomes = worker.conn.recv()
            except (EOFError, OSError):
                _replace(pool, worker, spawn, retry, done)
                continue
            worker.pending.popleft()
            for offset, outcome in enumerate(outcomes):
                done[first + offset] = outcome
        for worker in pool:
            feed(worker)
        while wanted in done:
            yield done.pop(wanted)
            wanted += 1


def _replace(pool: list[_Worker], dead: _Worker, spawn: Callable[[], _Worker],
             retry: deque[_Chunk], done: dict[int, Outcome]) -> None:
    """A worker died: retry its jobs one by one; a job that killed a worker alone fails."""
    dead.process.join()
    code = dead.process.exitcode
    if code in (EXIT_TERMINATED, -signal.SIGTERM, EXIT_INTERRUPTED, -signal.SIGINT):
        raise Terminated()  # terminated from outside, like the rest of the run
    dead.conn.close()
    # The first pending chunk was being cleaned; the others were still waiting.
    culprit, *waiting = dead.pending
    if len(culprit.tasks) == 1:
        done[culprit.first] = Outcome(culprit.tasks[0][0], "failed", error=_DIED.format(code=code))
    else:
        retry.extend(_Chunk(culprit.first + i, [task]) for i, task in enumerate(culprit.tasks))
    retry.extend(waiting)
    pool[pool.index(dead)] = spawn()


def handle_sigterm() -> None:
    """In the main process: SIGTERM raises ``Terminated`` (cleanup runs, exit code 143)."""
    if sys.platform != "win32":
        signal.signal(signal.SIGTERM, _raise_terminated)
