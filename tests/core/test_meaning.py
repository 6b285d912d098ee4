"""The general reader: subjects, predicates, negation, several subjects, possibilities.

Written from principles (what a sentence is about and what it says of it) and from the
develop half of the corpus; never from the held-out captures.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.model import Challenge, Exchange, Header
from authtui.core.words import pattern as sp
from authtui.core.words import vocabulary as v
from authtui.core.words.bodies import ServerText
from authtui.core.words.meaning import VALUE, asked_schemes, read
from authtui.core.words.reader import MESSAGE, read_words, server_findings


def codes_of(text: str) -> list[str]:
    return [r.code for r in read(text).readings]


# --- each subject, with the predicates that place it --------------------------------------

SUBJECTS = [
    # the token itself
    ("The token has expired", sp.EXPIRED),
    ("Expired token", sp.EXPIRED),
    ("JWT is expired", sp.EXPIRED),
    ("TokenExpiredError: the bearer token expired", sp.EXPIRED),
    ("token_expired", sp.EXPIRED),
    ("The token is not yet active", sp.NOT_YET_VALID),
    ("JWT used too early", sp.NOT_YET_VALID),
    ("token could not be decoded", sp.MALFORMED),
    ("The JWT is malformed", sp.MALFORMED),
    ("No token was provided", sp.MISSING_TOKEN),
    ("access token not present", sp.MISSING_TOKEN),
    ("Bearer token required", sp.MISSING_TOKEN),
    ("token is null", sp.MISSING_TOKEN),
    # credentials and the header that carries them
    ("Missing authentication", sp.MISSING_TOKEN),
    ("no credentials were sent", sp.MISSING_TOKEN),
    ("auth header is empty", sp.MISSING_TOKEN),
    ("Authorization header not found", sp.MISSING_TOKEN),
    ("Invalid Authorization header", sp.MALFORMED),
    ("Bad Authorization header format", sp.MALFORMED),
    ("invalid credentials structure", sp.MALFORMED),
    ("Missing 'Bearer' type in 'Authorization' header", sp.MALFORMED),
    ("the authorization scheme is not supported", sp.MALFORMED),
    ("Invalid token format", sp.MALFORMED),
    ("Not enough segments", sp.MALFORMED),
    ("illegal base64 data at input byte 10", sp.MALFORMED),
    ("decode_error: Invalid JSON Web Signature", sp.MALFORMED),
    # session
    ("Your session has expired, sign in again", sp.EXPIRED),
    # signature, algorithm, key, kid
    ("Signature verification failed", sp.BAD_SIGNATURE),
    ("invalid signature", sp.BAD_SIGNATURE),
    ("crypto/rsa: verification error", sp.BAD_SIGNATURE),
    ("The signature could not be verified", sp.BAD_SIGNATURE),
    ("Signature has expired", sp.EXPIRED),
    ("algorithm RS512 is not supported", sp.BAD_SIGNATURE),
    ("unexpected alg", sp.BAD_SIGNATURE),
    ("No key for kid 'a1'", sp.UNKNOWN_KEY),
    ("unknown kid", sp.UNKNOWN_KEY),
    ("signing key not found", sp.UNKNOWN_KEY),
    ("invalid_key_id", sp.UNKNOWN_KEY),
    # audience, issuer
    ("Audience doesn't match", sp.AUDIENCE),
    ("token has invalid audience", sp.AUDIENCE),
    ("aud claim mismatch", sp.AUDIENCE),
    ("Invalid claim: 'aud'", sp.AUDIENCE),
    ("The 'aud' claim is missing", sp.AUDIENCE),
    ("issuer not trusted", sp.ISSUER),
    ("Unexpected iss", sp.ISSUER),
    ("invalid_claim: Invalid claim: 'iss'", sp.ISSUER),
    # expiry and not-before as claims
    ("'exp' claim is required", sp.EXPIRED),
    ("lifetime validation failed", sp.EXPIRED),
    ("nbf claim check failed", sp.NOT_YET_VALID),
    ("iat is in the future", sp.NOT_YET_VALID),
    # scope, permission, role, claims
    ("Insufficient scope", sp.SCOPE),
    ("missing required scope: orders:read", sp.SCOPE),
    ("The token lacks the admin role", sp.SCOPE),
    ("insufficient permissions", sp.SCOPE),
    ("required privileges not granted", sp.SCOPE),
    ("ACCESS_TOKEN_SCOPE_INSUFFICIENT", sp.SCOPE),
    ("insufficient claims", sp.SCOPE),
    # the kind of token
    ("Only non-refresh tokens are allowed", sp.WRONG_TOKEN_TYPE),
    ("refresh tokens are not accepted", sp.WRONG_TOKEN_TYPE),
    ("Invalid token type", sp.WRONG_TOKEN_TYPE),
    ("unexpected typ", sp.WRONG_TOKEN_TYPE),
    ("The ID token has expired", sp.EXPIRED),
    ("This JWT will become valid at 2030-01-01T00:00:00Z", sp.NOT_YET_VALID),
    ("token not valid until 10:00", sp.NOT_YET_VALID),
    ("Unsigned JWT", sp.BAD_SIGNATURE),
    ("scope is invalid for this endpoint", sp.SCOPE),
    ("Invalid JWT format", sp.MALFORMED),
    # a missing claim is about that claim
    ('Token is missing the "exp" claim', sp.EXPIRED),
    ("the aud claim is required", sp.AUDIENCE),
    # the anonymous user: authentication, whatever the status
    ('forbidden: User "system:anonymous" cannot get path "/"', sp.MISSING_TOKEN),
    ("Access denied for anonymous user", sp.MISSING_TOKEN),
]


@pytest.mark.parametrize(("text", "code"), SUBJECTS, ids=[t for t, _ in SUBJECTS])
def test_subject_and_predicate_place_the_words(text: str, code: str) -> None:
    assert codes_of(text)[:1] == [code]


# --- words that name no single cause are not placed ---------------------------------------

UNPLACED = [
    "Invalid token",
    "Provided token is not valid",
    "Token could not be verified.",
    "token verification failure",
    "The access token is invalid.",
    "Authentication Error",
    "Authentication failed",
    "Bad username or password",
    "you don't have permission to access this resource",
    "Invalid client",
    "Could not validate credentials",
]


@pytest.mark.parametrize("text", UNPLACED)
def test_vague_words_are_not_placed(text: str) -> None:
    meaning = read(text)
    assert meaning.readings == ()
    assert meaning.mentions_subject


NOTHING = [
    "SyntaxError: Unexpected token } in JSON at position 12",
    "Invalid format",
    "date has the wrong format",
    "CSRF token missing",
    "No required SSL certificate was sent",
    "client secret is invalid",
    "Unauthorized",
    "Forbidden",
    "Internal Server Error",
    "Your subscription has expired",
    "database connection timeout expired",
    "Malformed JSON in request body",
    "Could not parse JSON body - Expecting value: line 1 column 10 (char 9)",
    "'name' is a required property",
    "not enough values to unpack (expected 2, got 1)",
    "DPoP nonce expired",
]


@pytest.mark.parametrize("text", NOTHING)
def test_words_about_something_else_say_nothing(text: str) -> None:
    assert codes_of(text) == []


# --- negation ------------------------------------------------------------------------------

NEGATED = [
    "The token is not expired",
    "token has not expired; the audience is fine",
    "signature not invalid",
    "no error",
    "The token hasn't expired",
    "the signature is never invalid here",
]


@pytest.mark.parametrize("text", NEGATED)
def test_negation(text: str) -> None:
    assert codes_of(text) == []


def test_negated_words_that_are_themselves_predicates() -> None:
    assert codes_of("token not valid yet") == [sp.NOT_YET_VALID]
    assert codes_of("token not found") == [sp.MISSING_TOKEN]
    assert codes_of("kid not found in JWKS") == [sp.UNKNOWN_KEY]
    assert codes_of("audience not allowed") == [sp.AUDIENCE]


# --- several subjects: the right one ------------------------------------------------------

SEVERAL = [
    ("The token is missing the items:write scope", sp.SCOPE),
    ("Provided token does not have the required scopes", sp.SCOPE),
    ("The access token is valid but does not have enough scope.", sp.SCOPE),
    ("jwt audience invalid. expected: api://x", sp.AUDIENCE),
    ("token signature is invalid: crypto/rsa: verification error", sp.BAD_SIGNATURE),
    ("token contains an invalid number of segments", sp.MALFORMED),
    ("Invalid Authorization header: Must start with Bearer", sp.MALFORMED),
    ("The token's issuer is not trusted", sp.ISSUER),
    ("JWKS doesn't have the key for this token", sp.UNKNOWN_KEY),
]


@pytest.mark.parametrize(("text", "code"), SEVERAL, ids=[t for t, _ in SEVERAL])
def test_the_predicate_binds_to_the_subject_it_speaks_of(text: str, code: str) -> None:
    assert codes_of(text) == [code]


def test_several_sentences_several_statements() -> None:
    assert codes_of("Token expired. Audience mismatch.") == [sp.EXPIRED, sp.AUDIENCE]
    text = (
        "Invalid Authorization. Unable to decode or verify token. expired_token: "
        "The token is expired"
    )
    assert codes_of(text) == [sp.EXPIRED]


# --- possibilities are not statements -----------------------------------------------------

POSSIBLE = [
    "The access token provided is expired, revoked, malformed or invalid for other reasons.",
    "Missing or invalid token",
    "Unable to decode or verify token",
    "token expired or not yet valid",
    "Either you supplied the wrong credentials (e.g., bad password), or your browser doesn't "
    "understand how to supply the credentials required.",
]


@pytest.mark.parametrize("text", POSSIBLE)
def test_or_between_two_predicates_is_a_list_of_possibilities(text: str) -> None:
    meaning = read(text)
    assert meaning.readings == ()
    assert meaning.unplaced


def test_or_between_subjects_of_one_predicate_is_still_a_statement() -> None:
    assert codes_of("No key for kid or alg") == [sp.UNKNOWN_KEY]


# --- words: values, names, camel case -----------------------------------------------------


def test_quoted_values_are_not_read() -> None:
    assert codes_of("Invalid audience 'https://expired.example'") == [sp.AUDIENCE]
    assert codes_of("Unknown user 'token-expired-bot'") == []
    assert codes_of("see https://docs.example/token-expired for help") == []


def test_a_quoted_known_name_is_read() -> None:
    assert codes_of('unexpected "aud" claim value') == [sp.AUDIENCE]
    assert read("'system:anonymous'").readings[0].subject == v.ANONYMOUS


def test_camel_case_and_snake_case_codes() -> None:
    assert codes_of("JWTExpired") == [sp.EXPIRED]
    assert codes_of("insufficientPermissions") == [sp.SCOPE]
    assert codes_of("INVALID_SIGNATURE") == [sp.BAD_SIGNATURE]
    assert codes_of("JWTs expired") == [sp.EXPIRED]


def test_reading_says_which_words_it_read() -> None:
    (reading,) = read("The token is missing the items:write scope").readings
    assert reading.subject == v.SCOPES
    assert reading.predicate == v.MISSING
    assert reading.words == "missing … scope"


def test_header_level_words_do_not_say_the_token_was_read() -> None:
    assert not read("Invalid Authorization header: Must start with Bearer").read_token
    assert not read("No authorization token provided").read_token
    assert read("Invalid token").read_token
    assert read("crypto/rsa: verification error").read_token


def test_value_marker_never_leaks() -> None:
    for reading in read("Invalid 'x' token 'y'").unplaced:
        assert VALUE not in reading.words


# --- the scheme the words ask for ---------------------------------------------------------

SCHEMES = [
    ('Bad Authorization header format. Format is "Authorization: Bearer <token>"', {"bearer"}),
    ("Invalid Authorization header: Must start with Bearer", {"bearer"}),
    ("Missing 'Bearer' type in 'Authorization' header", {"bearer"}),
    ("Expected 'Authorization: Bearer <JWT>'", {"bearer"}),
    ("Basic authentication is not supported; use DPoP", {"dpop"}),
    ("Unsupported 'Basic' type", set()),
    ("No token provided", set()),
    ("request with token refused", set()),
]


@pytest.mark.parametrize(("text", "schemes"), SCHEMES, ids=[t for t, _ in SCHEMES])
def test_asked_schemes(text: str, schemes: set[str]) -> None:
    assert set(asked_schemes(text)) == schemes


# --- the reader: table first, then meaning, quotes what it cannot place -------------------


def texts(*pairs: tuple[str, str]) -> list[ServerText]:
    return [ServerText(where, text) for where, text in pairs]


def test_vendor_table_wins_where_both_speak() -> None:
    # "Bad credentials": the words say invalid credentials; GitHub's table row knows more.
    (finding,) = server_findings(texts(("body $.message", "Bad credentials")))
    assert finding.code == sp.EXPIRED
    assert "GitHub" in finding.detail


def test_general_reading_quotes_its_words_and_place() -> None:
    (finding,) = server_findings(texts(("body $.error.message", "token has invalid audience")))
    assert finding.code == sp.AUDIENCE
    assert finding.evidence == 'body $.error.message: "token has invalid audience"'
    assert '"has invalid … audience"' not in finding.detail
    assert "invalid … audience" in finding.detail


def test_a_missing_claim_gets_its_own_title() -> None:
    (finding,) = server_findings(texts(("body $.msg", 'Token is missing the "exp" claim')))
    assert finding.code == sp.EXPIRED
    assert finding.title == "The server says the token has no expiry (exp)"
    assert "exp claim" in finding.fix


def test_unplaced_words_are_quoted_as_server_message() -> None:
    (finding,) = server_findings(
        texts(("WWW-Authenticate error", "Invalid token"), ("body $.message", "Invalid token"))
    )
    assert finding.code == MESSAGE
    assert finding.severity.value == "info"
    assert finding.evidence == 'WWW-Authenticate error, body $.message: "Invalid token"'


def test_nothing_quoted_for_status_phrases_or_beside_a_reading() -> None:
    assert server_findings(texts(("body $.error", "Unauthorized"))) == []
    assert server_findings(texts(("body HTML <title>", "401 Unauthorized"))) == []
    found = server_findings(
        texts(("body $.title", "Authentication failed"), ("body $.detail", "jwt expired"))
    )
    assert [f.code for f in found] == [sp.EXPIRED]


def test_missing_is_not_believed_beside_words_that_judge_the_token() -> None:
    """hapi answers "Missing authentication" in the body and "Invalid token format" in the
    challenge: the token arrived."""
    found = server_findings(
        texts(
            ("WWW-Authenticate error", "Invalid token format"),
            ("body $.message", "Missing authentication"),
        )
    )
    assert [f.code for f in found] == [sp.MALFORMED]


def test_sentence_in_a_challenge_error_is_read_a_code_is_left_to_the_challenge() -> None:
    assert [f.code for f in server_findings(texts(("x", "Expired token")), ["expired token"])] == [
        sp.EXPIRED
    ]
    assert server_findings(texts(("x", "insufficient_claims")), ["insufficient_claims"]) == []


def test_read_words_on_an_exchange() -> None:
    exchange = Exchange(
        status=401,
        response_headers=(Header("X-Error-Message", "Format is Authorization: Bearer <token>"),),
        body='{"errors":[{"detail":"No authorization token provided"}]}',
    )
    words = read_words(exchange, ())
    assert [f.code for f in words.findings] == [sp.MALFORMED, sp.MISSING_TOKEN]
    assert (
        words.findings[1].evidence == 'body $.errors[0].detail: "No authorization token provided"'
    )
    assert words.schemes == {"bearer"}
    assert words.wants_token
    assert not words.read_token


def test_proxy_authenticate_description_is_read() -> None:
    challenge = Challenge(
        "Bearer",
        params={"error_description": "The token has expired"},
        field_name="Proxy-Authenticate",
    )
    words = read_words(Exchange(status=407), (challenge,))
    (finding,) = words.findings
    assert finding.evidence == 'Proxy-Authenticate error_description: "The token has expired"'


def test_grpc_message_is_percent_decoded() -> None:
    exchange = Exchange(status=401, response_headers=(Header("grpc-message", "token%20expired"),))
    (finding,) = read_words(exchange, ()).findings
    assert finding.evidence == 'header grpc-message: "token expired"'


def test_error_id_headers_are_not_words() -> None:
    exchange = Exchange(status=401, response_headers=(Header("X-Error-Id", "token-expired-42"),))
    assert read_words(exchange, ()).findings == ()


# --- anything in, no exception out, linear ------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_reads_without_error(text: str) -> None:
    meaning = read(text)
    for reading in (*meaning.readings, *meaning.unplaced):
        assert reading.code in ("", *sp.CODES)
    asked_schemes(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            sorted(
                {w for p in v.PREDICATES.values() for w in p}
                | {"token", "or", "not", "'", '"', ":", "."}
            )
        ),
        max_size=60,
    )
)
def test_vocabulary_soup_reads_without_error(words: list[str]) -> None:
    read(" ".join(words))


def test_long_text_is_bounded() -> None:
    meaning = read("token expired " * 50_000)
    assert [r.code for r in meaning.readings] == [sp.EXPIRED]
    assert read("'" * 100_000).readings == ()
