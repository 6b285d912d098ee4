"""One line per cause in the findings list: confirming findings fold under their cause."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from authtui.core.options import Options
from authtui.tui.widgets.findings import FindingList
from tests.tui.conftest import NOW, make_app

SIZE = (120, 36)


def _prompts(findings: FindingList) -> list[str]:
    out = []
    for index in range(findings.option_count):
        prompt = findings.get_option_at_index(index).prompt
        out.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return out


def _detail(app: object) -> str:
    content = app.query_one("#detail-body", Static).content  # type: ignore[attr-defined]
    return content.plain if isinstance(content, Content) else str(content)


async def test_the_server_saying_the_same_cause_folds_under_it() -> None:
    app = make_app(options=Options(now=NOW), demo="missing-scope")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        findings = app.query_one(FindingList)
        prompts = _prompts(findings)
        causes = [p for p in prompts if p.startswith("✖")]
        assert len(causes) == 1  # was three ✖ for one missing scope
        assert "scope.insufficient" in causes[0] and "2 more say so" in causes[0]
        assert not any("challenge.insufficient_scope" in p for p in prompts)
        tab = app.query_one("#results").get_tab("tab-findings")  # type: ignore[attr-defined]
        assert str(tab.label) == "Findings ✖1"  # causes, not findings
        assert app.report is not None
        assert {"challenge.insufficient_scope", "server.scope"} <= {
            f.code for f in app.report.findings
        }  # folded, not dropped
        findings.focus()
        findings.highlighted = 0
        await pilot.pause()
        detail = _detail(app)
        assert "Also said by" in detail and "line 8" in detail
        assert "challenge.insufficient_scope" in detail and "server.scope" in detail


async def test_enter_on_a_cause_shows_what_confirms_it_and_each_links_its_place() -> None:
    app = make_app(options=Options(now=NOW), demo="missing-scope")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        findings = app.query_one(FindingList)
        findings.focus()
        findings.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        prompts = _prompts(findings)
        assert "▾ 2 more say so" in prompts[0]
        assert prompts[1].lstrip().startswith("↳") and "line 8" in prompts[1]
        assert prompts[2].lstrip().startswith("↳")
        await pilot.press("down")
        await pilot.pause()
        assert "error  challenge.insufficient_scope" in _detail(app)
        shown = app.linked_places.paste
        assert shown is not None
        assert app.query_one("#paste").text[slice(*shown)].startswith("WWW-Authenticate")  # type: ignore[attr-defined]
        await pilot.press("up", "enter")
        await pilot.pause()
        assert "▸ 2 more say so" in _prompts(findings)[0]
        assert not any(p.lstrip().startswith("↳") for p in _prompts(findings))
