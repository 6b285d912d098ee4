"""Challenges and credentials: real-world shapes, credential forms, robustness."""

from __future__ import annotations

import base64
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.http.basic import basic_user
from authtui.core.http.challenges import (
    CHALLENGE_FIELDS,
    MAX_CHALLENGES,
    challenges_of,
    parse_challenges,
)
from authtui.core.http.credentials import parse_credentials
from authtui.core.http.request import request_credentials
from authtui.core.model import Credentials, Exchange, Header

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWJ5dGVz-_x"
POP_NONCE = (
    "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImtpZCI6IjY3NDYyMDhENkQ5RTgyMkI3NzIxNjcyODg3MTg5OUIw"
    "REMzRTU4M0MifQ.eyJ0cyI6MTY5OTkwMDY5OH0.nvO9sU5EY5rQW_b1mElzUKflSKA_sWPPeeGzLAhRPdp9fcxz3H"
)
CAE_CLAIMS = "eyJhY2Nlc3NfdG9rZW4iOiB7ImZvbyI6ICJiYXIifX0="

# ------------------------------------------------------------------ real-world challenges

# (id, value, [(scheme, params)], {(challenge index, note code)} exactly)
REAL: list[tuple[str, str, list[tuple[str, dict[str, str]]], set[tuple[int, str]]]] = [
    (
        "azure-storage-unquoted-commaless",
        "Bearer authorization_uri=https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-"
        "2d7cd011db47/oauth2/authorize resource_id=https://storage.azure.com",
        [
            (
                "Bearer",
                {
                    "authorization_uri": "https://login.microsoftonline.com/72f988bf-86f1-"
                    "41af-91ab-2d7cd011db47/oauth2/authorize",
                    "resource_id": "https://storage.azure.com",
                },
            )
        ],
        {(0, "challenge.unquoted_value"), (0, "challenge.space_separated")},
    ),
    (
        "aws-space-separated-empty-scope",
        'Bearer scope="" error="invalid_token" error_description="the token does not have a '
        'valid audience"',
        [
            (
                "Bearer",
                {
                    "scope": "",
                    "error": "invalid_token",
                    "error_description": "the token does not have a valid audience",
                },
            )
        ],
        {(0, "challenge.space_separated")},
    ),
    (
        "mozilla-digest-missing-comma",
        'Digest realm="secret", domain="/",  qop=auth,algorithm=MD5, '
        'nonce="6f93719059cf8d568005727f3250e798" opaque="1234opaque1234"',
        [
            (
                "Digest",
                {
                    "realm": "secret",
                    "domain": "/",
                    "qop": "auth",
                    "algorithm": "MD5",
                    "nonce": "6f93719059cf8d568005727f3250e798",
                    "opaque": "1234opaque1234",
                },
            )
        ],
        {(0, "challenge.missing_comma")},
    ),
    (
        "azure-cae-claims-padding",
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/'
        'authorize", client_id="00000003-0000-0000-c000-000000000000", '
        f'error="insufficient_claims", claims="{CAE_CLAIMS}"',
        [
            (
                "Bearer",
                {
                    "realm": "",
                    "authorization_uri": "https://login.microsoftonline.com/common/oauth2/"
                    "authorize",
                    "client_id": "00000003-0000-0000-c000-000000000000",
                    "error": "insufficient_claims",
                    "claims": CAE_CLAIMS,
                },
            )
        ],
        set(),
    ),
    (
        "azure-pop-then-bearer",
        f'PoP realm="", client_id="00000003-0000-0000-c000-000000000000", nonce="{POP_NONCE}", '
        'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/'
        'authorize", client_id="00000003-0000-0000-c000-000000000001"',
        [
            (
                "PoP",
                {
                    "realm": "",
                    "client_id": "00000003-0000-0000-c000-000000000000",
                    "nonce": POP_NONCE,
                },
            ),
            (
                "Bearer",
                {
                    "realm": "",
                    "authorization_uri": "https://login.microsoftonline.com/common/oauth2/"
                    "authorize",
                    "client_id": "00000003-0000-0000-c000-000000000001",
                },
            ),
        ],
        set(),
    ),
    (
        "docker-hub-no-spaces",
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",'
        'scope="repository:openjdk:pull",error="insufficient_scope"',
        [
            (
                "Bearer",
                {
                    "realm": "https://auth.docker.io/token",
                    "service": "registry.docker.io",
                    "scope": "repository:openjdk:pull",
                    "error": "insufficient_scope",
                },
            )
        ],
        set(),
    ),
    (
        "okta-garbled",
        'www-Authenticate Bearer error "Invalid_token", error_description = '
        '"The Signature key was not found".',
        [
            (
                "Bearer",
                {
                    "error": "Invalid_token",
                    "error_description": "The Signature key was not found",
                },
            )
        ],
        {(0, "challenge.missing_equals"), (0, "challenge.garbled")},
    ),
    (
        "spring-realm-null",
        'Bearer realm="null", error="unauthorized", error_description="An Authentication '
        'object was not found in the SecurityContext"',
        [
            (
                "Bearer",
                {
                    "realm": "null",
                    "error": "unauthorized",
                    "error_description": "An Authentication object was not found in the "
                    "SecurityContext",
                },
            )
        ],
        set(),
    ),
    (
        "dpop-nonce",
        'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in '
        'DPoP proof"',
        [
            (
                "DPoP",
                {
                    "error": "use_dpop_nonce",
                    "error_description": "Resource server requires nonce in DPoP proof",
                },
            )
        ],
        set(),
    ),
    (
        "rfc9449-bearer-comma-dpop",
        'Bearer, DPoP algs="ES256 PS256"',
        [("Bearer", {}), ("DPoP", {"algs": "ES256 PS256"})],
        set(),
    ),
    (
        "rfc9449-bearer-error-then-dpop",
        'Bearer error="invalid_token", error_description="Invalid token", DPoP algs="ES256 PS256"',
        [
            ("Bearer", {"error": "invalid_token", "error_description": "Invalid token"}),
            ("DPoP", {"algs": "ES256 PS256"}),
        ],
        set(),
    ),
    (
        "comma-after-scheme-bearer",
        'Bearer, error="invalid_token"',
        [("Bearer", {"error": "invalid_token"})],
        {(0, "challenge.comma_after_scheme")},
    ),
    ("bare-bearer", "Bearer", [("Bearer", {})], set()),
    (
        "lowercase-scheme-and-names",
        'bearer Error="invalid_token", REALM="api"',
        [("bearer", {"error": "invalid_token", "realm": "api"})],
        set(),
    ),
    (
        "missing-comma-between-challenges",
        'Basic realm="a" Bearer realm="b"',
        [("Basic", {"realm": "a"}), ("Bearer", {"realm": "b"})],
        {(1, "challenge.missing_comma")},
    ),
    (
        "param-before-any-scheme",
        'realm="x", Bearer error="invalid_token"',
        [("Bearer", {"error": "invalid_token"})],
        set(),
    ),
]


