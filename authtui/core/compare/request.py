"""The request's differences: ``diff.scheme`` (how the credentials travel) and
``diff.host`` (where the request went); ``diff.header`` is in :mod:`.headers`."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core.compare.model import Difference
from authtui.core.compare.pair import Pair
from authtui.core.compare.side import Side, host_of, path_of, place_of, scheme_of
from authtui.core.model import Severity


def _sent(side: Side) -> str:
    cred = side.report.credentials
    assert cred is not None
    return f"{scheme_of(cred)} ({place_of(cred)})"


def scheme_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.scheme``: both sides send credentials, in another scheme or place.

    A side that sends none is ``diff.header`` (the header one side lacks).
    """
    fail, work = pair.fail.report.credentials, pair.work.report.credentials
    if fail is None or work is None:
        return
    fail_value, work_value = _sent(pair.fail), _sent(pair.work)
    if fail.field_name.lower() != work.field_name.lower():
        yield pair.diff(
            "diff.scheme",
            Severity.ERROR,
            f"{pair.x} sends the credentials in the {place_of(fail)}, {pair.y} in the "
            f"{place_of(work)}",
            fail_value,
            work_value,
            "A server reads credentials in one place (Authorization, unless it says "
            "otherwise): sent elsewhere, they are not seen at all.",
        )
    elif fail.scheme_key != work.scheme_key:
        if fail.scheme is None:
            title = f"{pair.x} sends the token with no scheme, {pair.y} sends {work.scheme}"
        else:
            title = f"{pair.x} sends {fail.scheme} credentials, {pair.y} sends {scheme_of(work)}"
        detail = (
            "The server reads credentials only in the scheme it supports (its challenge "
            "names it); in another scheme it answers as if none were sent."
        )
        yield pair.diff("diff.scheme", Severity.ERROR, title, fail_value, work_value, detail)
    elif (fail.scheme or "") != (work.scheme or ""):
        yield pair.diff(
            "diff.scheme",
            Severity.WARNING,
            f"{pair.x} writes the scheme {fail.scheme!r}, {pair.y} {work.scheme!r}",
            fail_value,
            work_value,
            "Scheme names are case-insensitive (RFC 9110 §11.1), yet some servers compare "
            "them exactly.",
        )


def _where(side: Side) -> str:
    method = side.report.exchange.method
    host, path = host_of(side) or "?", path_of(side) or ""
    return f"{method + ' ' if method else ''}{host}{path}"


def host_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.host``: another host (another environment, another tenant), or another
    endpoint of the same host (its requirements may differ)."""
    fail_host, work_host = host_of(pair.fail), host_of(pair.work)
    if fail_host is not None and work_host is not None and fail_host != work_host:
        yield pair.diff(
            "diff.host",
            Severity.WARNING,
            f"{pair.x} went to {fail_host}, {pair.y} to {work_host}",
            _where(pair.fail),
            _where(pair.work),
            "Another host is another server: its audience, issuer, keys and policies may "
            "differ from the one that accepts the other request.",
        )
        return
    fail_path, work_path = path_of(pair.fail), path_of(pair.work)
    fail_method, work_method = pair.fail.report.exchange.method, pair.work.report.exchange.method
    other_path = fail_path is not None and work_path is not None and fail_path != work_path
    other_method = bool(fail_method and work_method and fail_method != work_method)
    if other_path or other_method:
        yield pair.diff(
            "diff.host",
            Severity.INFO,
            f"{pair.x} called another endpoint than {pair.y}",
            _where(pair.fail),
            _where(pair.work),
            "Endpoints of one API may require different scopes or roles: a token good for "
            "one may be refused by the other.",
        )
