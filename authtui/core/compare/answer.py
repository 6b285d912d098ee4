"""The answers' differences: ``diff.challenge``, ``diff.server`` (the servers' words:
``server.*`` readings and error codes), ``diff.clock``, ``diff.status``, ``diff.kind``."""

from __future__ import annotations

from collections.abc import Iterator

from authtui.core.compare.model import Difference
from authtui.core.compare.pair import NONE, Pair
from authtui.core.compare.side import Side, has_response
from authtui.core.limits import clip
from authtui.core.model import ClockBasis, Finding, Severity
from authtui.core.timefmt import relative

_WORD_PARAMS = frozenset({"error", "error_description", "error_uri"})
"""Challenge parameters that are the server's words (``diff.server``), not its ask."""
_SPECIFIC_ERRORS = frozenset({"insufficient_scope", "use_dpop_nonce"})
"""RFC 6750/9449 error codes that say why, not only that, the token was refused."""
_ERROR_MEANINGS = {
    "invalid_token": "the token was refused: expired, revoked, malformed or invalid "
    "otherwise (RFC 6750 §3.1)",
    "insufficient_scope": "the token lacks a scope the endpoint needs (RFC 6750 §3.1)",
    "invalid_request": "the request is malformed: a missing or repeated parameter, or "
    "credentials sent more than one way (RFC 6750 §3.1)",
    "invalid_dpop_proof": "the DPoP proof was refused (RFC 9449 §7.1)",
    "use_dpop_nonce": "retry with the DPoP-Nonce the server sent (RFC 9449 §8)",
}


def _challenge(side: Side) -> list[str]:
    shown = []
    for c in side.report.challenges:
        params = ", ".join(
            f'{k}="{v}"' for k, v in sorted(c.params.items()) if k not in _WORD_PARAMS
        )
        shown.append(f"{c.scheme} {params}".strip() if not c.token68 else f"{c.scheme} …")
    return shown


def _normal(shown: list[str]) -> list[str]:
    return sorted(s.lower() for s in shown)


def challenge_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.challenge``: the servers ask for credentials differently (scheme, realm,
    scope, resource metadata), or only one asks."""
    if not (has_response(pair.fail) and has_response(pair.work)):
        return
    fail, work = _challenge(pair.fail), _challenge(pair.work)
    if _normal(fail) == _normal(work):
        return
    f_text, w_text = "; ".join(fail) or NONE, "; ".join(work) or NONE
    if not work or not fail:
        holder, other = (pair.x, pair.y) if fail else (pair.y, pair.x)
        title = f"{holder}'s server sent a challenge ({clip(f_text if fail else w_text, 80)}), "
        title += f"{other}'s none"
        severity = Severity.INFO
    else:
        title = f"{pair.x}'s server asks for {clip(f_text, 80)}, {pair.y}'s for {clip(w_text, 80)}"
        severity = Severity.WARNING
    yield pair.diff(
        "diff.challenge",
        severity,
        title,
        f_text,
        w_text,
        "The challenge says which scheme, realm and scope a server wants: another realm or "
        "scheme is another configuration (another tenant, another gateway in front).",
    )


def _words(side: Side) -> dict[str, Finding | None]:
    """The server's words on this side: its ``server.*`` readings, then the challenges'
    error codes, then what it said that was read for no meaning (``server.message``)."""
    server = [f for f in side.report.findings if f.code.startswith("server.")]
    found: dict[str, Finding | None] = {
        f.code: f for f in server if f.severity is not Severity.INFO
    }
    for c in side.report.challenges:
        error = c.params.get("error")
        if error:
            found.setdefault(f"error={error}", None)
    for f in server:
        found.setdefault(f.code, f)
    return found


def _specific(word: str, finding: Finding | None) -> bool:
    """A reading of what went wrong, not only a refusal or a quote."""
    if finding is not None:
        return finding.severity is not Severity.INFO
    return word.removeprefix("error=") in _SPECIFIC_ERRORS


def _says(label: str, word: str, finding: Finding | None) -> str:
    if finding is not None and finding.severity is Severity.INFO and finding.evidence:
        place, _, quoted = finding.evidence.partition(": ")
        return f"{label}'s server said {clip(quoted or place, 80)}" + (
            f" ({place})" if quoted else ""
        )
    if finding is not None:
        title = finding.title
        if title.startswith("The server "):
            return f"{label}'s server {title.removeprefix('The server ')}"
        return f"{label}'s server: {title[:1].lower()}{title[1:]}"
    return f"{label}'s server answered {word.removeprefix('error=')}"


def server_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.server``: what the servers said (recognised readings and error codes)."""
    if not (has_response(pair.fail) and has_response(pair.work)):
        return
    fail, work = _words(pair.fail), _words(pair.work)
    if set(fail) == set(work):
        return
    only_fail = [w for w in fail if w not in work]
    f_text, w_text = "; ".join(fail) or NONE, "; ".join(work) or NONE
    if only_fail:
        word = only_fail[0]
        severity = Severity.ERROR if _specific(word, fail[word]) else Severity.WARNING
        title = _says(pair.x, word, fail[word])
        if len(only_fail) > 1:
            title += f" (and {len(only_fail) - 1} more)"
        quoted = fail[word]
        code = word.removeprefix("error=")
        if quoted is not None and quoted.evidence:
            detail = f"{pair.x}'s server, in its own words: {clip(quoted.evidence, 240)}"
        elif code in _ERROR_MEANINGS:
            detail = f"{pair.x}'s server answered error={code} in its challenge: "
            detail += _ERROR_MEANINGS[code] + "."
        else:
            detail = f"{pair.x}'s server answered error={code}; the other server said nothing."
    else:
        word = next(w for w in work if w not in fail)
        severity = Severity.INFO
        title = _says(pair.y, word, work[word])
        detail = "Only the other server said this; it does not explain the failure."
    yield pair.diff("diff.server", severity, title, f_text, w_text, detail)


