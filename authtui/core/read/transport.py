"""What a transcript says about the connection beneath HTTP: TLS alerts and errors.

``curl -v`` prints the TLS handshake on ``*`` lines (``TLSv1.3 (IN), TLS handshake,
Request CERT (13)``, ``TLSv1.3 (IN), TLS alert, unknown (628)``) and its verdict on a
``curl: (56) ...`` line; other clients print their own (``[SSL:
TLSV13_ALERT_CERTIFICATE_REQUIRED]``, Go's ``remote error: tls: certificate required``,
Java's ``Received fatal alert: bad_certificate``). Those lines are kept as written,
for the checks to read. One pass over the lines, never raising.
"""

from __future__ import annotations

from authtui.core.limits import clip

MAX_LINES = 24
"""At most this many connection lines are kept from one paste."""

_MARKERS = (
    "tls alert",
    " alert ",
    "alert:",
    "request cert",
    "ssl certificate",
    "certificate required",
    "client certificate",
    "bad certificate",
    "bad_certificate",
    "unknown ca",
    "unknown_ca",
    "certificate_required",
    "remote error: tls",
    "ssl routines",
    "ssl_connect",
    "sslv3_alert",
    "tlsv1_alert",
    "tlsv13_alert",
    "handshake failure",
    "handshake_failure",
    "private key file",
    "client cert",
)


def transport_lines(text: str) -> tuple[str, ...]:
    """The lines of ``text`` that speak of TLS alerts, certificate requests and
    certificate errors, without curl's ``* `` prefix, in order (at most
    :data:`MAX_LINES`)."""
    lowered_text = text.lower()
    if "ssl" not in lowered_text and "tls" not in lowered_text and "cert" not in lowered_text:
        return ()
    found: list[str] = []
    for line in text.splitlines():
        lowered = line.lower()
        if "ssl" not in lowered and "tls" not in lowered and "cert" not in lowered:
            continue
        if not any(marker in lowered for marker in _MARKERS):
            continue
        kept = line.strip()
        kept = kept[2:] if kept.startswith("* ") else kept
        if kept.startswith(("<", ">")):
            continue  # a header or body line of the exchange, not the connection
        found.append(clip(kept, 300))
        if len(found) >= MAX_LINES:
            break
    return tuple(found)
