"""Settings beside the paste: clock, expectations, key and secret."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

SKEW_STEPS = (0, 60, 300)
"""Quick steps for the clock-skew allowance (seconds)."""


class SettingsPane(VerticalScroll):
    """Every option of ``authtui diagnose``, as fields. Editing any re-diagnoses."""

    def compose(self) -> ComposeResult:
        """The fields, top to bottom in the order people reach for them."""
        yield Label("Clock skew allowance (seconds)")
        with Horizontal(classes="setting-row"):
            yield Input("60", id="skew", type="number", compact=True)
            for step in SKEW_STEPS:
                yield Button(f"{step} s", id=f"skew-{step}", compact=True, classes="skew-step")
        yield Label("Evaluation time: now, epoch seconds or RFC 3339")
        yield Input(placeholder="now (ticks every second)", id="when", compact=True)
        yield Label("Expected audience(s), comma or space separated")
        yield Input(placeholder="e.g. https://api.example.com", id="audiences", compact=True)
        yield Label("Expected issuer")
        yield Input(placeholder="e.g. https://login.example.com/", id="issuer", compact=True)
        yield Label("Required scopes or roles")
        yield Input(placeholder="e.g. orders:read", id="scopes", compact=True)
        yield Label("Verification key: a file path, or pasted PEM / JWK / JWKS")
        yield TextArea(
            id="key",
            soft_wrap=True,
            compact=True,
            placeholder="./jwks.json, or paste -----BEGIN PUBLIC KEY----- ...",
        )
        yield Label("HMAC secret (masked, never shown, saved or copied)")
        yield Input(
            placeholder="for HS256/384/512 tokens", id="secret", password=True, compact=True
        )
        yield Checkbox("Redact tokens in the report (F8)", True, id="redact", compact=True)
        yield Static("", id="settings-status", markup=False)

    @on(Button.Pressed, ".skew-step")
    def _step(self, event: Button.Pressed) -> None:
        event.stop()
        value = (event.button.id or "skew-60").removeprefix("skew-")
        self.query_one("#skew", Input).value = value