@pytest.mark.parametrize(
    ("value", "expected", "codes"), [r[1:] for r in REAL], ids=[r[0] for r in REAL]
)
def test_real_world_challenge(
    value: str, expected: list[tuple[str, dict[str, str]]], codes: set[tuple[int, str]]
) -> None:
    challenges, _ = parse_challenges(value)
    assert [(c.scheme, dict(c.params)) for c in challenges] == expected
    got = {(i, n.code) for i, c in enumerate(challenges) for n in c.notes}
    assert got == codes


def test_param_before_any_scheme_is_a_field_note() -> None:
    _, notes = parse_challenges('realm="x", Bearer error="invalid_token"')
    assert [n.code for n in notes] == ["challenge.garbled"]
    assert "realm" in notes[0].message


def test_okta_field_name_in_value_is_a_field_note() -> None:
    _, notes = parse_challenges('www-Authenticate Bearer error "x"')
    assert [n.code for n in notes] == ["challenge.garbled"]
    assert notes[0].evidence == "www-Authenticate"


# ------------------------------------------------------------------ token68 and notes


@pytest.mark.parametrize(
    ("value", "scheme", "token68"),
    [
        (
            "Negotiate oYG3MIG0oAMKAQChCwYJKoZIhvcSAQICooGfBIGc==",
            "Negotiate",
            "oYG3MIG0oAMKAQChCwYJKoZIhvcSAQICooGfBIGc==",
        ),
        ("Negotiate abc+/x=", "Negotiate", "abc+/x="),
        (f"DPoP {JWT}", "DPoP", JWT),
        ("NTLM TlRMTVNTUAACAAAA", "NTLM", "TlRMTVNTUAACAAAA"),
    ],
)
def test_token68_challenge(value: str, scheme: str, token68: str) -> None:
    challenges, notes = parse_challenges(value)
    assert [(c.scheme, c.token68, dict(c.params)) for c in challenges] == [(scheme, token68, {})]
    assert challenges[0].notes == ()
    assert notes == ()


