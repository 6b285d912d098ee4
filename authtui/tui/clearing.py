"""ctrl+k clears every field after asking; ctrl+u puts back what the last clear took.

A mixin for :class:`~authtui.tui.app.AuthTUI`. The clear keeps what it took
(:class:`Cleared`) until the next clear; nothing of it is written anywhere.
"""

from __future__ import annotations

import dataclasses
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from textual.widgets import TextArea

from authtui.core.options import DEFAULT_SKEW, KeyInput, Secret
from authtui.tui.fields import Form, number_field_text

if TYPE_CHECKING:
    from textual.app import App

    from authtui.tui.widgets.settings import SettingsPane

    _Base = App[int]
else:
    _Base = object

CLEARED_INPUTS = ("when", "audiences", "issuer", "scopes", "secret")
"""The settings fields a clear empties (skew goes back to its default)."""


@dataclasses.dataclass(frozen=True)
class Cleared:
    """Everything a clear took, to put back."""

    form: Form
    cli_secret: Secret | None
    cli_keys: tuple[KeyInput, ...]


class Clearing(_Base):
    """Clear all (asks first) and undo the last clear."""

    _entry: int | None
    _cli_secret: Secret | None
    _cli_keys: tuple[KeyInput, ...]
    _cleared: Cleared | None = None
    current_case: str | None
    """The workshop case loaded (:class:`~authtui.tui.workshop.WorkshopCases`'s); a clear
    leaves none."""

    if TYPE_CHECKING:

        def form(self) -> Form:
            """The raw text of every field (the app's)."""

        def rediagnose(self) -> None:
            """Diagnose the fields again (the app's)."""

        def fill_fields(self, form: Form) -> None:
            """Write a form's texts into the editors and fields (the app's)."""

        def _quiet(self) -> AbstractContextManager[None]:
            """Change fields without each change re-diagnosing (the app's)."""

        @property
        def _settings(self) -> SettingsPane:
            """The settings pane (the app's)."""

        def _set_input(self, field_id: str, value: str) -> None:
            """Set one settings field (the app's)."""

        def action_focus_pane(self, name: str) -> None:
            """Show a pane's tab and focus it (the app's)."""

        def key_label(self, binding_id: str) -> str:
            """The first live key of a binding (the app's)."""

    def action_clear_all(self) -> None:
        """Ask, then empty every field (skew back to 60 s, time back to now)."""
        from authtui.tui.screens.confirm import Confirm  # screens: when opened

        if isinstance(self.screen, Confirm):
            return
        undo = self.key_label("paste.undo_clear")
        question = (
            "Clear every field? The paste, the token, the key, the secret and the"
            f" settings are emptied; {undo} puts them back."
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.clear_all()

        self.push_screen(Confirm(question, "Clear", "Keep"), answered)

    def clear_all(self) -> None:
        """Empty every field now, keeping what was there for :meth:`action_undo_clear`."""
        form = self.form()
        blank = Form(skew=number_field_text(DEFAULT_SKEW), redact=form.redact)
        if form != blank or self._cli_keys or self._cli_secret is not None:
            self._cleared = Cleared(form, self._cli_secret, self._cli_keys)
        with self._quiet():
            for area in ("#paste", "#token"):
                self.query_one(area, TextArea).load_text("")
            self._settings.load_key_text("")
            for field_id in CLEARED_INPUTS:
                self._set_input(field_id, "")
            self._set_input("skew", number_field_text(DEFAULT_SKEW))
        self._entry = None
        self._cli_secret = None
        self._cli_keys = ()
        self.current_case = None
        self.rediagnose()
        self.action_focus_pane("paste")
        undo = self.key_label("paste.undo_clear")
        self.notify(f"Cleared every field; {undo} puts them back.")

    def action_undo_clear(self) -> None:
        """Put back every field as the last clear found it."""
        cleared = self._cleared
        if cleared is None:
            self.notify("Nothing to put back: no clear since the app started.")
            return
        self._cleared = None
        form = cleared.form
        with self._quiet():
            self.fill_fields(form)
        self._entry = form.entry
        self._cli_secret = cleared.cli_secret
        self._cli_keys = cleared.cli_keys
        self.rediagnose()
        self.notify("Put back every field the clear emptied.")
