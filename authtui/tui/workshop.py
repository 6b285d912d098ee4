"""Workshop cases in the app: the list (F4), loading one, the next and the previous
(:data:`~authtui.tui.keys.NEXT_CASE_KEY`, :data:`~authtui.tui.keys.PREVIOUS_CASE_KEY`).

A mixin for :class:`~authtui.tui.app.AuthTUI`, kept apart so app.py stays small.
Loading a case fills every field from the case built at the evaluation time,
then puts the focus on the findings so the answer is in view
(:mod:`authtui.tui.answer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import TextArea

from authtui.tui.fields import number_field_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager

    from textual.app import App

    from authtui.core.options import Secret
    from authtui.tui.fields import Built
    from authtui.tui.widgets.settings import SettingsPane

    _Base = App[int]
else:
    _Base = object


class WorkshopCases(_Base):
    """Actions that load workshop cases; remembers which case is loaded."""

    built: Built | None
    _clock: Callable[[], float]
    _entry: int | None
    _cli_secret: Secret | None
    compare_with: str
    current_case: str | None = None
    """The workshop case loaded last (``None``: none, or the fields were cleared)."""

    if TYPE_CHECKING:

        @property
        def _settings(self) -> SettingsPane:
            """The app's settings pane."""

        def _quiet(self) -> AbstractContextManager[None]:
            """The app's: change fields without each change re-diagnosing."""

        def _set_input(self, field_id: str, value: str) -> None:
            """The app's: set one settings field."""

        def rediagnose(self) -> None:
            """The app's: diagnose the fields again."""

        def show_answer(self) -> None:
            """:class:`~authtui.tui.answer.AnswerLayout`'s: focus the findings."""

        def key_label(self, binding_id: str) -> str:
            """The first live key of a binding (the app's)."""

    def action_load_demo(self) -> None:
        """ctrl+d (F4): pick a workshop case."""
        from authtui.core.demos.catalog import DEMOS
        from authtui.tui.screens.demos import DemoPicker

        cases = [(d.name, d.title, d.summary) for d in DEMOS]

        def chosen(name: str | None) -> None:
            if name:
                self.load_demo_case(name)

        self.push_screen(DemoPicker(cases, self.current_case), chosen)

    def action_next_case(self, step: int = 1) -> None:
        """The next workshop case (``step`` -1: the previous), round the list; with
        none loaded, the first (or the last)."""
        from authtui.core.demos.catalog import DEMOS

        names = [d.name for d in DEMOS]
        if self.current_case in names:
            index = (names.index(self.current_case) + step) % len(names)
        else:
            index = 0 if step > 0 else len(names) - 1
        self.load_demo_case(names[index])

    def action_load_demo_named(self, name: str) -> None:
        """Load one workshop case by name (palette)."""
        self.load_demo_case(name)

    def load_demo_case(self, name: str) -> bool:
        """Fill every field from a workshop case built at the evaluation time."""
        from authtui.core.demos.catalog import (
            get_demo,  # key generation and PyJWT signing, on demand
        )

        demo = get_demo(name)
        if demo is None:
            self.notify(
                f"No workshop case called {name!r}: {self.key_label('demo.load')} lists them.",
                severity="warning",
            )
            return False
        built = self.built
        now = built.options.now if built and built.fixed_time else None
        case = demo.build(self._clock() if now is None else now)
        with self._quiet():
            self.query_one("#paste", TextArea).load_text(case.paste)
            self.query_one("#token", TextArea).load_text(case.token)
            self._settings.load_key_text(case.key_text)
            self._set_input("skew", number_field_text(case.skew))
            self._set_input("audiences", " ".join(case.audiences))
            self._set_input("issuer", case.issuer or "")
            self._set_input("scopes", " ".join(case.scopes))
            self._set_input("secret", case.secret)
        self.compare_with = case.working
        self._entry = None
        self._cli_secret = None
        self.current_case = demo.name
        self.rediagnose()
        self.show_answer()
        self.notify(f"Loaded workshop case: {demo.title}", title=demo.name, markup=False)
        return True