def test_token68_followed_by_another_challenge() -> None:
    challenges, _ = parse_challenges('Negotiate abc==, Basic realm="x"')
    assert [(c.scheme, c.token68, dict(c.params)) for c in challenges] == [
        ("Negotiate", "abc==", {}),
        ("Basic", None, {"realm": "x"}),
    ]


@pytest.mark.parametrize(
    ("value", "code", "params"),
    [
        ('Bearer realm="api', "challenge.unterminated_quote", {"realm": "api"}),
        ("Basic realm=api", "challenge.token_realm", {"realm": "api"}),
        (r"Basic realm=\f\o\o", "challenge.backslash_in_token", {"realm": r"\f\o\o"}),
        ("Bearer error=invalid_token resource=https://x", "challenge.unquoted_value", None),
        ('Bearer error="a", error="b"', "challenge.duplicate_param", {"error": "a"}),
        ('Bearer error="a", Error="b"', "challenge.duplicate_param", {"error": "a"}),
        ('Bearer error "a"', "challenge.missing_equals", {"error": "a"}),
    ],
)
def test_deviation_note(value: str, code: str, params: dict[str, str] | None) -> None:
    challenges, _ = parse_challenges(value)
    assert code in {n.code for n in challenges[0].notes}
    if params is not None:
        assert dict(challenges[0].params) == params


@pytest.mark.parametrize(
    "value",
    [
        'Bearer realm="a",error="b"',
        'Bearer realm = "a" ,  error =  "b"',
        'Bearer realm="a",,, ,error="b",',
        'bEaReR REALM="a", ERROR="b"',
        'Bearer realm="a", error=b',
    ],
)
def test_legal_forms_make_no_note(value: str) -> None:
    challenges, notes = parse_challenges(value)
    assert [(c.scheme.lower(), dict(c.params)) for c in challenges] == [
        ("bearer", {"realm": "a", "error": "b"})
    ]
    assert challenges[0].notes == ()
    assert notes == ()


@pytest.mark.parametrize("value", ["", "   ", ",", " , ,, "])
def test_empty_field(value: str) -> None:
    challenges, notes = parse_challenges(value, "Proxy-Authenticate")
    assert challenges == ()
    assert [n.code for n in notes] == ["challenge.empty"]
    assert "Proxy-Authenticate" in notes[0].message


def test_raw_and_field_name_are_kept() -> None:
    challenges, _ = parse_challenges('Basic realm="a", Bearer realm="b"', "Proxy-Authenticate")
    assert [c.raw for c in challenges] == ['Basic realm="a"', 'Bearer realm="b"']
    assert {c.field_name for c in challenges} == {"Proxy-Authenticate"}


def test_challenges_of_reads_misspelled_field_and_ignores_others() -> None:
    assert "www-authentication" in CHALLENGE_FIELDS
    headers = [
        Header("Www-Authentication", 'Bearer realm="a"'),
        Header("Authorization", "Bearer x"),
        Header("Proxy-Authenticate", 'Basic realm="p"'),
        Header("WWW-Authenticate", ""),
    ]
    challenges, notes = challenges_of(headers)
    assert [(c.scheme, c.field_name) for c in challenges] == [
        ("Bearer", "Www-Authentication"),
        ("Basic", "Proxy-Authenticate"),
    ]
    assert [n.code for n in notes] == ["challenge.empty"]


