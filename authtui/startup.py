"""Start-up with the cyclic garbage collector paused.

Loading authtui's modules (and Textual's, PyJWT's, cryptography's) creates some
80,000 objects that live as long as the process, and building the first screen
thousands more. With the collector running, that start-up pays for about 180
young collections and a full one, which walk those objects again and again
(tens of milliseconds, a tenth of the TUI's first screen) and free next to
nothing: reference counting frees what start-up leaves behind.

So the command line pauses the collector as it starts (:func:`pause`) and resumes
it once the command's modules are loaded, or, for the TUI, once the first frame
is on screen (:func:`resume`). Resuming first freezes what is alive then into
the permanent generation, so later collections, while a person types, no
longer walk the modules' objects either. Only the command line pauses: an app
built in a test, or by a program that imports authtui, leaves the collector as
its host set it, and :func:`resume` does nothing there.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause the collector for start-up, if it runs (the command line's first step)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Start-up is over: freeze what is alive now and run the collector again.
    Does nothing unless :func:`pause` paused it, and nothing a second time."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
