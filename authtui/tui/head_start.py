"""The first diagnosis, begun before the TUI is even imported.

On its way to the first screen, ``authtui PASTE`` used to spend about a fifth of
its time importing the diagnosis (PyJWT, cryptography and the checks) and
running it, none of which needs a screen. So the launcher, once it has read the
command line and before it imports Textual, works out the options the app's
fields will hold (:func:`~authtui.tui.fields.prefill`) and sends that diagnosis
to the child process of :mod:`.offload`, the one that reads big pastes anyway.
While the app is imported and its screen built, the child diagnoses on another
core; the app's first diagnosis takes its report (:meth:`HeadStart.take`), and
the app imports the diagnosis itself only after its first frame
(:meth:`~authtui.tui.diagnosing.Engine.warm_up`).

The report is used only when it answers what the fields say at that moment: the
same paste and options, apart from the device clock, which may have moved on by
:data:`CLOCK_SLACK` at most (after the warm-up the app diagnoses once more by its
own clock, which shows nothing new unless a second has gone by). Otherwise (the
fields read differently, the key file changed in between, the child failed or
took more than :data:`WAIT` seconds) the app diagnoses as it always did. Not
begun for a workshop case (its fields are the case's), a paste still in a pipe,
or a big paste (read in the background anyway).

Nothing here imports Textual: the launcher runs it first.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from authtui.tui.fields import build_with_command_line, prefill
from authtui.tui.offload import BIG_PASTE, ChildProcess

if TYPE_CHECKING:
    from authtui.core.model import Report
    from authtui.core.options import Options

CLOCK_SLACK = 2.0
"""Seconds the device clock may have moved between the head start and the app's
first diagnosis (twice the clock's tick)."""
WAIT = 5.0
"""Seconds the app waits for the child's answer before diagnosing by itself."""


@dataclass
class HeadStart:
    """A diagnosis the child was sent before the app existed."""

    child: ChildProcess
    """The child diagnosing it, which the app then keeps for big pastes."""
    paste: str
    options: Options
    """The options as the app's fields will give them, by the clock of then."""
    taken: bool = False

    def take(self, paste: str, options: Options) -> Report | None:
        """The child's report, if it answers this paste and these options (the
        device clock aside); ``None`` otherwise. Answers once: later calls ``None``."""
        if self.taken:
            return None
        self.taken = True
        if paste != self.paste or not same_but_clock(options, self.options):
            return None  # the child's answer is dropped when it is next asked
        return self.child.collect(WAIT)


def same_but_clock(a: Options, b: Options) -> bool:
    """Equal options, the device clocks within :data:`CLOCK_SLACK` of each other."""
    if a.device_now is None or b.device_now is None:
        return a == b
    if abs(a.device_now - b.device_now) > CLOCK_SLACK:
        return False
    return dataclasses.replace(a, device_now=None) == dataclasses.replace(b, device_now=None)


def app_options(
    paste: str,
    options: Options,
    *,
    presenter: bool = False,
    served: bool = False,
    clock: Callable[[], float] = time.time,
) -> Options:
    """The options an app opened on this paste and these command-line options builds
    from its fields for its first diagnosis (the device clock read now)."""
    filled = prefill(paste, options, presenter=presenter, served=served)
    return build_with_command_line(
        filled.form,
        clock(),
        cli_keys=filled.keys,
        cli_secret=filled.secret,
        force_redact=presenter,
        key_paths=not served,
    ).options


def begin(
    paste: str,
    options: Options,
    *,
    presenter: bool = False,
    served: bool = False,
    clock: Callable[[], float] = time.time,
) -> HeadStart | None:
    """Send the child the first diagnosis of an app opened on this paste and these
    command-line options (``None``: a big paste, read in the background anyway, or
    no child could be started: the app then diagnoses as it always did)."""
    if len(paste) >= BIG_PASTE:
        return None
    first = app_options(paste, options, presenter=presenter, served=served, clock=clock)
    child = ChildProcess()
    try:
        child.begin(paste, first)
    except OSError:  # no process to be had (a limit reached): no head start
        return None
    return HeadStart(child, paste, first)
