"""Redaction: tokens hidden by default, passwords and secrets always, words left alone."""

from __future__ import annotations

import base64

import jwt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from authtui.core.diagnose import diagnose
from authtui.core.model import Report, Tier
from authtui.core.options import Options, Secret
from authtui.core.render import FORMATS, render
from authtui.core.safety.backstop import Backstop
from authtui.core.safety.secrets import Scrubber, fingerprint, redacted_form

NOW = 1735689600
SECRET = b"topsecret-hmac-key-0123456789abcdefXYZ"
TOKEN = jwt.encode(
    {"sub": "alice", "exp": NOW + 3600, "scope": "read", "iat": NOW - 60}, SECRET, "HS256"
)
BASIC_USER, BASIC_PASSWORD = "alice", "s3cretPass"
BASIC_B64 = base64.b64encode(f"{BASIC_USER}:{BASIC_PASSWORD}".encode()).decode()

CHALLENGE = '\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n\n'


def renders(report: Report) -> dict[str, str]:
    out = {fmt: render(report, fmt) for fmt in FORMATS}
    out["repr"] = repr(report)
    return out


def bearer_paste(token: str = TOKEN) -> str:
    return f"GET /orders HTTP/1.1\nHost: api.test\nAuthorization: Bearer {token}\n" + CHALLENGE


def basic_paste(field: str = "Authorization") -> str:
    return f"GET /orders HTTP/1.1\nHost: api.test\n{field}: Basic {BASIC_B64}\n" + CHALLENGE


# --- tokens: redacted by default, whole on request ---------------------------------------


def test_token_redacted_by_default_everywhere() -> None:
    report = diagnose(bearer_paste(), Options(now=NOW))
    signature = TOKEN.rsplit(".", 1)[1]
    for fmt, text in renders(report).items():
        assert TOKEN not in text, fmt
        assert signature not in text, fmt
    assert report.redacted
    assert report.credentials is not None
    assert report.credentials.token68 == redacted_form(TOKEN)


def test_token_whole_with_redact_off() -> None:
    report = diagnose(bearer_paste(), Options(now=NOW, redact=False))
    assert not report.redacted
    assert report.credentials is not None and report.credentials.token68 == TOKEN
    for fmt in ("json",):
        assert TOKEN in render(report, fmt)
    assert "do not paste this into a ticket" in render(report, "text")


def test_claims_are_not_redacted() -> None:
    report = diagnose(bearer_paste(), Options(now=NOW))
    assert report.token is not None and report.token.claims is not None
    assert report.token.claims["sub"] == "alice"


