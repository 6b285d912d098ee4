"""From messages to exchanges: split each message into its request and response
halves, then pair each request with the response that follows it.
"""

from __future__ import annotations

from dataclasses import replace

from authtui.core.model import Exchange, Header
from authtui.core.read.harvest import Harvest, body_token_response, take_tokens
from authtui.core.read.hidden import hidden_failure
from authtui.core.read.lines import FAILING, REQUEST, RESPONSE, absolute
from authtui.core.read.message import Msg


def _body_text(lines: list[str]) -> str:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return "\n".join(lines[start:end])


def halves(msg: Msg, harvest: Harvest) -> list[tuple[str, Exchange]]:
    """The request half and/or the response half of one message (a body that is only a
    token goes to ``harvest`` instead)."""
    sides = msg.sides()
    request = tuple(h for h, s in zip(msg.headers, sides, strict=True) if s == REQUEST)
    response = tuple(h for h, s in zip(msg.headers, sides, strict=True) if s == RESPONSE)
    body = _body_text(msg.body)
    if msg.source != "curl-command":  # a command's body is what it sends, token or not
        body = take_tokens(body, harvest, msg.body_span)
    to_response = msg.kind == RESPONSE or (msg.kind == "block" and msg.has_response())
    if to_response:
        roles = body_token_response(body)
        if roles:  # a token endpoint's answer: its tokens are offered, the body kept
            harvest.add_roles(roles)
    source = msg.source
    if msg.kind == "block" and msg.only_challenges:
        source = "challenge"
    if source == "http" and any("httpie" in v.lower() for v in _values(request, "user-agent")):
        source = "httpie"
    out: list[tuple[str, Exchange]] = []
    req_headers = tuple(h for h in request if not h.name.startswith(":"))
    if msg.method or msg.target or req_headers or (body and not to_response):
        out.append(
            (
                REQUEST,
                Exchange(
                    method=msg.method,
                    target=msg.target,
                    url=_url(msg, req_headers),
                    request_headers=req_headers,
                    request_body="" if to_response else body,
                    http_version=None if to_response else msg.version,
                    source=source,
                    request_line=msg.start_span if msg.kind != RESPONSE else None,
                ),
            )
        )
    resp_headers = tuple(h for h in response if not h.name.startswith(":"))
    if msg.kind == RESPONSE or msg.status is not None or resp_headers or (body and to_response):
        out.append(
            (
                RESPONSE,
                Exchange(
                    status=msg.status,
                    reason=msg.reason,
                    http_version=msg.version if to_response else None,
                    response_headers=resp_headers,
                    body=body if to_response else "",
                    source=source,
                    status_line=(msg.start_span if msg.kind == RESPONSE else None)
                    or msg.status_span,
                    body_span=msg.body_span if to_response and body else None,
                ),
            )
        )
    return out


def _values(headers: tuple[Header, ...], key: str) -> list[str]:
    return [h.value for h in headers if h.key == key]


def _url(msg: Msg, headers: tuple[Header, ...]) -> str | None:
    """The full request URL when the paste shows it (scheme https unless shown otherwise)."""
    if msg.url:
        return msg.url
    target = msg.target
    if not target:
        return None
    if absolute(target):
        return target
    if not target.startswith("/"):
        return None
    hosts = _values(headers, "host")
    host = (hosts[0].strip() if hosts else "") or msg.authority or _curl_authority(msg)
    if not host or " " in host:
        return None
    return f"{msg.scheme or _curl_scheme(msg)}://{host}{target}"


_HTTP_PORTS, _HTTPS_PORTS = (80, 8080), (443, 8443)
"""The ports that say the scheme by convention (IANA's http, http-alt, https, https-alt)."""


def _curl_scheme(msg: Msg) -> str:
    """The scheme a curl transcript shows: https when curl spoke of TLS; else by a
    conventional port; else http where curl connected and spoke no TLS (it always
    shows the handshake over TLS); https, the usual case, when it shows no connection.
    Hand-trimmed transcripts often drop the handshake: a conventional port wins."""
    if msg.curl_tls:
        return "https"
    if msg.curl_port in _HTTP_PORTS:
        return "http"
    if msg.curl_port in _HTTPS_PORTS or msg.curl_tls is None:
        return "https"
    return "http"


def _curl_authority(msg: Msg) -> str | None:
    if msg.curl_host is None:
        return None
    if msg.curl_port in (None, 80, 443):
        return msg.curl_host
    return f"{msg.curl_host}:{msg.curl_port}"


def _merge(request: Exchange, response: Exchange) -> Exchange:
    source = (
        request.source if request.source == response.source else _merged_source(request, response)
    )
    return replace(
        request,
        status=response.status,
        reason=response.reason,
        http_version=response.http_version or request.http_version,
        response_headers=response.response_headers,
        body=response.body,
        source=source,
        status_line=response.status_line,
        body_span=response.body_span,
    )


def _merged_source(request: Exchange, response: Exchange) -> str:
    for source in ("curl-command", "curl", "httpie", "http"):
        if source in (request.source, response.source):
            return source
    return "headers"


