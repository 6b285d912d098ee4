"""Settings beside the paste: clock, expectations, key and secret.

The fields are built the first time the Settings tab is shown: until then the
pane holds their values itself, so every diagnosis reads them all the same and
start-up does not pay for some twenty widgets nobody sees yet. The fields may
hold pasted text: they keep it and draw it through the terminal boundary
(:class:`SafeInput`, :class:`SafeTextArea`), as does the status line.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from authtui.core.safety.terminal import printable
from authtui.tui.keys import SWITCH_KEY, default_key

SKEW_STEPS = (0, 60, 300)
"""Quick steps for the clock-skew allowance (seconds)."""

INPUT_DEFAULTS = {
    "skew": "60",
    "when": "",
    "audiences": "",
    "issuer": "",
    "scopes": "",
    "secret": "",
}
"""Every one-line field of the pane and its value before anything is typed."""

KEY_LABEL = "Verification key: pasted PEM / JWK / JWKS, or a file (Tab completes)"
KEY_PLACEHOLDER = "./jwks.json, or paste -----BEGIN PUBLIC KEY----- ..."
SERVED_KEY_PLACEHOLDER = "paste -----BEGIN PUBLIC KEY----- ..."
SERVED_KEY_LABEL = "Verification key: pasted PEM / JWK / JWKS (no files in the browser)"


class SettingsPane(VerticalScroll):
    """Every option of ``authtui diagnose``, as fields. Editing any re-diagnoses."""

    def __init__(self, *, id: str | None = None, key_paths: bool = True) -> None:
        """``key_paths=False`` (the browser): the key field takes key text, not a path."""
        super().__init__(id=id)
        self._key_paths = key_paths
        self._inputs = dict(INPUT_DEFAULTS)
        self._key = ""
        self._redact = True
        self._redact_locked = False
        self._status = ""
        self._built = False

    @property
    def built(self) -> bool:
        """True once the fields exist (the tab has been shown)."""
        return self._built

    def compose(self) -> ComposeResult:
        """Nothing until the tab is first shown (see :meth:`build`)."""
        return iter(())

    def on_show(self) -> None:
        """The tab came to the front by any route: make sure the fields exist."""
        self.build()

    def build(self) -> None:
        """Mount the fields, holding the values kept so far (once; later calls do nothing)."""
        if self._built:
            return
        self._built = True
        row = Horizontal(classes="setting-row")
        with self.prevent(Input.Changed, TextArea.Changed, Checkbox.Changed):
            # The values are not news: no re-diagnosis. Every field is in the DOM
            # when this returns (the row's too), so it can be focused at once.
            self.mount_all(self._fields(row))
            row.mount_all(self._skew_row())

    def _skew_row(self) -> list[Widget]:
        from authtui.tui.widgets.safe_input import SafeInput

        skew = SafeInput(self._inputs["skew"], id="skew", type="number", compact=True)
        steps = [
            Button(f"{step} s", id=f"skew-{step}", compact=True, classes="skew-step")
            for step in SKEW_STEPS
        ]
        return [skew, *steps]

    def _fields(self, skew_row: Horizontal) -> list[Widget]:
        """The fields, top to bottom in the order people reach for them: what the API
        expects first, then the key, then the clock."""
        # The fields' modules load with the first showing of the tab, not before the
        # app's first frame.
        from authtui.tui.widgets.key_area import KeyArea
        from authtui.tui.widgets.safe_input import SafeInput

        def line(field_id: str, placeholder: str, *, password: bool = False) -> Input:
            value = self._inputs[field_id]
            return SafeInput(value, placeholder, id=field_id, password=password, compact=True)

        key = KeyArea(
            self._key,
            key_paths=self._key_paths,
            id="key",
            soft_wrap=True,
            compact=True,
            placeholder=KEY_PLACEHOLDER if self._key_paths else SERVED_KEY_PLACEHOLDER,
        )
        redact = Checkbox(
            f"Redact tokens in the report ({default_key('view.redact')})",
            self._redact,
            id="redact",
            compact=True,
        )
        redact.disabled = self._redact_locked
        return [
            Label("Expected audience(s), comma or space separated"),
            line("audiences", "e.g. https://api.example.com"),
            Label("Expected issuer"),
            line("issuer", "e.g. https://login.example.com/"),
            Label("Required scopes or roles"),
            line("scopes", "e.g. orders:read"),
            Label(KEY_LABEL if self._key_paths else SERVED_KEY_LABEL),
            key,
            Label("HMAC secret (masked; never shown, saved or copied)"),
            line("secret", "for HS256/384/512 tokens", password=True),
            Label(f"Evaluation time ({SWITCH_KEY} switches)"),
            line("when", "empty: the paste's Date; capture, now, epoch, RFC 3339"),
            Label("Clock skew allowance (seconds)"),
            skew_row,
            redact,
            Static(printable(self._status), id="settings-status", markup=False),
        ]

    # ------------------------------------------------------------------ values

    def value(self, field_id: str) -> str:
        """The text of one one-line field (``skew``, ``when``, ``audiences``...)."""
        if not self._built:
            return self._inputs[field_id]
        return self.query_one(f"#{field_id}", Input).value

    def set_value(self, field_id: str, value: str) -> None:
        """Set one one-line field (posts ``Input.Changed`` once the field exists)."""
        if not self._built:
            self._inputs[field_id] = value
            return
        self.query_one(f"#{field_id}", Input).value = value

    @property
    def key_text(self) -> str:
        """The verification key field's text."""
        if not self._built:
            return self._key
        return self.query_one("#key", TextArea).text

    def load_key_text(self, text: str) -> None:
        """Replace the key field's text."""
        if not self._built:
            self._key = text
            return
        self.query_one("#key", TextArea).load_text(text)

    @property
    def redact(self) -> bool:
        """Whether the report is to be redacted."""
        if not self._built:
            return self._redact
        return self.query_one("#redact", Checkbox).value

    def set_redact(self, value: bool) -> None:
        """Tick or untick the redaction box (posts ``Checkbox.Changed`` once it exists)."""
        if not self._built:
            self._redact = value
            return
        self.query_one("#redact", Checkbox).value = value

    def lock_redaction(self) -> None:
        """Presenter mode: the redaction box cannot be unticked."""
        self._redact_locked = True
        if self._built:
            self.query_one("#redact", Checkbox).disabled = True

    def show_status(self, text: str) -> None:
        """The line under the fields: problems, the evaluation time, the key's source."""
        self._status = text
        if self._built:
            self.query_one("#settings-status", Static).update(printable(text))

    @on(Button.Pressed, ".skew-step")
    def _step(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "skew-60").removeprefix("skew-")
        self.query_one("#skew", Input).value = value
