"""``diff.header``: request headers that one side sends and the other does not, the
path a request took (``Via``, ``X-Forwarded-*``), and secrets that differ.

Headers that differ by nature (``Date``, request ids, trace context,
``Content-Length``, caching validators, a client's build number) are never
differences. Values of headers that carry tokens are never compared (tokens differ
from request to request; their claims are compared instead); a secret (an API key,
a Basic password) is compared by its fingerprint and shown only as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from authtui.core.compare.model import Difference
from authtui.core.compare.pair import NONE, Pair
from authtui.core.compare.side import Side, basic_fields, basic_parts, has_request
from authtui.core.http.request import TOKEN_HEADERS
from authtui.core.limits import clip
from authtui.core.model import Severity, Tier
from authtui.core.safety.names import Place, field_tier

IGNORED: frozenset[str] = frozenset(
    {
        "date",
        "content-length",
        "x-request-id",
        "request-id",
        "x-correlation-id",
        "correlation-id",
        "x-amzn-trace-id",
        "traceparent",
        "tracestate",
        "baggage",
        "sentry-trace",
        "b3",
        "x-cloud-trace-context",
        "x-ms-client-request-id",
        "x-client-request-id",
        "postman-token",
        "cache-control",
        "pragma",
        "if-none-match",
        "if-modified-since",
        "if-match",
        "if-unmodified-since",
        "connection",
        "keep-alive",
        "proxy-connection",
        "accept-encoding",
        "accept-language",
        "upgrade-insecure-requests",
        "te",
        "priority",
        "dnt",
        "referer",
        "expect",
        "purpose",
        "x-amz-date",
        "x-amz-content-sha256",
        "content-md5",
        "digest",
        "content-digest",
        "idempotency-key",
        "x-idempotency-key",
        # Where the request went and with what method: diff.host says so.
        "host",
        ":authority",
        ":path",
        ":method",
        ":scheme",
    }
)
"""Request headers that differ from request to request by nature (lower case)."""
IGNORED_PREFIXES = ("x-b3-", "sec-", "x-datadog-", "x-ot-")

PATH: frozenset[str] = frozenset(
    {
        "via",
        "forwarded",
        "x-real-ip",
        "x-original-url",
        "x-original-uri",
        "x-original-host",
        "x-rewrite-url",
        "cf-connecting-ip",
        "true-client-ip",
        "x-client-ip",
        "x-cluster-client-ip",
    }
)
"""Headers a proxy adds: they show the path a request took."""
PATH_PREFIXES = ("x-forwarded-", "x-envoy-", "x-original-")
ADDRESSES: frozenset[str] = frozenset(
    {"x-forwarded-for", "x-real-ip", "cf-connecting-ip", "true-client-ip", "x-client-ip"}
)
"""Path headers whose values are client addresses: only the number of hops is compared."""

ALWAYS_CREDENTIALS = frozenset({"authorization", "proxy-authorization", "dpop"})
"""Headers that carry credentials whatever the scrubber's reading of names says."""


def tier_of(name: str) -> Tier | None:
    """What a request header holds, read the way the scrubber reads it: a secret (an
    API key: compared and shown as its fingerprint), a credential, or neither."""
    tier = field_tier(name, Place.HEADER)
    if tier is None and name.lower() in ALWAYS_CREDENTIALS | TOKEN_HEADERS:
        return Tier.CREDENTIAL
    return tier


_VERSION = re.compile(r"/[^\s;()]*|\([^)]*\)")


@dataclass(frozen=True, slots=True)
class _Seen:
    """A header name as one side wrote it, and its values (as the report shows them)."""

    name: str
    values: tuple[str, ...]


def _headers(side: Side) -> dict[str, _Seen]:
    found: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for header in side.report.exchange.request_headers:
        found.setdefault(header.key, []).append(header.value)
        names.setdefault(header.key, header.name)
    return {key: _Seen(names[key], tuple(values)) for key, values in found.items()}


def _ignored(key: str) -> bool:
    return key in IGNORED or key.startswith(IGNORED_PREFIXES)


def _is_path(key: str) -> bool:
    return key in PATH or key.startswith(PATH_PREFIXES)