def _fold_commands(items: list[tuple[str, Exchange]]) -> list[tuple[str, Exchange]]:
    """A curl command followed by its own ``-v`` transcript: the transcript shows what
    was sent, so it stands for the request; the command adds only what the transcript
    does not show (the exact URL, the body)."""
    out: list[tuple[str, Exchange]] = []
    for item in items:
        side, exchange = item
        last = out[-1][1] if out else None
        if (
            side == REQUEST
            and exchange.source == "curl"
            and last is not None
            and out[-1][0] == REQUEST
            and last.source == "curl-command"
        ):
            same = last.target == exchange.target
            out[-1] = (
                REQUEST,
                replace(
                    exchange,
                    url=last.url if same else exchange.url,
                    request_body=exchange.request_body or last.request_body,
                ),
            )
        else:
            out.append(item)
    return out


def _final_responses(items: list[tuple[str, Exchange]]) -> list[tuple[str, Exchange]]:
    """Drop interim responses (``100 Continue``) that another response follows."""
    return [
        item
        for i, item in enumerate(items)
        if not (
            item[0] == RESPONSE
            and item[1].status is not None
            and item[1].status < 200
            and i + 1 < len(items)
            and items[i + 1][0] == RESPONSE
        )
    ]


_BLOCK_SOURCES = frozenset({"headers", "challenge"})


def _join_halves(first: Exchange, second: Exchange) -> Exchange:
    """Two halves of the same side, from header blocks, as one."""
    return replace(
        first,
        method=first.method or second.method,
        target=first.target or second.target,
        url=first.url or second.url,
        request_headers=first.request_headers + second.request_headers,
        request_body=first.request_body or second.request_body,
        status=first.status if first.status is not None else second.status,
        reason=first.reason or second.reason,
        response_headers=first.response_headers + second.response_headers,
        body=first.body or second.body,
        source="headers",
        request_line=first.request_line or second.request_line,
        status_line=first.status_line if first.status is not None else second.status_line,
        body_span=first.body_span if first.body else second.body_span,
    )


def _conflicts(side: str, held: Exchange, new: Exchange) -> bool:
    if side == REQUEST:
        return bool(held.method and new.method)
    return held.status is not None and new.status is not None


def _merge_blocks(items: list[tuple[str, Exchange]]) -> list[tuple[str, Exchange]]:
    """Header blocks copied from developer tools (Chrome's General, Response Headers and
    Request Headers sections, in any order) describe one exchange: a run of them gives
    at most one request half and one response half, until a second status or method
    shows another exchange has begun."""
    out: list[tuple[str, Exchange]] = []
    held: dict[str, Exchange] = {}

    def flush() -> None:
        out.extend((side, held[side]) for side in (REQUEST, RESPONSE) if side in held)
        held.clear()

    for side, exchange in items:
        if exchange.source not in _BLOCK_SOURCES:
            flush()
            out.append((side, exchange))
            continue
        if side in held and _conflicts(side, held[side], exchange):
            flush()
        held[side] = _join_halves(held[side], exchange) if side in held else exchange
    flush()
    return out


def pair(items: list[tuple[str, Exchange]]) -> list[Exchange]:
    """Pair each request with the response that follows it (or a lone response with the
    request pasted after it); the rest stand alone."""
    items = _final_responses(_fold_commands(_merge_blocks(items)))
    out: list[Exchange] = []
    i, n = 0, len(items)
    while i < n:
        side, exchange = items[i]
        nxt = items[i + 1] if i + 1 < n else None
        if side == REQUEST and nxt is not None and nxt[0] == RESPONSE:
            out.append(_merge(exchange, nxt[1]))
            i += 2
        elif (
            side == RESPONSE
            and nxt is not None
            and nxt[0] == REQUEST
            and not (i + 2 < n and items[i + 2][0] == RESPONSE)
        ):
            out.append(_merge(nxt[1], exchange))
            i += 2
        else:
            out.append(exchange)
            i += 1
    return [replace(e, label=_label(e)) for e in out]


def _label(exchange: Exchange) -> str:
    request = " ".join(p for p in (exchange.method, exchange.target) if p)
    if exchange.status is not None:
        if request:
            return f"{request} -> {exchange.status}"
        return " ".join(p for p in (str(exchange.status), exchange.reason) if p)
    if request:
        return request if not exchange.has_response else f"{request} -> response"
    if exchange.source == "challenge":
        return "challenge only"
    if exchange.request_headers and exchange.response_headers:
        return "request and response headers"
    if exchange.request_headers:
        return "request headers"
    if exchange.response_headers or exchange.body:
        return "response headers"
    return "response with an unreadable status"


def default_selected(exchanges: tuple[Exchange, ...]) -> int:
    """The exchange to diagnose: the first failing (401/403/407), else the first that
    hides an auth failure behind a 2xx or 3xx, else the last with a status, else 0."""
    for index, exchange in enumerate(exchanges):
        if exchange.status in FAILING:
            return index
    for index, exchange in enumerate(exchanges):
        if hidden_failure(exchange) is not None:
            return index
    for index in range(len(exchanges) - 1, -1, -1):
        if exchanges[index].status is not None:
            return index
    return 0
