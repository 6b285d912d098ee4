"""Compare two pastes, or two entries of one HAR, or two diagnoses already made.

    comparison = compare_texts(working_text, failing_text, Options(now=1735689600))

Both sides are diagnosed with the same options and one device clock (without a
given time, each is judged at its own time by the Clock rule); each rule then
looks at both and says how they differ, if at all.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable, Iterable
from dataclasses import replace

from authtui.core.compare import answer, headers, request, token
from authtui.core.compare.headline import headline, ranked
from authtui.core.compare.model import SYMPTOMS, Comparison, Difference, Working
from authtui.core.compare.pair import Pair
from authtui.core.compare.side import Side
from authtui.core.context import Context
from authtui.core.diagnose import diagnose_with_context
from authtui.core.model import Report, Severity
from authtui.core.options import Options
from authtui.core.read.paste import read_paste

Rule = Callable[[Pair], Iterable[Difference]]

RULES: tuple[Rule, ...] = (
    request.scheme_differences,
    headers.header_differences,
    request.host_differences,
    token.form_differences,
    token.header_differences,
    token.claim_differences,
    token.scope_differences,
    token.client_differences,
    token.kind_differences,
    token.validity_differences,
    answer.challenge_differences,
    answer.server_differences,
    answer.clock_differences,
    answer.symptom_differences,
)
"""Every rule, in the contract's order of codes (ranking does not depend on it)."""


def _differences(pair: Pair) -> tuple[Difference, ...]:
    return ranked(pair, (d for rule in RULES for d in rule(pair)))


def _explains(differences: tuple[Difference, ...]) -> bool:
    return any(d.severity is Severity.ERROR and d.code not in SYMPTOMS for d in differences)


def _refused(side: Side) -> bool:
    status = side.report.exchange.status
    return status is not None and status >= 400


def _judged(a: Side, b: Side) -> tuple[Pair, tuple[Difference, ...]]:
    """The pair and its differences, with which side works decided.

    From the two verdicts; when both see no auth failure, yet one request was
    answered with success and the other with an error status, the other fails if
    the differences explain why (flask-jwt-extended refuses a refresh token with a
    422, hapi-auth-jwt2 an unknown key with a 500: neither looks like auth alone).
    """
    pair = Pair.of(a, b)
    differences = _differences(pair)
    if pair.working is Working.BOTH and _refused(a) != _refused(b):
        tentative = Pair(a, b, Working.B if _refused(a) else Working.A)
        tried = _differences(tentative)
        if _explains(tried):
            return tentative, tried
    return pair, differences


def compare_diagnosed(a: tuple[Report, Context], b: tuple[Report, Context]) -> Comparison:
    """Compare two diagnoses, each a redacted report and the context it came from."""
    pair, differences = _judged(Side("A", *a), Side("B", *b))
    text, cause = headline(pair, differences)
    return Comparison(
        a=pair.a.report,
        b=pair.b.report,
        working=pair.working,
        headline=text,
        differences=differences,
        cause=cause,
    )


def _one_device_clock(options: Options | None) -> Options:
    """The options both sides share: one device clock for both (read once here when
    the front end did not pass it), so the Clock rule sees the same "now" twice."""
    options = options or Options()
    if options.device_now is None:
        options = replace(options, device_now=_time.time())
    return options


def compare_texts(text_a: str, text_b: str, options: Options | None = None) -> Comparison:
    """Compare two pastes of any shape, diagnosed with the same options."""
    options = _one_device_clock(options)
    return compare_diagnosed(
        diagnose_with_context(read_paste(text_a), options),
        diagnose_with_context(read_paste(text_b), options),
    )


def compare_entries(
    text: str, entry_a: int, entry_b: int, options: Options | None = None
) -> Comparison:
    """Compare two exchanges of one paste (HAR entries), numbered from 0 as
    :attr:`Options.entry` numbers them; the paste is read once."""
    options = _one_device_clock(options)
    pasted = read_paste(text)
    return compare_diagnosed(
        diagnose_with_context(pasted, replace(options, entry=entry_a)),
        diagnose_with_context(pasted, replace(options, entry=entry_b)),
    )
