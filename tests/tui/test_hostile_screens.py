"""The hostile corpus under Pilot: nothing from a paste reaches the terminal as a
control character, in any widget, and what was escaped is visibly there.

Every attack in every place (``tests/hostile.py``) is loaded into the Paste pane
of one app per attack; for each paste the whole screen is rendered (the
compositor's strips, what is written to the terminal) with the Findings tab (the
editor, the verdict, the list, the highlighted finding's detail), the detail of
every other finding as its widget would draw it, the Decoded token tab where the
token carries the attack, and the Settings tab.
Then the widgets that echo one thing each are checked where that thing is: the
verdict's reason phrase, the server's words in a finding's detail, the claims
and kid in the decoded view, the HAR entry picker, notifications, dialogs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Select
from textual.widgets._toast import Toast

from authtui.core.model import Finding
from authtui.core.options import Options
from authtui.core.safety.terminal import escape_char, is_unsafe
from authtui.tui.display_document import kept_text
from authtui.tui.widgets.detail import finding_content, note_content
from authtui.tui.widgets.entry_picker import EntryPicker
from authtui.tui.widgets.findings import FindingList
from authtui.tui.widgets.panes import Panes
from authtui.tui.widgets.safe_area import SafeTextArea
from authtui.tui.widgets.status_bar import StatusBar
from tests.hostile import ATTACKS, HOSTILE, token
from tests.tui.conftest import NOW, RecordingApp, make_app

SIZE = (140, 50)


def screen_rows(app: RecordingApp) -> list[str]:
    """Every row of the screen as the terminal gets it (the compositor's strips)."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def widget_rows(widget: Widget) -> list[str]:
    """Every row one widget draws."""
    return ["".join(s.text for s in widget.render_line(y)) for y in range(widget.size.height)]


def assert_safe(rows: list[str], where: str) -> None:
    bad = sorted({f"U+{ord(ch):04X}" for row in rows for ch in row if is_unsafe(ch)})
    assert not bad, f"{where}: {bad} reached the terminal"


def assert_content_safe(content: Content, where: str) -> None:
    """The segments a widget would draw for ``content``."""
    assert_safe(["".join(s.text for s in content.render_segments())], where)


TOKEN_PLACES = ("claims", "kid")
"""Where the attack is inside the token: the Decoded tab shows it."""


def server_words(attack: str) -> str:
    """One challenge whose error_description the findings quote ("The server says...")."""
    quoted = attack.replace("\\", "\\\\").replace('"', '\\"')
    return (
        "GET /orders HTTP/1.1\nHost: api.test\n"
        f"Authorization: Bearer {token()}\n\nHTTP/1.1 401 Unauthorized\n"
        'WWW-Authenticate: Bearer realm="api", error="invalid_token", '
        f'error_description="The token expired{quoted}"\n'
    )


def drawn_escapes(text: str) -> set[str]:
    """The escapes the boundary draws for the unsafe characters in ``text``."""
    return {escape_char(ch) for ch in text if is_unsafe(ch)}


async def _check_targets(app: RecordingApp, pilot: Pilot[int], name: str, attack: str) -> None:
    """Where the paste's place is echoed by one widget, the escapes are in that widget."""
    assert app.report is not None
    if name.startswith("reason-"):
        rows = "".join(widget_rows(app.query_one("#verdict-text")))
        assert drawn_escapes(app.report.exchange.reason or "") <= set(escape_in(rows))
    elif name.startswith("header-value-"):
        rows = widget_rows(app.query_one("#paste", SafeTextArea))
        expected = "X-Error: bad" + "".join(
            escape_char(c) if is_unsafe(c) else c for c in attack.split("\r")[0]
        )
        # The rows read on (a wrap may fall at any space: compare without spaces).
        assert expected.replace(" ", "") in "".join(rows).replace(" ", ""), name
    elif name.startswith("server-words-"):
        findings = app.query_one(FindingList)
        for index in range(findings.option_count):  # the finding that quotes the server
            item = findings.item_for(findings.get_option_at_index(index).id)
            if isinstance(item, Finding) and "The token expired" in item.evidence:
                break
        else:
            return  # the reader did not take this challenge (a NUL in it): nothing quoted
        findings.highlighted = index
        await pilot.pause()
        rows = widget_rows(app.query_one("#detail-body"))
        assert_safe(rows, f"{name}, detail")
        assert "The token expired" in " ".join(" ".join(rows).split())  # wrapped, it reads on
        shown = "".join(row.rstrip() for row in rows)  # a word folded over rows is whole again
        assert drawn_escapes(item.evidence) <= set(escape_in(shown)), name


def escape_in(text: str) -> list[str]:
    """Every escape (``\\x1b``, ``\\u202e``, ``\\U000e0001``) written in ``text``."""
    return re.findall(r"\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8}", text)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
async def test_every_place_of_one_attack_on_every_screen(attack: str) -> None:
    pastes = {name: HOSTILE[name] for name in HOSTILE if name.endswith(f"-{attack}")}
    pastes[f"server-words-{attack}"] = server_words(ATTACKS[attack])
    app = make_app(options=Options(now=NOW))
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        area = app.query_one("#paste", SafeTextArea)
        results = app.query_one("#results", Panes)
        for name, paste in pastes.items():
            area.load_text(paste)
            await pilot.pause()
            assert area.text == kept_text(paste), name  # the document keeps the pasted bytes
            # The Findings tab: editor, verdict, findings list, highlighted detail, tabs.
            rows = screen_rows(app)
            assert_safe(rows, f"{name}, findings")
            assert drawn_escapes(paste.replace("\r", "")) <= set(escape_in("".join(rows))), name
            assert app.report is not None
            for finding in app.report.findings:  # the detail of every finding, as drawn
                assert_content_safe(finding_content(finding), f"{name}, {finding.code}")
            for note in app.report.notes:
                assert_content_safe(note_content(note), f"{name}, {note.code}")
            await _check_targets(app, pilot, name, ATTACKS[attack])
            if name.startswith(TOKEN_PLACES):
                results.active = "tab-decoded"
                await pilot.pause()
                rows = screen_rows(app)
                assert_safe(rows, f"{name}, decoded token")
                decoded = "".join(widget_rows(app.query_one("#token-body")))
                # Exact JSON writes C0 as \u001b; the boundary escapes the rest.
                wanted = {e for e in drawn_escapes(ATTACKS[attack]) if not e.startswith("\\x")}
                assert wanted <= set(escape_in(decoded)), name
                results.active = "tab-findings"
        app.action_focus_pane("settings")
        await pilot.pause()
        assert_safe(screen_rows(app), f"{attack}, settings")


def _har(*entries: tuple[str, str]) -> str:
    def entry(url: str, status_text: str) -> dict[str, object]:
        return {
            "startedDateTime": "2023-11-14T22:13:20.000Z",
            "request": {
                "method": "GET",
                "url": url,
                "headers": [{"name": "Authorization", "value": f"Bearer {token()}"}],
            },
            "response": {"status": 401, "statusText": status_text, "headers": []},
        }

    body = {"log": {"version": "1.2", "entries": [entry(u, s) for u, s in entries]}}
    return json.dumps(body, ensure_ascii=False)


async def test_the_har_entry_picker_shows_two_hostile_entries_escaped() -> None:
    paste = _har(
        ("https://api.test/a?\x9b2J\u202e", "Denied\x1b]52;c;cHduZWQ=\x07"),
        ("https://api.test/b?\u2066x\u2069", "No\x1b[2J"),
    )
    app = make_app(paste, Options(now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.query_one(EntryPicker)
        assert len(picker.labels) == 2
        assert_safe(widget_rows(picker), "picker")
        picker.focus()
        await pilot.press("enter")  # open the list of entries
        await pilot.pause()
        rows = screen_rows(app)
        assert_safe(rows, "picker, open")
        text = "\n".join(rows)
        assert "\\x9b" in text and "\\u202e" in text and "\\u2066" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert picker.value == 1
        assert_safe(screen_rows(app), "picker, second entry")
        assert isinstance(picker, Select)


async def test_messages_show_foreign_text_escaped_and_never_as_markup(tmp_path: Path) -> None:
    app = make_app(HOSTILE["reason-csi-clear"], Options(now=NOW))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        bar = app.query_one(StatusBar)
        hostile = tmp_path / "no\x1b]52;c;cHduZWQ=\x07[/]dir" / "r[b]\u202e.md"
        assert app.save_report_to(str(hostile)) is None  # the failure quotes the path
        await pilot.pause()
        rows = widget_rows(bar)
        assert_safe(rows, "the status bar")
        assert_safe(screen_rows(app), "a message on screen")
        drawn = "".join(row.strip() for row in rows)
        assert "\\x1b]52;c;cHduZWQ=\\x07[/]dir" in drawn
        app.notify("quoted \x9b2J and [bold]not markup[/]", title="t\x1b[2J")
        await pilot.pause()
        rows = widget_rows(bar)
        assert_safe(rows, "the status bar")
        drawn = "".join(row.strip() for row in rows)
        assert "[bold]not markup[/]" in drawn and "\\x9b2J" in drawn
        assert not list(app.screen.query(Toast))  # one line in the status bar, no toast


async def test_the_settings_status_and_fields_show_foreign_text_escaped() -> None:
    options = Options(now=NOW, issuer="https://iss\x1b[2J/", audiences=("api\u202e",))
    app = make_app(HOSTILE["claims-csi-clear"], options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_focus_pane("settings")
        await pilot.pause()
        app._settings.load_key_text("./missing\x9b/key.pem")
        await pilot.pause()
        rows = screen_rows(app)
        assert_safe(rows, "settings")
        text = "\n".join(rows)
        assert "https://iss\\x1b[2J/" in text  # the issuer field
        assert "api\\u202e" in text  # the audience field
        assert "missing\\x9b/key.pem" in text  # the status line about the key


async def test_a_real_paste_event_with_a_hostile_header_is_kept_and_drawn_escaped() -> None:
    app = make_app(options=Options(now=NOW))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        paste = HOSTILE["header-value-tmux-passthrough"]
        app.post_message(events.Paste(paste))
        await pilot.pause()
        area = app.query_one("#paste", SafeTextArea)
        assert area.text == kept_text(paste)
        assert app.report is not None and app.report.verdict.status == 401
        assert_safe(screen_rows(app), "after a paste")