def _shown(key: str, seen: _Seen) -> str:
    """A header as the side's report shows it (a secret is already a fingerprint)."""
    return clip(f"{seen.name}: {', '.join(seen.values)}", 160)


def _primary_fields(side: Side) -> set[str]:
    cred = side.report.credentials
    return {cred.field_name.lower()} if cred is not None else set()


def header_differences(pair: Pair) -> Iterator[Difference]:
    """Every ``diff.header`` of the pair, when both pastes show their request."""
    fail, work = pair.fail, pair.work
    if not (has_request(fail) and has_request(work)):
        return
    on_fail, on_work = _headers(fail), _headers(work)
    both_have_credentials = fail.report.credentials and work.report.credentials
    covered = _primary_fields(fail) | _primary_fields(work) if both_have_credentials else set()
    for key in list(on_work) + [k for k in on_fail if k not in on_work]:
        if _ignored(key) or key in covered or key == "user-agent":
            continue
        if key == "cookie":
            yield from _cookies(pair, on_fail.get(key), on_work.get(key))
        elif key not in on_fail or key not in on_work:
            yield _one_side(pair, key, on_fail.get(key), on_work.get(key))
        elif tier_of(on_fail[key].name) is Tier.SECRET:
            yield from _secret(pair, on_fail[key], on_work[key])
        elif _is_path(key):
            yield from _path(pair, key, on_fail[key], on_work[key])
    yield from _basic_secret(pair)
    yield from _client_software(pair, on_fail.get("user-agent"), on_work.get("user-agent"))


def _one_side(pair: Pair, key: str, on_fail: _Seen | None, on_work: _Seen | None) -> Difference:
    seen = on_work or on_fail
    assert seen is not None
    holder, other = (pair.y, pair.x) if on_work else (pair.x, pair.y)
    value = _shown(key, seen)
    fail_value = value if on_fail else NONE
    work_value = value if on_work else NONE
    if tier_of(seen.name) is not None:
        severity = Severity.ERROR if on_work else Severity.WARNING
        detail = (
            f"{holder}'s request carries credentials in {seen.name} and {other}'s does not. "
            "A proxy, a gateway or a client library may have dropped it on the way (many "
            "strip Authorization on a redirect to another host), or the client never set it."
            if on_work
            else f"{holder} sends credentials in {seen.name} that {other} does not: a server "
            "that reads them may refuse what it would otherwise accept."
        )
        title = f"{holder}'s request carries {seen.name}, {other}'s does not"
        if on_work:
            title = f"{other}'s request carries no {seen.name} header, {holder}'s does"
        return pair.diff("diff.header", severity, title, fail_value, work_value, detail)
    if _is_path(key):
        return pair.diff(
            "diff.header",
            Severity.WARNING,
            f"{holder}'s request went through a proxy that {other}'s did not ({seen.name})",
            fail_value,
            work_value,
            f"{seen.name} is added by proxies and gateways on the way: the two requests did "
            "not take the same path, and the hop that only one of them passed may be the one "
            "that changed or refused it.",
        )
    return pair.diff(
        "diff.header",
        Severity.INFO,
        f"Only {holder}'s request carries {seen.name}",
        fail_value,
        work_value,
        "A header one request carries and the other does not; it may matter to the server.",
    )


def _secret(pair: Pair, on_fail: _Seen, on_work: _Seen) -> Iterator[Difference]:
    """A secret header on both sides, compared by the fingerprints the reports show."""
    if on_fail.values == on_work.values:
        return
    name = on_fail.name
    yield pair.diff(
        "diff.header",
        Severity.ERROR,
        f"{pair.x} sends another {name} than {pair.y}",
        _shown(name.lower(), on_fail),
        _shown(name.lower(), on_work),
        "The two secrets differ (their fingerprints: length and the start of their SHA-256; "
        "never the values). A key for another environment or a rotated key is refused.",
    )


