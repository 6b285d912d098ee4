"""Token cleaning, classification and decoding."""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.codec.b64 import encode_b64url
from authtui.core.jose.tokens import (
    MAX_SEGMENTS,
    WHITESPACE_NOTE,
    clean_token,
    decode_token,
    looks_like_jwt,
    opaque_issuer,
)
from authtui.core.model import TokenForm

SECRET = "s" * 32
CLAIMS = {"iss": "https://auth.test/", "sub": "u1", "exp": 1735693080, "big": 2**64, "f": 3.0}
HS = jwt.encode(CLAIMS, SECRET, algorithm="HS256", headers={"kid": "k1"})


def seg(value: Any) -> str:
    """A base64url JSON segment."""
    return encode_b64url(json.dumps(value).encode())


def raw_seg(text: str) -> str:
    return encode_b64url(text.encode())


JWE = (
    "eyJhbGciOiJkaXIiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0..AxY8DCtDaGlsbGljb3RoZQ."
    "KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.9hH0vgRfYgPnAHOd8stkvw"
)
NONE_EMPTY = seg({"alg": "none"}) + "." + seg({"sub": "u1"}) + "."
NONE_SIGNED = seg({"alg": "none"}) + "." + seg({"sub": "u1"}) + ".c2ln"

# --- clean_token -------------------------------------------------------------------

CLEAN = [
    # (id, pasted, expected token, expected note codes)
    ("bare", HS, HS, []),
    ("surrounding-space", f"  {HS}\n", HS, []),
    ("bearer", f"Bearer {HS}", HS, ["token.cleaned"]),
    ("bearer-lower", f"bearer {HS}", HS, ["token.cleaned"]),
    ("dpop", f"DPoP {HS}", HS, ["token.cleaned"]),
    ("authorization-line", f"Authorization: Bearer {HS}", HS, ["token.cleaned"] * 2),
    ("authorization-lower", f"authorization:bearer {HS}", HS, ["token.cleaned"] * 2),
    ("double-quotes", f'"{HS}"', HS, ["token.cleaned"]),
    ("single-quotes", f"'{HS}'", HS, ["token.cleaned"]),
    ("backticks", f"`{HS}`", HS, ["token.cleaned"]),
    ("trailing-comma", f'"{HS}",', HS, ["token.cleaned"] * 2),
    ("trailing-semicolon", f"{HS};", HS, ["token.cleaned"]),
    ("query", f"access_token={HS}&token_type=Bearer", HS, ["token.cleaned"]),
    ("json", f'{{"access_token": "{HS}", "token_type": "Bearer"}}', HS, ["token.cleaned"]),
    ("json-single-line-key", f'"access_token":"{HS}"', HS, ["token.cleaned"]),
    ("wrapped-lines", f"{HS[:40]}\n{HS[40:80]}\n{HS[80:]}", HS, ["token.encoding"] * 2),
    ("wrapped-crlf-indent", f"{HS[:40]}\r\n    {HS[40:]}", HS, ["token.encoding"]),
    ("space-inside", f"{HS[:50]} {HS[50:]}", HS, ["token.encoding"]),
    ("extra-words", f"{HS} expires in 3600", HS, ["token.extra_words"]),
    ("two-jwts-two-lines", f"{HS}\n{HS}", HS, ["token.extra_words"]),
    (
        "header-line-after",
        "Bearer abc123\nHost: x",
        "abc123",
        ["token.cleaned", "token.extra_words"],
    ),
    ("empty", "", "", []),
    ("only-spaces", " \n\t ", "", []),
    ("only-bearer", "Bearer ", "", ["token.cleaned"]),
    ("authorization-bearer-only", "Authorization: Bearer", "", ["token.cleaned"] * 2),
]


@pytest.mark.parametrize(
    ("text", "token", "codes"), [c[1:] for c in CLEAN], ids=[c[0] for c in CLEAN]
)
def test_clean_token(text: str, token: str, codes: list[str]) -> None:
    cleaned, notes = clean_token(text)
    assert cleaned == token
    assert [n.code for n in notes] == codes


