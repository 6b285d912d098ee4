"""The general reader's vocabulary: what a server's sentence is about, and what it says. Data only.

:mod:`.meaning` reads a sentence as *subjects* (the token, its signature, the audience,
the Authorization header...) and *predicates* (missing, expired, invalid, not allowed,
insufficient...), binds each predicate to the subject it speaks of, and looks the pair up
in :data:`CODES`. Phrases are lower-case words as :mod:`.meaning` splits them (``doesn't``
is ``doesnt``, ``TokenExpiredError`` is ``token expired error``); a plural is found under
its singular. A longer phrase wins over a shorter one that starts at the same word.
"""

from __future__ import annotations

from authtui.core.words.pattern import (
    AUDIENCE,
    BAD_SIGNATURE,
    EXPIRED,
    ISSUER,
    MALFORMED,
    MISSING_TOKEN,
    NOT_YET_VALID,
    SCOPE,
    UNKNOWN_KEY,
    WRONG_TOKEN_TYPE,
)

# --- subjects ------------------------------------------------------------------------------

TOKEN = "token"
AUTH = "authentication"
HEADER = "header"
SCHEME = "scheme"
FORMAT = "format"
SHAPE = "shape"
SIGNATURE = "signature"
ALGORITHM = "algorithm"
KEY = "key"
KID = "kid"
AUD = "audience"
ISS = "issuer"
EXPIRY = "expiry"
NOT_BEFORE = "not-before"
SCOPES = "scope"
PERMISSION = "permission"
CLAIM = "claim"
TYPE = "token type"
SESSION = "session"
CLIENT = "client"
USER = "user"
BODY = "request body"
OTHER = "something else"
ANONYMOUS = "anonymous"

SUBJECTS: dict[str, tuple[str, ...]] = {
    TOKEN: (
        "token",
        "jwt",
        "json web token",
        "access token",
        "bearer token",
        "bearer",
        "auth token",
        "authorization token",
        "authentication token",
        "oauth token",
        "api token",
        "api key",
        "apikey",
    ),
    AUTH: (
        "authentication",
        "authorization",
        "auth",
        "credential",
        "credentials",
        "authentication credentials",
        "authorization credentials",
        "login",
    ),
    HEADER: (
        "header",
        "authorization header",
        "auth header",
        "authentication header",
        "token header",
        "bearer header",
        "http authorization header",
        "authorization field",
    ),
    SCHEME: (
        "scheme",
        "prefix",
        "auth scheme",
        "authorization scheme",
        "authentication scheme",
        "bearer type",
        "bearer prefix",
        "bearer scheme",
        "bearer keyword",
        "token prefix",
    ),
    FORMAT: (
        "segment",
        "number of segments",
        "encoding",
        "base64",
        "base64url",
        "padding",
        "header padding",
        "payload padding",
        "crypto padding",
        "jws",
        "json web signature",
        "compact jws",
        "compact serialization",
        "dot",
        "delimiter",
    ),
    SHAPE: ("format", "structure", "syntax", "encoding", "serialization", "part", "character"),
    SIGNATURE: (
        "signature",
        "token signature",
        "jwt signature",
        "jws signature",
        "crypto",
        "rsa",
        "ecdsa",
        "hmac",
        "eddsa",
    ),
    ALGORITHM: (
        "alg",
        "algorithm",
        "signing algorithm",
        "signature algorithm",
        "signing method",
        "alg header",
    ),
    KEY: (
        "key",
        "public key",
        "signing key",
        "verification key",
        "secret",
        "secret key",
        "jwk",
    ),
    KID: ("kid", "key id", "keyid", "jwks", "key set", "json web key set", "jwk set"),
    AUD: ("aud", "audience", "aud claim", "audience claim"),
    ISS: ("iss", "issuer", "iss claim", "issuer claim"),
    EXPIRY: (
        "exp",
        "expiration",
        "expiration time",
        "expiration date",
        "expiry",
        "expiry time",
        "lifetime",
        "exp claim",
    ),
    NOT_BEFORE: ("nbf", "nbf claim", "not before claim", "iat", "iat claim", "issued at"),
    SCOPES: ("scope", "scp", "privilege", "role", "authority", "entitlement", "scope claim"),
    PERMISSION: ("permission", "access right"),
    CLAIM: ("claim", "claim value"),
    TYPE: (
        "token type",
        "typ",
        "typ header",
        "token kind",
        "token use",
        "token class",
        "refresh token",
        "id token",
        "identity token",
        "non refresh token",
        "non access token",
    ),
    SESSION: ("session", "session cookie", "login session"),
    CLIENT: ("client", "client id", "azp", "client secret", "client credentials"),
    USER: ("user", "username", "user name", "password", "account"),
    BODY: ("body", "request body", "json body", "request", "form", "input"),
    OTHER: (
        "csrf",
        "csrf token",
        "xsrf",
        "xsrf token",
        "certificate",
        "ssl certificate",
        "client certificate",
        "cert",
        "nonce",
        "dpop proof",
        "api version",
        "subscription",
        "license",
        "otp",
        "one time password",
        "verification code",
        "captcha",
    ),
    ANONYMOUS: ("anonymous", "system anonymous", "anonymous user"),
}
"""Each subject and the phrases that name it."""

