"""The app through Pilot: panes, bindings, HAR entries, clipboard, demos, redaction."""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import jwt
import pyperclip
import pytest
from textual import events
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Checkbox, Digits, Input, OptionList, Static, TextArea

from authtui.core.demos.catalog import get_demo
from authtui.core.options import Options, Secret
from authtui.tui.screens.demos import DemoPicker
from authtui.tui.screens.help import HelpScreen
from authtui.tui.screens.report_view import ReportView
from authtui.tui.screens.save import SaveReport
from authtui.tui.widgets.entry_picker import EntryPicker
from authtui.tui.widgets.findings import OK_TOGGLE, FindingList
from authtui.tui.widgets.panes import Panes
from tests.tui.conftest import NOW, RecordingApp, make_app

SIZE = (100, 32)
SECRET = "s3cret-hmac-key-that-is-long-enough-for-hs256!!"


def _token(**claims: object) -> str:
    body = {"sub": "alice", "iss": "https://iss/", "aud": "api", "exp": NOW + 600, **claims}
    return jwt.encode(body, SECRET, algorithm="HS256")


def _response(token: str, status: str = "401 Unauthorized", error: str = "invalid_token") -> str:
    return (
        "GET /orders HTTP/1.1\nHost: api.test\n"
        f"Authorization: Bearer {token}\n\n"
        f'HTTP/1.1 {status}\nWWW-Authenticate: Bearer error="{error}"\n'
    )


def _codes(app: RecordingApp) -> set[str]:
    assert app.report is not None
    return {f.code for f in app.report.findings}


async def _open_settings(app: RecordingApp, pilot: Pilot[int]) -> None:
    """Show the Settings tab as a user would (its fields are built when first shown)."""
    app.action_focus_pane("settings")
    await pilot.pause()


def _plain(app: RecordingApp, selector: str) -> str:
    content = app.query_one(selector, Static).content
    return content.plain if isinstance(content, Content) else str(content)


async def test_empty_screen_welcomes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Paste a refused request" in _plain(app, "#verdict-text")
        assert app.query_one(FindingList).option_count == 0
        assert "works over SSH" in app.query_one("#paste", TextArea).placeholder.__str__()
        assert isinstance(app.focused, TextArea) and app.focused.id == "paste"
        assert not app.query(Digits)  # the big status number is for presenter mode only


async def test_paste_event_diagnoses_at_once() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        paste = app.query_one("#paste", TextArea)
        paste.post_message(events.Paste(_response(_token(exp=NOW - 900))))
        await pilot.pause()
        assert "time.expired" in _codes(app)
        assert app.report is not None and app.report.verdict.status == 401
        assert "401" in _plain(app, "#verdict-text")
        paste.post_message(events.Paste("\n"))  # any edit re-diagnoses
        await pilot.pause()
        assert "time.expired" in _codes(app)


