"""``scrubnews check``: every code, selection, configuration, exit codes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scrubnews import render
from scrubnews.check import Options, check_bytes, check_path
from scrubnews.cli import main
from scrubnews.codes import BY_CODE, CODES, Selection, SelectorError, enabled, resolve
from scrubnews.config import Config
from scrubnews.pipeline import clean
from scrubnews.schema import NAMES

DATA = Path(__file__).parent / "data" / "check"
ROOT = Path(__file__).parent.parent
GOOD = DATA / "good.md"


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["check", "--isolated", *args], input=input)


def codes_in(path: Path, options: Options | None = None) -> set[str]:
    return {f.code.code for f in check_path(path, options or Options()).findings}


# --- every code: one file that triggers it, one that does not -------------------------------

CASES = sorted(p for p in DATA.iterdir() if re.fullmatch(r"SN\d{3}-[a-z0-9-]+\.\w+", p.name))


def test_every_code_has_a_case() -> None:
    covered = {p.name[:5] for p in CASES} | {"SN001"}  # SN001: a missing path, below
    assert covered == set(BY_CODE)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_case_triggers_its_code(path: Path) -> None:
    assert path.name[:5] in codes_in(path)


def test_good_article_has_no_finding() -> None:
    assert check_path(GOOD, Options()).findings == []


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_good_article_does_not_trigger(code: str) -> None:
    assert code not in codes_in(GOOD)


def test_case_names_match_code_names() -> None:
    for path in CASES:
        assert path.stem.removeprefix(path.name[:6]).removesuffix("-dump") == \
            BY_CODE[path.name[:5]].name


def test_unreadable_file(tmp_path: Path) -> None:
    result = check_path(tmp_path / "missing.md", Options())
    assert result.unreadable
    assert [f.code.code for f in result.findings] == ["SN001"]
    assert "SN001" not in codes_in(GOOD)


def test_folder_given_as_file_is_unreadable(tmp_path: Path) -> None:
    assert check_path(tmp_path, Options()).unreadable


def test_empty_file_is_empty_body() -> None:
    assert [f.code.code for f in check_bytes(b"", "empty.txt", Options()).findings] == ["SN301"]
    assert [f.code.code for f in check_bytes(b"  \n\n", "blank.md", Options()).findings] == \
        ["SN301"]


def test_utf8_dump_is_not_invalid_utf8() -> None:
    assert "SN002" not in codes_in(DATA / "dump.txt")


def test_not_utf8_points_at_the_byte() -> None:
    [finding] = [f for f in check_path(DATA / "SN002-invalid-utf8.txt", Options()).findings
                 if f.code.code == "SN002"]
    assert (finding.line, finding.column) == (1, 4)
    assert "cp1252" in finding.message


def test_utf16_is_reported_not_a_traceback() -> None:
    raw = "Ein Artikel über die Bibliothek.\n".encode("utf-16")
    assert "SN002" in {f.code.code for f in check_bytes(raw, "a.txt", Options()).findings}


def test_boilerplate_finding_names_the_rule_and_line() -> None:
    findings = check_path(DATA / "SN101-boilerplate-line.md", Options()).findings
    [finding] = [f for f in findings if f.code.code == "SN101"]
    assert finding.line == 16
    assert "share-widget" in finding.message


def test_raw_dump_findings_come_from_clean_removals() -> None:
    raw = (DATA / "dump.txt").read_bytes()
    article = clean(raw)
    dropped = {r.line for r in article.removals if r.rule in ("back-to-top", "cookie-notice")}
    found = {f.line for f in check_bytes(raw, "dump.txt", Options()).findings
             if f.code.code == "SN101"}
    assert found == dropped == {1, 3, 13, 15}


def test_extra_boilerplate_pattern_is_checked() -> None:
    options = Options(config=Config(extra_boilerplate=(r"visitors found .*",)))
    findings = check_path(GOOD, options).findings
    assert [(f.code.code, f.line) for f in findings] == [("SN101", 12)]
    assert "user-pattern" in findings[0].message


def test_short_repeats_are_not_duplicate_paragraphs() -> None:
    text = GOOD.read_text(encoding="utf-8") + "\nRead on.\n\nRead on.\n"
    codes = {f.code.code for f in check_bytes(text.encode(), "a.md", Options()).findings}
    assert "SN303" not in codes


def test_short_body_threshold_is_an_option() -> None:
    path = DATA / "SN302-short-body.md"
    assert "SN302" not in codes_in(path, Options(min_body_words=3))


def test_old_version_stamp_is_not_would_clean() -> None:
    text = GOOD.read_text(encoding="utf-8").replace("scrubnews: 0.1.0", "scrubnews: 0.0.1")
    assert check_bytes(text.encode(), "old.md", Options()).findings == []


def test_cleaned_dump_checks_clean() -> None:
    raw = (DATA / "dump.txt").read_bytes()
    cleaned = clean(raw, name="dump.txt").to_markdown().encode()
    assert check_bytes(cleaned, "dump.md", Options()).findings == []


# --- suppressions ---------------------------------------------------------------------------


def test_disable_next_line_suppresses_only_that_line() -> None:
    assert codes_in(DATA / "suppressed.md") == set()
    text = (DATA / "suppressed.md").read_text(encoding="utf-8") + "\nShare this article\n"
    findings = check_bytes(text.encode(), "a.md", Options()).findings
    assert [(f.code.code, f.line) for f in findings] == [("SN101", 19)]


def test_disable_file_suppresses_everywhere() -> None:
    assert codes_in(DATA / "suppressed-file.md") == set()


def test_bare_suppression_that_hides_nothing_is_unused() -> None:
    comment = "<!-- scrubnews: disable-next-line -->"
    text = GOOD.read_text(encoding="utf-8") + f"\n{comment}\nA fine line.\n"
    findings = check_bytes(text.encode(), "a.md", Options(min_body_words=0)).findings
    assert [f.code.code for f in findings] == ["SN901"]


def test_unknown_directive_is_invalid() -> None:
    text = GOOD.read_text(encoding="utf-8") + "\n<!-- scrubnews: enable-all -->\n"
    assert "SN902" in {f.code.code for f in check_bytes(text.encode(), "a.md", Options()).findings}


# --- codes and selectors --------------------------------------------------------------------


def test_selectors() -> None:
    assert resolve("SN101") == resolve("boilerplate-line") == resolve("sn101") == {"SN101"}
    assert resolve("SN2") == {"SN201", "SN202", "SN203", "SN204"}
    assert resolve("ALL") == set(BY_CODE)
    for bad in ("SN999", "XY1", "nothing", ""):
        with pytest.raises(SelectorError):
            resolve(bad)


def test_command_line_layer_replaces_config_select() -> None:
    config = Selection(select=("SN1",), ignore=("SN101",))
    assert enabled([config]) == {"SN102", "SN103", "SN104"}
    assert enabled([config, Selection(select=("SN101",))]) == {"SN101"}
    assert enabled([config, Selection(extend_select=("SN3",))]) >= {"SN301", "SN102"}


def test_codes_are_unique_and_documented() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len({c.code for c in CODES}) == len({c.name for c in CODES}) == len(CODES)
    for code in CODES:
        assert re.fullmatch(r"SN\d{3}", code.code) and re.fullmatch(r"[a-z0-9-]+", code.name)
        assert f"### {code.code} {code.name}\n\n{code.severity}: {code.summary} {code.help}\n" \
            in readme
        assert code.url.endswith("#" + code.anchor)


def test_schema_is_what_render_writes() -> None:
    article = clean(b"A headline\n\nBy Jo Bloggs in Leeds, 3 March 2024\n\n" + b"Words here. " * 40)
    article.standfirst = "A standfirst."
    keys = list(render.front_matter(article))
    assert keys == [k for k in NAMES if k in keys]
    assert {"title", "authors", "location", "date", "source", "scrubnews"} <= set(keys)


def test_schema_is_documented_in_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in NAMES:
        assert f"| `{name}" in readme