CLAIM_NAMED = (AUD, ISS, EXPIRY, NOT_BEFORE, KID, ALGORITHM, TYPE, SCOPES)
"""Subjects a claim, header parameter or value can be named after (``'aud' claim``,
``kid header``, ``Invalid claim: 'iss'``): the compound is about that subject."""

NOT_NAMING = (BODY, SHAPE)
"""Subjects too general to make a message worth quoting on their own."""

SHAPED = (TOKEN, TYPE, SIGNATURE)
"""Owners a generic shape word ("format", "syntax", "structure") can be about: "token
format" is the token's form. Alone, the word may be the body's ("SyntaxError")."""

CARRIERS = (CLAIM, HEADER)
"""Heads that take the subject of the name beside them."""

TOKEN_CONTENT = (
    TOKEN,
    SESSION,
    FORMAT,
    SIGNATURE,
    ALGORITHM,
    KEY,
    KID,
    AUD,
    ISS,
    EXPIRY,
    NOT_BEFORE,
    SCOPES,
    CLAIM,
    TYPE,
)
"""Subjects that a server can judge only once it has read a token."""

# --- predicates ----------------------------------------------------------------------------

MISSING = "missing"
REQUIRED = "required"
EXPIRED_P = "expired"
NOT_YET = "not yet valid"
MALFORMED_P = "malformed"
INVALID = "invalid"
UNKNOWN = "unknown"
UNSIGNED = "unsigned"
NOT_ALLOWED = "not allowed"
INSUFFICIENT = "insufficient"
HAVE_NOT = "does not have"
REVOKED = "revoked"
ONLY = "only"
NO = "no"