def test_challenge_count_is_capped() -> None:
    challenges, notes = parse_challenges("A, " * (MAX_CHALLENGES + 10))
    assert len(challenges) == MAX_CHALLENGES
    assert any(n.code == "challenge.garbled" for n in notes)


# ------------------------------------------------------------------ credentials

# (id, value, scheme, token68, {note codes})
CREDS: list[tuple[str, str, str | None, str | None, set[str]]] = [
    ("bearer", f"Bearer {JWT}", "Bearer", JWT, set()),
    ("dpop", f"DPoP {JWT}", "DPoP", JWT, set()),
    ("basic", "Basic dXNlcjpwYXNz", "Basic", "dXNlcjpwYXNz", set()),
    ("padded", "Bearer abc.def==", "Bearer", "abc.def==", set()),
    ("lower", f"bearer {JWT}", "bearer", JWT, {"authz.scheme_case"}),
    ("upper", f"BEARER {JWT}", "BEARER", JWT, {"authz.scheme_case"}),
    ("double", f"Bearer Bearer {JWT}", "Bearer", JWT, {"authz.double_scheme"}),
    ("double-lower", f"Bearer bearer {JWT}", "Bearer", JWT, {"authz.double_scheme"}),
    ("dquoted", f'Bearer "{JWT}"', "Bearer", JWT, {"authz.quoted_token"}),
    ("squoted", f"Bearer '{JWT}'", "Bearer", JWT, {"authz.quoted_token"}),
    ("two-spaces", f"Bearer  {JWT}", "Bearer", JWT, {"authz.whitespace"}),
    ("tab", f"Bearer\t{JWT}", "Bearer", JWT, {"authz.whitespace"}),
    ("trailing", f"Bearer {JWT} ", "Bearer", JWT, {"authz.whitespace"}),
    ("line-break", f"Bearer {JWT[:20]}\n {JWT[20:]}", "Bearer", JWT, {"authz.whitespace"}),
    ("template", "Bearer {token}", "Bearer", "{token}", {"authz.invalid_chars"}),
    ("shell-var", "Bearer ${TOKEN}", "Bearer", "${TOKEN}", {"authz.invalid_chars"}),
    (
        "multiple",
        "Bearer mF_9.B6f-4.1JqM, Basic YXNkZnNhdGZzYWzmOlZLdDVOMVhx",
        "Bearer",
        "mF_9.B6f-4.1JqM",
        {"authz.multiple"},
    ),
    (
        "glued-braces",
        "Bearer{token}",
        "Bearer",
        "{token}",
        {"authz.no_space", "authz.invalid_chars"},
    ),
    ("glued-jwt", f"Bearer{JWT}", "Bearer", JWT, {"authz.no_space"}),
    ("bare-jwt", JWT, None, JWT, {"authz.no_scheme"}),
    ("bare-opaque", "ya29.a0AfH6SMBxyz", None, "ya29.a0AfH6SMBxyz", {"authz.no_scheme"}),
    ("bare-long", "A" * 32, None, "A" * 32, {"authz.no_scheme"}),
    ("lone-scheme", "Bearer", "Bearer", None, {"authz.empty_credentials"}),
    ("scheme-space", "Bearer ", "Bearer", None, {"authz.empty_credentials", "authz.whitespace"}),
    ("empty", "", None, None, {"authz.empty_credentials"}),
    (
        "legacy-token",
        "Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b",
        "Token",
        "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b",
        set(),
    ),
    ("colon", f"Bearer: {JWT}", "Bearer", JWT, {"authz.invalid_chars"}),
]


@pytest.mark.parametrize(
    ("value", "scheme", "token68", "codes"), [c[1:] for c in CREDS], ids=[c[0] for c in CREDS]
)
def test_credentials(value: str, scheme: str | None, token68: str | None, codes: set[str]) -> None:
    cred = parse_credentials(value)
    assert (cred.scheme, cred.token68) == (scheme, token68)
    assert {n.code for n in cred.notes} == codes
    assert cred.raw == value
    assert cred.field_name == "Authorization"


