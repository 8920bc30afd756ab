"""Reports of a ``check`` run: the exit code, and the run in each output format.

Every format is a function from a ``Run`` to a string; none writes a file
or knows about the command line. Colour (text format only) is an argument.

Exit codes (``Run.return_code``)::

    0  no finding at or above the threshold (or --exit-zero)
    1  findings at or above the threshold
    2  usage or configuration error (raised by the CLI, not here)
    3  a file could not be read (wins over 1, and over --exit-zero)
"""

from __future__ import annotations

import hashlib
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.text import Text

from scrubnews.check import FileResult, Finding
from scrubnews.codes import BY_CODE, CODES, Code, Severity, at_least

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass
class Run:
    """The results of one check run, and what makes it fail."""

    results: list[FileResult] = field(default_factory=list)
    fail_on: Severity = "error"
    exit_zero: bool = False
    codes: frozenset[str] = frozenset(BY_CODE)  # the codes that ran

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    @property
    def failing(self) -> list[Finding]:
        return [f for f in self.findings if at_least(f.severity, self.fail_on)]

    @property
    def unreadable(self) -> int:
        return sum(1 for r in self.results if r.unreadable)

    @property
    def return_code(self) -> int:
        if self.unreadable:
            return EXIT_UNREADABLE
        if self.failing and not self.exit_zero:
            return EXIT_FINDINGS
        return EXIT_OK

    def summary(self) -> dict[str, Any]:
        """The counts every format reports, as plain data."""
        findings = self.findings
        return {
            "files": len(self.results),
            "files_with_findings": sum(1 for r in self.results if r.findings),
            "unreadable": self.unreadable,
            "errors": sum(1 for f in findings if f.severity == "error"),
            "warnings": sum(1 for f in findings if f.severity == "warning"),
            "fail_on": self.fail_on,
            "failing": len(self.failing),
            "exit_code": self.return_code,
            "statistics": dict(sorted(Counter(f.code.code for f in findings).items())),
        }


# --- text ---------------------------------------------------------------------------------

_STYLE = {"error": "bold red", "warning": "bold yellow"}


def location(finding: Finding) -> str:
    """``path:line:col`` (or ``path`` for a finding about the whole file)."""
    if finding.line is None:
        return finding.path
    return f"{finding.path}:{finding.line}:{finding.column or 1}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def text(run: Run, *, color: bool = False, statistics: bool = False, quiet: int = 0) -> str:
    """``path:line:col: CODE message`` per finding, then statistics and a summary line."""
    lines: list[Text] = []
    if quiet < 2:
        for finding in run.findings:
            line = Text()
            line.append(location(finding), style="bold")
            line.append(": ")
            line.append(finding.code.code, style=_STYLE[finding.severity])
            line.append(f" {finding.message}")
            lines.append(line)
    if statistics and quiet < 2:
        counts = Counter(f.code.code for f in run.findings)
        for code, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            entry = BY_CODE[code]
            row = Text(f"{count:>6}  ")
            row.append(code, style=_STYLE[entry.severity])
            row.append(f"  {entry.name} [{entry.severity}]")
            lines.append(row)
    if quiet == 0:
        lines.append(_summary_line(run))
    return _to_string(lines, color)


def _summary_line(run: Run) -> Text:
    summary = run.summary()
    checked = _plural(summary["files"], "file")
    if not run.findings and not run.unreadable:
        return Text.assemble(("All checks passed!", "bold green"), f" ({checked} checked)")
    parts = [_plural(summary["errors"], "error"), _plural(summary["warnings"], "warning")]
    line = Text.assemble(
        ("Found " + " and ".join(parts), "bold"),
        f" in {_plural(summary['files_with_findings'], 'file')} ({checked} checked)",
    )
    if run.unreadable:
        line.append(f"; {_plural(run.unreadable, 'file')} could not be read", style="bold red")
    if run.return_code == EXIT_OK and run.failing:
        line.append(" (--exit-zero)")
    elif run.return_code == EXIT_OK:
        line.append(f"; none at or above {run.fail_on}")
    line.append(".")
    return line


def _to_string(lines: list[Text], color: bool) -> str:
    if not color:
        return "".join(line.plain + "\n" for line in lines)
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, no_color=False,
                      color_system="standard", highlight=False, width=10_000)
    for line in lines:
        console.print(line, soft_wrap=True)
    return buffer.getvalue()


# --- JSON ---------------------------------------------------------------------------------


def finding_object(finding: Finding) -> dict[str, Any]:
    """One finding as JSON data (the objects of ``json`` and ``json-lines``)."""
    where = None
    if finding.line is not None:
        where = {"row": finding.line, "column": finding.column or 1}
    return {
        "code": finding.code.code,
        "name": finding.code.name,
        "severity": finding.severity,
        "message": finding.message,
        "url": finding.code.url,
        "filename": finding.path,
        "location": where,
    }