PREDICATES: dict[str, tuple[str, ...]] = {
    MISSING: (
        "missing",
        "not provided",
        "not present",
        "not found",
        "not included",
        "not sent",
        "not supplied",
        "not set",
        "not specified",
        "not given",
        "not passed",
        "absent",
        "empty",
        "null",
        "must be provided",
        "must be present",
        "must be supplied",
        "must be sent",
        "must be specified",
        "could not be found",
        "was not found",
        "none",
    ),
    REQUIRED: ("required", "requires", "require", "needed", "needs"),
    EXPIRED_P: (
        "expired",
        "past its expiry",
        "expiry time has passed",
        "no longer valid",
    ),
    NOT_YET: (
        "not yet valid",
        "not valid yet",
        "not yet active",
        "not active yet",
        "not valid before",
        "not before",
        "used before",
        "used too early",
        "too early",
        "before issued",
        "before it was issued",
        "immature",
        "in the future",
        "premature",
        "not yet",
        "will be active",
        "will be valid",
        "will become valid",
        "will become active",
        "not valid until",
        "not active until",
    ),
    MALFORMED_P: (
        "malformed",
        "not well formed",
        "could not be decoded",
        "cannot be decoded",
        "could not decode",
        "couldnt decode",
        "unable to decode",
        "failed to decode",
        "cannot decode",
        "cant decode",
        "decode error",
        "decoding error",
        "decoding failed",
        "decode failed",
        "could not be parsed",
        "cannot be parsed",
        "could not parse",
        "couldnt parse",
        "unable to parse",
        "failed to parse",
        "cannot parse",
        "parse error",
        "parsing error",
        "parsing failed",
        "parse failed",
        "illegal",
        "corrupt",
        "corrupted",
        "garbled",
        "truncated",
        "unrecognizable",
        "invalid number",
    ),
    INVALID: (
        "invalid",
        "not valid",
        "bad",
        "incorrect",
        "wrong",
        "failed",
        "fails",
        "fail",
        "failure",
        "error",
        "rejected",
        "refused",
        "verification failed",
        "verification failure",
        "verification error",
        "verification fails",
        "failed verification",
        "could not be verified",
        "cannot be verified",
        "can not be verified",
        "unable to verify",
        "failed to verify",
        "could not verify",
        "couldnt verify",
        "cannot verify",
        "not verified",
        "validation failed",
        "validation failure",
        "validation error",
        "failed validation",
        "check failed",
        "could not be validated",
        "could not validate",
        "unable to validate",
        "failed to validate",
        "failed to authenticate",
        "could not authenticate",
        "unable to authenticate",
    ),
    UNKNOWN: (
        "unknown",
        "unrecognized",
        "unrecognised",
        "not recognized",
        "not recognised",
        "no matching",
        "no match",
        "unable to find",
        "could not find",
        "couldnt find",
        "cannot find",
        "cant find",
        "not in",
        "not among",
        "does not exist",
        "doesnt exist",
        "not known",
        "unable to match",
        "could not match",
        "no such",
    ),
    UNSIGNED: ("unsigned", "not signed", "has no signature", "without signature"),
    NOT_ALLOWED: (
        "not allowed",
        "not permitted",
        "disallowed",
        "unexpected",
        "mismatch",
        "mismatched",
        "does not match",
        "doesnt match",
        "did not match",
        "didnt match",
        "do not match",
        "dont match",
        "not matching",
        "not accepted",
        "not acceptable",
        "unsupported",
        "not supported",
        "not trusted",
        "untrusted",
        "not configured",
        "not registered",
        "must start with",
        "must begin with",
        "should start with",
        "should begin with",
    ),
    INSUFFICIENT: (
        "insufficient",
        "not enough",
        "not sufficient",
        "too few",
        "higher",
        "lacks",
        "lacking",
        "lack",
        "not granted",
    ),
    HAVE_NOT: (
        "does not have",
        "doesnt have",
        "do not have",
        "dont have",
        "did not have",
        "didnt have",
        "has no",
        "have no",
        "had no",
        "not have",
        "without",
    ),
    REVOKED: ("revoked", "disabled", "blocked", "suspended", "inactive", "not active"),
    ONLY: ("only",),
    NO: ("no",),
}
"""Each predicate and the phrases that say it."""

TRANSITIVE = (MISSING, REQUIRED, INSUFFICIENT, HAVE_NOT, NO, ONLY)
"""Predicates that take the subject after them first: "the token is missing the
*scope*", "lacks *permission*", "no *token*", "only *access tokens*"."""

COPULAS = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "be", "being"})
"""Words after which a predicate speaks of the subject before it."""

MODAL_STARTS = ("must ", "should ")
"""Predicates that speak of the subject before them ("the header must start with ...")."""

NOT_PLURALS = frozenset({"jwks", "status", "access", "alias", "does", "this", "has", "was"})
"""Words ending in s that are not plurals."""

NEGATORS = frozenset(
    {
        "not",
        "never",
        "no",
        "isnt",
        "wasnt",
        "arent",
        "werent",
        "hasnt",
        "havent",
        "hadnt",
        "didnt",
        "doesnt",
        "dont",
        "wont",
    }
)
"""Words that turn a predicate into its opposite: "not expired", "no error"."""

FILLERS = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "be",
        "being",
        "seems",
        "appears",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "your",
        "its",
        "any",
        "valid",
        "provided",
        "given",
        "supplied",
        "presented",
        "sent",
        "passed",
        "received",
        "used",
        "now",
        "already",
        "yet",
        "also",
        "value",
        "parameter",
        "field",
        "specified",
    }
)
"""Words that may stand between a subject and what is said of it."""

BARE_VERBS: dict[str, str] = {
    "decode": MALFORMED_P,
    "decoded": MALFORMED_P,
    "parse": MALFORMED_P,
    "parsed": MALFORMED_P,
    "verify": INVALID,
    "verified": INVALID,
    "validate": INVALID,
    "validated": INVALID,
    "authenticate": INVALID,
    "find": UNKNOWN,
    "found": UNKNOWN,
}
"""Verbs that carry the failure of a predicate before them: "unable to decode *or verify*"."""

