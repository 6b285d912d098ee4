"""Checks: scopes and roles the token grants against what the endpoint requires.

Granted: ``scope``/``scp`` (space-separated string or array), ``roles``,
``permissions``, ``groups``, Keycloak ``realm_access.roles`` and
``resource_access.<client>.roles``, group claims under any prefix (``cognito:groups``,
``https://example.com/roles``), and GitHub's ``X-OAuth-Scopes`` (with GitHub's
scope implications). Required: ``--scope`` (all of them), the ``scope`` of an
``insufficient_scope`` challenge, GitHub's ``X-Accepted-OAuth-Scopes`` (any one).
Comparison is case-sensitive (RFC 6749 §3.3); near misses are named.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from authtui.core import sources
from authtui.core.checks import Check
from authtui.core.checks.time import is_github_app_jwt
from authtui.core.context import Context
from authtui.core.controls import control, set_to
from authtui.core.model import Finding, Severity
from authtui.core.options import FrontEnd
from authtui.core.place import Source, TokenPart

FLAT_CLAIMS = ("scope", "scp", "roles", "permissions", "groups")
GROUP_NAMES = frozenset(
    {"roles", "role", "groups", "group", "permissions", "authorities", "perms", "entitlements"}
)
"""Last parts of claim names that hold roles or groups, however the claim is prefixed:
``cognito:groups`` (AWS Cognito), ``custom:roles``, ``https://example.com/roles``
(Auth0 namespaced claims), ``urn:zitadel:iam:org:project:roles`` (ZITADEL)."""
GITHUB_GRANTED = "X-OAuth-Scopes"
GITHUB_ACCEPTED = "X-Accepted-OAuth-Scopes"
GITHUB_IMPLIES: dict[str, tuple[str, ...]] = {
    "repo": ("repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"),
    "admin:org": ("write:org", "manage_runners:org"),
    "write:org": ("read:org",),
    "admin:public_key": ("write:public_key",),
    "write:public_key": ("read:public_key",),
    "admin:repo_hook": ("write:repo_hook",),
    "write:repo_hook": ("read:repo_hook",),
    "admin:gpg_key": ("write:gpg_key",),
    "write:gpg_key": ("read:gpg_key",),
    "admin:ssh_signing_key": ("write:ssh_signing_key",),
    "write:ssh_signing_key": ("read:ssh_signing_key",),
    "user": ("read:user", "user:email", "user:follow"),
    "write:packages": ("read:packages",),
    "project": ("read:project",),
    "write:discussion": ("read:discussion",),
    "admin:enterprise": (
        "manage_runners:enterprise",
        "manage_billing:enterprise",
        "read:enterprise",
    ),
}
"""Classic GitHub OAuth scopes and what each one includes (GitHub's scope docs)."""
_SPRING_PREFIXES = ("SCOPE_", "ROLE_")


@dataclass(frozen=True, slots=True)
class Requirement:
    """What one source requires."""

    source: str
    """Where it comes from, in words (``--scope``, the challenge, a header)."""
    values: tuple[str, ...]
    mode: str
    """``all`` (every value), ``any`` (one suffices) or ``challenge`` (any one when
    none is held, else all: RFC 6750 says "the scope needed", Google lists
    alternatives)."""


class Granted(dict[str, list[str]]):
    """Granted value -> where it was found (``scope``, ``realm_access.roles``...)."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: dict[str, tuple[str, ...]] = {}
        """Each place that is a claim -> its path in the claims (``("realm_access",
        "roles")``), for the finding's source."""


def words(raw: Any) -> list[str]:
    """Scope values of a space-separated string or an array of strings."""
    if isinstance(raw, str):
        return raw.split()
    if isinstance(raw, list):
        return [w for item in raw if isinstance(item, str) for w in item.split()]
    return []


def _add(granted: Granted, values: list[str], source: str, path: tuple[str, ...] = ()) -> None:
    if values and path:
        granted.paths.setdefault(source, path)
    for value in values:
        granted.setdefault(value, [])
        if source not in granted[value]:
            granted[value].append(source)


def _claims(ctx: Context) -> dict[str, Any] | None:
    claims = ctx.token.claims if ctx.token is not None else None
    return claims if isinstance(claims, dict) else None


def _keycloak(claims: dict[str, Any], granted: Granted) -> None:
    realm = claims.get("realm_access")
    if isinstance(realm, dict):
        _add(granted, words(realm.get("roles")), "realm_access.roles", ("realm_access", "roles"))
    clients = claims.get("resource_access")
    if isinstance(clients, dict):
        for client, access in clients.items():
            if isinstance(access, dict):
                path = ("resource_access", client, "roles")
                _add(granted, words(access.get("roles")), ".".join(path), path)


def _registry(claims: dict[str, Any], granted: Granted) -> None:
    """Docker/OCI registry tokens: ``access: [{type, name, actions}]`` as ``type:name:action``."""
    access = claims.get("access")
    if not isinstance(access, list):
        return
    for entry in access:
        if isinstance(entry, dict) and isinstance(entry.get("actions"), list):
            kind, name = entry.get("type"), entry.get("name")
            if isinstance(kind, str) and isinstance(name, str):
                values = [f"{kind}:{name}:{a}" for a in entry["actions"] if isinstance(a, str)]
                _add(granted, values, "access", ("access",))


def group_claim(name: str) -> bool:
    """True for a claim named like a list of roles or groups, after any prefix."""
    last = name
    for separator in "/.-":
        last = last.replace(separator, ":")
    last = last.rsplit(":", 1)[-1].lower()
    return name not in FLAT_CLAIMS and last in GROUP_NAMES


def _groups(claims: dict[str, Any], granted: Granted) -> None:
    """Roles and groups in prefixed claims (``cognito:groups``, namespaced URLs), and one
    level down in an object (Hasura's ``x-hasura-allowed-roles``); an object's member
    names are the values when the claim itself names roles (ZITADEL)."""
    for name, value in list(claims.items())[:200]:
        if group_claim(name):
            if isinstance(value, dict):
                _add(granted, [k for k in value if isinstance(k, str)], name, (name,))
            else:
                _add(granted, words(value), name, (name,))
        elif isinstance(value, dict):
            for inner, held in list(value.items())[:50]:
                if isinstance(inner, str) and group_claim(inner):
                    _add(granted, words(held), f"{name}.{inner}", (name, inner))


def registry_scopes(value: str) -> list[str]:
    """``repository:x:pull,push`` -> one value per action; other scopes unchanged."""
    kind, sep, rest = value.partition(":")
    name, sep2, actions = rest.rpartition(":")
    if not (sep and sep2 and name and "," in actions):
        return [value]
    return [f"{kind}:{name}:{a}" for a in actions.split(",") if a]


def is_github(ctx: Context) -> bool:
    """True when the response carries GitHub's scope headers."""
    return bool(
        ctx.exchange.response_header(GITHUB_GRANTED)
        or ctx.exchange.response_header(GITHUB_ACCEPTED)
    )


def _github_list(values: list[str]) -> list[str]:
    return [w.strip() for value in values for w in value.split(",") if w.strip()]


def granted_scopes(ctx: Context) -> Granted | None:
    """Everything the token grants, by value; ``None`` when it cannot be known."""
    claims = _claims(ctx)
    granted = Granted()
    header = ctx.exchange.response_header(GITHUB_GRANTED)
    if claims is None and not header:
        return None
    if claims is not None:
        for name in FLAT_CLAIMS:
            _add(granted, words(claims.get(name)), name, (name,))
        _keycloak(claims, granted)
        _registry(claims, granted)
        _groups(claims, granted)
    if header:
        _add(granted, _github_list(header), f"{GITHUB_GRANTED} header")
    if is_github(ctx):
        _imply(granted)
    return granted


def _imply(granted: Granted) -> None:
    pending = [g for g in granted if g in GITHUB_IMPLIES]
    while pending:
        parent = pending.pop()
        for child in GITHUB_IMPLIES.get(parent, ()):
            if child not in granted:
                granted[child] = [f"implied by {parent}"]
                pending.append(child)


def requirements(ctx: Context) -> list[Requirement]:
    """Every requirement the options, the challenge and GitHub's headers state."""
    found: list[Requirement] = []
    asked = tuple(dict.fromkeys(w for s in ctx.options.scopes for w in s.split()))
    if asked:
        found.append(Requirement(control("scope", ctx.front), asked, "all"))
    for challenge in ctx.challenges:
        if challenge.params.get("error") != "insufficient_scope":
            continue
        listed = tuple(
            dict.fromkeys(
                v for w in challenge.params.get("scope", "").split() for v in registry_scopes(w)
            )
        )
        if listed:
            source = f'the {challenge.field_name} challenge (error="insufficient_scope")'
            found.append(Requirement(source, listed, "challenge"))
            break
    accepted = tuple(dict.fromkeys(_github_list(ctx.exchange.response_header(GITHUB_ACCEPTED))))
    if accepted:
        found.append(Requirement(f"the {GITHUB_ACCEPTED} header", accepted, "any"))
    return found


def missing_for(req: Requirement, granted: Granted) -> tuple[list[str], str]:
    """The values of ``req`` not granted, and how the requirement was read."""
    held = [v for v in req.values if v in granted]
    unheld = [v for v in req.values if v not in granted]
    if req.mode == "all":
        return unheld, "all of them are required"
    if req.mode == "any":
        return ([] if held else unheld), "any one of them suffices"
    if not held:
        return unheld, (
            "the token holds none of them; any one may suffice (Google lists alternatives),"
            " RFC 6750 calls it the scope needed"
        )
    return unheld, "read as all required (RFC 6750: the scope needed), since some are held"


def near_misses(missing: list[str], granted: Granted, front: FrontEnd = "cli") -> list[str]:
    """Granted values that almost match a missing one: case, Spring prefixes, resource URI.
    ``front`` is the front end that asks (advice names its controls)."""
    notes: list[str] = []
    for want in missing:
        for have in granted:
            reason = _near(want, have, front)
            if reason:
                notes.append(f"{want} vs granted {have}: {reason}")
    return notes


def _near(want: str, have: str, front: FrontEnd) -> str | None:
    if want.lower() == have.lower():
        return "differs only in letter case (scopes are case-sensitive, RFC 6749 §3.3)"
    for prefix in _SPRING_PREFIXES:
        if want.startswith(prefix) and want.removeprefix(prefix) == have:
            return (
                f"{prefix} is the prefix Spring Security gives authorities mapped from the"
                f" token, not part of the value; compare with {set_to('scope', have, front)}"
            )
    if want.count(":") == 2 and have.count(":") == 2:
        (wk, wn, wa), (hk, hn, ha) = want.split(":"), have.split(":")
        if wk == hk and wa == ha and (wn == "library/" + hn or hn == "library/" + wn):
            return "Docker Hub's official images live under library/ (library/<name>)"
    if want.endswith("/" + have) or have.endswith("/" + want):
        return (
            "one carries the resource prefix: Entra ID's scp holds scopes without the"
            " api://… prefix the client requests"
        )
    return None


def granted_source(ctx: Context, granted: Granted) -> Source | None:
    """Where the grants were read: the first claim that holds one, else GitHub's header,
    else (nothing granted) the token's payload."""
    for places in granted.values():
        for place in places:
            path = granted.paths.get(place)
            if path is not None:
                return sources.claim(ctx.token, *path)
    if any(f"{GITHUB_GRANTED} header" in places for places in granted.values()):
        return sources.field(ctx.exchange, GITHUB_GRANTED)
    return sources.segment(ctx.token, TokenPart.PAYLOAD) if _claims(ctx) is not None else None


def describe_granted(granted: Granted) -> str:
    """``scope: a b; roles: c`` (grouped by where each value was found)."""
    by_source: dict[str, list[str]] = {}
    for value, places in granted.items():
        by_source.setdefault(places[0], []).append(value)
    text = "; ".join(f"{src}: {' '.join(vals)}" for src, vals in by_source.items())
    return text if len(text) <= 400 else text[:397] + "..."


def check_scopes(ctx: Context) -> Iterator[Finding]:
    """``scope.insufficient`` and ``scope.ok``, one per requirement."""
    granted = granted_scopes(ctx)
    if granted is None:
        return
    failing: list[tuple[Requirement, list[str], str]] = []
    for req in requirements(ctx):
        missing, reading = missing_for(req, granted)
        if not missing:
            yield _ok(ctx, req, granted)
            continue
        for i, (held, held_missing, held_reading) in enumerate(failing):
            if set(missing) <= set(held_missing) or set(held_missing) <= set(missing):
                # The same lack, required from two places: one finding naming both.
                wider, words = (
                    (held_missing, held_reading)
                    if len(held_missing) >= len(missing)
                    else (missing, reading)
                )
                both = replace(held, source=f"{held.source} and {req.source}")
                failing[i] = (both, wider, words)
                break
        else:
            failing.append((req, missing, reading))
    for req, missing, reading in failing:
        yield _insufficient(ctx, req, missing, reading, granted)


def _fix(ctx: Context, req: Requirement, missing: list[str]) -> str:
    if req.mode == "any" or (req.mode == "challenge" and len(missing) == len(req.values)):
        ask = f"one of: {' '.join(missing)}"
    else:
        ask = " ".join(missing)
    if is_github(ctx):
        return (
            f"Use a GitHub token with {ask} (classic PAT scopes, or re-authorize the OAuth app)."
            " GitHub answers 404, not 403, for private resources a token may not see."
        )
    return (
        f"Request the token with {ask} (the scope parameter at the authorization or token"
        " endpoint), or grant the role to the user or client in the identity provider"
        " (Keycloak role mapping, Entra ID app role or API permission with admin consent)."
    )


def short(values: list[str], limit: int = 3) -> str:
    """The first ``limit`` values, then ``and N more``."""
    shown = " ".join(values[:limit])
    return shown if len(values) <= limit else f"{shown} and {len(values) - limit} more"


def _title(req: Requirement, missing: list[str]) -> str:
    if len(missing) > 1 and len(missing) == len(req.values) and req.mode != "all":
        return f"The token holds none of the accepted scopes: {short(missing)}"
    plural = "s" if len(missing) > 1 else ""
    return f"The token lacks the required scope{plural}: {short(missing)}"


def _insufficient(
    ctx: Context, req: Requirement, missing: list[str], reading: str, granted: Granted
) -> Finding:
    near = near_misses(missing, granted, ctx.front)
    source = req.source[:1].upper() + req.source[1:]
    reading = "" if len(req.values) == 1 else f" ({reading})"
    return Finding(
        code="scope.insufficient",
        severity=Severity.ERROR,
        title=_title(req, missing),
        detail=(
            f"{source} requires {' '.join(req.values)}{reading}; the token grants"
            f" {describe_granted(granted) or 'nothing'}."
            + (f" Near miss: {'; '.join(near)}." if near else "")
        ),
        evidence=f"required by {req.source}: {' '.join(req.values)}; granted: "
        + (describe_granted(granted) or "(none)"),
        fix=_fix(ctx, req, missing),
        refs=("RFC 6750 §3.1", "RFC 6749 §3.3"),
        source=granted_source(ctx, granted),
    )


def _ok(ctx: Context, req: Requirement, granted: Granted) -> Finding:
    held = [v for v in req.values if v in granted]
    where = "; ".join(f"{v} ({', '.join(granted[v])})" for v in held)
    server_said = req.mode == "challenge"
    return Finding(
        code="scope.ok",
        severity=Severity.OK,
        title=f"The token grants what {req.source} requires: {' '.join(held)}",
        detail=(
            "The token holds every scope the server's challenge lists, yet the server refused:"
            " the cause lies elsewhere (a role, resource ownership, or a token other than the"
            " one pasted)."
            if server_said
            else "Every required scope or role is granted (compared case-sensitively)."
        ),
        evidence=f"required by {req.source}: {' '.join(req.values)}; found: {where}",
        fix="Nothing to do for scopes." if not server_said else "Check the server's role rules.",
        refs=("RFC 6749 §3.3",),
        source=granted_source(ctx, granted),
    )


def check_none(ctx: Context) -> Iterator[Finding]:
    """``scope.none``: the token carries no scope, scp, roles or permissions at all."""
    granted = granted_scopes(ctx)
    claims = _claims(ctx)
    if granted is None or granted or (claims is not None and is_github_app_jwt(claims)):
        return
    required = requirements(ctx)
    looked = ", ".join(
        (*FLAT_CLAIMS, "realm_access.roles", "resource_access.*.roles", "cognito:groups and kin")
        if claims is not None
        else (f"{GITHUB_GRANTED} header",)
    )
    yield Finding(
        code="scope.none",
        # With a requirement, scope.insufficient is the error; this one says why.
        severity=Severity.WARNING if required or ctx.exchange.status == 403 else Severity.INFO,
        title="The token carries no scopes or roles at all",
        detail=(
            "An endpoint that checks scopes or roles refuses it (403 insufficient_scope). The"
            " token was likely requested without a scope parameter, or the client has no"
            " permissions granted for this API."
        ),
        evidence=f"none of {looked} present"
        + "".join(f"; required by {r.source}: {' '.join(r.values)}" for r in required),
        fix=(
            "Request the token with the scopes the API needs (scope=...), and grant the client"
            " or user those permissions in the identity provider."
        ),
        refs=("RFC 6749 §3.3", "RFC 9068 §2.2.3"),
        source=granted_source(ctx, granted),
    )


CHECKS: tuple[Check, ...] = (check_scopes, check_none)
