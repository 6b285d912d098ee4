"""The diagnosis, pure: no UI, no network, no wall clock unless asked.

The data path, one stage per package, each below the next::

    read/     the paste               -> exchanges, standalone tokens, notes
    http/     header fields           -> challenges and credentials (RFC 9110 §11)
    codec/    base64url, JSON         -> bytes and exact values
    jose/     a token and keys        -> a decoded token, its signature, DPoP proofs
    keys/     key files               -> loaded keys
    words/    what the server said    -> messages with their place, server.* findings
    checks/   the context             -> findings, one module per area
    verdict   the findings            -> kind, headline, ranked causes
    compare/  two diagnoses           -> which side works, ranked differences, a headline
    safety/   text and a report       -> text safe for a terminal, secrets hidden
    render/   a report, a comparison  -> text, Markdown, JSON

:mod:`.diagnose` runs them in order; :mod:`.model`, :mod:`.options` and
:mod:`.context` are what they share; :mod:`.demos` builds the workshop cases.
"""
