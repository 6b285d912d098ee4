"""Command line: ``authtui [PASTE]``, ``authtui diagnose``, ``authtui compare``,
``authtui demos``, ``authtui serve``.

Each command lives in its own module and is imported only when it runs:
:mod:`.diagnose` and :mod:`.compare` never import the TUI or the web server (they
must start fast); :mod:`.tui` imports the TUI only when it is about to run;
:mod:`.serve` runs it in a browser through :mod:`authtui.web`; :mod:`.args` holds what
they all read from the command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from authtui import startup
from authtui.cli.errors import EXIT_OK, EXIT_USAGE, UsageError, say


def console() -> int:
    """Entry point of the ``authtui`` console script (and ``python -m authtui``):
    :func:`main` on ``sys.argv``, started with the garbage collector paused until
    the command's modules are loaded (:mod:`authtui.startup`)."""
    startup.pause()
    try:
        return main()
    finally:
        startup.resume()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` (default: ``sys.argv[1:]``) names; its exit status.
    If :func:`console` paused the collector, it resumes once the command's modules
    are loaded; the TUI resumes it at its first frame."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["diagnose"]:
            from authtui.cli.diagnose import cmd_diagnose

            startup.resume()
            return cmd_diagnose(argv[1:])
        if argv[:1] == ["compare"]:
            from authtui.cli.compare import cmd_compare

            startup.resume()
            return cmd_compare(argv[1:])
        if argv[:1] == ["demos"]:
            from authtui.cli.diagnose import cmd_demos

            startup.resume()
            return cmd_demos()
        if argv[:1] == ["serve"]:
            from authtui.cli.serve import cmd_serve

            startup.resume()
            return cmd_serve(argv[1:])
        from authtui.cli.tui import cmd_tui

        return cmd_tui(argv)  # the app resumes the collector at its first frame
    except UsageError as exc:
        say(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except SystemExit as exc:  # argparse --help / --version
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except Exception as exc:
        if os.environ.get("AUTHTUI_DEBUG"):
            raise
        say(
            f"authtui: internal error (a bug in authtui): {type(exc).__name__}: {exc}; "
            "run with AUTHTUI_DEBUG=1 for the traceback"
        )
        return EXIT_USAGE