def _basic_secret(pair: Pair) -> Iterator[Difference]:
    """Basic credentials in the same header for the same user, with another password."""
    work_fields = {f.lower() for f in basic_fields(pair.work)}
    for name in basic_fields(pair.fail):
        if name.lower() not in work_fields:
            continue
        fail, work = basic_parts(pair.fail, name), basic_parts(pair.work, name)
        if fail is None or work is None or fail[0] != work[0] or fail[1] == work[1]:
            continue
        user = f"user {fail[0]!r}" if fail[0] is not None else "credentials that do not decode"
        yield pair.diff(
            "diff.header",
            Severity.ERROR,
            f"{pair.x} sends another Basic password than {pair.y} in {name}, for the same {user}",
            f"{name}: Basic {user}, password {fail[1]}",
            f"{name}: Basic {user}, password {work[1]}",
            "Same user, another password (compared by fingerprint: length and the start of "
            "its SHA-256, never the value): the one the server refuses is wrong or outdated.",
        )


def _hops(values: tuple[str, ...]) -> int:
    return sum(len([p for p in v.split(",") if p.strip()]) for v in values)


def _normal(key: str, seen: _Seen) -> str:
    if key in ADDRESSES:
        return f"{_hops(seen.values)} hop(s)"
    if key == "forwarded":
        parts = [
            p.strip().lower()
            for v in seen.values
            for hop in v.split(",")
            for p in hop.split(";")
            if p.strip() and not p.strip().lower().startswith("for=")
        ]
        return "; ".join(parts) + f" ({_hops(seen.values)} hop(s))"
    return ", ".join(" ".join(v.split()).lower() for v in seen.values)


def _path(pair: Pair, key: str, on_fail: _Seen, on_work: _Seen) -> Iterator[Difference]:
    if _normal(key, on_fail) == _normal(key, on_work):
        return
    shown_fail, shown_work = _shown(key, on_fail), _shown(key, on_work)
    if key in ADDRESSES:
        shown_fail += f" ({_hops(on_fail.values)} hop(s))"
        shown_work += f" ({_hops(on_work.values)} hop(s))"
    yield pair.diff(
        "diff.header",
        Severity.WARNING,
        f"{pair.x}'s request took another path than {pair.y}'s ({on_fail.name})",
        shown_fail,
        shown_work,
        f"{on_fail.name} records the proxies a request went through: another proxy, "
        "another scheme or another external host may change or drop what reaches the server.",
    )


def _cookie_names(seen: _Seen | None) -> list[str]:
    if seen is None:
        return []
    names = [p.partition("=")[0].strip() for v in seen.values for p in v.split(";")]
    return list(dict.fromkeys(n for n in names if n))


def _cookies(pair: Pair, on_fail: _Seen | None, on_work: _Seen | None) -> Iterator[Difference]:
    """Cookies compared by name only: their values differ from session to session."""
    fail_names, work_names = _cookie_names(on_fail), _cookie_names(on_work)
    lost = [n for n in work_names if n not in fail_names]
    gained = [n for n in fail_names if n not in work_names]
    if not lost and not gained:
        return
    if lost:
        title = f"{pair.x} sends no cookie {', '.join(lost)}, which {pair.y} sends"
    else:
        title = f"{pair.x} sends the cookie {', '.join(gained)}, which {pair.y} does not"
    yield pair.diff(
        "diff.header",
        Severity.WARNING if lost else Severity.INFO,
        title,
        "cookies: " + (", ".join(fail_names) or NONE),
        "cookies: " + (", ".join(work_names) or NONE),
        "Cookies are compared by name (their values change from session to session): "
        "a session or token cookie one side lacks is a credential it does not send.",
    )


def _product(seen: _Seen | None) -> str | None:
    if seen is None:
        return None
    return " ".join(_VERSION.sub("", " ".join(seen.values)).split()).lower() or None


def _client_software(
    pair: Pair, on_fail: _Seen | None, on_work: _Seen | None
) -> Iterator[Difference]:
    """``User-Agent`` compared without versions: a build number is no difference."""
    fail, work = _product(on_fail), _product(on_work)
    if fail is None or work is None or fail == work:
        return
    assert on_fail is not None and on_work is not None
    yield pair.diff(
        "diff.header",
        Severity.INFO,
        f"{pair.x} was sent by another client than {pair.y}",
        clip(f"User-Agent: {', '.join(on_fail.values)}", 160),
        clip(f"User-Agent: {', '.join(on_work.values)}", 160),
        "Another client program (versions aside): it may build the request differently, "
        "and some gateways and firewalls treat clients differently.",
    )