def test_invalid_char_named_with_position() -> None:
    cred = parse_credentials("Bearer abc,def")
    (note,) = cred.notes
    assert note.code == "authz.invalid_chars"
    assert "','" in note.message and "position 4" in note.message


def test_whitespace_messages_tell_inside_from_around() -> None:
    inside = parse_credentials(f"Bearer {JWT[:10]}\r\n{JWT[10:]}").notes[0].message
    around = parse_credentials(f"Bearer  {JWT}").notes[0].message
    assert "line break" in inside
    assert "inside" not in around and "line break" not in around


def test_digest_credentials_are_params() -> None:
    cred = parse_credentials(
        'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b", '
        'uri="/dir/index.html", '
        'qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae4"'
    )
    assert cred.scheme == "Digest"
    assert cred.token68 is None
    assert cred.params["username"] == "Mufasa"
    assert cred.params["uri"] == "/dir/index.html"
    assert cred.params["nc"] == "00000001"
    assert cred.notes == ()


def test_evidence_never_holds_the_whole_token() -> None:
    for value in (f'Bearer "{JWT}"', JWT, f"Bearer{JWT}", f"Bearer {JWT[:30]} {JWT[30:]}"):
        for note in parse_credentials(value).notes:
            assert JWT not in note.evidence


# ------------------------------------------------------------------ request_credentials


def _exchange(
    headers: list[tuple[str, str]], target: str = "/orders", body: str = "", method: str = "GET"
) -> Exchange:
    return Exchange(
        method=method,
        target=target,
        request_headers=tuple(Header(n, v) for n, v in headers),
        request_body=body,
    )


def test_request_credentials_order_and_sources() -> None:
    ex = _exchange(
        [
            ("X-Access-Token", "opaque-1"),
            ("DPoP", JWT),
            ("Authorization", f"Bearer {JWT}"),
            ("X-Amz-Security-Token", "not-a-token-to-decode"),
            ("X-Api-Key", "key"),
            ("authorization", "Basic dXNlcjpwYXNz"),
            ("Proxy-Authorization", "Basic eDp5"),
            ("X-Authorization", "Bearer abc.def"),
        ],
        target="/orders?a=1&access_token=abc%2Edef#frag",
        body="access_token=form.tok&x=1",
        method="POST",
    )
    got = [(c.field_name, c.scheme, c.token68) for c in request_credentials(ex)]
    assert got == [
        ("Authorization", "Bearer", JWT),
        ("authorization", "Basic", "dXNlcjpwYXNz"),
        ("Proxy-Authorization", "Basic", "eDp5"),
        ("X-Access-Token", None, "opaque-1"),
        ("X-Authorization", "Bearer", "abc.def"),
        ("query access_token", None, "abc.def"),
        ("form access_token", None, "form.tok"),
    ]


def test_bare_token_in_custom_header_gets_no_no_scheme_note() -> None:
    (cred,) = request_credentials(_exchange([("X-Auth-Token", "short")]))
    assert (cred.scheme, cred.token68, cred.notes) == (None, "short", ())


def test_query_token_keeps_raw_and_decodes() -> None:
    (cred,) = request_credentials(_exchange([], target=f"https://api.example/x?access_token={JWT}"))
    assert cred.field_name == "query access_token"
    assert cred.token68 == JWT
    assert cred.notes == ()


@pytest.mark.parametrize(
    ("content_type", "found"),
    [
        (None, True),
        ("application/x-www-form-urlencoded; charset=utf-8", True),
        ("application/json", False),
    ],
)
def test_form_token_depends_on_content_type(content_type: str | None, found: bool) -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    ex = _exchange(headers, body="grant=1&access_token=tok.en", method="POST")
    assert [c.token68 for c in request_credentials(ex)] == (["tok.en"] if found else [])


def test_no_credentials() -> None:
    assert request_credentials(_exchange([("Accept", "*/*")])) == ()
    assert request_credentials(Exchange()) == ()


# ------------------------------------------------------------------ basic_user


