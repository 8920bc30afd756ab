"""The ``clean`` command on many files: workers, resume, errors, interruption, bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from scrubnews import batch
from scrubnews.batch import Job, Options, process, recorded_source
from scrubnews.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

ARTICLE = (
    "A headline about the harbour\n\nBy Jo Bloggs\n\n"
    + "The harbour board met on Tuesday and agreed a plan for the old quay. " * 6
    + "\n\nMembers said the work would start in spring and finish within a year.\n"
)


def _corpus(folder: Path) -> Path:
    """A small tree of inputs: the samples, a sub-folder, and some bad files."""
    folder.mkdir()
    for sample in sorted(SAMPLES.iterdir()):
        (folder / sample.name).write_bytes(sample.read_bytes())
    (folder / "sub").mkdir()
    for n in range(6):
        (folder / "sub" / f"a{n}.txt").write_text(ARTICLE.replace("harbour", f"harbour {n}"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _clean(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["clean", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jobs_do_not_change_the_output(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    one = _clean(str(inputs), "-o", str(tmp_path / "one"), "--jobs", "1")
    two = _clean(str(inputs), "-o", str(tmp_path / "two"), "--jobs", "2")
    assert one[0] == two[0] == 1  # the two bad files
    assert one[2] == two[2]  # the same errors, in the same order
    first, second = _tree(tmp_path / "one"), _tree(tmp_path / "two")
    assert first == second
    assert len(first) == len(list(SAMPLES.iterdir())) + 6
    assert not any(name.endswith(".tmp") for name in first)


def test_errors_file_has_one_json_line_per_failed_input(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    errors = tmp_path / "errors.jsonl"
    code, _out, err = _clean(str(inputs), "-o", str(tmp_path / "out"), "--errors", str(errors))
    assert code == 1
    lines = [json.loads(line) for line in errors.read_text().splitlines()]
    assert lines == [
        {"path": str(inputs / "empty.txt"), "reason": "empty input: no text to clean"},
        {"path": str(inputs / "image.png"),
         "reason": "binary input (PNG image), not a text dump or HTML page"},
    ]
    assert f"error: {inputs / 'empty.txt'}: empty input: no text to clean" in err


def test_rerun_skips_up_to_date_outputs_and_force_redoes_them(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    _clean(str(inputs), "-o", str(out), "--jobs", "1")
    stamp = out / "sub" / "a0.md"
    os.utime(stamp, (1, 1))
    _clean(str(inputs), "-o", str(out), "--jobs", "1")
    assert stamp.stat().st_mtime == 1  # up to date: not written again

    # A changed input is cleaned again; the others stay as they are.
    (inputs / "sub" / "a0.txt").write_text(ARTICLE.replace("harbour", "marina"))
    os.utime(out / "sub" / "a1.md", (1, 1))
    _clean(str(inputs), "-o", str(out), "--jobs", "1")
    assert "marina" in stamp.read_text()
    assert (out / "sub" / "a1.md").stat().st_mtime == 1

    _clean(str(inputs), "-o", str(out), "--jobs", "1", "--force")
    assert (out / "sub" / "a1.md").stat().st_mtime > 1


def test_an_output_from_another_version_is_not_up_to_date(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE)
    job = Job(str(source), source, tmp_path / "a.md")
    assert process(job, Options()).status == "cleaned"
    recorded = recorded_source(tmp_path / "a.md")
    assert recorded is not None
    assert process(job, Options()).status == "unchanged"
    text = (tmp_path / "a.md").read_text().replace(f"scrubnews: {recorded[1]}", "scrubnews: 0.0.1")
    (tmp_path / "a.md").write_text(text)
    assert process(job, Options()).status == "cleaned"


def test_a_damaged_output_is_cleaned_again(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE)
    (tmp_path / "a.md").write_bytes(b"---\ntitle: [unclosed\n---\n\x00\xff")
    outcome = process(Job(str(source), source, tmp_path / "a.md"), Options())
    assert outcome.status == "cleaned"
    assert yaml.safe_load((tmp_path / "a.md").read_text().split("---\n")[1])["title"]


def test_outputs_are_claimed_in_input_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.html").write_bytes(b"")  # claims out/a.md first, then fails
    code, _out, err = _clean(str(tmp_path / "a.html"), str(tmp_path / "a.txt"),
                             "-o", str(tmp_path / "out"), "--jobs", "2")
    assert code == 1
    assert f"output {tmp_path / 'out' / 'a.md'} is already written from" in err
    assert not (tmp_path / "out" / "a.md").exists()


def test_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    assert _clean(str(tmp_path / "good.txt"))[0] == 0
    assert _clean(str(tmp_path / "missing.txt"))[0] == 1
    assert _clean(str(tmp_path), str(tmp_path / "good.txt"))[0] == 2  # no -o
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the output folder should be")
    code, _out, err = _clean(str(tmp_path / "good.txt"), "-o", str(blocked / "sub"))
    assert code == 3
    assert "error: output:" in err


def test_quiet_and_piped_runs_print_nothing_but_errors(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(ARTICLE)
    for extra in ([], ["--quiet"]):
        code, out, err = _clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), *extra)
        assert (code, out, err) == (0, "", "")


def test_a_terminal_gets_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("TTY_INTERACTIVE", "0")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text(ARTICLE)
    (tmp_path / "in" / "bad.txt").write_text("")
    code, _out, err = _clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "1 cleaned, 0 up to date, 1 failed in" in err
    code, _out, err = _clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q")
    assert "cleaned" not in err


def test_an_interrupted_write_leaves_no_file(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"a{n}.txt").write_text(ARTICLE)
    real_fdopen = os.fdopen
    calls = []

    def interrupted_fdopen(fd: int, *args: object, **kwargs: object) -> object:
        calls.append(fd)
        if len(calls) == 2:
            handle = real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]
            handle.write("half an arti")
            handle.flush()
            raise KeyboardInterrupt
        return real_fdopen(fd, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(batch.os, "fdopen", interrupted_fdopen)
    code, _out, err = _clean(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 130
    assert err.strip().splitlines()[-1] == "interrupted: 1 of 3 inputs done; run again to resume"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a0.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_the_workers_cleanly(tmp_path: Path, signum: int, code: int) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    # Slow inputs (long lines of mojibake), so the signal lands mid-run.
    slow = ("cafÃ© dÃ©jÃ  " * 20_000 + "\n").encode()
    for n in range(40):
        (inputs / f"{n:02}.txt").write_bytes(slow)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "scrubnews", "clean", str(inputs), "-o", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    deadline = time.monotonic() + 120  # a loaded machine may be slow to start
    while time.monotonic() < deadline and not (out.exists() and any(out.glob("*.md"))):
        time.sleep(0.05)
    # Like a terminal's Ctrl-C (or `kill`), the whole process group gets the signal.
    os.killpg(proc.pid, signum)
    _stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == code
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("interrupted: ")
    assert not list(out.glob(".*"))  # no temporary file left
    done = sorted(out.glob("*.md"))
    assert 0 < len(done) < 40
    for path in done:
        assert path.read_bytes().endswith(b"\n")
        assert yaml.safe_load(path.read_text().split("---\n")[1])["source"]["sha256"]


HOSTILE: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b" \n\t\r\n  ",
    "nul.bin": b"\x00" * 4096,
    "image.jpg": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8,
    "doc.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 8,
    "utf16.txt": ("A headline\n\nBy Jo Bloggs\n\n" + "Some words here. " * 40).encode("utf-16"),
    "utf16-no-bom.txt": ("A headline\n\n" + "Some words here. " * 40).encode("utf-16-le"),
    "invalid-utf8.txt": b"Caf\xe9 \xff\xfe and \xc3( more\n" * 50,
    "one-long-line.txt": b"word and more words, " * 100_000,
    "brackets.txt": b"[" * 200_000 + b"](" * 100_000,
    "hashes.txt": b"#" * 200_000 + b" x " + b"#" * 100_000,
    "deep.html": b"<html><body>" + b"<div>" * 20_000 + b"deep text" + b"</div>" * 20_000,
    "truncated.html": b"<!DOCTYPE html><html><head><title>T</title><body><article><p>Some te",
    "no-article.html": b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body>",
    "huge.txt": b"",  # filled by the test: over the size limit
}


def test_hostile_inputs_never_stop_the_batch(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, data in HOSTILE.items():
        (inputs / name).write_bytes(data)
    with (inputs / "huge.txt").open("wb") as handle:
        handle.truncate(16 * 2**20 + 1)
    errors = tmp_path / "errors.jsonl"
    code, _out, err = _clean(str(inputs), "-o", str(tmp_path / "out"), "--errors", str(errors))
    assert code == 1
    assert "Traceback" not in err
    failed = {Path(json.loads(line)["path"]).name: json.loads(line)["reason"]
              for line in errors.read_text().splitlines()}
    assert failed == {
        "blank.txt": "empty input: no text to clean",
        "doc.pdf": "binary input (PDF document), not a text dump or HTML page",
        "empty.txt": "empty input: no text to clean",
        "huge.txt": "input too large (over 16 MB), not a news article",
        "image.jpg": "binary input (JPEG image), not a text dump or HTML page",
        "nul.bin": "binary input (NUL bytes), not a text dump or HTML page",
    }
    written = {p.stem for p in (tmp_path / "out").iterdir()}
    assert written == {Path(name).stem for name in HOSTILE} - {Path(n).stem for n in failed}
    for path in (tmp_path / "out").iterdir():
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        assert isinstance(front["title"], str)
    assert "Some words here." in (tmp_path / "out" / "utf16.md").read_text()


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(),
                    reason="the crash is planted in the parent and inherited by fork")
def test_a_worker_that_dies_fails_only_its_own_input(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real_clean = batch.clean

    def crashing_clean(raw: bytes, config: object, *, name: str) -> object:
        if name == "crash.txt":
            os._exit(9)  # like a crash in a C library, or the out-of-memory killer
        return real_clean(raw, config, name=name)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "clean", crashing_clean)
    jobs = []
    for n in range(40):
        name = "crash.txt" if n == 17 else f"a{n:02}.txt"
        (tmp_path / name).write_text(ARTICLE)
        jobs.append(Job(name, tmp_path / name, tmp_path / "out" / f"{n:02}.md"))
    outcomes = list(batch.run(jobs, Options(), workers=2))
    assert [o.job for o in outcomes] == jobs
    assert [o.status for o in outcomes].count("cleaned") == 39
    assert outcomes[17].status == "failed"
    assert outcomes[17].error == (
        "the worker cleaning it died (exit code 9): too large or hostile input?"
    )
