"""The authtui app: paste on the left, verdict and findings on the right.

Every edit of any field re-runs the diagnosis: at once for a paste of ordinary
size (it takes milliseconds), in a worker thread for a big one
(:mod:`authtui.tui.diagnosing`); with the evaluation time at "now", a one-second
ticker re-runs it so an expiring token visibly expires. Everything shown passes
the terminal boundary: the editors draw escapes (:class:`SafeTextArea`), every
notification is plain text through :func:`printable`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.driver import Driver
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Select, TabPane, TextArea

from authtui import startup
from authtui.core import timefmt
from authtui.core.model import ClockBasis, Report, Severity
from authtui.core.options import KeyInput, Options, Secret
from authtui.core.render.common import fold
from authtui.tui.answer import AnswerLayout
from authtui.tui.clearing import Clearing
from authtui.tui.commands import AuthCommands
from authtui.tui.comparing import Comparing
from authtui.tui.diagnosing import DiagnosisRunner, Engine
from authtui.tui.fields import INPUT_FIELDS, Built, Form, build_with_command_line, prefill
from authtui.tui.head_start import HeadStart
from authtui.tui.key_reading import KeyReading
from authtui.tui.keymap import Remapping
from authtui.tui.keys import APP_BINDINGS, PANE_BINDINGS, SERVED_KEYMAP, SWITCH_KEY, default_key
from authtui.tui.linking import ReportLinks
from authtui.tui.lookup import by_id
from authtui.tui.messages import FindingChosen
from authtui.tui.navigation import Navigation
from authtui.tui.offload import ChildProcess
from authtui.tui.piped import READING_WHAT, PipedPaste
from authtui.tui.savefile import DEFAULT_REPORT_PATH
from authtui.tui.screens.main import MainScreen
from authtui.tui.served import SERVED_PASTE_PLACEHOLDER, ServedMode
from authtui.tui.themes import PROJECTOR, THEME_CYCLE
from authtui.tui.widgets.detail import FindingDetail
from authtui.tui.widgets.findings import FindingList
from authtui.tui.widgets.key_line import KeyLine
from authtui.tui.widgets.keys_footer import KeysFooter
from authtui.tui.widgets.panes import Panes
from authtui.tui.widgets.paste_summary import PasteSummary
from authtui.tui.widgets.safe_area import SafeTextArea
from authtui.tui.widgets.settings import SettingsPane
from authtui.tui.widgets.status_bar import StatusBar
from authtui.tui.widgets.time_strip import TimeStrip
from authtui.tui.widgets.token_view import TokenView
from authtui.tui.widgets.verdict import VerdictBanner
from authtui.tui.workshop import WorkshopCases

if TYPE_CHECKING:
    from authtui.tui.widgets.entry_picker import EntryPicker

PASTE_PLACEHOLDER = (
    "Paste here with your terminal (Ctrl+Shift+V, Cmd+V, right click, tmux prefix+]):\n"
    "it works over SSH and inside tmux. A 401/403 response with its headers, the\n"
    "request too if you have it, a curl -v transcript, a HAR file, a WWW-Authenticate\n"
    f"value or a bare token. {default_key('paste.clipboard')} tries the system clipboard;"
    f" {default_key('demo.load')} loads a workshop case."
)
TOKEN_PLACEHOLDER = "Optional: the access token, when it is not in the paste."
SETTING_INPUTS = frozenset({"skew", "when", "audiences", "issuer", "scopes", "secret"})
PANES = {
    "paste": ("inputs", "tab-paste", "#paste"),
    "token": ("inputs", "tab-token", "#token"),
    "settings": ("inputs", "tab-settings", "#audiences"),
    "findings": ("results", "tab-findings", "#findings"),
    "decoded": ("results", "tab-decoded", "#decoded"),
}


class AuthTUI(
    DiagnosisRunner,
    ServedMode,
    AnswerLayout,
    WorkshopCases,
    PipedPaste,
    ReportLinks,
    Comparing,
    Clearing,
    Navigation,
    Remapping,
    KeyReading,
    App[int],
):
    """Why was this request refused? Paste it and read the findings."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "authtui"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide"), (170, "-xwide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    COMMANDS = App.COMMANDS | {AuthCommands}
    BINDINGS: ClassVar[list[BindingType]] = [*APP_BINDINGS, *PANE_BINDINGS]

    def __init__(
        self,
        paste: str = "",
        options: Options | None = None,
        *,
        demo: str | None = None,
        presenter: bool = False,
        clock: Callable[[], float] = time.time,
        tick: bool = True,
        clipboard_timeout: float = 2.0,
        report_path: str = DEFAULT_REPORT_PATH,
        environ: Mapping[str, str] | None = None,
        served: bool = False,
        engine: Engine | None = None,
        driver_class: type[Driver] | None = None,
        read_pipe: Callable[[], str] | None = None,
        keys_file: Path | None = None,
        head_start: HeadStart | None = None,
    ) -> None:
        """``clock`` and ``tick`` exist so tests and screenshots can freeze time;
        ``engine`` so tests can hold a background run where they want it;
        ``driver_class`` is the terminal driver (the launcher's reads pastes whole);
        ``read_pipe`` reads the paste from a pipe, once the app is on screen
        (:mod:`authtui.tui.piped`); ``keys_file`` the user's ``keys.toml``
        (:mod:`authtui.tui.keymap`; ``None``: none); ``head_start`` the first
        diagnosis, begun by the launcher before it imported the app
        (:mod:`authtui.tui.head_start`).

        ``served``: running in a browser (``authtui serve``): see :mod:`authtui.tui.served`.
        """
        super().__init__(driver_class=driver_class)
        self.served = served
        self.read_pipe = read_pipe
        self._keys_file = keys_file
        self.engine = engine or Engine(child=head_start.child if head_start else ChildProcess())
        self.head_start = head_start
        self._initial_paste = paste
        self._initial = options or Options()
        self._initial_demo = demo
        self.presenter = presenter
        self._clock = clock
        self._tick_enabled = tick
        self.clipboard_timeout = clipboard_timeout
        self.report_path = report_path
        self.environ = os.environ if environ is None else environ
        self._entry: int | None = self._initial.entry
        self._cli_secret: Secret | None = None
        self._cli_keys: tuple[KeyInput, ...] = ()
        self.report: Report | None = None
        self._picker: EntryPicker | None = None
        self.built: Built | None = None
        self._status_text = ""

    # ------------------------------------------------------------------ layout

    def get_default_screen(self) -> Screen[object]:
        """The main screen, wearing from the start the classes it would soon get
        (:meth:`MainScreen.opening`). The inputs fold once the answer is shown, which
        on_mount does at once for a small paste (a big one is read in the background)."""
        small = len(self._initial_paste) < self.engine.big
        return MainScreen.opening(self, self.presenter, small and self._opens_on_answer)

    @property
    def _opens_on_answer(self) -> bool:
        """A paste or a case came on the command line: the app opens on its answer."""
        return bool(self._initial_paste.strip() or self._initial_demo)

    def compose(self) -> ComposeResult:
        """Inputs (tabbed) beside the verdict and results (tabbed); the inputs' summary
        line stands for them once they fold (:mod:`authtui.tui.answer`)."""
        yield PasteSummary(id="paste-summary")
        with Horizontal(id="main"):
            with Panes(id="inputs", initial="tab-paste"):
                with TabPane("Paste", id="tab-paste"):
                    placeholder = SERVED_PASTE_PLACEHOLDER if self.served else PASTE_PLACEHOLDER
                    yield SafeTextArea(
                        id="paste", soft_wrap=True, placeholder=placeholder, masked=self.presenter
                    )
                with TabPane("Token", id="tab-token"):
                    yield SafeTextArea(
                        id="token",
                        soft_wrap=True,
                        placeholder=TOKEN_PLACEHOLDER,
                        masked=self.presenter,
                    )
                with TabPane("Settings", id="tab-settings"):
                    yield SettingsPane(id="settings", key_paths=not self.served)
            with Vertical(id="right"):
                yield VerdictBanner(id="verdict", digits=self.presenter)
                yield TimeStrip(id="time-strip")
                yield KeyLine(id="key-line")
                with Panes(id="results", initial="tab-findings"):
                    with TabPane("Findings", id="tab-findings"), Vertical(id="findings-box"):
                        yield FindingList(id="findings")
                        yield FindingDetail(id="detail")
                    with TabPane("Decoded token", id="tab-decoded"):
                        yield TokenView(id="decoded")
        yield StatusBar(id="status")  # in the footer's row while it speaks
        yield KeysFooter()

    def on_mount(self) -> None:
        """Prefill the fields, pick the theme, run the first diagnosis."""
        self.apply_user_keys(self._keys_file, SERVED_KEYMAP if self.served else None)
        self.register_theme(PROJECTOR)
        if self.presenter:
            self.theme = PROJECTOR.name
            self._settings.lock_redaction()
        self._prefill(self._initial_paste, self._initial)
        if self._initial_demo:
            self.load_demo_case(self._initial_demo)
        self.rediagnose()
        self.start_reading_pipe()
        if self._initial_demo == "":  # `authtui --demo` without a name: offer the list
            self.call_after_refresh(self.action_load_demo)
        if self._opens_on_answer:
            self.show_answer()  # the paste folds
        else:
            self.query_one("#paste").focus()
        if self._tick_enabled:
            self.set_interval(1.0, self._tick, name="clock-tick")

    def on_ready(self) -> None:
        """The first frame is on screen: start-up is over (:mod:`authtui.startup`);
        load the diagnosis for the keys to come (:mod:`authtui.tui.head_start`)."""
        startup.resume()
        if self.engine.cold:
            self._warm_up()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        """In a thread, so that keys are answered meanwhile: import the diagnosis; then
        diagnose by the app's own clock if the report shown came from the head start."""
        self.engine.warm_up()
        if self.head_started:
            self.call_from_thread(self.rediagnose)

    def on_unmount(self) -> None:
        """The app is closing: end the background reader, if one was started."""
        self.engine.close()

    def _prefill(self, paste: str, options: Options) -> None:
        """Put the CLI's paste and options into the fields, without re-diagnosing."""
        filled = prefill(paste, options, presenter=self.presenter, served=self.served)
        with self._quiet():
            self.fill_fields(filled.form)
            self._settings.set_redact(filled.form.redact)
        self._cli_keys, self._cli_secret = filled.keys, filled.secret

    def fill_fields(self, form: Form) -> None:
        """Write a form's texts into the editors and fields (the caller keeps it quiet)."""
        self.query_one("#paste", TextArea).load_text(form.paste)
        self.query_one("#token", TextArea).load_text(form.token)
        self._settings.load_key_text(form.key)
        for field_id in INPUT_FIELDS:
            self._set_input(field_id, getattr(form, field_id))

    def _quiet(self) -> AbstractContextManager[None]:
        """Change fields without each change re-diagnosing."""
        return self.prevent(TextArea.Changed, Input.Changed, Checkbox.Changed, Select.Changed)

    @property
    def _settings(self) -> SettingsPane:
        return self.query_one("#settings", SettingsPane)

    def _set_input(self, field_id: str, value: str) -> None:
        self._settings.set_value(field_id, value)

    # --------------------------------------------------------------- diagnosis

    def form(self) -> Form:
        """The raw text of every field."""
        settings = self._settings
        value = settings.value
        return Form(
            paste=self.query_one("#paste", TextArea).text,
            token=self.query_one("#token", TextArea).text,
            skew=value("skew"),
            when=value("when"),
            audiences=value("audiences"),
            issuer=value("issuer"),
            scopes=value("scopes"),
            key=settings.key_text,
            secret=value("secret"),
            entry=self._entry,
            redact=settings.redact,
        )

    def rediagnose(self) -> None:
        """Build options from the fields, diagnose, and show the report."""
        if by_id(self, "#settings", SettingsPane) is None:  # a late message as the app closes
            return
        form = self.form()
        built = build_with_command_line(
            form,
            self._clock(),
            cli_keys=self._cli_keys,
            cli_secret=self._cli_secret,
            force_redact=self.presenter,
            key_paths=not self.served,
            key_read=self.key_reading(form.key),
        )
        self.built = built
        empty = not form.paste.strip() and not form.token.strip()
        self.run_diagnosis(form.paste, built.options, empty=empty)  # the paste is read once

    def show_reading(self, size: str) -> None:
        """A big paste is being read in the background: the banner says so."""
        for banner in self.query(VerdictBanner):
            banner.show_reading(size)

    def show_report(self, report: Report, *, empty: bool) -> None:
        """Show a report in every pane (none, when a late result meets the app closing)."""
        self.report = report
        banner = by_id(self, "#verdict", VerdictBanner)
        if banner is None:
            return
        if empty and self.pipe_open:
            banner.show_reading(READING_WHAT)
        elif empty:
            banner.show_welcome()
        else:
            banner.show(report)
        self._show_entries(report.entries, report.selected)
        self.query_one(TimeStrip).show(None if empty else report)
        source = self.built.key_source if self.built else ""
        self.query_one(KeyLine).show(None if empty else report, source)
        self.query_one(FindingList).show_report(None if empty else report)
        options = self.built.options if self.built else None
        self.query_one(TokenView).show(None if empty else report, options)
        self._show_status(report)
        self._label_tabs(report, empty)
        self.answer_shown(report, empty=empty)
        self.link_report(report, empty=empty)

    def _show_entries(self, labels: tuple[str, ...], selected: int) -> None:
        """Offer the HAR entries; the picker is mounted the first time there are two."""
        picker = self._picker
        if picker is not None:
            picker.show_entries(labels, selected)
        elif len(labels) > 1:
            from authtui.tui.widgets.entry_picker import EntryPicker  # a HAR's, first

            self._picker = EntryPicker(labels, selected, id="entry")
            with self.prevent(Select.Changed):  # its first value is not a choice
                self.query_one("#tab-paste").mount(self._picker, before="#paste")

    def _show_status(self, report: Report) -> None:
        built = self.built
        if built is None:
            return
        lines = list(built.problems)
        clock = report.clock
        ticking = ", ticking" if clock.basis is ClockBasis.DEVICE else ""
        lines.append(f"Evaluating at {timefmt.utc(round(clock.now))}{ticking}: {clock.summary}")
        if built.key_source:
            lines.append(f"Key: {built.key_source}")
        if self._cli_secret is not None and built.options.secret is self._cli_secret:
            lines.append(f"Secret: from the command line ({len(self._cli_secret)} bytes)")
        text = "\n".join(lines)
        if text != self._status_text:
            self._status_text = text
            self._settings.show_status(text)

    def _label_tabs(self, report: Report, empty: bool) -> None:
        counts = dict.fromkeys(Severity, 0)  # causes: what confirms another is not counted
        for cause in () if empty else fold(report.findings):
            counts[cause.finding.severity] += 1
        label = "Findings"
        if counts[Severity.ERROR]:
            label += f" ✖{counts[Severity.ERROR]}"
        if counts[Severity.WARNING]:
            label += f" ▲{counts[Severity.WARNING]}"
        tab = self.query_one("#results", Panes).get_tab("tab-findings")
        if str(tab.label) != label:
            tab.label = label

    def _tick(self) -> None:
        """Once a second: re-diagnose when the evaluation time is the device clock
        (not while a big paste is being read: the next second will do)."""
        if self.diagnosing or self.reading:
            return
        if self.built is not None and not self.built.fixed_time and self.report is not None:
            form = self.form()
            if form.paste.strip() or form.token.strip():
                self.rediagnose()

    # ------------------------------------------------------------------ events

    @on(TextArea.Changed, "#paste")
    def _paste_changed(self) -> None:
        self._entry = None
        for area in self.query("#paste").results(TextArea):  # none once the app closes
            self.paste_edited(area.text, self.rediagnose)

    @on(TextArea.Changed, "#token")
    @on(TextArea.Changed, "#key")
    @on(Checkbox.Changed, "#redact")
    def _field_changed(self) -> None:
        self.rediagnose()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input.id in SETTING_INPUTS:
            self.rediagnose()

    @on(Select.Changed, "#entry")
    def _entry_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self._entry = event.value
            self.rediagnose()

    @on(Panes.TabActivated, "#inputs", pane="#tab-settings")
    def _settings_shown(self) -> None:
        self._build_settings()

    def _build_settings(self) -> None:
        """Give the settings pane its fields (the first time it is shown)."""
        self._settings.build()

    @on(FindingChosen)
    def _finding_chosen(self, event: FindingChosen) -> None:
        detail = by_id(self, "#detail", FindingDetail)  # none when the app is closing
        if detail is not None:
            detail.show(event.item, event.confirmed_by)
        self.link_finding(event.item)

    # ----------------------------------------------------------------- actions

    def action_switch_clock(self) -> None:
        """ctrl+r: judge at the paste's own time, or by the device clock (the other
        reading from the one shown). Sets the Evaluation time field."""
        report = self.report
        if report is None:
            return
        clock = report.clock
        if clock.basis is ClockBasis.CAPTURE:
            target, words = "device", "by the device clock"
        elif clock.captured_at is not None:
            target, words = "capture", "at the capture time"
        else:
            self.notify(
                "This paste carries no time of its own (no HAR startedDateTime, no Date):"
                " the device clock judges it. Type a time in Settings › Evaluation time.",
                severity="warning",
            )
            return
        self._set_input("when", target)  # re-diagnoses (Input.Changed) once the field exists
        if not self._settings.built:
            self.rediagnose()
        self.notify(
            f"Judged {words} now (Settings › Evaluation time: {target});"
            f" {SWITCH_KEY} switches back."
        )

    def action_toggle_redaction(self) -> None:
        """ctrl+t: redact tokens in the report, or show them whole."""
        if self.presenter:
            self.notify("Presenter mode keeps redaction on.", severity="warning")
            return
        settings = self._settings
        redact = not settings.redact
        with self._quiet():
            settings.set_redact(redact)
        self.rediagnose()
        state = "on: tokens are shortened" if redact else "off: tokens appear whole"
        self.notify(f"Redaction {state} in the report. The secret never appears.")

    def action_switch_theme(self) -> None:
        """ctrl+f: cycle dark, light and projector themes."""
        names = list(THEME_CYCLE)
        index = names.index(self.theme) + 1 if self.theme in names else 0
        self.theme = names[index % len(names)]
        self.notify(f"Theme: {self.theme}")

    def action_focus_pane(self, name: str) -> None:
        """Show a pane's tab and focus it."""
        tabs_id, tab, selector = PANES[name]
        if name == "settings":
            self._build_settings()
        self.query_one(f"#{tabs_id}", Panes).active = tab
        self.query_one(selector).focus()