def test_whitespace_notes_say_where() -> None:
    _, notes = clean_token(f"{HS[:40]}\n{HS[40:]}")
    assert notes[0].message.startswith(WHITESPACE_NOTE)
    assert "line break" in notes[0].message and "offset 40" in notes[0].message


def test_many_breaks_are_summarised() -> None:
    text = "\n".join(HS[i : i + 5] for i in range(0, len(HS), 5))
    cleaned, notes = clean_token(text)
    assert cleaned == HS
    assert len(notes) <= 9 and "more breaks" in notes[-1].message


# --- decode_token: forms -----------------------------------------------------------

FORMS = [
    # (id, text, form)
    ("jws-hs256", HS, TokenForm.JWS),
    (
        "jws-rs-shape",
        seg({"alg": "RS256", "typ": "at+jwt"}) + "." + seg({"a": 1}) + ".c2ln",
        TokenForm.JWS,
    ),
    ("jws-spaced-json", raw_seg('{ "alg": "HS256" }') + "." + seg({}) + ".c2ln", TokenForm.JWS),
    ("unsecured-empty-sig", NONE_EMPTY, TokenForm.UNSECURED),
    ("unsecured-with-sig", NONE_SIGNED, TokenForm.UNSECURED),
    ("unsecured-None-case", seg({"alg": "None"}) + "." + seg({}) + ".", TokenForm.UNSECURED),
    ("jwe-dir", JWE, TokenForm.JWE),
    ("google", "ya29.a0AfH6SMBx3kN2", TokenForm.OPAQUE),
    ("github", "gho_16C7e42F292c6912E7710c838347Ae178B4a", TokenForm.OPAQUE),
    ("github-pat", "github_pat_11ABCDEFG0abcdefghijkl", TokenForm.OPAQUE),
    ("slack", "xoxb-123-456-abcdef", TokenForm.OPAQUE),
    ("dropbox-dotted", "sl.u.AFbXYZabc.def", TokenForm.OPAQUE),
    ("hex", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", TokenForm.OPAQUE),
    ("guid", "123e4567-e89b-12d3-a456-426614174000", TokenForm.OPAQUE),
    ("digits", "12345654321", TokenForm.OPAQUE),
    ("random-text", "hello world", TokenForm.OPAQUE),
    ("one-dot-opaque", "abc.def", TokenForm.OPAQUE),
    ("empty", "", TokenForm.NONE),
    ("blank", "   ", TokenForm.NONE),
    ("eyJ-only", "eyJhbGciOiJIUzI1NiJ9", TokenForm.MALFORMED),
    ("dots-b64", "abcd.efgh.ijkl", TokenForm.MALFORMED),
    ("many-dots", "." * 10, TokenForm.MALFORMED),
]


@pytest.mark.parametrize(("text", "form"), [c[1:] for c in FORMS], ids=[c[0] for c in FORMS])
def test_forms(text: str, form: TokenForm) -> None:
    assert decode_token(text, "test").form is form


def test_jws_is_decoded_exactly() -> None:
    token = decode_token(HS, "Authorization header")
    assert token.source == "Authorization header"
    assert token.header == {"alg": "HS256", "kid": "k1", "typ": "JWT"}
    assert token.claims == CLAIMS
    assert type(token.claims["big"]) is int and type(token.claims["f"]) is float
    h, p, s = HS.split(".")
    assert token.segments == (h, p, s)
    assert token.signing_input == f"{h}.{p}".encode("ascii")
    assert token.signature == jwt.utils.base64url_decode(s)
    assert token.alg == "HS256" and token.kid == "k1"
    assert token.notes == ()


def test_jwe_header_shown_claims_not() -> None:
    token = decode_token(JWE)
    assert token.header == {"alg": "dir", "enc": "A128CBC-HS256"}
    assert token.claims is None and len(token.segments) == 5


def test_unsecured_has_claims_no_signature() -> None:
    token = decode_token(NONE_SIGNED)
    assert token.claims == {"sub": "u1"} and token.signature == b""


def test_cleaning_notes_are_kept_on_the_token() -> None:
    token = decode_token(f'Bearer "{HS}"')
    assert token.raw == HS and token.form is TokenForm.JWS
    assert [n.code for n in token.notes] == ["token.cleaned", "token.cleaned"]


def test_padding_and_std_alphabet_become_encoding_notes() -> None:
    h, p, s = HS.split(".")
    token = decode_token(f"{h}==.{p}.{s}")
    assert token.form is TokenForm.JWS
    assert [n.code for n in token.notes] == ["token.encoding"]
    assert "segment 1 (header)" in token.notes[0].message
    assert token.signing_input == f"{h}==.{p}".encode()
    std = s.replace("-", "+").replace("_", "/")
    token = decode_token(f"{h}.{p}.{std}")
    if std != s:
        assert token.form is TokenForm.JWS
        assert token.notes[0].code == "token.encoding" and "signature" in token.notes[0].message


def test_nested_jwt_is_noted() -> None:
    text = seg({"alg": "RS256", "cty": "JWT"}) + "." + raw_seg(HS) + ".c2ln"
    token = decode_token(text)
    assert token.form is TokenForm.JWS and token.claims is None
    assert [n.code for n in token.notes] == ["token.nested"]


def test_duplicate_header_key_is_noted() -> None:
    text = raw_seg('{"alg":"HS256","alg":"none"}') + "." + seg({}) + "."
    token = decode_token(text)
    assert token.form is TokenForm.UNSECURED
    assert any(n.code == "token.duplicate_key" for n in token.notes)


# --- decode_token: malformed reasons -------------------------------------------------

H = seg({"alg": "RS256"})
P = seg({"sub": "u1"})
MALFORMED = [
    # (id, text, words that must appear in a token.malformed note)
    ("one-segment", "eyJhbGciOiJIUzI1NiJ9", ["1 segment (found 0 dots)"]),
    ("two-segments", f"{H}.{P}", ["2 segments (found 1 dot)"]),
    ("four-segments", f"{H}.{P}.c2ln.c2ln", ["4 segments"]),
    ("six-segments", f"{H}.{P}.a.b.c.d", ["6 segments"]),
    ("bad-b64-header", f"eyJ!bad.{P}.c2ln", ["segment 1 (header)", "'!'", "offset 3"]),
    ("bad-b64-payload", f"{H}.eyJz*dWIi.c2ln", ["segment 2 (payload)", "'*'", "offset 4"]),
    ("bad-b64-signature", f"{H}.{P}.c2l$", ["segment 3 (signature)", "'$'"]),
    (
        "header-not-json",
        raw_seg("{alg:RS256}") + f".{P}.c2ln",
        ["segment 1 (header)", "not JSON", "offset 1"],
    ),
    ("payload-not-json", f"{H}." + raw_seg("{sub") + ".c2ln", ["segment 2 (payload)", "not JSON"]),
    ("header-not-object", raw_seg('["RS256"]') + f".{P}.c2ln", ["segment 1 (header)", "array"]),
    (
        "payload-broken-array",
        f"{H}." + raw_seg("[1,") + ".c2ln",
        ["segment 2 (payload)", "not JSON"],
    ),
    ("empty-header", f".{P}.c2ln", ["segment 1 (header)", "empty"]),
    ("empty-signature", f"{H}.{P}.", ["segment 3 (signature)", "RS256"]),
    ("missing-alg", seg({"typ": "JWT"}) + f".{P}.c2ln", ["no alg"]),
    ("alg-not-string", seg({"alg": 256}) + f".{P}.c2ln", ["alg is not a string"]),
    ("jwe-without-enc", seg({"alg": "dir"}) + ".a.YWJj.YWJj.YWJj", ["no enc"]),
    ("enc-with-3-segments", seg({"alg": "dir", "enc": "A128GCM"}) + f".{P}.c2ln", ["enc"]),
    ("truncated-payload", f"{H}.{P[:-1]}.c2ln", ["segment 2 (payload)"]),
    (
        "jwe-bad-segment",
        seg({"alg": "dir", "enc": "A128GCM"}) + "..a!b.YWJj.YWJj",
        ["segment 3", "'!'"],
    ),
]


@pytest.mark.parametrize(
    ("text", "words"), [c[1:] for c in MALFORMED], ids=[c[0] for c in MALFORMED]
)
def test_malformed_reasons(text: str, words: list[str]) -> None:
    token = decode_token(text)
    assert token.form is TokenForm.MALFORMED
    reasons = " | ".join(n.message for n in token.notes if n.code == "token.malformed")
    for word in words:
        assert word in reasons, reasons
    assert token.claims is None


def test_malformed_header_still_shown() -> None:
    token = decode_token(f"{H}.{P}")
    assert token.header == {"alg": "RS256"}


# --- linear time, caps ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "." * 100_000,
        "a" * 4_000_000,
        "eyJ" + "a" * 4_000_000,
        ("eyJhbGciOiJIUzI1NiJ9." * 50_000),
        "a " * 500_000,
        ("x" * 30 + "\n") * 100_000,
        "Bearer " * 100_000,
        '"' * 100_000,
    ],
    ids=["dots", "a", "eyJa", "many-headers", "words", "lines", "bearers", "quotes"],
)
def test_large_inputs_complete(text: str) -> None:
    token = decode_token(text)
    assert len(token.segments) <= MAX_SEGMENTS
    assert len(token.notes) < 40


