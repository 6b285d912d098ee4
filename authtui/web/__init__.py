"""``authtui serve``: the TUI in a browser, through textual-serve.

The one package of authtui that listens on a socket (aiohttp, via textual-serve);
the core, ``diagnose`` and the TUI never import it. Every request must carry the
served address's random token and its own ``Host`` (and ``Origin``, where a
browser sends one); the page loads nothing from beyond the served address.
"""
