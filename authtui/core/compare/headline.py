"""The ranking of differences and the one-sentence headline (contract: ``compare``).

Differences are ranked by what they explain (severity), then by what the failing
server's own words confirm, then by the contract's order of codes. The headline
names the top difference that explains the failure; ``diff.status`` and
``diff.kind`` never head it when anything else differs. When both sides work, or
both fail, the headline says so, with the verdicts' reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from authtui.core.compare.model import SYMPTOMS, Difference, Working, code_rank
from authtui.core.compare.pair import Pair
from authtui.core.compare.side import Side
from authtui.core.model import Kind, Severity

SUBJECTS: dict[str, str] = {
    "diff.scheme": "the credentials' scheme",
    "diff.header": "their headers",
    "diff.host": "where they went",
    "diff.token_form": "the token's form",
    "diff.alg": "the token's alg",
    "diff.kid": "the signing key (kid)",
    "diff.iss": "the issuer",
    "diff.aud": "the audience",
    "diff.scope": "the scopes",
    "diff.client": "the client",
    "diff.typ": "the token's kind",
    "diff.expiry": "the token's validity",
    "diff.lifetime": "the token's lifetime",
    "diff.challenge": "the challenges",
    "diff.server": "what the servers said",
    "diff.clock": "the clocks",
    "diff.status": "the status",
    "diff.kind": "the verdicts' kind",
}
"""What each code is about, in words, for "they differ in ..." headlines."""

_CONFIRMED_BY: dict[str, frozenset[str]] = {
    "diff.header": frozenset({"server.missing_token"}),
    "diff.scheme": frozenset({"server.missing_token", "server.malformed"}),
    "diff.token_form": frozenset({"server.malformed", "server.bad_signature"}),
    "diff.alg": frozenset({"server.bad_signature", "server.unknown_key", "server.malformed"}),
    "diff.kid": frozenset({"server.unknown_key", "server.bad_signature"}),
    "diff.iss": frozenset({"server.issuer"}),
    "diff.aud": frozenset({"server.audience"}),
    "diff.scope": frozenset({"server.scope", "error=insufficient_scope"}),
    "diff.typ": frozenset({"server.wrong_token_type"}),
    "diff.expiry": frozenset({"server.expired", "server.not_yet_valid"}),
    "diff.clock": frozenset({"server.expired", "server.not_yet_valid"}),
}
"""What the failing server may say that confirms a difference."""
_BARE_REFUSALS = frozenset(
    {
        "challenge.invalid_token",
        "status.unauthorized",
        "status.forbidden",
        "status.no_challenge",
        "status.mismatch",
        "challenge.nonstandard",
        "server.message",
    }
)
"""Causes that only say how the server refused, not why: no diagnosis of their own."""


_AUTHENTICATION = frozenset(
    {
        "diff.scheme",
        "diff.token_form",
        "diff.alg",
        "diff.kid",
        "diff.iss",
        "diff.aud",
        "diff.expiry",
        "diff.clock",
    }
)
"""Differences in who the caller is: a server that answered with an authorization
failure (403, insufficient scope) has accepted them, so they do not explain it."""


def _said(side: Side) -> set[str]:
    """What a side's server said: its ``server.*`` readings and challenge errors."""
    said = {f.code for f in side.report.findings if f.code.startswith("server.")}
    return said | {
        f"error={c.params['error']}" for c in side.report.challenges if "error" in c.params
    }


def _weigh(pair: Pair, d: Difference, said: set[str]) -> Difference:
    accepted = pair.one_works and pair.fail.report.verdict.kind is Kind.AUTHORIZATION
    if not accepted or d.code not in _AUTHENTICATION or d.severity is not Severity.ERROR:
        return d
    if _CONFIRMED_BY.get(d.code, frozenset()) & said:
        return d
    return replace(
        d,
        severity=Severity.WARNING,
        detail=d.detail
        + f" Yet {pair.x}'s server answered with an authorization failure: it accepted who "
        "the caller is, so this is not why it refused.",
    )


def ranked(pair: Pair, differences: Iterable[Difference]) -> tuple[Difference, ...]:
    """Most explaining first: by severity (an authentication difference is only a
    warning where the failing server accepted the caller), then what the failing
    server's own words confirm, then the contract's rank of codes."""
    said = _said(pair.fail)
    weighed = [_weigh(pair, d, said) for d in differences]

    def key(item: tuple[int, Difference]) -> tuple[int, int, int, int]:
        index, d = item
        confirmed = bool(_CONFIRMED_BY.get(d.code, frozenset()) & said)
        return (d.severity.rank, 0 if confirmed else 1, code_rank(d.code), index)

    return tuple(d for _, d in sorted(enumerate(weighed), key=key))


def _sentence(text: str) -> str:
    """A verdict headline as a clause: no final full stop, a lower-case first word
    (unless it is an acronym or a code: ``DPoP``, ``HS256``, ``401``)."""
    text = text.strip().rstrip(".")
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _confirmed(pair: Pair, top: Difference) -> bool:
    return bool(_CONFIRMED_BY.get(top.code, frozenset()) & _said(pair.fail))


def _own(pair: Pair) -> str | None:
    """The failing side's own diagnosis, when it names a cause the working side does
    not share and that is more than the server's bare refusal."""
    verdict = pair.fail.report.verdict
    if not verdict.causes or verdict.causes[0] in _BARE_REFUSALS:
        return None
    if verdict.causes[0] in pair.work.codes:
        return None
    return _sentence(verdict.headline)


def headline(pair: Pair, differences: tuple[Difference, ...]) -> tuple[str, str | None]:
    """The headline, and the code of the difference it names (``None`` when it names
    none: the sides' verdicts speak instead)."""
    if pair.working is Working.BOTH:
        return _both_work(differences), None
    if pair.working is Working.NEITHER:
        return _both_fail(pair, differences), None
    causes = [d for d in differences if d.code not in SYMPTOMS]
    explaining = [d for d in causes if d.severity is Severity.ERROR]
    own = _own(pair)
    if explaining:
        top = explaining[0]
        text = top.title
        if _confirmed(pair, top) and top.code != "diff.server":
            text += f"; {pair.x}'s server says so too"
        return _end(text), top.code
    text = f"{pair.x} fails where {pair.y} works, and nothing that differs explains it"
    if own:
        # The failing side's own diagnosis names a cause: it outweighs what may matter.
        return f"{text}; {pair.x}'s own diagnosis: {own}.", None
    if causes and causes[0].severity is Severity.WARNING:
        return _end(causes[0].title), causes[0].code
    return f"{text}: compare the two servers' configurations.", None


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def _both_work(differences: tuple[Difference, ...]) -> str:
    if not differences:
        return "Both work, and nothing that matters differs between them."
    subjects = list(dict.fromkeys(SUBJECTS.get(d.code, d.code) for d in differences))
    return f"Both work; they differ in {_listed(subjects)}."


def _listed(items: list[str], limit: int = 3) -> str:
    """``a, b and c`` (``a, b, c and 2 more`` past ``limit``)."""
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else items[0]


def _both_fail(pair: Pair, differences: tuple[Difference, ...]) -> str:
    a, b = pair.a.report.verdict, pair.b.report.verdict
    same = (a.causes[:1] == b.causes[:1]) if (a.causes or b.causes) else a.headline == b.headline
    if same:
        text = f"Both fail, for the same reason: {_sentence(a.headline)}"
        if differences:
            text += f"; they differ in {SUBJECTS.get(differences[0].code, differences[0].code)}"
        return text + "."
    return f"Both fail, differently: A: {_sentence(a.headline)}; B: {_sentence(b.headline)}."
