"""One line per cause: the findings that confirm another fold beneath it in the text and
Markdown reports, with where they were read; the JSON report keeps every finding."""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path

import pytest

from authtui.core.demos.catalog import DEMOS, get_demo
from authtui.core.demos.model import Demo
from authtui.core.diagnose import diagnose
from authtui.core.model import Finding, Report, Severity
from authtui.core.options import Options
from authtui.core.render import render
from authtui.core.render.common import fold
from tests.core.test_clock import DEVICE


def finding(code: str, *confirms: str) -> Finding:
    return Finding(code, Severity.ERROR, code, confirms=confirms)


def shape(findings: list[Finding]) -> list[tuple[str, list[str]]]:
    return [(e.finding.code, [f.code for f in e.confirmed_by]) for e in fold(findings)]


def test_a_confirmation_folds_under_the_first_finding_it_confirms() -> None:
    findings = [
        finding("scope.insufficient"),
        finding("status.forbidden"),
        finding("challenge.insufficient_scope", "scope.insufficient"),
        finding("server.scope", "challenge.insufficient_scope"),  # through a chain
    ]
    assert shape(findings) == [
        ("scope.insufficient", ["challenge.insufficient_scope", "server.scope"]),
        ("status.forbidden", []),
    ]


def test_it_folds_under_the_one_ranked_first_of_those_it_confirms() -> None:
    findings = [
        finding("time.expired"),
        finding("time.window_invalid"),
        finding("challenge.invalid_token", "time.window_invalid", "time.expired"),
    ]
    assert shape(findings)[0] == ("time.expired", ["challenge.invalid_token"])


def test_an_absent_target_or_a_circle_folds_nothing() -> None:
    assert shape([finding("a.x", "a.gone")]) == [("a.x", [])]
    circle = [finding("a.x", "a.y"), finding("a.y", "a.x")]
    assert shape(circle) == [("a.x", []), ("a.y", [])]
    assert shape([finding("a.x", "a.x")]) == [("a.x", [])]


def _missing_scope() -> tuple[str, Report]:
    demo = get_demo("missing-scope")
    assert demo is not None
    case = demo.build(DEVICE)
    options = dataclasses.replace(case.options(DEVICE), device_now=DEVICE)
    return case.paste, diagnose(case.paste, options)


def test_the_missing_scope_case_reads_as_one_cause() -> None:
    paste, report = _missing_scope()
    text = render(report, "text")
    assert text.count("\n  ✗ ") == 1
    assert "Errors (1)" in text
    also = [line.strip() for line in text.splitlines() if "also said by:" in line]
    assert len(also) == 2
    line = paste[: paste.index("WWW-Authenticate")].count("\n") + 1
    assert also[0].endswith(f"(challenge.insufficient_scope, line {line})")
    assert also[1].startswith('also said by: WWW-Authenticate error_description: "')
    assert also[1].endswith(f"(server.scope, line {line})")
    # Beneath its cause, before the next group.
    assert text.index("also said by:") < text.index("Context (")


def test_the_markdown_report_has_one_section_per_cause() -> None:
    _, report = _missing_scope()
    markdown = render(report, "markdown")
    assert markdown.count("### ❌") == 1
    section = markdown[markdown.index("### ❌") : markdown.index("## Context")]
    assert "- **Also said by:**" in section
    assert "(`challenge.insufficient_scope`, line " in section
    assert "(`server.scope`, line " in section


def test_the_json_report_keeps_every_finding() -> None:
    _, report = _missing_scope()
    data = json.loads(render(report, "json"))
    by_code = {f["code"]: f for f in data["findings"]}
    assert by_code["challenge.insufficient_scope"]["confirms"] == ["scope.insufficient"]
    assert by_code["server.scope"]["confirms"] == ["scope.insufficient"]
    assert data["verdict"]["causes"] == ["scope.insufficient"]


def _one_line_per_cause(report: Report) -> None:
    """Every error shown at the top level of the reports is a cause of the verdict, once."""
    top = [e.finding.code for e in fold(report.findings) if e.finding.severity is Severity.ERROR]
    assert len(top) == len(set(top)), top
    assert set(top) <= set(report.verdict.causes), (top, report.verdict.causes)


@pytest.mark.parametrize("demo", DEMOS, ids=[d.name for d in DEMOS])
def test_every_workshop_case_reads_one_line_per_cause(demo: Demo) -> None:
    case = demo.build(DEVICE)
    for front in ("cli", "tui"):
        options = dataclasses.replace(case.options(DEVICE), device_now=DEVICE, front=front)
        _one_line_per_cause(diagnose(case.paste, options))


ACCEPTANCE = Path("/work/shared/acceptance")


@pytest.mark.skipif(not ACCEPTANCE.exists(), reason="no shared acceptance cases")
def test_the_acceptance_pastes_read_one_line_per_cause() -> None:
    from authtui.cli.args import decode_paste

    for name in ("cases.json", "cases-next.json"):
        for case in json.loads((ACCEPTANCE / name).read_text()):
            if "paste" in case:
                text = case["paste"]
            elif "paste_b64" in case:
                text = decode_paste(base64.b64decode(case["paste_b64"]))
            else:
                continue
            _one_line_per_cause(diagnose(text, Options(device_now=DEVICE)))