DISJUNCTIONS = frozenset({"or", "either", "nor"})
"""With two different predicates, a list of possibilities, not a statement."""

CLAUSE_BREAKS = frozenset({"but", "however", "although", "though", "whereas"})
"""Words that start a new statement inside a sentence."""

SCHEME_NAMES = frozenset({"bearer", "basic", "digest", "dpop", "negotiate", "ntlm", "token", "jwt"})
"""Authorization schemes a server's words may ask for."""

SCHEME_CUES_BEFORE = frozenset(
    {"expected", "expecting", "expects", "use", "only", "requires", "required", "with"}
)
"""Words after which a scheme name is the one the server wants ("start with Bearer")."""

SCHEME_CUES_AFTER = frozenset({"type", "prefix", "scheme", "keyword"})
"""Words after a scheme name that make it the one wanted, after :data:`SCHEME_WANTED`."""

SCHEME_WANTED = frozenset(
    {"missing", "expected", "expecting", "requires", "required", "no", "must"}
)
"""Words before a "<scheme> type" or "<scheme> prefix" that say it is the one wanted."""

# --- what a subject and a predicate mean together -------------------------------------------

_MISSING_ONES = (MISSING, NO, HAVE_NOT)

CODES: dict[tuple[str, str], str] = {
    **{(TOKEN, p): MISSING_TOKEN for p in (*_MISSING_ONES, REQUIRED)},
    **{(AUTH, p): MISSING_TOKEN for p in _MISSING_ONES},
    **{(HEADER, p): MISSING_TOKEN for p in (*_MISSING_ONES, REQUIRED)},
    **{(SESSION, p): MISSING_TOKEN for p in _MISSING_ONES},
    (TOKEN, EXPIRED_P): EXPIRED,
    (AUTH, EXPIRED_P): EXPIRED,
    (SESSION, EXPIRED_P): EXPIRED,
    (SIGNATURE, EXPIRED_P): EXPIRED,
    **{(EXPIRY, p): EXPIRED for p in (EXPIRED_P, INVALID, NOT_ALLOWED, *_MISSING_ONES, REQUIRED)},
    (TOKEN, NOT_YET): NOT_YET_VALID,
    (SIGNATURE, NOT_YET): NOT_YET_VALID,
    **{(NOT_BEFORE, p): NOT_YET_VALID for p in (NOT_YET, INVALID, NOT_ALLOWED)},
    (TOKEN, MALFORMED_P): MALFORMED,
    (AUTH, MALFORMED_P): MALFORMED,
    **{(HEADER, p): MALFORMED for p in (MALFORMED_P, INVALID, NOT_ALLOWED)},
    **{
        (SCHEME, p): MALFORMED for p in (MALFORMED_P, INVALID, NOT_ALLOWED, UNKNOWN, *_MISSING_ONES)
    },
    **{
        (FORMAT, p): MALFORMED
        for p in (MALFORMED_P, INVALID, NOT_ALLOWED, UNKNOWN, INSUFFICIENT, MISSING)
    },
    **{
        (SIGNATURE, p): BAD_SIGNATURE
        for p in (MALFORMED_P, INVALID, NOT_ALLOWED, MISSING, REQUIRED, HAVE_NOT)
    },
    **{
        (ALGORITHM, p): BAD_SIGNATURE for p in (MALFORMED_P, INVALID, NOT_ALLOWED, UNKNOWN, MISSING)
    },
    **{(KEY, p): UNKNOWN_KEY for p in (UNKNOWN, NOT_ALLOWED, *_MISSING_ONES)},
    (KEY, INVALID): BAD_SIGNATURE,
    **{(KID, p): UNKNOWN_KEY for p in (UNKNOWN, NOT_ALLOWED, INVALID, *_MISSING_ONES)},
    **{(AUD, p): AUDIENCE for p in (INVALID, NOT_ALLOWED, UNKNOWN, MISSING, REQUIRED)},
    **{(ISS, p): ISSUER for p in (INVALID, NOT_ALLOWED, UNKNOWN, MISSING, REQUIRED)},
    # An API's "invalid scope" is the token's; a token endpoint's invalid_scope is a code,
    # left to the challenge check.
    **{(SCOPES, p): SCOPE for p in (INSUFFICIENT, REQUIRED, INVALID, *_MISSING_ONES)},
    (PERMISSION, INSUFFICIENT): SCOPE,
    (PERMISSION, REQUIRED): SCOPE,
    (PERMISSION, MISSING): SCOPE,
    (CLAIM, INSUFFICIENT): SCOPE,
    **{(TYPE, p): WRONG_TOKEN_TYPE for p in (INVALID, NOT_ALLOWED, UNKNOWN, ONLY)},
    (TOKEN, UNSIGNED): BAD_SIGNATURE,
    (TYPE, EXPIRED_P): EXPIRED,
    (TYPE, NOT_YET): NOT_YET_VALID,
}
"""(subject, predicate) -> the ``server.*`` code the pair states. A pair not listed
(an invalid token, unknown credentials, a user's bad password) names no single cause:
the reader quotes it and guesses nothing."""

