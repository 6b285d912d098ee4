"""The scrubber's parts: what a name means, and each shape of text it walks."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.model import Tier
from authtui.core.safety.names import Place, field_tier, words_of
from authtui.core.safety.secrets import Scrubber, fingerprint, redacted_form
from authtui.core.safety.shapes import scrub_json

S, C = Tier.SECRET, Tier.CREDENTIAL
H, Q, F, J, P = Place.HEADER, Place.QUERY, Place.FORM, Place.JSON, Place.PARAM

NAMES = [
    # secrets
    ("X-API-Key", H, S),
    ("Api-Key", H, S),
    ("apikey", Q, S),
    ("ApiKey", J, S),
    ("APIKEY", H, S),
    ("Ocp-Apim-Subscription-Key", H, S),
    ("X-Goog-Api-Key", H, S),
    ("PRIVATE-TOKEN", H, S),
    ("X-Functions-Key", H, S),
    ("key", Q, S),
    ("client_secret", F, S),
    ("clientSecret", J, S),
    ("aws_secret_access_key", J, S),
    ("password", F, S),
    ("new_password", J, S),
    ("passwords", J, S),
    ("private_key", J, S),
    ("privateKey", J, S),
    ("sig", Q, S),
    ("X-Amz-Signature", Q, S),
    ("Signature", P, S),
    ("oauth_signature", P, S),
    ("response", P, S),
    ("X-Hub-Signature-256", H, S),
    ("Stripe-Signature", H, S),
    # credentials
    ("access_token", J, C),
    ("refresh_token", F, C),
    ("id_token", Q, C),
    ("accessToken", J, C),
    ("X-Amz-Security-Token", H, C),
    ("X-Auth-Token", H, C),
    ("client_assertion", F, C),
    ("JSESSIONID", H, C),
    ("PHPSESSID", H, C),
    ("session_id", J, C),
    ("SAMLResponse", F, C),
    ("code", Q, C),
    ("code_verifier", F, C),
    ("DPoP", H, C),
    # neither: names about a value, and names that only look close
    ("token_type", J, None),
    ("expires_in", J, None),
    ("client_secret_expires_at", J, None),
    ("private_key_id", J, None),
    ("password_policy", J, None),
    ("X-Amz-Credential", Q, None),
    ("X-Amz-SignedHeaders", Q, None),
    ("X-Amz-Date", Q, None),
    ("Signature-Input", H, None),
    ("Idempotency-Key", H, None),
    ("Sec-WebSocket-Key", H, None),
    ("public_key", J, None),
    ("key", J, None),
    ("code", J, None),
    ("response", Q, None),
    ("Content-Type", H, None),
    ("token_endpoint", J, None),
    ("config", Q, None),
    ("username", F, None),
    ("client_id", F, None),
    ("", Q, None),
]


@pytest.mark.parametrize(("name", "place", "tier"), NAMES, ids=[f"{n}-{p}" for n, p, _ in NAMES])
def test_a_name_says_what_its_value_is(name: str, place: Place, tier: Tier | None) -> None:
    assert field_tier(name, place) is tier


def test_words_of_splits_case_separators_and_numbers() -> None:
    assert words_of("X-Amz-Security-Token") == ["amz", "security", "token"]
    assert words_of("clientSecret") == ["client", "secret"]
    assert words_of("XApiKey") == ["api", "key"]
    assert words_of("X-Hub-Signature-256") == ["hub", "signature"]


def _hidden(scrub: Scrubber) -> set[tuple[str, Tier]]:
    return {(r.where, r.tier) for r in scrub.redactions}


def test_two_credentials_in_one_value_are_each_scrubbed() -> None:
    basic = base64.b64encode(b"u:second-pw").decode()
    scrub = Scrubber(redact=False)
    shown = scrub.header("Authorization", f"Bearer tok-123456789, Basic {basic}")
    assert shown == f"Bearer tok-123456789, Basic u:{fingerprint('second-pw')}"
    assert basic not in shown


def test_sigv4_keeps_its_scope_and_hides_its_signature() -> None:
    value = (
        "AWS4-HMAC-SHA256 Credential=AK/20250101/eu/s3/aws4_request, "
        "SignedHeaders=host, Signature=abc123def"
    )
    shown = Scrubber().header("Authorization", value)
    assert shown.startswith("AWS4-HMAC-SHA256 Credential=AK/20250101/eu/s3/aws4_request, ")
    assert "SignedHeaders=host" in shown and "abc123def" not in shown
    assert shown.endswith(f"Signature={fingerprint('abc123def')}")


def test_json_walk_is_lenient_and_keeps_the_text() -> None:
    scrub = Scrubber()
    text = (
        '{"a": 1, "password": "p\\u0077d", "list": [{"token": "t-1234567"}], "cut": {"secret": "zz'
    )
    shown = scrub_json(text, "body", scrub.hide)
    assert '"a": 1' in shown and '"p\\u0077d"' not in shown and "pwd" not in shown
    assert str(fingerprint("pwd")) in shown  # the escaped value is the secret
    assert redacted_form("t-1234567") in shown and "t-1234567" not in shown
    assert "zz" not in shown.replace("secret", "")
    assert ("body list[].token", C) in _hidden(scrub)
    assert ("body cut.secret", S) in _hidden(scrub)


def test_json_values_that_are_not_text_and_containers_under_a_secret_key() -> None:
    scrub = Scrubber()
    text = json.dumps({"pin": 1234, "password": None, "secret": {"note": "x", "k2": 5}})
    shown = json.loads(scrub_json(text, "body", scrub.hide))
    assert shown["password"] is None  # nothing to hide
    assert shown["secret"] == {"note": "x", "k2": 5}  # a container is walked, not hidden
    doc = json.loads(scrub_json(json.dumps({"client_secret": 42}), "b", scrub.hide))
    assert doc == {"client_secret": str(fingerprint("42"))}


def test_jwk_private_members_hidden_only_in_a_jwk() -> None:
    scrub = Scrubber()
    jwk = {"d": "private-d", "kty": "EC", "x": "pub-x", "crv": "P-256"}
    shown = json.loads(scrub_json(json.dumps({"key": jwk, "q": "not-a-jwk"}), "b", scrub.hide))
    assert shown["key"]["d"] == str(fingerprint("private-d"))
    assert shown["key"]["x"] == "pub-x" and shown["q"] == "not-a-jwk"


def test_deep_json_is_walked_without_recursion() -> None:
    text = "[" * 100_000 + '{"password": "deep-pw"}' + "]" * 100_000
    assert "deep-pw" not in scrub_json(text, "b", Scrubber().hide)


def test_cookie_names_kept_values_hidden_set_cookie_attributes_kept() -> None:
    scrub = Scrubber()
    assert scrub.header("Cookie", "a=b1; sid=xyz") == "a=…(redacted); sid=…(redacted)"
    shown = scrub.header("Set-Cookie", "sid=abcdefgh; Path=/; Secure")
    assert shown == "sid=ab…(redacted); Path=/; Secure"
    assert (
        Scrubber(redact=False).header("Cookie", "api_key=ck-1") == f"api_key={fingerprint('ck-1')}"
    )


def test_url_password_and_query_fragment() -> None:
    scrub = Scrubber()
    shown = scrub.url("https://u:p%40ss@h.test/a?x=1&token=tk-98765432#k=v&access_token=frag-1234")
    assert shown == (
        f"https://u:{fingerprint('p@ss')}@h.test/a?x=1&token={redacted_form('tk-98765432')}"
        f"#k=v&access_token={redacted_form('frag-1234')}"
    )
    assert scrub.text("see https://h/x?sig=s1g and /p?key=k3y now") == (
        f"see https://h/x?sig={fingerprint('s1g')} and /p?key={fingerprint('k3y')} now"
    )


def test_multipart_without_content_type_found_by_its_first_line() -> None:
    body = '--b1\nContent-Disposition: form-data; name="api_key"\n\nmp-key-1\n--b1--\n'
    shown = Scrubber().body(body, "", "request body")
    assert "mp-key-1" not in shown and str(fingerprint("mp-key-1")) in shown


def test_redactions_past_the_cap_are_counted() -> None:
    scrub = Scrubber()
    scrub.header("Cookie", "; ".join(f"c{i}=v{i}" for i in range(500)))
    listed = scrub.redactions
    assert len(listed) == 201
    assert listed[-1].where == "and 300 more fields" and listed[-1].tier is C


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)


@settings(max_examples=300, deadline=None)
@given(name=_TEXT, value=_TEXT)
def test_any_header_never_raises(name: str, value: str) -> None:
    Scrubber().header(name, value)
    Scrubber(redact=False).header(name or "Authorization", value)


@settings(max_examples=300, deadline=None)
@given(
    text=_TEXT, kind=st.sampled_from(["", "application/json", "multipart/form-data; boundary=x"])
)
def test_any_body_or_url_never_raises(text: str, kind: str) -> None:
    scrub = Scrubber()
    scrub.body(text, kind, "body")
    scrub.url(text)
    scrub.text(text)
    scrub.line(text)


@settings(max_examples=200, deadline=None)
@given(
    secret=st.text(
        alphabet="abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", min_size=1
    ),
    name=st.sampled_from(["password", "client_secret", "api_key", "sig", "X-Amz-Signature"]),
)
def test_a_secret_never_survives_any_shape(secret: str, name: str) -> None:
    value = "Qj" + secret
    scrub = Scrubber(redact=False)
    shapes = [
        scrub.url(f"https://h/p?{name}={value}&a=1"),
        scrub.body(f"a=1&{name}={value}", "application/x-www-form-urlencoded", "b"),
        scrub.body(json.dumps({"outer": [{name: value}]}), "application/json", "b"),
        scrub.header("X-API-Key", value),
        scrub.header("Authorization", "Basic " + base64.b64encode(f"u:{value}".encode()).decode()),
    ]
    for shown in shapes:
        assert value not in shown, shown


def test_a_pem_private_key_in_a_body_is_a_secret() -> None:
    body = (
        "key:\n-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBase64Body\nMoreBase64Lines\n"
        "-----END EC PRIVATE KEY-----\n"
        "-----BEGIN PUBLIC KEY-----\nPubBody\n-----END PUBLIC KEY-----"
    )
    scrub = Scrubber(redact=False)
    shown = scrub.body(body, "text/plain", "response body")
    assert "MHcCAQEEIBase64Body" not in shown and "MoreBase64Lines" not in shown
    assert "-----BEGIN EC PRIVATE KEY-----\n(secret " in shown and "PubBody" in shown
    assert ("response body private key", S) in _hidden(scrub)
    assert scrub.body("-----BEGIN PRIVATE KEY-----", "", "b") == "-----BEGIN PRIVATE KEY-----"


def test_json_headers_echoed_in_a_body_are_read_as_headers() -> None:
    basic = base64.b64encode(b"u:echoed-pw").decode()
    echo = {"headers": {"Authorization": f"Basic {basic}", "Cookie": "sid=c-1234567"}}
    scrub = Scrubber(redact=False)
    shown = json.loads(scrub.body(json.dumps(echo), "application/json", "response body"))
    assert shown["headers"]["Authorization"] == f"Basic u:{fingerprint('echoed-pw')}"
    assert shown["headers"]["Cookie"] == "sid=c-1234567"  # a credential: shown with no-redact
    assert Scrubber().body(json.dumps(echo), "", "b").count("c-1234567") == 0


def test_a_signed_url_inside_a_json_body_is_scrubbed() -> None:
    scrub = Scrubber()
    body = json.dumps({"links": [{"href": "https://b.test/f?sv=1&sig=bodySig-77"}], "n": "a?b"})
    shown = json.loads(scrub.body(body, "application/json", "response body"))
    assert shown["links"][0]["href"] == f"https://b.test/f?sv=1&sig={fingerprint('bodySig-77')}"
    assert shown["n"] == "a?b"
    assert ("query sig", S) in _hidden(scrub)