async def test_token_pane_changes_findings() -> None:
    app = make_app("HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "time.expired" not in _codes(app)
        app.query_one("#token", TextArea).text = _token(exp=NOW - 3600)
        await pilot.pause()
        assert "time.expired" in _codes(app)
        assert app.built is not None and app.built.options.token is not None


async def test_settings_change_findings() -> None:
    app = make_app(_response(_token(exp=NOW + 30)))
    async with app.run_test(size=SIZE) as pilot:
        await _open_settings(app, pilot)
        assert "claims.aud_mismatch" not in _codes(app)
        app.query_one("#audiences", Input).value = "other-api"
        await pilot.pause()
        assert "claims.aud_mismatch" in _codes(app)
        app.query_one("#when", Input).value = str(int(NOW + 7200))
        await pilot.pause()
        assert "time.expired" in _codes(app)
        assert app.built is not None and app.built.fixed_time
        app.query_one("#skew-300").scroll_visible(animate=False)  # below the expectations
        await pilot.pause()
        await pilot.click("#skew-300")
        await pilot.pause()
        assert app.query_one("#skew", Input).value == "300"
        assert app.built.options.skew == 300.0
        app.query_one("#secret", Input).value = SECRET
        await pilot.pause()
        assert app.report is not None and app.report.signature.value == "valid"


async def test_key_field_reads_a_file(tmp_path: Path) -> None:
    key = tmp_path / "secret.txt"
    key.write_text("not a key", encoding="utf-8")
    app = make_app(_response(_token()))
    async with app.run_test(size=SIZE) as pilot:
        await _open_settings(app, pilot)
        app.query_one("#key", TextArea).text = str(key)
        await pilot.pause()
        assert app.built is not None and app.built.options.keys[0].data == b"not a key"
        assert "sig.key_error" in _codes(app)
        assert "9 bytes" in _plain(app, "#settings-status")


BINDINGS = [
    ("ctrl+g", "help"),
    ("ctrl+y", "copy"),
    ("ctrl+o", "save"),
    ("ctrl+d", "demo"),
    ("ctrl+v", "clipboard"),
    ("ctrl+t", "redact"),
    ("ctrl+f", "theme"),
    ("ctrl+k", "clear"),
    ("ctrl+r", "clock"),
    ("f1", "help"),
    ("f2", "copy"),
    ("f3", "save"),
    ("f4", "demo"),
    ("f5", "clipboard"),
    ("f8", "redact"),
    ("f9", "theme"),
    ("alt+p", "go-paste"),
    ("alt+t", "go-token"),
    ("alt+s", "go-settings"),
    ("alt+r", "go-findings"),
    ("alt+d", "go-decoded"),
]


FOCUSED = [(key, what, ("paste", "token", "key")[i % 3]) for i, (key, what) in enumerate(BINDINGS)]


@pytest.mark.parametrize(("key", "what", "focus"), FOCUSED, ids=[f"{b[1]}-{b[2]}" for b in FOCUSED])
async def test_every_binding_works_with_a_text_area_focused(
    key: str, what: str, focus: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pyperclip, "paste", lambda: "pasted-from-clipboard")
    app = make_app(_response(_token(exp=NOW - 60)))
    async with app.run_test(size=SIZE) as pilot:
        pane = {"paste": "paste", "token": "token", "key": "settings"}[focus]
        app.action_focus_pane(pane)
        app.query_one(f"#{focus}", TextArea).focus()
        await pilot.pause()
        before = app.query_one(f"#{focus}", TextArea).text
        theme = app.theme
        await pilot.press(key)
        if what == "clear":
            await pilot.press("y")  # the clear asks first
        await pilot.pause(0.3)
        area_text = app.query_one(f"#{focus}", TextArea).text
        if what == "help":
            assert isinstance(app.screen, HelpScreen)
        elif what == "copy":
            assert app.clipboard.startswith("#") or "expired" in app.clipboard
        elif what == "save":
            assert isinstance(app.screen, SaveReport)
        elif what == "demo":
            assert isinstance(app.screen, DemoPicker)
        elif what == "clipboard":
            assert "pasted-from-clipboard" in area_text
        elif what == "redact":
            assert app.query_one("#redact", Checkbox).value is False
        elif what == "theme":
            assert app.theme != theme
        elif what == "clear":
            assert app.query_one("#paste", TextArea).text == ""
        elif what == "clock":  # this paste has no time of its own: the key says so
            assert any("no time of its own" in note for note in app.notes)
        elif what.startswith("go-"):
            target = {"paste": "paste", "token": "token", "settings": "audiences"}
            wanted = target.get(what[3:], what[3:])
            assert app.focused is not None and app.focused.id == wanted
        if what not in {"clipboard", "clear"}:
            assert area_text == before, "the key must not reach the TextArea"


async def test_every_binding_has_a_description_and_an_id() -> None:
    app = make_app()
    for binding in app.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.description and binding.id


async def test_quit_from_a_text_area() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


def _har(*statuses: int) -> str:
    entries = [
        {
            "request": {
                "method": "GET",
                "url": f"https://api.test/item/{i}",
                "httpVersion": "HTTP/1.1",
                "headers": [{"name": "Authorization", "value": f"Bearer {_token(n=i)}"}],
            },
            "response": {
                "status": status,
                "statusText": "",
                "httpVersion": "HTTP/1.1",
                "headers": [
                    {"name": "WWW-Authenticate", "value": 'Bearer error="insufficient_scope"'}
                ],
                "content": {"text": ""},
            },
        }
        for i, status in enumerate(statuses)
    ]
    return json.dumps({"log": {"version": "1.2", "entries": entries}})


async def test_har_entry_picking() -> None:
    app = make_app(_har(200, 401, 403))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = app.query_one(EntryPicker)
        assert app.report is not None and len(app.report.entries) == 3
        assert picker.display and len(picker.labels) == 3
        assert app.report.exchange.status == 401 and picker.value == 1
        picker.value = 2
        await pilot.pause()
        assert app.built is not None and app.built.options.entry == 2
        assert app.report.exchange.status == 403
        assert "/item/2" in (app.report.exchange.url or app.report.exchange.target or "")


async def test_picker_hidden_for_a_single_exchange() -> None:
    app = make_app(_response(_token()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [picker for picker in app.query(EntryPicker) if picker.display]


async def test_picker_appears_when_a_har_is_pasted_and_hides_again() -> None:
    app = make_app(_response(_token()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        paste = app.query_one("#paste", TextArea)
        paste.load_text(_har(401, 403, 403))
        await pilot.pause()
        picker = app.query_one(EntryPicker)
        assert picker.display and len(picker.labels) == 3
        assert picker.value == 0 and app._entry is None  # shown, not chosen
        assert list(app.query_one("#tab-paste").children) == [picker, paste]  # above it
        picker.value = 2
        await pilot.pause()
        assert app.built is not None and app.built.options.entry == 2
        paste.load_text(_response(_token()))
        await pilot.pause()
        assert not picker.display and app.query_one(EntryPicker) is picker
        paste.load_text(_har(401, 403))
        await pilot.pause()
        assert app.report is not None and len(app.report.entries) == 2
        assert picker.display and picker.labels == app.report.entries


async def test_clipboard_paste_failure_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> str:
        raise pyperclip.PyperclipException("no mechanism")

    monkeypatch.setattr(pyperclip, "paste", fail)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("no clipboard reachable (no display over SSH?)" in n for n in app.notes)
        assert app.query_one("#paste", TextArea).text == ""


async def test_clipboard_paste_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    def hang() -> str:
        time.sleep(1.0)
        return "late"

    monkeypatch.setattr(pyperclip, "paste", hang)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("did not answer within 0.2 s" in n for n in app.notes)
        assert app.query_one("#paste", TextArea).text == ""


async def test_clipboard_paste_success_fills_the_focused_pane(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = _token(exp=NOW - 60)
    monkeypatch.setattr(pyperclip, "paste", lambda: token)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("token")
        await pilot.press("f5")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one("#token", TextArea).text == token
        assert "time.expired" in _codes(app)


async def test_copy_without_display_is_honest() -> None:
    app = make_app(_response(_token()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        note = app.notes[-1]
        assert re.fullmatch(
            r"Sent \d+\.\d KB Markdown via OSC 52, redacted; not confirmed \(no system clipboard\)",
            note,
        )
        assert app.clipboard
        # Not confirmed: the report opens to copy by hand (tmux copy-mode).
        assert isinstance(app.screen, ReportView)
        shown = app.screen.query_one("#report-text", Static).content
        assert str(shown) == app.clipboard
        await pilot.press("escape")
        assert not isinstance(app.screen, ReportView)


@pytest.mark.parametrize("mode", ["raise", "hang", "ok"])
async def test_copy_with_display_and_tmux(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    copied: list[str] = []
    released = threading.Event()  # a hung clipboard answers only after the checks

    def copy(text: str) -> None:
        if mode == "raise":
            raise pyperclip.PyperclipException("xclip missing")
        if mode == "hang":
            released.wait(30)
        copied.append(text)

    monkeypatch.setattr(pyperclip, "copy", copy)
    app = make_app(_response(_token()), environ={"DISPLAY": ":0", "TMUX": "/tmp/tmux-0/default"})
    written: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        assert app._driver is not None
        monkeypatch.setattr(app._driver, "write", written.append)
        await pilot.press("f2")
        await app.workers.wait_for_complete()
        await pilot.pause()
        note = app.notes[-1]
        assert "\n" not in note and "tmux passthrough" in note
        assert any(w.startswith("\x1bPtmux;\x1b\x1b]52;c;") for w in written)
        if mode == "ok":
            assert note.startswith("Copied ") and "to the system clipboard" in note
            assert note.endswith(", redacted")
            assert copied == [app.clipboard]
            assert not isinstance(app.screen, ReportView)  # confirmed: nothing to offer
        else:
            assert note.startswith("Sent ") and "system clipboard failed" in note
            assert isinstance(app.screen, ReportView)
    released.set()


async def test_save_report_through_the_dialog(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    app = make_app(_response(_token(exp=NOW - 900)), report_path=str(target))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#save-path", Input).value == str(target)
        await pilot.press("enter")
        await pilot.pause()
        text = target.read_text(encoding="utf-8")
        assert "time.expired" in text
        assert any(str(target) in n for n in app.notes)


async def test_save_report_error_is_reported(tmp_path: Path) -> None:
    app = make_app(_response(_token()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.save_report_to(str(tmp_path / "missing" / "dir" / "r.md")) is None
        assert any("Could not save" in n for n in app.notes)


async def test_demo_loading_from_the_picker() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, DemoPicker)
        await pilot.press("enter")  # the first case: expired
        await pilot.pause()
        assert not isinstance(app.screen, DemoPicker)
        assert {"time.expired", "server.expired"} <= _codes(app)
        assert app.built is not None and app.built.options.audiences
        await _open_settings(app, pilot)
        assert app.query_one("#audiences", Input).value == " ".join(app.built.options.audiences)


@pytest.mark.parametrize("name", ["expired", "missing-scope", "dpop-as-bearer", "weak-hs-secret"])
async def test_demo_loading_by_name(name: str) -> None:
    demo = get_demo(name)
    assert demo is not None
    app = make_app(demo=name)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert set(demo.expect) <= _codes(app)


async def test_unknown_demo_is_a_notice() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.load_demo_case("no-such-case") is False
        assert any("No workshop case" in n for n in app.notes)


def _result_text(app: RecordingApp) -> str:
    """Everything the results side shows: verdict, every finding's detail, decoded token."""
    parts = [_plain(app, "#verdict-text"), _plain(app, "#token-body")]
    findings = app.query_one(FindingList)
    for finding in app.report.findings if app.report else ():
        parts.extend([finding.title, finding.detail, finding.evidence, finding.fix])
    for index in range(findings.option_count):
        option = findings.get_option_at_index(index)
        prompt = option.prompt
        parts.append(prompt.plain if isinstance(prompt, Content) else str(prompt))
    return "\n".join(parts)


async def test_redaction_hides_signature_and_secret() -> None:
    app = make_app(demo="weak-hs-secret")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        case = get_demo("weak-hs-secret")
        assert case is not None
        built = case.build(NOW)
        token = built.paste.split("Bearer ", 1)[1].split()[0]
        signature = token.rsplit(".", 1)[1]
        secret = built.secret
        assert app.built is not None and app.built.options.secret is not None
        assert secret and app.built.options.secret.reveal() == secret.encode()
        await pilot.press("f2")
        await pilot.pause()
        assert signature not in app.clipboard and secret not in app.clipboard
        assert signature not in _result_text(app) and secret not in _result_text(app)
        await _open_settings(app, pilot)
        assert app.query_one("#secret", Input).value == secret
        screen = app.export_screenshot()
        assert secret not in screen  # masked while typed
        assert all(secret not in n for n in app.notes)
        assert app.report is not None and app.report.credentials is not None
        assert signature not in (app.report.credentials.token68 or "")
        # Redaction off: the report holds the token whole; the secret still never appears.
        await pilot.press("f8")
        await pilot.press("f2")
        await pilot.pause()
        assert app.report.redacted is False
        assert app.report.credentials is not None
        assert app.report.credentials.token68 == token
        assert "NOT redacted" in app.notes[-1]
        assert secret not in app.clipboard and all(secret not in n for n in app.notes)


async def test_presenter_forces_redaction_and_light_theme() -> None:
    app = make_app(demo="expired", presenter=True, options=Options(redact=False))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert app.theme == "authtui-projector"
        assert app.report is not None and app.report.redacted
        await pilot.press("f8")
        await pilot.pause()
        assert app.report.redacted
        assert any("Presenter mode keeps redaction on" in n for n in app.notes)
        assert app.screen.has_class("-presenter")
        assert app.query_one("#verdict-digits", Digits).value == "401"


async def test_options_prefill_the_fields() -> None:
    options = Options(
        now=NOW,
        skew=300,
        audiences=("a1", "a2"),
        issuer="https://iss/",
        scopes=("read",),
        secret=Secret(b"\xff\xfe binary"),
        token="abc.def.ghi",
    )
    app = make_app("HTTP/1.1 401 Unauthorized\n", options)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.built is not None and app.built.options.audiences == ("a1", "a2")
        assert app.built.options.skew == 300.0 and app.built.options.scopes == ("read",)
        await _open_settings(app, pilot)
        assert app.query_one("#skew", Input).value == "300"
        assert app.query_one("#when", Input).value == "2023-11-14T22:13:20Z"
        assert app.query_one("#audiences", Input).value == "a1 a2"
        assert app.query_one("#token", TextArea).text == "abc.def.ghi"
        assert app.query_one("#secret", Input).value == ""
        assert app.built is not None and app.built.options.secret == options.secret
        assert app.built.fixed_time and app.built.options.now == NOW


async def test_ok_checks_fold_and_unfold() -> None:
    app = make_app(demo="expired")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        findings = app.query_one(FindingList)
        ok_count = sum(1 for f in findings.findings if f.severity.value == "ok")
        assert ok_count > 0
        closed = findings.option_count
        findings.focus()
        findings.highlighted = findings.get_option_index(OK_TOGGLE)
        await pilot.press("enter")
        await pilot.pause()
        assert findings.option_count == closed + ok_count
        first = findings.findings[0]
        findings.highlighted = 0
        await pilot.pause()
        detail = _plain(app, "#detail-body")
        assert first.title in detail and first.fix.split()[0] in detail


async def test_command_palette_lists_actions() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"report: copy")
        await pilot.pause(0.5)
        hits = app.screen.query(OptionList).first()
        texts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any("copy as Markdown" in t for t in texts)


async def test_ticker_reevaluates_with_the_clock() -> None:
    clock = [NOW]
    token = _token(exp=NOW + 30)
    app = make_app(_response(token), clock=lambda: clock[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "time.expired" not in _codes(app)
        clock[0] = NOW + 3600
        app._tick()
        await pilot.pause()
        assert "time.expired" in _codes(app)


async def test_untrusted_brackets_are_shown_verbatim() -> None:
    paste = (
        "HTTP/1.1 403 Forbidden\n"
        'WWW-Authenticate: Bearer error="insufficient_scope", scope="[bold]admin[/bold]"\n'
    )
    app = make_app(paste)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "[bold]admin[/bold]" in _result_text(app) + _plain(app, "#detail-body")


async def test_results_tabs_switch() -> None:
    app = make_app(demo="expired")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("alt+d")
        await pilot.pause()
        assert app.query_one("#results", Panes).active == "tab-decoded"
        assert '"exp"' in _plain(app, "#token-body")


# The Settings fields are built the first time the tab is shown: whatever happened
# before (prefill, workshop case, F8, Ctrl+L, presenter mode) must be what they show.
HELD = [
    ("prefill", {"skew": "300", "audiences": "a1 a2", "issuer": "https://iss/"}, True, False),
    ("demo", {"audiences": "https://api.shop.test", "skew": "60"}, True, False),
    ("f8", {"skew": "300"}, False, False),
    ("clear", {"skew": "60", "audiences": "", "issuer": ""}, True, False),
    ("presenter", {"skew": "300"}, True, True),
]


@pytest.mark.parametrize(("step", "fields", "redact", "locked"), HELD, ids=[h[0] for h in HELD])
async def test_settings_hold_their_values_until_first_shown(
    step: str, fields: dict[str, str], redact: bool, locked: bool
) -> None:
    options = Options(now=NOW, skew=300, audiences=("a1", "a2"), issuer="https://iss/")
    app = make_app(_response(_token()), options, presenter=step == "presenter")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if step == "demo":
            app.load_demo_case("expired")
        elif step == "f8":
            await pilot.press("f8")
        elif step == "clear":
            await pilot.press("ctrl+k", "y")
        await pilot.pause()
        diagnosed = app.report
        assert app.built is not None and app.built.options.redact is redact
        await _open_settings(app, pilot)
        assert app.report is diagnosed, "opening the tab must not re-diagnose"
        for field_id, value in fields.items():
            assert app.query_one(f"#{field_id}", Input).value == value
        box = app.query_one("#redact", Checkbox)
        assert box.value is redact and box.disabled is locked
        assert "Evaluating at" in _plain(app, "#settings-status")
        app.query_one("#issuer", Input).value = "https://other/"
        await pilot.pause()
        assert app.report is not diagnosed and app.built.options.issuer == "https://other/"


async def test_settings_built_by_clicking_the_tab() -> None:
    app = make_app(_response(_token()), Options(now=NOW, skew=0))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#paste-summary")  # the paste opened on its answer: open the inputs
        await pilot.pause()
        row = app.query_one("#inputs", Panes).row
        settings = next(left for tab, left, _ in row.spans() if tab.id == "tab-settings")
        await pilot.click(row, offset=(settings + 1, 0))
        await pilot.pause()
        assert app.query_one("#inputs", Panes).active == "tab-settings"
        assert app.query_one("#skew", Input).value == "0"
        app.query_one("#skew-60").scroll_visible(animate=False)  # below the expectations
        await pilot.pause()
        await pilot.click("#skew-60")
        await pilot.pause()
        assert app.built is not None and app.built.options.skew == 60.0


@pytest.mark.parametrize(
    ("width", "wanted", "resized", "then"),
    [(80, "-narrow", 200, "-xwide"), (120, "-wide", 80, "-narrow"), (200, "-xwide", 120, "-wide")],
)
async def test_width_class_from_the_start_and_on_resize(
    width: int, wanted: str, resized: int, then: str
) -> None:
    app = make_app(presenter=width == 200)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        classes = {"-narrow", "-wide", "-xwide"} & set(app.screen.classes)
        assert classes == {wanted}
        assert app.screen.has_class("-presenter") is (width == 200)
        await pilot.resize_terminal(resized, 30)
        await pilot.pause()
        assert {"-narrow", "-wide", "-xwide"} & set(app.screen.classes) == {then}
