"""``scrubnews check`` on the command line: formats (parsed), exit codes, configuration."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scrubnews.cli import main
from scrubnews.codes import BY_CODE, CODES
from scrubnews.settings import SettingsError, find, load

DATA = Path(__file__).parent / "data" / "check"
GOOD = str(DATA / "good.md")
DUMP = str(DATA / "dump.txt")
WARN = str(DATA / "SN302-short-body.md")  # a warning only
ANSI = "\x1b["


def run(*args: str, isolated: bool = True, input: bytes | None = None,
        env: dict[str, str] | None = None) -> Result:
    flags = ["--isolated"] if isolated else []
    return CliRunner().invoke(main, ["check", *flags, *args], input=input, env=env)


# --- exit codes ---------------------------------------------------------------------------


def test_clean_article_exits_0() -> None:
    result = run(GOOD)
    assert result.exit_code == 0
    assert result.stdout == "All checks passed! (1 file checked)\n"


def test_dump_exits_1_with_text_lines() -> None:
    result = run(DUMP)
    assert result.exit_code == 1
    assert f"{DUMP}:1:1: SN101 boilerplate line (back-to-top): 'Skip to content'\n" in result.stdout
    assert result.stdout.endswith("Found 5 errors and 0 warnings in 1 file (1 file checked).\n")


def test_warnings_fail_only_when_strict() -> None:
    assert run(WARN).exit_code == 0
    assert run("--strict", WARN).exit_code == 1
    assert run("--fail-on", "warning", WARN).exit_code == 1


def test_exit_zero() -> None:
    result = run("--exit-zero", DUMP)
    assert result.exit_code == 0
    assert "(--exit-zero)" in result.stdout


def test_unreadable_file_exits_3_even_with_findings(tmp_path: Path) -> None:
    result = run(DUMP, str(tmp_path / "missing.txt"))
    assert result.exit_code == 3
    assert "SN001 cannot read file" in result.stdout
    assert run("--exit-zero", str(tmp_path / "missing.txt")).exit_code == 3


@pytest.mark.parametrize("args", [
    ["--select", "SN999", GOOD],
    ["--ignore", "no-such-code", GOOD],
    ["--format", "yaml", GOOD],
    [],
    ["-", "-"],
    ["--diff", "--format", "json", GOOD],
])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).exit_code == 2


# --- selection ----------------------------------------------------------------------------


def test_select_by_code_name_or_prefix() -> None:
    for selector in ("SN101", "boilerplate-line", "SN10", "sn1"):
        result = run("--select", selector, "--format", "json", DUMP)
        codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
        assert codes == {"SN101"}, selector


def test_ignore_and_extend_select() -> None:
    result = run("--select", "SN101", "--extend-select", "would-clean", "--format", "json", DUMP)
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"SN101", "SN401"}
    result = run("--ignore", "SN101,SN401", DUMP)
    assert result.exit_code == 0


# --- formats, each parsed -----------------------------------------------------------------


def test_json() -> None:
    result = run("--format", "json", DUMP, GOOD)
    data = json.loads(result.stdout)
    assert data["summary"] == {
        "files": 2, "files_with_findings": 1, "unreadable": 0, "errors": 5, "warnings": 0,
        "fail_on": "error", "failing": 5, "exit_code": 1,
        "statistics": {"SN101": 4, "SN401": 1},
    }
    first = next(f for f in data["findings"] if f["location"] is not None)
    assert first == {
        "code": "SN101", "name": "boilerplate-line", "severity": "error",
        "message": "boilerplate line (back-to-top): 'Skip to content'",
        "url": BY_CODE["SN101"].url, "filename": DUMP, "location": {"row": 1, "column": 1},
    }


def test_json_lines() -> None:
    lines = run("--format", "json-lines", DUMP).stdout.splitlines()
    objects = [json.loads(line) for line in lines]
    assert len(objects) == 5
    assert {o["code"] for o in objects} == {"SN101", "SN401"}


def _unescape_gh(value: str) -> str:
    for escaped, char in (("%0A", "\n"), ("%0D", "\r"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, char)
    return value


def test_github_annotations(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:100%.md"
    shutil.copy(DATA / "SN101-boilerplate-line.md", odd)
    lines = run("--format", "github", str(odd), WARN).stdout.splitlines()
    parsed = []
    for line in lines:
        head, _, message = line.partition("::")[2].partition("::")
        command, _, props = head.partition(" ")
        fields = dict(p.split("=", 1) for p in props.split(","))
        parsed.append((command, {k: _unescape_gh(v) for k, v in fields.items()},
                       _unescape_gh(message)))
    command, fields, message = parsed[0]
    assert command == "error"
    assert fields == {"title": "scrubnews (SN101)", "file": str(odd), "line": "16", "col": "1"}
    assert message == f"{odd}:16:1: SN101 boilerplate line (share-widget): 'Share this article'"
    assert parsed[1][0] == "warning"
    assert "line" not in parsed[1][1]


def test_github_escapes_newlines_in_messages() -> None:
    from scrubnews.reports import _gh_data, _gh_property

    assert _gh_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert _gh_property("x:y,z") == "x%3Ay%2Cz"


def test_junit() -> None:
    result = run("--format", "junit", DUMP, GOOD)
    root = ET.fromstring(result.stdout)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {DUMP, GOOD}
    cases = suites[DUMP].findall("testcase")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names)) == 5
    assert "SN101:13" in names
    assert all(c.find("failure") is not None for c in cases)
    [passing] = suites[GOOD].findall("testcase")
    assert passing.find("failure") is None
    assert root.get("tests") == "6" and root.get("failures") == "5"


def test_sarif() -> None:
    result = run("--format", "sarif", DUMP)
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0" and "$schema" in log
    [sarif_run] = log["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [c.code for c in CODES]
    assert all(r["helpUri"] and r["shortDescription"]["text"] for r in rules)
    located = [r for r in sarif_run["results"] if r["ruleId"] == "SN101"]
    first = located[0]
    assert rules[first["ruleIndex"]]["id"] == "SN101"
    assert first["level"] == "error"
    physical = first["locations"][0]["physicalLocation"]
    assert physical["region"] == {"startLine": 1, "startColumn": 1}
    assert not Path(physical["artifactLocation"]["uri"]).is_absolute()
    prints = [r["partialFingerprints"]["scrubnewsFinding/v1"] for r in sarif_run["results"]]
    assert len(set(prints)) == len(prints)


def test_gitlab() -> None:
    data = json.loads(run("--format", "gitlab", DUMP, WARN).stdout)
    assert {d["severity"] for d in data} == {"major", "minor"}
    assert all(set(d) == {"check_name", "description", "fingerprint", "severity", "location"}
               for d in data)


def test_output_file_has_no_colour(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    result = run("--color", "always", "-o", str(out), DUMP)
    assert result.exit_code == 1 and result.stdout == ""
    report = out.read_text(encoding="utf-8")
    assert ANSI not in report and "SN101" in report


def test_colour_choices() -> None:
    assert ANSI in run("--color", "always", DUMP).stdout
    assert ANSI not in run("--color", "never", DUMP).stdout
    assert ANSI not in run(DUMP).stdout  # not a terminal
    assert ANSI in run(DUMP, env={"FORCE_COLOR": "1"}).stdout
    assert ANSI not in run(DUMP, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI not in run("--format", "json", DUMP, env={"FORCE_COLOR": "1"}).stdout


def test_statistics_and_quiet() -> None:
    stats = run("--statistics", DUMP).stdout.splitlines()
    assert stats[-3].split() == ["4", "SN101", "boilerplate-line", "[error]"]
    quiet = run("-q", DUMP)
    assert quiet.exit_code == 1 and "Found" not in quiet.stdout and "SN101" in quiet.stdout
    silent = run("-qq", DUMP)
    assert silent.exit_code == 1 and silent.stdout == ""


def test_diff_shows_what_clean_would_change() -> None:
    result = run("--diff", DUMP)
    assert "--- " + DUMP in result.stdout
    assert "-Skip to content\n" in result.stdout
    assert "+title: Library reopens after two-year renovation\n" in result.stdout


def test_list_codes() -> None:
    listed = run("--list-codes").stdout.splitlines()
    assert [line.split()[0] for line in listed] == [c.code for c in CODES]
    data = json.loads(run("--list-codes", "--format", "json").stdout)
    assert [d["name"] for d in data] == [c.name for c in CODES]
    assert all(d["url"].startswith("http") for d in data)


def test_stdin_with_a_filename() -> None:
    raw = (DATA / "SN101-boilerplate-line.md").read_bytes()
    result = run("--stdin-filename", "x.md", "--format", "json", "-", input=raw)
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["code"], finding["filename"]) == ("SN101", "x.md")


def test_folder_is_walked(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(GOOD, tmp_path / "sub" / "a.md")
    shutil.copy(DUMP, tmp_path / "b.txt")
    (tmp_path / ".hidden.txt").write_text("Share\n")
    data = json.loads(run("--format", "json", str(tmp_path)).stdout)
    assert data["summary"]["files"] == 2
    assert {f["filename"] for f in data["findings"]} == {str(tmp_path / "b.txt")}


# --- configuration ------------------------------------------------------------------------


def _project(tmp_path: Path, toml: str) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    sub = tmp_path / "articles"
    sub.mkdir()
    shutil.copy(DUMP, sub / "dump.txt")
    shutil.copy(WARN, sub / "short.md")
    return sub


def test_config_found_upward_and_cli_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = _project(tmp_path, '[tool.scrubnews.check]\nignore = ["SN101"]\nfail-on = "warning"\n')
    monkeypatch.chdir(sub)
    data = json.loads(run("--format", "json", ".", isolated=False).stdout)
    assert "SN101" not in data["summary"]["statistics"]
    assert data["summary"]["fail_on"] == "warning"
    assert run("short.md", isolated=False).exit_code == 1  # fail-on warning from the config
    assert run("--fail-on", "error", "short.md", isolated=False).exit_code == 0
    selected = json.loads(run("--select", "SN101", "--format", "json", ".", isolated=False).stdout)
    assert set(selected["summary"]["statistics"]) == {"SN101"}
    assert "SN101" in json.loads(run("--format", "json", ".").stdout)["summary"]["statistics"]


def test_pyproject_without_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.scrubnews]\nmin-core-words = 10\n')
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert find(inner) == tmp_path / "pyproject.toml"
    assert load(inner).min_core_words == 10


def test_search_stops_at_repository_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.scrubnews]\nmin-core-words = 10\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    assert find(repo) is None


def test_per_file_ignores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = _project(tmp_path, '[tool.scrubnews.check]\n'
                   'per-file-ignores = { "articles/*.txt" = ["boilerplate-line", "SN4"] }\n')
    monkeypatch.chdir(sub)
    assert run("dump.txt", isolated=False).exit_code == 0
    assert run("dump.txt").exit_code == 1


def test_config_option_and_plain_toml(tmp_path: Path) -> None:
    config = tmp_path / "scrubnews.toml"
    config.write_text('[check]\nselect = ["SN401"]\n')
    data = json.loads(run("--config", str(config), "--format", "json", DUMP,
                          isolated=False).stdout)
    assert set(data["summary"]["statistics"]) == {"SN401"}


@pytest.mark.parametrize("toml", [
    "[tool.scrubnews]\nunknown = 1\n",
    "[tool.scrubnews.check]\nignore = [\"SN999\"]\n",
    "[tool.scrubnews.check]\nfail-on = \"info\"\n",
    "[tool.scrubnews]\nextra-boilerplate = [\"(unclosed\"]\n",
    "[tool.scrubnews.check]\nmin-body-words = -1\n",
    "[tool.scrubnews.check]\nper-file-ignores = { \"*.md\" = \"SN101\" }\n",
    "[tool.scrubnews\n",
])
def test_bad_config_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str) -> None:
    sub = _project(tmp_path, toml)
    monkeypatch.chdir(sub)
    with pytest.raises(SettingsError):
        load(sub)
    result = run(GOOD, isolated=False)
    assert result.exit_code == 2
    assert "pyproject.toml" in result.output
    assert run(GOOD).exit_code == 0  # --isolated reads no file


def test_config_feeds_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = _project(tmp_path, '[tool.scrubnews]\nextra-boilerplate = ["visitors found .*"]\n')
    monkeypatch.chdir(sub)
    cleaned = CliRunner().invoke(main, ["clean", str(DATA / "dump.txt")])
    assert cleaned.exit_code == 0
    assert "Visitors found" not in cleaned.stdout
    assert "Librarians said" in cleaned.stdout
    # and check sees the same pattern in an article cleaned without it
    result = run("--format", "json", GOOD, isolated=False)
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["code"] == "SN101" and "user-pattern" in finding["message"]


def test_show_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = _project(tmp_path, '[tool.scrubnews.check]\nignore = ["SN2"]\n')
    monkeypatch.chdir(sub)
    shown = run("--show-settings", isolated=False).stdout
    assert f"config file: {tmp_path / 'pyproject.toml'}" in shown
    codes = next(line for line in shown.splitlines() if line.startswith("codes:"))
    assert "SN101" in codes and "SN201" not in codes
