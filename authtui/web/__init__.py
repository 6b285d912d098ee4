"""``authtui serve``: the TUI in a browser, through textual-serve.

The one package of authtui that listens on a socket (aiohttp, via textual-serve);
the core, ``diagnose`` and the TUI never import it, and it never imports the TUI
or Textual: each browser tab runs the TUI as a process of its own. Its command
line is read by :mod:`authtui.cli.serve`. Every request must carry the served
address's random token and its own ``Host`` (and ``Origin``, where a browser
sends one); the page loads nothing from beyond the served address.
"""