@pytest.mark.parametrize(
    ("label", "text", "options", "needle"),
    [
        ("token pane", CHALLENGE, {"token": TOKEN}, TOKEN),
        ("bare token in the paste", TOKEN, {}, TOKEN),
        (
            "custom header",
            "GET / HTTP/1.1\nX-Access-Token: opaque-token-value-12345\n" + CHALLENGE,
            {},
            "opaque-token-value-12345",
        ),
        (
            "query string",
            "GET /u?access_token=opaque-token-value-12345 HTTP/1.1\nHost: a\n" + CHALLENGE,
            {},
            "opaque-token-value-12345",
        ),
        (
            "cookie",
            "GET / HTTP/1.1\nHost: a\nCookie: theme=dark; session=cookie-session-value-987\n"
            + CHALLENGE,
            {},
            "cookie-session-value-987",
        ),
        (
            "DPoP proof",
            f"GET / HTTP/1.1\nHost: a\nAuthorization: DPoP {TOKEN}\nDPoP: "
            + jwt.encode({"htm": "GET", "jti": "p"}, "p" * 32, "HS256", headers={"typ": "dpop+jwt"})
            + "\n"
            + CHALLENGE,
            {},
            jwt.encode({"htm": "GET", "jti": "p"}, "p" * 32, "HS256", headers={"typ": "dpop+jwt"}),
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "",
)
def test_every_credential_place_is_redacted(
    label: str, text: str, options: dict[str, object], needle: str
) -> None:
    report = diagnose(text, Options(now=NOW, **options))  # type: ignore[arg-type]
    for fmt, out in renders(report).items():
        assert needle not in out, (label, fmt)
    shown = diagnose(text, Options(now=NOW, redact=False, **options))  # type: ignore[arg-type]
    assert needle in render(shown, "json"), label


# --- passwords and secrets: never, redacted or not ---------------------------------------


@pytest.mark.parametrize("redact", [True, False])
@pytest.mark.parametrize("field", ["Authorization", "Proxy-Authorization"])
def test_basic_password_never_appears(redact: bool, field: str) -> None:
    report = diagnose(basic_paste(field), Options(now=NOW, redact=redact))
    for fmt, out in renders(report).items():
        assert BASIC_PASSWORD not in out, fmt
        assert BASIC_B64 not in out, fmt
        assert BASIC_B64.rstrip("=") not in out, fmt
        assert f"{BASIC_USER}:{BASIC_PASSWORD}" not in out, fmt


def test_basic_user_is_still_shown() -> None:
    report = diagnose(basic_paste(), Options(now=NOW, redact=False))
    assert "'alice'" in render(report, "text")
    assert str(fingerprint(BASIC_PASSWORD)) in render(report, "json")


@pytest.mark.parametrize("redact", [True, False])
def test_curl_transcript_with_basic_never_shows_the_password(redact: bool) -> None:
    text = (
        "> GET /orders HTTP/1.1\n> Host: api.test\n"
        f"> Authorization: Basic {BASIC_B64}\n>\n"
        '< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer realm="api"\n<\n'
    )
    report = diagnose(text, Options(now=NOW, redact=redact))
    assert report.credentials is not None
    for fmt, out in renders(report).items():
        assert BASIC_PASSWORD not in out and BASIC_B64 not in out, fmt


@pytest.mark.parametrize("redact", [True, False])
def test_password_in_url_userinfo_never_appears(redact: bool) -> None:
    text = f"GET https://{BASIC_USER}:{BASIC_PASSWORD}@api.test/orders HTTP/1.1\nHost: api.test\n"
    report = diagnose(text + CHALLENGE, Options(now=NOW, redact=redact))
    for fmt, out in renders(report).items():
        assert BASIC_PASSWORD not in out, fmt


@pytest.mark.parametrize("redact", [True, False])
def test_hmac_secret_never_appears(redact: bool) -> None:
    body_echo = f"debug: key={SECRET.decode()} b64={base64.b64encode(SECRET).decode()}"
    text = bearer_paste().rstrip("\n") + "\n\n" + body_echo
    report = diagnose(text, Options(now=NOW, redact=redact, secret=Secret(SECRET)))
    assert report.signature.value == "valid"
    for fmt, out in renders(report).items():
        assert SECRET.decode() not in out, fmt
        assert base64.b64encode(SECRET).decode() not in out, fmt


def test_digest_response_redacted_by_default() -> None:
    text = (
        'GET / HTTP/1.1\nHost: a\nAuthorization: Digest username="bob", realm="r", '
        'nonce="n", uri="/", response="6629fae49393a05397450978507c4ef1"\n' + CHALLENGE
    )
    report = diagnose(text, Options(now=NOW))
    for fmt, out in renders(report).items():
        assert "6629fae49393a05397450978507c4ef1" not in out, fmt


# --- ordinary words are not mangled -------------------------------------------------------


def test_ordinary_words_survive() -> None:
    report = diagnose(bearer_paste("abc"), Options(now=NOW))
    text = render(report, "text")
    assert "Bearer" in text and "Unauthorized" in text
    # The short token is cut where its field is quoted (contract: credentials are cut
    # to a prefix), and nowhere else: no word is hunted for its text.
    cut = [line for line in text.splitlines() if "(redacted)" in line]
    assert cut and all("Authorization header: …(redacted)" in line for line in cut)


def test_short_basic_user_is_not_hunted_everywhere() -> None:
    report = diagnose(basic_paste(), Options(now=NOW))
    text = render(report, "text")
    assert "alice" in text
    assert "orders" in render(report, "json")


def test_redacted_form_keeps_a_short_prefix() -> None:
    assert (
        redacted_form("eyJhbGciOiJIUzI1NiJ9.payload-segment.signature") == "eyJhbGciOi…(redacted)"
    )
    assert redacted_form("abcdefgh") == "ab…(redacted)"
    assert redacted_form("") == "…(redacted)"


def test_backstop_longest_first_and_short_values_left() -> None:
    hidden = {
        "pw": str(fingerprint("pw")),
        "aaa.bbb.signature": redacted_form("aaa.bbb.signature"),
        "signature": redacted_form("signature"),
    }
    search = Backstop(hidden)
    assert search("x aaa.bbb.signature y") == "x aaa.…(redacted) y"
    assert search("a signature here") == "a si…(redacted) here"
    assert search("pw stays: too short to hunt") == "pw stays: too short to hunt"


def test_scrubber_redact_off_still_hides_secrets() -> None:
    scrub = Scrubber(redact=False)
    assert scrub.hide("form password", "hunter22", Tier.SECRET) == str(fingerprint("hunter22"))
    assert scrub.hide("header X-Token", "tokentoken", Tier.CREDENTIAL) == "tokentoken"
    assert [r.where for r in scrub.redactions] == ["form password"]


def test_backstop_walks_nested_values() -> None:
    shown = str(fingerprint("hunter22"))
    search = Backstop({"hunter22": shown})
    value = {"k": ["hunter22", ("x hunter22",)], "n": 3, "b": b"hunter22"}
    assert search.walk(value) == {"k": [shown, (f"x {shown}",)], "n": 3, "b": b"hunter22"}


@settings(max_examples=150, deadline=None)
@given(
    secret=st.text(alphabet=st.characters(blacklist_characters="()…"), min_size=4, max_size=20),
    before=st.text(max_size=30),
    after=st.text(max_size=30),
)
def test_backstop_never_lets_a_secret_through(secret: str, before: str, after: str) -> None:
    shown = str(fingerprint(secret))
    out = Backstop({secret: shown})(before + secret + after)
    assert secret not in out or secret in shown


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_diagnose_any_text_keeps_basic_password_out(noise: str) -> None:
    report = diagnose(basic_paste() + noise, Options(now=NOW, redact=False))
    for out in renders(report).values():
        assert BASIC_PASSWORD not in out
