"""The scrubber, by field: every kind of secret and credential, in every format.

One table. Each row is a paste, the values it carries with their tier, the
redactions the report must list, and what must stay visible. Secrets never reach
any format (text, Markdown, JSON, nor the report object), redacted or not, and
show as their fingerprint; credentials are hidden by default and whole with
``--no-redact``.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass

import jwt
import pytest

from authtui.core.diagnose import diagnose
from authtui.core.model import Redaction, Report, Tier
from authtui.core.options import Options
from authtui.core.render import FORMATS, render
from authtui.core.safety.secrets import fingerprint

NOW = 1735689600
S, C = Tier.SECRET, Tier.CREDENTIAL
CHALLENGE = '\r\nHTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="api"\r\n\r\n'
TOKEN = jwt.encode({"sub": "alice", "exp": NOW + 600}, "k" * 32, "HS256")
ASSERTION = jwt.encode({"iss": "client-7", "aud": "https://as"}, "a" * 32, "HS256")
ID_TOKEN = jwt.encode({"sub": "alice", "nonce": "n-1"}, "i" * 32, "HS256")


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def request(lines: str, body: str = "", line: str = "GET /orders HTTP/1.1") -> str:
    head = f"{line}\r\nHost: api.test\r\n{lines}"
    return head + ("\r\n\r\n" + body + "\r\n" if body else "") + CHALLENGE


@dataclass(frozen=True)
class Row:
    name: str
    paste: str
    hidden: tuple[tuple[str, Tier], ...]
    """Values that must not show, each with its tier."""
    where: tuple[tuple[str, Tier], ...] = ()
    """Entries ``Report.redactions`` must hold."""
    visible: tuple[str, ...] = ()
    """What stays visible in the JSON report or its exchange (names, scopes, the user)."""


SIGV4 = (
    "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request, "
    "SignedHeaders=host;x-amz-date, "
    "Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"
)
SAS = "sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-01-02T00:00:00Z&sig=Xy7Qk%2BzR2mN9pL0aB4cD5eF6gH8%3D"
HAR = json.dumps(
    {
        "log": {
            "entries": [
                {
                    "startedDateTime": "2025-01-01T00:00:00Z",
                    "request": {
                        "method": "GET",
                        "url": "https://acct.blob.core.windows.net/c/b.txt?" + SAS,
                        "headers": [{"name": "X-Api-Key", "value": "harApiKey-77f1"}],
                        "httpVersion": "HTTP/1.1",
                    },
                    "response": {
                        "status": 403,
                        "statusText": "Forbidden",
                        "headers": [],
                        "content": {"text": ""},
                    },
                }
            ]
        }
    }
)
MULTIPART = (
    "--XyZb\r\n"
    'Content-Disposition: form-data; name="username"\r\n\r\nalice\r\n'
    "--XyZb\r\n"
    'Content-Disposition: form-data; name="password"\r\n\r\nmultiPw-5521\r\n'
    "--XyZb--"
)

ROWS = [
    Row(
        "bearer token",
        request(f"Authorization: Bearer {TOKEN}"),
        ((TOKEN, C), (TOKEN.rsplit(".", 1)[1], C)),
        (("header Authorization", C),),
    ),
    Row(
        "basic user:password, extra word",
        request(f"Authorization: Basic {b64('alice:Basic-pw-9173')} extra"),
        (("Basic-pw-9173", S), (b64("alice:Basic-pw-9173"), S)),
        (("header Authorization password", S),),
        ("alice",),
    ),
    Row(
        "basic without a colon",
        request(f"Authorization: Basic {b64('apikeyNoColon4411')}"),
        (("apikeyNoColon4411", S), (b64("apikeyNoColon4411"), S)),
        (("header Authorization", S),),
    ),
    Row(
        "basic, short password",
        request(f"Proxy-Authorization: Basic {b64('bob:Zq!')}"),
        (("Zq!", S), (b64("bob:Zq!"), S)),
        (("header Proxy-Authorization password", S),),
    ),
    Row(
        "url userinfo, short password",
        request("", line="GET https://bob:Wv%217@api.test/orders HTTP/1.1"),
        (("Wv%217", S), ("Wv!7", S)),
        (("url password", S),),
    ),
    Row(
        "digest response",
        request(
            'Authorization: Digest username="bob", realm="r", nonce="n", uri="/", '
            'response="6629fae49393a05397450978507c4ef1"'
        ),
        (("6629fae49393a05397450978507c4ef1", S),),
        (("header Authorization response", S),),
        ('username=\\"bob\\"',),
    ),
    Row(
        "sigv4 authorization",
        request(f"Authorization: {SIGV4}\r\nX-Amz-Date: 20250101T000000Z"),
        (("fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024", S),),
        (("header Authorization Signature", S),),
        ("Credential=AKIDEXAMPLE/20250101/us-east-1/s3/aws4_request", "host;x-amz-date"),
    ),
    Row(
        "sigv4 presigned url",
        request(
            "",
            line="GET /b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIDEXAMPLE%2F20250101%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20250101T000000Z&X-Amz-SignedHeaders=host"
            "&X-Amz-Security-Token=FwoGZXIvYXdzEBYaDSessionTok3n"
            "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
            " HTTP/1.1",
        ),
        (
            ("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404", S),
            ("FwoGZXIvYXdzEBYaDSessionTok3n", C),
        ),
        (("query X-Amz-Signature", S), ("query X-Amz-Security-Token", C)),
        ("X-Amz-Credential=AKIDEXAMPLE", "X-Amz-Date=20250101T000000Z"),
    ),
    Row(
        "azure sas in a HAR",
        HAR,
        (("Xy7Qk%2BzR2mN9pL0aB4cD5eF6gH8%3D", S), ("Xy7Qk+zR2mN9pL0aB4cD5eF6gH8=", S)),
        (("query sig", S), ("header X-Api-Key", S)),
        ("sv=2022-11-02", "se=2025-01-02T00:00:00Z"),
    ),
    Row(
        "api key headers",
        request(
            "X-API-Key: xak-1111aaaa\r\nApi-Key: ak-2222bbbb\r\n"
            "Ocp-Apim-Subscription-Key: 3333cccc3333\r\nX-Goog-Api-Key: AIza4444dddd\r\n"
            "PRIVATE-TOKEN: glpat-5555eeee"
        ),
        (
            ("xak-1111aaaa", S),
            ("ak-2222bbbb", S),
            ("3333cccc3333", S),
            ("AIza4444dddd", S),
            ("glpat-5555eeee", S),
        ),
        (
            ("header X-API-Key", S),
            ("header Api-Key", S),
            ("header Ocp-Apim-Subscription-Key", S),
            ("header X-Goog-Api-Key", S),
            ("header PRIVATE-TOKEN", S),
        ),
    ),
    Row(
        "api keys in the query",
        request("", line="GET /v1?api_key=qk-6666&apikey=qk-7777&key=qk88&q=shoes HTTP/1.1"),
        (("qk-6666", S), ("qk-7777", S), ("qk88", S)),
        (("query api_key", S), ("query apikey", S), ("query key", S)),
        ("q=shoes",),
    ),
    Row(
        "client secret in the query",
        request("", line="GET /token?client_id=app&client_secret=cs-Url-99 HTTP/1.1"),
        (("cs-Url-99", S),),
        (("query client_secret", S),),
        ("client_id=app",),
    ),
    Row(
        "form body",
        request(
            "Content-Type: application/x-www-form-urlencoded",
            "grant_type=password&username=alice&password=fPw1&client_secret=fcs-4242"
            f"&refresh_token=rt-form-9876543&client_assertion={ASSERTION}",
            line="POST /token HTTP/1.1",
        ),
        (("fPw1", S), ("fcs-4242", S), ("rt-form-9876543", C), (ASSERTION, C)),
        (
            ("form password", S),
            ("form client_secret", S),
            ("form refresh_token", C),
            ("form client_assertion", C),
        ),
        ("grant_type=password",),
    ),
    Row(
        "multipart body",
        request(
            "Content-Type: multipart/form-data; boundary=XyZb",
            MULTIPART,
            line="POST /login HTTP/1.1",
        ),
        (("multiPw-5521", S),),
        (("form password", S),),
    ),
    Row(
        "json bodies at any depth",
        request(
            "Content-Type: application/json",
            json.dumps({"user": {"password": "jPw7", "private_key": "-----BEGIN PRIV-3131"}}),
            line="POST /login HTTP/1.1",
        ).replace(
            'Bearer realm="api"\r\n\r\n',
            'Bearer realm="api"\r\nContent-Type: application/json\r\n\r\n'
            + json.dumps(
                {
                    "access_token": "at-json-55555555",
                    "token_type": "Bearer",
                    "refresh_token": "rt-json-66666666",
                    "id_token": ID_TOKEN,
                    "data": {"client_secret": "jcs-7070", "keys": [{"kty": "oct", "k": "jwkK"}]},
                }
            ),
        ),
        (
            ("jPw7", S),
            ("-----BEGIN PRIV-3131", S),
            ("at-json-55555555", C),
            ("rt-json-66666666", C),
            (ID_TOKEN, C),
            ("jcs-7070", S),
            ("jwkK", S),
        ),
        (
            ("request body user.password", S),
            ("request body user.private_key", S),
            ("response body access_token", C),
            ("response body id_token", C),
            ("response body data.client_secret", S),
            ("response body data.keys[].k", S),
        ),
        ('\\"token_type\\": \\"Bearer\\"',),
    ),
    Row(
        "cookies and set-cookie",
        request("Cookie: theme=dark; SESSIONID=ck-sess-123456").replace(
            'Bearer realm="api"\r\n',
            'Bearer realm="api"\r\nSet-Cookie: sid=sc-new-7654321; Path=/; HttpOnly\r\n',
        ),
        (("ck-sess-123456", C), ("sc-new-7654321", C)),
        (("header Cookie SESSIONID", C), ("header Set-Cookie sid", C)),
        ("Path=/; HttpOnly",),
    ),
    Row(
        "session token header",
        request("X-Amz-Security-Token: IQoJb3JpZ2luSessTok"),
        (("IQoJb3JpZ2luSessTok", C),),
        (("header X-Amz-Security-Token", C),),
    ),
    Row(
        "names never seen",
        request(
            "X-Partner-Password: pp-81\r\nX-Webhook-Signature: whsig-8282\r\n"
            "X-Acme-Client-Secret: acs-8383\r\nX-Session-Token: st-84848484\r\n"
            "Idempotency-Key: idem-visible-1"
        ),
        (("pp-81", S), ("whsig-8282", S), ("acs-8383", S), ("st-84848484", C)),
        (
            ("header X-Partner-Password", S),
            ("header X-Webhook-Signature", S),
            ("header X-Acme-Client-Secret", S),
            ("header X-Session-Token", C),
        ),
        ("idem-visible-1",),
    ),
    Row(
        "api key schemes",
        request("Authorization: ApiKey schemeKey-9090\r\nX-Authorization: SSWS ssws-9191x"),
        (("schemeKey-9090", S), ("ssws-9191x", S)),
        (("header Authorization", S), ("header X-Authorization", S)),
    ),
    Row(
        "tokens in the query and fragment",
        request(
            "", line=f"GET /cb?access_token=qat-12345678#id_token={ID_TOKEN}&state=s1 HTTP/1.1"
        ),
        (("qat-12345678", C), (ID_TOKEN, C)),
        (("query access_token", C), ("fragment id_token", C)),
        ("state=s1",),
    ),
    Row(
        "signed url in a response header",
        request("").replace(
            'Bearer realm="api"\r\n',
            'Bearer realm="api"\r\nLocation: https://cdn.test/f?Expires=1&Signature=LocSig-4545\r\n',
        ),
        (("LocSig-4545", S),),
        (("query Signature", S),),
        ("Expires=1",),
    ),
    Row(
        "curl -u",
        "curl -v -u carol:cUpw https://api.test/orders\n"
        '< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm="api"\n<\n',
        (("cUpw", S), (b64("carol:cUpw"), S)),
        (("header Authorization password", S),),
        ("carol",),
    ),
]


def outputs(report: Report) -> dict[str, str]:
    """Every format, and the report object itself (what a front end could show)."""
    out = {fmt: render(report, fmt) for fmt in FORMATS}
    out["text, colour"] = render(report, "text", color=True)
    out["report"] = repr(report)
    return out


def everything(report: Report) -> str:
    return "\n".join(outputs(report).values())


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_redacted_nothing_shows(row: Row) -> None:
    report = diagnose(row.paste, Options(now=NOW))
    assert report.redacted
    for fmt, text in outputs(report).items():
        for value, _tier in row.hidden:
            assert value not in text, (fmt, value)


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_secrets_hidden_even_with_no_redact(row: Row) -> None:
    report = diagnose(row.paste, Options(now=NOW, redact=False))
    shown = everything(report)
    for value, tier in row.hidden:
        if tier is S:
            assert value not in shown, value
        else:
            assert value in shown, value


@pytest.mark.parametrize("row", ROWS, ids=[r.name for r in ROWS])
def test_redactions_name_each_field_with_its_tier(row: Row) -> None:
    report = diagnose(row.paste, Options(now=NOW))
    for where, tier in row.where:
        assert Redaction(where, tier) in report.redactions, (where, report.redactions)
    listed = json.loads(render(report, "json"))["redactions"]
    assert all(set(item) == {"where", "tier"} for item in listed)
    assert len(listed) == len({(i["where"], i["tier"]) for i in listed})
    for value, _tier in row.hidden:
        assert all(value not in item["where"] for item in listed)
    whole = diagnose(row.paste, Options(now=NOW, redact=False))
    assert {r.tier for r in whole.redactions} <= {S}
    for where, tier in row.where:
        assert (Redaction(where, tier) in whole.redactions) == (tier is S)


@pytest.mark.parametrize("row", [r for r in ROWS if r.visible], ids=lambda r: r.name)
def test_what_is_not_secret_stays_visible(row: Row) -> None:
    report = diagnose(row.paste, Options(now=NOW))
    shown = render(report, "json") + repr(report.exchange).replace('"', '\\"')
    for text in row.visible:
        assert text in shown, text


_FINGERPRINT = re.compile(r"\(secret (\d+) chars sha256:([0-9a-f]{8})\)")


def test_secrets_show_as_their_fingerprint() -> None:
    report = diagnose(
        request("X-API-Key: fp-secret-1\r\nX-Goog-Api-Key: fp-secret-1"), Options(now=NOW)
    )
    headers = json.loads(render(report, "json"))["exchange"]["request"]["headers"]
    shown = dict(headers)
    assert shown["X-API-Key"] == shown["X-Goog-Api-Key"] == str(fingerprint("fp-secret-1"))
    found = _FINGERPRINT.fullmatch(shown["X-API-Key"])
    assert found and found.group(1) == str(len("fp-secret-1"))


def test_fingerprints_are_stable_and_equal_for_equal_secrets() -> None:
    assert fingerprint("hunter2") == fingerprint("hunter2")
    assert str(fingerprint("hunter2")) == "(secret 7 chars sha256:f52fbd32)"
    assert fingerprint("hunter2") != fingerprint("hunter3")
    assert fingerprint(b"\x00\xff").unit == "bytes"
    # The same secret in a form, a Basic password and a URL (percent-encoded) compares equal.
    secret = "same s3cret!"
    pastes = [
        request(
            "Content-Type: application/x-www-form-urlencoded",
            "client_secret=same+s3cret%21",
            line="POST /token HTTP/1.1",
        ),
        request(f"Authorization: Basic {b64('app:' + secret)}"),
        request("", line="GET /x?client_secret=same%20s3cret%21 HTTP/1.1"),
    ]
    for paste in pastes:
        assert str(fingerprint(secret)) in everything(diagnose(paste, Options(now=NOW))), paste


def test_checks_quote_fields_scrubbed() -> None:
    """Evidence is built from the scrubbed field: a short secret in a header a check
    quotes (a token header the server ignores) never shows, nor does a short token."""
    paste = request("X-Access-Token: ab12", line="GET /x?access_token=zz9 HTTP/1.1")
    report = diagnose(paste, Options(now=NOW))
    quoted = [f.evidence for f in report.findings if f.code == "authz.wrong_header"]
    assert quoted and all("ab12" not in e and "zz9" not in e for e in quoted)
    short_pw = diagnose(request(f"Authorization: Basic {b64('al:Qx')}"), Options(now=NOW))
    basic = next(f for f in short_pw.findings if f.code == "authz.basic")
    assert "Qx" not in basic.evidence and str(fingerprint("Qx")) in basic.evidence
    assert "'al'" in basic.title


def test_colon_less_basic_is_not_shown_as_a_user() -> None:
    report = diagnose(request(f"Authorization: Basic {b64('justanapikey')}"), Options(now=NOW))
    basic = next(f for f in report.findings if f.code == "authz.basic")
    assert "justanapikey" not in everything(report)
    assert basic.title == "Basic credentials"


def test_hmac_secret_and_private_keys_are_listed_and_never_shown() -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    from authtui.core.options import KeyInput, Secret

    pem = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )
    jwk = {"kty": "oct", "k": "c3ltbWV0cmljLWtleS1ieXRlcy0xMjM0", "kid": "k1"}
    body = f"debug dump:\n{pem}\n{json.dumps(jwk)}"
    paste = request(f"Authorization: Bearer {TOKEN}").rstrip("\r\n") + "\r\n\r\n" + body
    options = Options(
        now=NOW,
        redact=False,
        secret=Secret(b"hmac-secret-value-0123456789abcdef"),
        keys=(KeyInput("signer.pem", pem.encode()), KeyInput("oct.json", json.dumps(jwk).encode())),
    )
    report = diagnose(paste, options)
    assert {Redaction("HMAC secret", S), Redaction("key signer.pem", S)} <= set(report.redactions)
    assert Redaction("key oct.json k", S) in report.redactions
    shown = everything(report)
    assert "hmac-secret-value-0123456789abcdef" not in shown
    assert jwk["k"] not in shown
    body_lines = [line for line in pem.splitlines() if "-----" not in line and len(line) >= 16]
    assert body_lines and all(line not in shown for line in body_lines)


@pytest.mark.parametrize(
    "token",
    ["xyz9", "ghp_Qm7", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0K$$$Qmid.c2lnbmF0dXJl"],
    ids=["short opaque", "short named", "malformed jwt"],
)
def test_a_short_or_broken_token_is_never_quoted_whole(token: str) -> None:
    paste = request(f"Authorization: Bearer {token}")
    middle = token[len(token) // 2 - 3 : len(token) // 2 + 3]
    for fmt, text in outputs(diagnose(paste, Options(now=NOW))).items():
        assert token not in text, fmt
        if len(token) > 20:
            assert middle not in text, fmt
    assert token in render(diagnose(paste, Options(now=NOW, redact=False)), "json")