def json_report(run: Run) -> str:
    """``{"findings": [...], "summary": {...}}``."""
    data = {"findings": [finding_object(f) for f in run.findings], "summary": run.summary()}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_lines(run: Run) -> str:
    """One finding object per line, nothing else."""
    return "".join(json.dumps(finding_object(f), ensure_ascii=False) + "\n"
                   for f in run.findings)


# --- GitHub Actions -----------------------------------------------------------------------


def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


def github(run: Run) -> str:
    """Workflow commands: ``::error title=…,file=…,line=…,col=…::message``."""
    out = []
    for finding in run.findings:
        props = [f"title={_gh_property(f'scrubnews ({finding.code.code})')}",
                 f"file={_gh_property(finding.path)}"]
        if finding.line is not None:
            props += [f"line={finding.line}", f"col={finding.column or 1}"]
        message = f"{location(finding)}: {finding.code.code} {finding.message}"
        out.append(f"::{finding.severity} {','.join(props)}::{_gh_data(message)}\n")
    return "".join(out)


# --- JUnit XML ----------------------------------------------------------------------------


def junit(run: Run) -> str:
    """One ``testsuite`` per file; a ``testcase`` per finding, or one passing case."""
    root = ET.Element("testsuites", name="scrubnews check",
                      tests="0", failures=str(len(run.findings)), errors="0")
    total = 0
    for result in run.results:
        suite = ET.SubElement(root, "testsuite", name=result.path,
                              tests=str(max(1, len(result.findings))),
                              failures=str(len(result.findings)), errors="0")
        if not result.findings:
            ET.SubElement(suite, "testcase", classname=result.path, name="scrubnews")
            total += 1
        for finding in result.findings:
            name = f"{finding.code.code}:{finding.line or 0}"
            case = ET.SubElement(suite, "testcase", classname=result.path, name=name)
            failure = ET.SubElement(case, "failure", message=finding.message,
                                    type=finding.severity)
            failure.text = f"{location(finding)}: {finding.code.code} {finding.message}"
            total += 1
    root.set("tests", str(total))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


# --- SARIF 2.1.0 --------------------------------------------------------------------------


def _uri(path: str) -> str:
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path.cwd())
        except ValueError:
            return candidate.as_uri()
    return candidate.as_posix()


def _fingerprint(finding: Finding) -> str:
    key = "\0".join((finding.path, finding.code.code, finding.message))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _rule(code: Code) -> dict[str, Any]:
    return {
        "id": code.code,
        "name": code.name,
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": code.help},
        "help": {"text": code.help},
        "helpUri": code.url,
        "defaultConfiguration": {"level": code.severity},
    }


def sarif(run: Run) -> str:
    """A SARIF 2.1.0 log for GitHub code scanning."""
    from scrubnews import __version__

    codes = [c for c in CODES if c.code in run.codes]
    index = {c.code: i for i, c in enumerate(codes)}
    results = []
    for finding in run.findings:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(finding.path)}}
        if finding.line is not None:
            physical["region"] = {"startLine": finding.line,
                                  "startColumn": finding.column or 1}
        result: dict[str, Any] = {
            "ruleId": finding.code.code,
            "level": finding.severity,
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": physical}],
            "partialFingerprints": {"scrubnewsFinding/v1": _fingerprint(finding)},
        }
        if finding.code.code in index:
            result["ruleIndex"] = index[finding.code.code]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "scrubnews", "version": __version__,
                                "informationUri": codes[0].url.split("#")[0] if codes else "",
                                "rules": [_rule(c) for c in codes]}},
            "results": results,
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- GitLab code quality ------------------------------------------------------------------


def gitlab(run: Run) -> str:
    """GitLab code quality: ``[{check_name, description, fingerprint, severity, location}]``."""
    out = []
    for finding in run.findings:
        out.append({
            "check_name": finding.code.code,
            "description": f"{finding.code.code} {finding.message}",
            "fingerprint": _fingerprint(finding),
            "severity": "major" if finding.severity == "error" else "minor",
            "location": {"path": finding.path, "lines": {"begin": finding.line or 1}},
        })
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


MACHINE: dict[str, Callable[[Run], str]] = {
    "json": json_report,
    "json-lines": json_lines,
    "github": github,
    "junit": junit,
    "sarif": sarif,
    "gitlab": gitlab,
}
FORMATS: tuple[str, ...] = ("text", *MACHINE)


def codes_text() -> str:
    """``--list-codes``: one line per code."""
    return "".join(f"{c.code}  {c.name:<22} {c.severity:<8} {c.summary}\n" for c in CODES)


def codes_json() -> str:
    """``--list-codes --format json``."""
    data = [{"code": c.code, "name": c.name, "severity": c.severity, "summary": c.summary,
             "help": c.help, "url": c.url} for c in CODES]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