_ABSENT = (MISSING, NO, HAVE_NOT, REQUIRED)

SPECIFIC: dict[tuple[str, str], tuple[str, str, str]] = {
    **{
        (EXPIRY, p): (
            "The server says the token has no expiry (exp)",
            "The server requires an exp claim and the token carries none.",
            "Issue the token with an exp claim (every access token should expire).",
        )
        for p in _ABSENT
    },
    **{
        (AUD, p): (
            "The server says the token has no audience (aud)",
            "The server requires an aud claim naming it, and the token carries none (no "
            "audience or resource was asked for at the token endpoint).",
            "Request the token for this API (audience, resource or the API's scope at the "
            "token endpoint).",
        )
        for p in _ABSENT
    },
    **{
        (ISS, p): (
            "The server says the token has no issuer (iss)",
            "The server requires an iss claim and the token carries none.",
            "Use a token from the issuer the API trusts; its tokens carry iss.",
        )
        for p in _ABSENT
    },
    **{
        (SIGNATURE, p): (
            "The server says the token is not signed",
            "The token has no signature (alg none, or an empty third part) and the server "
            "requires one.",
            "Send a signed token from the issuer; never alg none.",
        )
        for p in _ABSENT
    },
    (TOKEN, UNSIGNED): (
        "The server says the token is not signed",
        "The token has no signature (alg none, or an empty third part) and the server "
        "requires one.",
        "Send a signed token from the issuer; never alg none.",
    ),
}
"""(subject, predicate) pairs that say more than their code's usual title: (title,
meaning, fix). A missing exp is ``server.expired``, but not an expired token."""

SELF_EVIDENT: dict[str, str] = {ANONYMOUS: MISSING_TOKEN}
"""Subjects whose mere mention says what happened: a server that names the anonymous
user (``system:anonymous``) treated the request as carrying no credentials it accepted."""

MEANINGS: dict[str, str] = {
    MISSING_TOKEN: "The server looked for credentials and found none it could use: the "
    "Authorization header is missing, empty, or was stripped on the way.",
    EXPIRED: "The token's exp lies in the past by the server's clock.",
    NOT_YET_VALID: "The token's nbf (or iat) lies in the future by the server's clock.",
    MALFORMED: "The token (or the Authorization header that carries it) is not well formed.",
    BAD_SIGNATURE: "The token's signature did not verify with the server's key, or its alg is "
    "not one the server accepts.",
    UNKNOWN_KEY: "The server has no key matching the token's kid (or alg): another issuer's "
    "token, a wrong JWKS URL, or a rotated key.",
    AUDIENCE: "The token's aud is not an audience this server accepts.",
    ISSUER: "The token's iss is not an issuer this server trusts.",
    SCOPE: "The token was accepted but does not grant what this request needs.",
    WRONG_TOKEN_TYPE: "The server expects another kind of token (an access token, not an ID "
    "or refresh token).",
}
"""What a general reading means, per code (the vendor table says more where it knows)."""

ANONYMOUS_MEANING = (
    "The server names the anonymous user: it treated the request as unauthenticated, so "
    "the credentials were missing, stripped on the way, or not recognised. Whatever the "
    "status, this is an authentication problem, not a missing permission."
)
"""The meaning of a reading from :data:`SELF_EVIDENT`."""
