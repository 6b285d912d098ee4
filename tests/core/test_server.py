"""The server's words: bodies.error_texts, the pattern table, and the server check."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.checks.server import CHECKS, check_server_words
from authtui.core.context import Context
from authtui.core.model import Challenge, Exchange, Finding, Header, Paste, Severity
from authtui.core.options import Options
from authtui.core.words import pattern as sp
from authtui.core.words.bodies import BODY_CAP, TEXT_CAP, ServerText, strip_tags
from authtui.core.words.reader import MESSAGE, read_words, server_findings
from authtui.core.words.sources import error_texts
from authtui.core.words.table import PATTERNS
from tests.strategies import nested

NOW = 1_700_000_000.0
ERR, WARN = Severity.ERROR, Severity.WARNING
DESC = "WWW-Authenticate error_description"


def findings_for(*texts: str, errors: tuple[str, ...] = ()) -> list[Finding]:
    return server_findings([ServerText(DESC, t) for t in texts], errors)


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def context(exchange: Exchange, challenges: tuple[Challenge, ...] = ()) -> Context:
    return Context(
        options=Options(now=NOW),
        paste=Paste(exchanges=(exchange,)),
        exchange=exchange,
        now=NOW,
        skew=60.0,
        server_now=None,
        challenges=challenges,
        server_findings=read_words(exchange, challenges).findings,
    )


def bearer(**params: str) -> Challenge:
    return Challenge(scheme="Bearer", params=params, raw="Bearer ...")


# --- every realworld.md entry that carries server words, exact strings ------------------

REALWORLD = [
    ("rw1 aspnet kid", "The signature key was not found", sp.UNKNOWN_KEY, ERR),
    (
        "rw1 IDX10501 log",
        "Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException: IDX10501: "
        "Signature validation failed. Unable to match keys: kid: '[PII is hidden]', token: "
        "'[PII is hidden]'.",
        sp.UNKNOWN_KEY,
        ERR,
    ),
    ("rw3 okta garbled case", "The Signature key was not found", sp.UNKNOWN_KEY, ERR),
    ("rw5 audience empty", "The audience 'empty' is invalid", sp.AUDIENCE, ERR),
    (
        "rw7 audience client id",
        "The audience '89da34ef-desktop-app-id' is invalid",
        sp.AUDIENCE,
        ERR,
    ),
    ("rw9 issuer null", "The issuer '(null)' is invalid", sp.ISSUER, ERR),
    ("rw11 issuer host", "The issuer 'https://www.alpacabiriba.com' is invalid", sp.ISSUER, ERR),
    (
        "rw13 issuer v2.0",
        "401 The issuer 'https://login.microsoftonline.com/{TENANT-ID}/v2.0' is invalid\"",
        sp.ISSUER,
        ERR,
    ),
    (
        "rw17 spring alg",
        "An error occurred while attempting to decode the Jwt: Signed JWT rejected: Another "
        "algorithm expected, or no matching key(s) found",
        sp.UNKNOWN_KEY,
        ERR,
    ),
    (
        "rw19 spring trusted issuer",
        "An error occurred while attempting to decode the Jwt: The issuer: "
        "'https://abc.b2clogin.com/e761f276-37f8-499d-aaec-47801cdea4d1/v2.0/' is not "
        "registered in trusted issuer repository, so cannot create JWSKeySelector.",
        sp.ISSUER,
        ERR,
    ),
    (
        "rw21 spring scope",
        "The request requires higher privileges than provided by the access token.",
        sp.SCOPE,
        ERR,
    ),
    (
        "rw25 spring legacy",
        "An Authentication object was not found in the SecurityContext",
        sp.MISSING_TOKEN,
        ERR,
    ),
    (
        "rw25 spring basic",
        "Full authentication is required to access this resource",
        sp.MISSING_TOKEN,
        ERR,
    ),
    ("rw27 aws audience", "the token does not have a valid audience", sp.AUDIENCE, ERR),
    ("rw29 aws es256", "signing method ES256 is invalid", sp.BAD_SIGNATURE, ERR),
    (
        "rw31 aws sigv4",
        "'sometoken' not a valid key=value pair (missing equal-sign) in Authorization header: "
        "'Bearer sometoken'.",
        sp.MALFORMED,
        ERR,
    ),
    ("rw33 google scopes", "Request had insufficient authentication scopes.", sp.SCOPE, ERR),
    ("rw35 google permission", "Insufficient Permission", sp.SCOPE, ERR),
    ("rw35 google reason", "insufficientPermissions", sp.SCOPE, ERR),
    ("rw35 google detail", "ACCESS_TOKEN_SCOPE_INSUFFICIENT", sp.SCOPE, ERR),
    (
        "rw37 cloud run",
        "Your client does not have permission to the requested URL /endpoint/xxxxx.",
        sp.WRONG_TOKEN_TYPE,
        WARN,
    ),
    ("rw39 github", "Bad credentials", sp.EXPIRED, ERR),
    (
        "rw41 github exp",
        "'Expiration time' claim ('exp') is too far in the future",
        sp.EXPIRED,
        ERR,
    ),
    (
        "rw43 github iat",
        "'Issued at' claim ('iat') must be an Integer representing a time in the past",
        sp.NOT_YET_VALID,
        ERR,
    ),
    ("rw49 auth0 compact", "Invalid Compact JWS", sp.MALFORMED, ERR),
    (
        "rw53 okta query",
        "The access token cannot be presented in a query string.",
        sp.MALFORMED,
        ERR,
    ),
    ("rw55 jose aud", 'unexpected "aud" claim value', sp.AUDIENCE, ERR),
    ("rw55 jose iss", 'unexpected "iss" claim value', sp.ISSUER, ERR),
    (
        "rw57 keycloak issuer",
        "Failed to verify identity token: Invalid token issuer. Expected "
        "'http://localhost:8180/realms/myrealm', but was "
        "'http://mykeycloak-service.keycloak:8180/realms/myrealm'",
        sp.ISSUER,
        ERR,
    ),
    ("rw61 envoy signature", "Jwt verification fails", sp.BAD_SIGNATURE, ERR),
    ("rw63 envoy issuer", "Jwt issuer is not configured", sp.ISSUER, ERR),
    ("rw67 kong sub", "No credentials found for given 'sub'", sp.UNKNOWN_KEY, ERR),
    ("rw73 fastapi missing", "Not authenticated", sp.MISSING_TOKEN, ERR),
    ("rw73 fastapi scheme", "Invalid authentication credentials", sp.MALFORMED, WARN),
    (
        "rw75 drf",
        "Authentication credentials were not provided.",
        sp.MISSING_TOKEN,
        ERR,
    ),
    ("rw85 graph", "Access token validation failure.", sp.AUDIENCE, WARN),
    (
        "rw87 azure storage",
        "Lifetime validation failed. The token is expired.",
        sp.EXPIRED,
        ERR,
    ),
    (
        "rw89 arm",
        "The authentication failed because of missing 'Authorization' header.",
        sp.MISSING_TOKEN,
        ERR,
    ),
    ("rw89 cae revoked", "User session has been revoked", sp.EXPIRED, ERR),
    ("rw89 cae claims", "insufficient_claims", sp.SCOPE, ERR),
    ("rw95 mcp", "Missing Authorization header", sp.MISSING_TOKEN, ERR),
    ("rw105 hapi", "Bad HTTP authentication header format", sp.MALFORMED, ERR),
    ("rw107 wso2", "The access token expired", sp.EXPIRED, ERR),
    ("rw109 panva", "no bearer token provided", sp.MISSING_TOKEN, ERR),
]

# --- the same rules, other spellings and other vendors -----------------------------------

VARIANTS = [
    ("spring jwt expired", "Jwt expired at 2023-11-14T22:13:20Z", sp.EXPIRED, ERR),
    ("jjwt upper", "JWT expired at 2018-01-01T00:00:00Z. Current time: ...", sp.EXPIRED, ERR),
    ("kong token expired", "token expired", sp.EXPIRED, ERR),
    ("aspnet expired at", "The token expired at '11/14/2023 22:13:20'", sp.EXPIRED, ERR),
    ("IDX10223", "IDX10223: Lifetime validation failed. The token is expired.", sp.EXPIRED, ERR),
    ("graph lifetime", "Lifetime validation failed, the token is expired.", sp.EXPIRED, ERR),
    ("graph either", "Access token has expired or is not yet valid.", sp.EXPIRED, ERR),
    ("envoy expired", "Jwt is expired", sp.EXPIRED, ERR),
    ("golang expired", "token has invalid claims: token is expired", sp.EXPIRED, ERR),
    ("aws expired", "the token has expired", sp.EXPIRED, ERR),
    ("node expired", "jwt expired", sp.EXPIRED, ERR),
    ("jose exp", '"exp" claim timestamp check failed', sp.EXPIRED, ERR),
    ("jose class", "JWTExpired", sp.EXPIRED, ERR),
    ("pyjwt expired", "Signature has expired", sp.EXPIRED, ERR),
    ("keycloak inactive", "Token is not active", sp.EXPIRED, ERR),
    ("okta", "The token has expired.", sp.EXPIRED, ERR),
    ("s3 xml code", "ExpiredToken", sp.EXPIRED, ERR),
    ("drf any type", "Given token not valid for any token type", sp.EXPIRED, WARN),
    ("drf invalid or expired", "Token is invalid or expired", sp.EXPIRED, WARN),
    ("kong max exp", "'exp' claim exceeds maximum allowed expiration", sp.EXPIRED, ERR),
    (
        "IDX10225",
        "IDX10225: Lifetime validation failed. The token is missing an Expiration Time.",
        sp.EXPIRED,
        ERR,
    ),
    (
        "IDX10222",
        "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom: "
        "'...', Current time: '...'.",
        sp.NOT_YET_VALID,
        ERR,
    ),
    ("aspnet nbf", "The token is not valid before '11/14/2023 22:13:20'", sp.NOT_YET_VALID, ERR),
    ("spring nbf", "Jwt used before 2023-11-14T22:13:20Z", sp.NOT_YET_VALID, ERR),
    ("envoy nbf", "Jwt not yet valid", sp.NOT_YET_VALID, ERR),
    ("golang nbf", "token is not valid yet", sp.NOT_YET_VALID, ERR),
    ("golang iat", "token used before issued", sp.NOT_YET_VALID, ERR),
    ("node nbf", "jwt not active", sp.NOT_YET_VALID, ERR),
    ("jose nbf", '"nbf" claim timestamp check failed', sp.NOT_YET_VALID, ERR),
    ("pyjwt nbf", "The token is not yet valid (nbf)", sp.NOT_YET_VALID, ERR),
    ("pyjwt iat", "The token is not yet valid (iat)", sp.NOT_YET_VALID, ERR),
    ("generic iat", "iat is in the future", sp.NOT_YET_VALID, ERR),
    (
        "IDX10503",
        "IDX10503: Signature validation failed. Token does not have a kid.",
        sp.BAD_SIGNATURE,
        ERR,
    ),
    (
        "IDX10511",
        "IDX10511: Signature validation failed. Keys tried: '...'.",
        sp.BAD_SIGNATURE,
        ERR,
    ),
    ("aspnet sig", "The signature is invalid", sp.BAD_SIGNATURE, ERR),
    (
        "golang sig",
        "token signature is invalid: crypto/rsa: verification error",
        sp.BAD_SIGNATURE,
        ERR,
    ),
    ("node sig", "invalid signature", sp.BAD_SIGNATURE, ERR),
    ("kong sig", "Invalid signature", sp.BAD_SIGNATURE, ERR),
    ("jose sig", "signature verification failed", sp.BAD_SIGNATURE, ERR),
    ("pyjwt sig", "Signature verification failed", sp.BAD_SIGNATURE, ERR),
    ("keycloak sig", "Invalid token signature", sp.BAD_SIGNATURE, ERR),
    ("spring sig", "Signed JWT rejected: Invalid signature", sp.BAD_SIGNATURE, ERR),
    (
        "sigv4",
        "The request signature we calculated does not match the signature you provided.",
        sp.BAD_SIGNATURE,
        ERR,
    ),
    ("node alg", "invalid algorithm", sp.BAD_SIGNATURE, ERR),
    ("kong alg", "Invalid algorithm", sp.BAD_SIGNATURE, ERR),
    ("pyjwt alg", "The specified alg value is not allowed", sp.BAD_SIGNATURE, ERR),
    ("golang alg", "token is unverifiable: signing method HS256 is invalid", sp.BAD_SIGNATURE, ERR),
    ("golang key type", "key is of invalid type", sp.BAD_SIGNATURE, ERR),
    (
        "IDX10516",
        "IDX10516: Signature validation failed. Unable to match key: kid: 'abc'.",
        sp.UNKNOWN_KEY,
        ERR,
    ),
    (
        "IDX10500",
        "IDX10500: Signature validation failed. No security keys were provided to "
        "validate the signature.",
        sp.UNKNOWN_KEY,
        ERR,
    ),
    ("envoy kid", "Jwks doesn't have key to match kid or alg from Jwt", sp.UNKNOWN_KEY, ERR),
    (
        "golang keyfunc",
        "token is unverifiable: error while executing keyfunc: kid not found",
        sp.UNKNOWN_KEY,
        ERR,
    ),
    ("node no key", "secret or public key must be provided", sp.UNKNOWN_KEY, ERR),
    ("kong iss", "No credentials found for given 'iss'", sp.UNKNOWN_KEY, ERR),
    ("jose jwks", "no applicable key found in the JSON Web Key Set", sp.UNKNOWN_KEY, ERR),
    ("pyjwkclient", 'Unable to find a signing key that matches: "abc"', sp.UNKNOWN_KEY, ERR),
    ("generic kid", "kid 'abc' not found in JWKS", sp.UNKNOWN_KEY, ERR),
    ("spring jwks", "Couldn't retrieve remote JWK set: Read timed out", sp.UNKNOWN_KEY, ERR),
    (
        "IDX10214",
        "IDX10214: Audience validation failed. Audiences: 'api://x'. Did not match: "
        "validationParameters.ValidAudience: 'api://y'",
        sp.AUDIENCE,
        ERR,
    ),
    ("spring aud", "The aud claim is not valid", sp.AUDIENCE, ERR),
    ("spring aud missing", "The required audience is missing", sp.AUDIENCE, ERR),
    ("envoy aud", "Audiences in Jwt are not allowed", sp.AUDIENCE, ERR),
    ("golang aud", "token has invalid audience", sp.AUDIENCE, ERR),
    ("node aud", "jwt audience invalid. expected: api://x", sp.AUDIENCE, ERR),
    ("pyjwt aud", "Invalid audience", sp.AUDIENCE, ERR),
    ("pyjwt aud2", "Audience doesn't match", sp.AUDIENCE, ERR),
    ("azure aud", "Audience validation failed. Audience did not match.", sp.AUDIENCE, ERR),
    (
        "IDX10205",
        "IDX10205: Issuer validation failed. Issuer: 'x'. Did not match: 'y'.",
        sp.ISSUER,
        ERR,
    ),
    ("spring iss", "The iss claim is not valid", sp.ISSUER, ERR),
    ("golang iss", "token has invalid issuer", sp.ISSUER, ERR),
    ("node iss", "jwt issuer invalid. expected: https://x", sp.ISSUER, ERR),
    ("pyjwt iss", "Invalid issuer", sp.ISSUER, ERR),
    ("azure iss", "Issuer validation failed. Issuer did not match.", sp.ISSUER, ERR),
    ("kong no iss", "No mandatory 'iss' in claims", sp.ISSUER, ERR),
    ("graph scope", "Insufficient privileges to complete the operation.", sp.SCOPE, ERR),
    ("graph code", "Authorization_RequestDenied", sp.SCOPE, ERR),
    ("azure rbac", "AuthorizationPermissionMismatch", sp.SCOPE, ERR),
    ("github perms", "Resource not accessible by integration", sp.SCOPE, ERR),
    ("generic scope", "missing required scope: orders:read", sp.SCOPE, ERR),
    ("rfc9470", "insufficient_user_authentication", sp.SCOPE, ERR),
    (
        "aws deny",
        "User is not authorized to access this resource with an explicit deny",
        sp.SCOPE,
        ERR,
    ),
    (
        "IDX12741",
        "IDX12741: JWT: '[PII is hidden]' must have three segments (JWS) or five segments (JWE).",
        sp.MALFORMED,
        ERR,
    ),
    ("IDX14100", "IDX14100: JWT is not well formed, there are no dots (.).", sp.MALFORMED, ERR),
    ("spring malformed", "Bearer token is malformed", sp.MALFORMED, ERR),
    (
        "spring malformed2",
        "An error occurred while attempting to decode the Jwt: Malformed token",
        sp.MALFORMED,
        ERR,
    ),
    ("envoy json", "Jwt header is an invalid JSON", sp.MALFORMED, ERR),
    (
        "envoy form",
        "Jwt is not in the form of Header.Payload.Signature with two dots and 3 sections",
        sp.MALFORMED,
        ERR,
    ),
    ("kong json", "Bad token; invalid JSON", sp.MALFORMED, ERR),
    (
        "golang malformed",
        "token is malformed: token contains an invalid number of segments",
        sp.MALFORMED,
        ERR,
    ),
    ("node malformed", "jwt malformed", sp.MALFORMED, ERR),
    ("pyjwt segments", "Not enough segments", sp.MALFORMED, ERR),
    ("graph compact", "CompactToken parsing failed with error code: 80049217", sp.MALFORMED, ERR),
    (
        "drf header",
        "Invalid token header. Token string should not contain spaces.",
        sp.MALFORMED,
        ERR,
    ),
    (
        "google invalid",
        "Request had invalid authentication credentials. Expected OAuth 2 access "
        "token, login cookie or other valid authentication credential.",
        sp.MALFORMED,
        WARN,
    ),
    ("github decode", "A JSON web token could not be decoded", sp.MALFORMED, ERR),
    (
        "aws sigv4 header",
        "Authorization header requires 'Credential' parameter.",
        sp.MALFORMED,
        ERR,
    ),
    ("envoy missing", "Jwt is missing", sp.MISSING_TOKEN, ERR),
    ("express-jwt", "No authorization token was found", sp.MISSING_TOKEN, ERR),
    ("drf scheme only", "Invalid token header. No credentials provided.", sp.MISSING_TOKEN, ERR),
    (
        "google missing",
        "Request is missing required authentication credential. Expected OAuth 2 access token.",
        sp.MISSING_TOKEN,
        ERR,
    ),
    (
        "IDX10000",
        "IDX10000: The parameter 'token' cannot be a 'null' or an empty object.",
        sp.MISSING_TOKEN,
        ERR,
    ),
    ("azure none", "NoAuthenticationInformation", sp.MISSING_TOKEN, ERR),
    ("aws route", "Missing Authentication Token", sp.MISSING_TOKEN, WARN),
    ("generic missing", "Authorization header is missing", sp.MISSING_TOKEN, ERR),
    ("drf type", "Token has wrong type", sp.WRONG_TOKEN_TYPE, ERR),
    ("nimbus typ", "JOSE header typ (type) JWT not allowed", sp.WRONG_TOKEN_TYPE, ERR),
    (
        "generic id token",
        "ID tokens are not accepted here: send an access token",
        sp.WRONG_TOKEN_TYPE,
        ERR,
    ),
    ("generic typ", "Invalid token type: expected at+jwt", sp.WRONG_TOKEN_TYPE, ERR),
]


@pytest.mark.parametrize(
    ("text", "code", "severity"),
    [c[1:] for c in REALWORLD + VARIANTS],
    ids=[c[0] for c in REALWORLD + VARIANTS],
)
def test_words_map_to_code(text: str, code: str, severity: Severity) -> None:
    found = findings_for(text)
    assert codes(found)[:1] == [code]
    assert found[0].severity is severity
    assert text[:100] in found[0].evidence
    assert found[0].evidence.startswith(f'{DESC}: "')


NOTHING_SPECIFIC = [
    "Unauthorized",
    "UNAUTHENTICATED",
    "Forbidden",
    "Access denied",
    "ok",
    "invalid_token",
    "invalid_request",
    "Invalid Token",
    "Invalid bearer token",
    "Could not validate credentials",
    "Authentication failed",
    "InvalidAuthenticationToken",
    "InvalidAuthenticationInfo",
    "Server failed to authenticate the request. Please refer to the information in the "
    "www-authenticate header.",
    "An unexpected error occurred",
    "Not Found",
    "Authorization server requires nonce in DPoP proof",
    "Resource server requires nonce in DPoP proof",
    "DPoP nonce expired",
    "You don't have permission to access / on this server.",
    "authentication required",
    "access_denied",
    "invalid_grant",
    "use_dpop_nonce",
    "Failure",
    "PERMISSION_DENIED",
    # "expired" about something other than credentials
    "Your subscription has expired",
    "database connection timeout expired",
    "The promotion code has expired",
    # "malformed" about something other than the token
    "Malformed JSON in request body",
    "Request body is malformed",
]


@pytest.mark.parametrize("text", NOTHING_SPECIFIC)
def test_generic_words_claim_nothing(text: str) -> None:
    """Words that name no single cause are at most quoted (server.message), never read."""
    assert [f.code for f in findings_for(text) if f.code != MESSAGE] == []


def test_compact_jws_also_hints_wrong_token_type() -> None:
    found = findings_for("Invalid Compact JWS")
    assert codes(found) == [sp.MALFORMED, sp.WRONG_TOKEN_TYPE]
    assert found[0].severity is ERR
    assert found[1].severity is WARN
    assert "audience" in found[1].fix


def test_spring_algorithm_message_names_the_algorithm() -> None:
    (finding,) = findings_for(
        "Signed JWT rejected: Another algorithm expected, or no matching key(s) found"
    )
    assert "algorithm" in finding.title
    assert "RS256" in finding.detail
    assert "jwsAlgorithm" in finding.fix


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Bad credentials", "invalid, expired or revoked"),
        ("'Expiration time' claim ('exp') is too far in the future", "10 minutes"),
        ("User session has been revoked", "Continuous Access Evaluation"),
        ("Your client does not have permission to the requested URL /x.", "ID token"),
        ("Access token validation failure.", "graph.microsoft.com"),
        ("The audience 'empty' is invalid", "no aud"),
    ],
)
def test_detail_says_what_the_words_mean(text: str, fragment: str) -> None:
    (finding,) = findings_for(text)
    assert fragment in finding.detail + finding.title


def test_every_finding_is_actionable() -> None:
    for _, text, _code, _sev in REALWORLD + VARIANTS:
        for finding in findings_for(text):
            assert finding.title and finding.detail and finding.fix and finding.evidence
            assert finding.refs and all(r.startswith("RFC ") for r in finding.refs)
            assert "\n" not in finding.title


def test_one_finding_per_code_with_merged_evidence() -> None:
    found = server_findings(
        [
            ServerText(
                "WWW-Authenticate error_description",
                "An Authentication object was not found in the SecurityContext",
            ),
            ServerText(
                "body JSON error_description",
                "An Authentication object was not found in the SecurityContext",
            ),
            ServerText(
                "body JSON message", "Full authentication is required to access this resource"
            ),
        ]
    )
    (finding,) = found
    assert finding.code == sp.MISSING_TOKEN
    assert finding.evidence.startswith(
        'WWW-Authenticate error_description, body JSON error_description: "An Authentication'
    )
    assert 'body JSON message: "Full authentication' in finding.evidence


def test_warning_only_when_every_source_is_a_hint() -> None:
    found = findings_for("Token is invalid or expired", "token expired")
    assert codes(found) == [sp.EXPIRED]
    assert found[0].severity is ERR
    assert found[0].title == "The server says the token expired"


def test_evidence_is_shortened() -> None:
    long = "The token expired at '" + "x" * 1000 + "'"
    (finding,) = findings_for(long)
    assert len(finding.evidence) < 400
    assert finding.evidence.endswith('…"')


def test_challenge_error_codes_are_left_to_the_challenge_check() -> None:
    assert findings_for("insufficient_scope", errors=("insufficient_scope",)) == []
    (body_only,) = findings_for("insufficient_scope")
    assert body_only.code == sp.SCOPE


def test_registry_authentication_required_with_insufficient_scope() -> None:
    text = "authentication required"
    assert codes(findings_for(text)) == [MESSAGE]
    (finding,) = findings_for(text, errors=("insufficient_scope",))
    assert finding.code == sp.SCOPE
    assert "library/" in finding.detail


# --- bodies ----------------------------------------------------------------------------


def where_texts(texts: list[ServerText]) -> list[tuple[str, str]]:
    return [(t.where, t.text) for t in texts]


BODIES: list[tuple[str, str, list[tuple[str, str]]]] = [
    (
        "rw27 aws stray brace",
        '{"message":"Unauthorized"}}',
        [("body $.message", "Unauthorized")],
    ),
    (
        "rw25 spring boot",
        '{"timestamp":1423990178614,"status":401,"error":"Unauthorized","message":"Full '
        'authentication is required to access this resource","path":"/"}',
        [
            ("body $.error", "Unauthorized"),
            ("body $.message", "Full authentication is required to access this resource"),
        ],
    ),
    (
        "rw35 google",
        '{"error":{"code":403,"message":"Request had insufficient authentication scopes.",'
        '"errors":[{"message":"Insufficient Permission","domain":"global","reason":'
        '"insufficientPermissions"}],"status":"PERMISSION_DENIED","details":[{"@type":'
        '"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT",'
        '"domain":"googleapis.com","metadata":{"service":"calendar-json.googleapis.com"}}]}}',
        [
            ("body $.error.message", "Request had insufficient authentication scopes."),
            ("body $.error.errors[0].message", "Insufficient Permission"),
            ("body $.error.errors[0].reason", "insufficientPermissions"),
            ("body $.error.status", "PERMISSION_DENIED"),
            ("body $.error.details[0].reason", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"),
        ],
    ),
    (
        "rw79 kubernetes status",
        '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":'
        '"Unauthorized","reason":"Unauthorized","code":401}',
        [
            ("body $.status", "Failure"),
            ("body $.message", "Unauthorized"),
            ("body $.reason", "Unauthorized"),
        ],
    ),
    (
        "rw85 graph",
        '{"error": {"code": "InvalidAuthenticationToken", "message": "Access token validation '
        'failure.", "innerError": {"request-id": "be979fa7", "date": "2018-08-03T17:43:32"}}}',
        [
            ("body $.error.code", "InvalidAuthenticationToken"),
            ("body $.error.message", "Access token validation failure."),
        ],
    ),
    (
        "simplejwt",
        '{"detail":"Given token not valid for any token type","code":"token_not_valid",'
        '"messages":[{"token_class":"AccessToken","token_type":"access","message":"Token is '
        'invalid or expired"}]}',
        [
            ("body $.detail", "Given token not valid for any token type"),
            ("body $.code", "token_not_valid"),
            ("body $.messages[0].message", "Token is invalid or expired"),
        ],
    ),
    ("kong claim errors", '{"exp":"token expired"}', [("body $.exp", "token expired")]),
    (
        "oci registry",
        '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required","detail":'
        '[{"Type":"repository","Name":"openjdk","Action":"pull"}]}]}',
        [
            ("body $.errors[0].code", "UNAUTHORIZED"),
            ("body $.errors[0].message", "authentication required"),
        ],
    ),
    ("json string", '"jwt expired"', [("body $", "jwt expired")]),
    (
        "json list",
        '[{"message": "Jwt is expired"}, "x"]',
        [("body $[0].message", "Jwt is expired"), ("body $[1]", "x")],
    ),
    (
        "rfc 9457 problem",
        '{"type":"https://example.com/probs/token","title":"Unauthorized","status":401,'
        '"detail":"The access token expired","instance":"/orders/1"}',
        [("body $.title", "Unauthorized"), ("body $.detail", "The access token expired")],
    ),
    (
        "nested error object, any depth",
        '{"response":{"error":{"message":"jwt audience invalid","errors":[{"detail":"x"}]}}}',
        [
            ("body $.response.error.message", "jwt audience invalid"),
            ("body $.response.error.errors[0].detail", "x"),
        ],
    ),
    (
        "graphql extensions",
        '{"data":null,"errors":[{"message":"Context creation failed: jwt expired",'
        '"extensions":{"code":"UNAUTHENTICATED"}}]}',
        [
            ("body $.errors[0].message", "Context creation failed: jwt expired"),
            ("body $.errors[0].extensions.code", "UNAUTHENTICATED"),
        ],
    ),
    (
        "fault and reasons list",
        '{"fault":{"faultstring":"Invalid access token","detail":{"errorcode":'
        '"oauth.v2.InvalidAccessToken"}},"reasons":["token expired", 7]}',
        [
            ("body $.fault.faultstring", "Invalid access token"),
            ("body $.fault.detail.errorcode", "oauth.v2.InvalidAccessToken"),
            ("body $.reasons[0]", "token expired"),
        ],
    ),
    (
        "odd key names quoted in the path",
        '{"error-info":{"message":"no"},"Error Message":"Signature has expired"}',
        [
            ('body $["error-info"].message', "no"),
            ('body $["Error Message"]', "Signature has expired"),
        ],
    ),
    (
        "message keys in any spelling; references are not words",
        '{"errorMessage":"a","user_message":"b","ErrorDescription":"c","failureReason":"d",'
        '"error_id":"e-1","errorUri":"https://x","request_id":"r"}',
        [
            ("body $.errorMessage", "a"),
            ("body $.user_message", "b"),
            ("body $.ErrorDescription", "c"),
            ("body $.failureReason", "d"),
        ],
    ),
    (
        "data is not messages",
        '{"user":{"name":"x","message":"hello"},"items":[{"title":"a book"}]}',
        [],
    ),
    (
        "rw87 azure xml",
        '<?xml version="1.0" encoding="utf-8"?> <Error><Code>InvalidAuthenticationInfo</Code>'
        "<Message>Server failed to authenticate the request. Please refer to the information "
        "in the www-authenticate header. </Message><AuthenticationErrorDetail>Lifetime "
        "validation failed. The token is expired.</AuthenticationErrorDetail>",
        [
            ("body XML <Code>", "InvalidAuthenticationInfo"),
            (
                "body XML <Message>",
                "Server failed to authenticate the request. Please refer to the information "
                "in the www-authenticate header.",
            ),
            (
                "body XML <AuthenticationErrorDetail>",
                "Lifetime validation failed. The token is expired.",
            ),
        ],
    ),
    (
        "s3 xml entities",
        "<Error><Code>AccessDenied</Code><Message>Access &amp; denied</Message></Error>",
        [("body XML <Code>", "AccessDenied"), ("body XML <Message>", "Access & denied")],
    ),
    (
        "soap fault, namespaced",
        '<soap:Envelope xmlns:soap="x"><soap:Body><soap:Fault><faultcode>soap:Client'
        "</faultcode><faultstring>Token expired</faultstring></soap:Fault></soap:Body>"
        "</soap:Envelope>",
        [("body XML <faultcode>", "soap:Client"), ("body XML <faultstring>", "Token expired")],
    ),
    (
        "rw37 cloud run html",
        "<html><head><meta charset=utf-8><title>401 Unauthorized</title></head><body "
        "text=#000000 bgcolor=#ffffff><h1>Error: Unauthorized</h1> <h2>Your client does not "
        "have permission to the requested URL <code>/endpoint/xxxxx</code>.</h2> <h2></h2>"
        "</body></html>",
        [
            ("body HTML <title>", "401 Unauthorized"),
            ("body HTML <h1>", "Error: Unauthorized"),
            (
                "body HTML <h2>",
                "Your client does not have permission to the requested URL /endpoint/xxxxx .",
            ),
        ],
    ),
    (
        "html script and comment skipped",
        "<html><script>var a = '<h1>no</h1>';</script><!-- <b>hidden</b> --><p>Token "
        "&quot;expired&quot;</p><style>p{}</style></html>",
        [("body HTML <p>", 'Token "expired"')],
    ),
    (
        "html paragraphs and loose text",
        "<html><body><h1>Denied</h1>Please sign in.<p>The session expired.</p></body></html>",
        [
            ("body HTML <h1>", "Denied"),
            ("body HTML text", "Please sign in."),
            ("body HTML <p>", "The session expired."),
        ],
    ),
    (
        "express development error page: the stack trace is not the message",
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error'
        "</title>\n</head>\n<body>\n<pre>UnauthorizedError: No authorization token was "
        "found<br> &nbsp; &nbsp;at /srv/node_modules/express-jwt/dist/index.js:99:35<br> "
        "&nbsp; &nbsp;at Layer.handle (/srv/node_modules/router/lib/layer.js:152:17)</pre>\n"
        "</body>\n</html>\n",
        [
            ("body HTML <title>", "Error"),
            ("body HTML <pre>", "UnauthorizedError: No authorization token was found"),
        ],
    ),
    ("rw61 envoy text", "Jwt verification fails", [("body text", "Jwt verification fails")]),
    (
        "rw83 docker text",
        "authentication required: [{u'Action': u'pull', u'Type': u'repository', u'Class': "
        "u'', u'Name': u'openjdk'}]",
        [
            (
                "body text",
                "authentication required: [{u'Action': u'pull', u'Type': u'repository', "
                "u'Class': u'', u'Name': u'openjdk'}]",
            )
        ],
    ),
    (
        "java stack trace in a text body: its first line",
        "io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024-01-01T00:00:00Z\n"
        "\tat io.jsonwebtoken.impl.DefaultJwtParser.parse(DefaultJwtParser.java:385)\n"
        "\tat com.example.Filter.doFilter(Filter.java:42)\n",
        [("body text", "io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024-01-01T00:00:00Z")],
    ),
    (
        "python traceback in a text body: the exception, its last line",
        "Traceback (most recent call last):\n"
        '  File "/srv/app.py", line 12, in handler\n'
        "    claims = jwt.decode(token, key)\n"
        "jwt.exceptions.InvalidAudienceError: Invalid audience\n",
        [("body text", "jwt.exceptions.InvalidAudienceError: Invalid audience")],
    ),
    (
        "'at least' is not a stack frame",
        "Token lacks scopes\nat least one of: orders:read",
        [("body text", "Token lacks scopes at least one of: orders:read")],
    ),
    ("not json after all", "{oops: token expired", [("body text", "{oops: token expired")]),
    ("blank", "  \n ", []),
]


def body_of(name: str) -> str:
    return next(body for case, body, _ in BODIES if case == name)


@pytest.mark.parametrize(("body", "expected"), [b[1:] for b in BODIES], ids=[b[0] for b in BODIES])
def test_body_texts(body: str, expected: list[tuple[str, str]]) -> None:
    got = error_texts(Exchange(status=401, body=body), ())
    assert where_texts(got) == expected


def test_challenge_description_and_nonstandard_error() -> None:
    challenges = (
        Challenge(
            "Bearer",
            params={"error": "invalid_token", "error_description": "jwt expired"},
            field_name="Www-Authenticate",
        ),
        Challenge("Bearer", params={"error": "insufficient_claims"}),
    )
    got = error_texts(Exchange(status=401), challenges)
    assert where_texts(got) == [
        ("Www-Authenticate error_description", "jwt expired"),
        ("WWW-Authenticate error", "insufficient_claims"),
    ]


def test_raw_challenge_read_when_the_parser_missed_it() -> None:
    exchange = Exchange(
        status=401,
        response_headers=(
            Header(
                "www-Authenticate",
                'Bearer error "Invalid_token", error_description = "The Signature key was '
                'not found".',
            ),
        ),
    )
    got = error_texts(exchange, ())
    assert where_texts(got) == [
        ("www-Authenticate error_description", "The Signature key was not found")
    ]


def test_raw_challenge_not_repeated_when_parsed() -> None:
    header = Header("WWW-Authenticate", 'Bearer error_description="jwt expired"')
    challenge = Challenge("Bearer", params={"error_description": "jwt expired"})
    got = error_texts(Exchange(status=401, response_headers=(header,)), (challenge,))
    assert len(got) == 1


def test_vendor_headers_and_reason_phrase() -> None:
    exchange = Exchange(
        status=401,
        reason="Invalid Token",
        response_headers=(
            Header("X-Ms-Error-Code", "InvalidAuthenticationInfo"),
            Header("x-amzn-ErrorType", "UnauthorizedException"),
            Header("X-Accepted-OAuth-Scopes", "repo"),
        ),
    )
    assert where_texts(error_texts(exchange, ())) == [
        ("header X-Ms-Error-Code", "InvalidAuthenticationInfo"),
        ("header x-amzn-ErrorType", "UnauthorizedException"),
        ("status line reason", "Invalid Token"),
    ]
    standard = Exchange(status=401, reason="Unauthorized")
    assert error_texts(standard, ()) == []


def test_texts_are_capped() -> None:
    got = error_texts(Exchange(status=401, body="token expired " * 10_000), ())
    assert len(got) == 1
    assert len(got[0].text) <= TEXT_CAP


# --- garbage and huge input --------------------------------------------------------------

GARBAGE = [
    "[" * 200_000,
    "{" * 200_000,
    '{"a":' * 50_000,
    "<" * 200_000,
    "<script" + "x" * 100_000,
    "<!--" * 50_000,
    "<h1" * 50_000,
    "<title>" + "<" * 100_000,
    "\x00\xff\ufffd" * 50_000,
    '{"message": "' + "9" * 100_000 + '"}',
    '{"code": ' + "9" * 10_000 + "}",
    "<?xml?><Code>" * 30_000,
    "x" * (5 * BODY_CAP),
    "<html><!---->" * 6000,
    "<html>" + "<script></script>" * 5000,
]


@pytest.mark.parametrize("body", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_bodies_never_raise(body: str) -> None:
    exchange = Exchange(status=401, body=body)
    texts = error_texts(exchange, ())
    assert all(len(t.text) <= TEXT_CAP for t in texts)
    list(check_server_words(context(exchange)))


def test_strip_tags_is_plain() -> None:
    assert strip_tags("a<b>b</b>c<!--x-->d&lt;") == "a b c d<"
    assert strip_tags("<unclosed").strip() == ""
    assert strip_tags("x<!-- never closed") == "x"
    assert strip_tags("a<script>b</script>c") == "a c"


# --- the check on a context --------------------------------------------------------------


def test_check_on_full_exchange() -> None:
    exchange = Exchange(
        status=401,
        response_headers=(Header("X-Ms-Error-Code", "InvalidAuthenticationInfo"),),
        body="<Error><Code>InvalidAuthenticationInfo</Code><AuthenticationErrorDetail>Lifetime "
        "validation failed. The token is expired.</AuthenticationErrorDetail></Error>",
    )
    (finding,) = check_server_words(context(exchange))
    assert finding.code == sp.EXPIRED
    assert finding.evidence == (
        'body XML <AuthenticationErrorDetail>: "Lifetime validation failed. The token is expired."'
    )
    assert (check_server_words,) == CHECKS


def test_check_google_scope_body_is_one_finding() -> None:
    body = body_of("rw35 google")
    challenge = bearer(error="insufficient_scope", scope="https://www.googleapis.com/auth/x")
    found = check_server_words(context(Exchange(status=403, body=body), (challenge,)))
    assert codes(found) == [sp.SCOPE]
    assert found[0].evidence.count("body $.error") == 3
    assert found[0].evidence.endswith("and 1 more")


def test_check_cloud_run_html_hint() -> None:
    body = body_of("rw37 cloud run html")
    (finding,) = check_server_words(context(Exchange(status=401, body=body)))
    assert finding.code == sp.WRONG_TOKEN_TYPE
    assert finding.severity is WARN
    assert finding.evidence.startswith('body HTML <h2>: "Your client does not have permission')


def test_check_docker_registry() -> None:
    challenge = bearer(realm="https://auth.docker.io/token", error="insufficient_scope")
    body = body_of("rw83 docker text")
    (finding,) = check_server_words(context(Exchange(status=401, body=body), (challenge,)))
    assert finding.code == sp.SCOPE


def test_check_silent_on_success_and_generic_failures() -> None:
    assert check_server_words(context(Exchange(status=200, body='{"message":"ok"}'))) == []
    assert check_server_words(context(Exchange(status=200, body="token expired"))) == []
    assert check_server_words(context(Exchange(status=401, body="Unauthorized"))) == []
    k8s = body_of("rw79 kubernetes status")
    assert check_server_words(context(Exchange(status=401, body=k8s))) == []
    assert check_server_words(context(Exchange())) == []


def test_check_without_status_still_reads_words() -> None:
    challenge = bearer(error="invalid_token", error_description="Jwt issuer is not configured")
    found = check_server_words(context(Exchange(source="challenge"), (challenge,)))
    assert codes(found) == [sp.ISSUER]


# --- the table itself ---------------------------------------------------------------------


def test_table_rows_are_well_formed() -> None:
    for row in PATTERNS:
        assert row.code in sp.CODES
        assert row.meaning.strip()
        for needle in (*row.needles, *row.also, *row.unless):
            assert needle == sp.normalise(needle) or needle.startswith(" ")
        assert row.needles


def test_every_code_has_a_row_and_a_text() -> None:
    from authtui.core.words.reader import _CODE_TEXTS

    assert set(_CODE_TEXTS) == set(sp.CODES)
    assert {row.code for row in PATTERNS} == set(sp.CODES)


def test_normalise() -> None:
    assert sp.normalise('  Unexpected  "AUD"\n claim ‘x’ ') == "unexpected 'aud' claim 'x'"


# --- Hypothesis: anything in, no exception out --------------------------------------------

json_values = nested(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "message",
                    "error",
                    "errors",
                    "details",
                    "detail",
                    "code",
                    "reason",
                    "messages",
                    "status",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(body=st.text(max_size=2000))
def test_any_body_no_exception(body: str) -> None:
    exchange = Exchange(status=401, body=body)
    for text in error_texts(exchange, ()):
        assert text.text and len(text.text) <= TEXT_CAP
    check_server_words(context(exchange))


@settings(max_examples=200, deadline=None)
@given(value=json_values)
def test_any_json_body_no_exception(value: Any) -> None:
    body = json.dumps(value)
    check_server_words(context(Exchange(status=403, body=body)))


@settings(max_examples=200, deadline=None)
@given(
    params=st.dictionaries(
        st.sampled_from(["error", "error_description", "realm"]), st.text(max_size=200)
    ),
    raw=st.text(max_size=300),
    markup=st.text(alphabet="<>/!-hti12tleCodeMsag &;x", max_size=300),
)
def test_any_challenge_and_markup_no_exception(
    params: dict[str, str], raw: str, markup: str
) -> None:
    exchange = Exchange(
        status=401,
        response_headers=(Header("WWW-Authenticate", raw),),
        body=markup,
    )
    found = check_server_words(context(exchange, (Challenge("Bearer", params=params),)))
    assert len({f.code for f in found}) == len(found)