def test_segment_count_is_exact_beyond_the_cap() -> None:
    token = decode_token("." * 100_000)
    assert "100001 segments" in token.notes[0].message


# --- looks_like_jwt, opaque_issuer -----------------------------------------------------

LOOKS = [
    (HS, True),
    (JWE, True),
    (NONE_EMPTY, True),
    (f"  {HS} ", True),
    ("ya29.a0Af", False),
    ("eyJabc", False),
    ("eyJ.a.b.c", False),
    ("eyJ a.b.c", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), LOOKS)
def test_looks_like_jwt(text: str, expected: bool) -> None:
    assert looks_like_jwt(text) is expected


def test_opaque_issuer() -> None:
    assert opaque_issuer("ya29.abc") == ("Google OAuth access token", "access")
    assert opaque_issuer("ghr_abc") == ("GitHub App refresh token", "refresh")
    assert opaque_issuer("random") is None


# --- never raises -------------------------------------------------------------------------


@settings(max_examples=300)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    cleaned, _ = clean_token(text)
    token = decode_token(text)
    assert token.raw == cleaned
    if token.form is TokenForm.MALFORMED:
        assert any(n.code == "token.malformed" for n in token.notes)


b64_alphabet = st.sampled_from("ABCabc012-_+/=.eyJ \n")


@settings(max_examples=300)
@given(st.text(alphabet=b64_alphabet, max_size=200))
def test_token_like_text_never_raises(text: str) -> None:
    decode_token("eyJ" + text)
    decode_token(text)


@given(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=5))
def test_any_claims_decode(claims: dict[str, Any]) -> None:
    # Built by hand: PyJWT refuses to encode claims such as a non-string iss,
    # and a diagnosis tool must read whatever an issuer produced.
    header = encode_b64url(b'{"alg":"HS256"}')
    payload = encode_b64url(json.dumps(claims).encode())
    token = decode_token(f"{header}.{payload}.c2ln")
    assert token.form is TokenForm.JWS and token.claims == claims


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    clean_token(text)
    token = decode_token(text)
    assert token.form in TokenForm
    decode_token("eyJ" + encode_b64url(data) + "." + encode_b64url(data) + ".")