def _offset(side: Side) -> float | None:
    """The server's clock against the request's own time: the client's clock of a HAR
    entry (``startedDateTime``) when the paste has one, else the evaluation time."""
    clock = side.report.clock
    if clock.server_now is None:
        return None
    started = clock.captured_at
    reference = started if started is not None and started != clock.server_now else clock.now
    return clock.server_now - reference


def _clock_words(side: Side, offset: float) -> str:
    skew = side.report.clock.skew
    if abs(offset) <= skew:
        return f"server Date within {skew:g} s of the request's time"
    way = "ahead of" if offset > 0 else "behind"
    return f"server Date {relative(offset)} {way} the request's time"


def _way(offset: float) -> str:
    return f"{relative(offset)} {'ahead' if offset > 0 else 'behind'}"


def clock_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.clock``: one server's clock disagrees with its request's time and the
    other's does not; or the two sides were judged by different clocks."""
    fail, work = _offset(pair.fail), _offset(pair.work)
    skew = max(pair.fail.report.clock.skew, pair.work.report.clock.skew)
    if fail is not None and work is not None and abs(fail - work) > skew:
        explains = "time.server_clock" in pair.fail.report.verdict.causes
        yield pair.diff(
            "diff.clock",
            Severity.ERROR if explains else Severity.WARNING,
            f"{pair.x}'s server clock is {_way(fail)}, {pair.y}'s {_way(work)} (each against "
            "its request's time)",
            _clock_words(pair.fail, fail),
            _clock_words(pair.work, work),
            "A server whose clock is off judges exp and nbf by that clock: a token valid for "
            "one server is expired or not yet valid for the other. Sync the clocks (NTP). A "
            "paste captured longer before its evaluation time than the other shows the same: "
            "then it is no clock problem.",
        )
    fail_clock, work_clock = pair.fail.report.clock, pair.work.report.clock
    if fail_clock.basis is not work_clock.basis:
        yield pair.diff(
            "diff.clock",
            Severity.INFO,
            f"{pair.x} was judged by {_basis(fail_clock.basis)}, {pair.y} by "
            f"{_basis(work_clock.basis)}",
            fail_clock.summary or fail_clock.basis.value,
            work_clock.summary or work_clock.basis.value,
            "Without --now each side is judged at its own time (the Clock rule): a capture "
            "from last week at its capture time, a fresh one by the device clock. Give --now "
            "to judge both at one time.",
        )


def _basis(basis: ClockBasis) -> str:
    return {
        ClockBasis.CAPTURE: "its capture time",
        ClockBasis.GIVEN: "the time given",
        ClockBasis.DEVICE: "the device clock",
    }[basis]


def symptom_differences(pair: Pair) -> Iterator[Difference]:
    """``diff.status`` and ``diff.kind``: what the failure looks like (never its headline
    when anything else differs)."""
    fail_status, work_status = pair.fail.report.exchange.status, pair.work.report.exchange.status
    if fail_status is not None and work_status is not None and fail_status != work_status:
        yield pair.diff(
            "diff.status",
            Severity.INFO,
            f"{pair.x} was answered {fail_status}, {pair.y} {work_status}",
            str(fail_status),
            str(work_status),
            "The status is the symptom: the differences above say why.",
        )
    fail_kind, work_kind = pair.fail.report.verdict.kind, pair.work.report.verdict.kind
    if fail_kind is not work_kind:
        yield pair.diff(
            "diff.kind",
            Severity.INFO,
            f"{pair.x}'s verdict is {fail_kind.value}, {pair.y}'s {work_kind.value}",
            fail_kind.value,
            work_kind.value,
            "Each side's own verdict: the kind of failure authtui judged from all its evidence.",
        )