def _basic(raw: bytes) -> Credentials:
    return parse_credentials("Basic " + base64.b64encode(raw).decode())


@pytest.mark.parametrize(
    ("cred", "user", "has_password", "note"),
    [
        (_basic(b"alice:s3cret"), "alice", True, None),
        (_basic(b"alice:"), "alice", False, None),
        (_basic(b"alice:pa:ss"), "alice", True, None),
        (_basic("jürgen:pw".encode()), "jürgen", True, None),
        (_basic("jürgen:pw".encode("latin-1")), "jürgen", True, "basic.charset"),
        (_basic(b"alice"), None, False, "basic.no_colon"),  # all secret: no user id
        (parse_credentials("Basic YWxpY2U6cHc"), "alice", True, "basic.base64"),
        (parse_credentials("Basic !!!!"), None, False, "basic.base64"),
        (parse_credentials("Basic"), None, False, "basic.no_token"),
        (parse_credentials(f"Bearer {JWT}"), None, False, "basic.no_token"),
    ],
)
def test_basic_user(
    cred: Credentials, user: str | None, has_password: bool, note: str | None
) -> None:
    got_user, got_pw, got_note = basic_user(cred)
    assert (got_user, got_pw) == (user, has_password)
    assert (got_note.code if got_note else None) == note


def test_basic_user_never_returns_the_password() -> None:
    result = basic_user(_basic(b"alice:hunter2"))
    assert "hunter2" not in repr(result)


# ------------------------------------------------------------------ robustness


@settings(max_examples=400)
@given(st.text())
def test_parse_challenges_never_raises(value: str) -> None:
    challenges, notes = parse_challenges(value)
    assert challenges or notes


@settings(max_examples=300)
@given(st.text(alphabet=" \t\r\n,=\"\\'abcBasic=/:.", max_size=200))
def test_parse_challenges_never_raises_on_separators(value: str) -> None:
    challenges, _ = parse_challenges(value)
    for challenge in challenges:
        assert all(key == key.lower() for key in challenge.params)


@settings(max_examples=400)
@given(st.text())
def test_parse_credentials_never_raises(value: str) -> None:
    cred = parse_credentials(value)
    assert cred.raw == value
    basic_user(cred)


@settings(max_examples=200)
@given(st.text(alphabet=" \t\n,\"'=BearerBasic{}$.", max_size=120))
def test_parse_credentials_token_is_clean(value: str) -> None:
    cred = parse_credentials(value)
    if cred.token68 is not None:
        assert not any(c in " \t\r\n" for c in cred.token68)


@given(
    st.lists(
        st.tuples(st.sampled_from(["Authorization", "X-Auth-Token", "Content-Type"]), st.text())
    ),
    st.text(),
    st.text(),
)
def test_request_credentials_never_raises(
    headers: list[tuple[str, str]], target: str, body: str
) -> None:
    request_credentials(_exchange(headers, target=target, body=body, method="POST"))


MB = 1_000_000


@pytest.mark.slow
@pytest.mark.parametrize(
    "value",
    [
        "," * MB,
        '"' * MB,
        "a=" * (MB // 2),
        "a " * (MB // 2),
        "Bearer " + "a=b " * (MB // 4),
        "Basic " + '"\\' * (MB // 2),
        "Bearer " + ", a" * (MB // 3),
        "Bearer " + "x" * MB,
    ],
    ids=["commas", "quotes", "a=", "a-space", "space-params", "escapes", "comma-a", "long-token68"],
)
def test_linear_on_a_megabyte(value: str) -> None:
    parse_challenges(value)
    parse_credentials(value)


def _best_time(value: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        parse_challenges(value)
        parse_credentials(value)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("unit", ['"', "a ", "Bearer ", '"\\', "a=b ", '",', ", a", 'a="b" c'])
def test_time_grows_linearly(unit: str) -> None:
    small = _best_time("Bearer " + unit * (100_000 // len(unit)))
    large = _best_time("Bearer " + unit * (1_000_000 // len(unit)))
    # Ten times the input: about ten times the work (a quadratic scan gives ~100x).
    assert large < 0.05 or large < 30 * small
