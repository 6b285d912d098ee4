"""The diagnosis's caches never serve an old answer: a changed input gets a new one.

The TUI re-diagnoses at every keystroke with the same paste and key, so what depends
only on them is read once (bounded caches, keyed on values, never on ``id()``). Each
test here changes one input between two diagnoses (or two calls) and checks the
answer against one computed with every cache empty.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from authtui.core.diagnose import diagnose, diagnose_paste
from authtui.core.model import ExchangeKey, Header, Report, Tier
from authtui.core.options import KeyInput, Options
from authtui.core.read.paste import read_paste
from authtui.core.render import render
from authtui.core.safety import backstop
from authtui.core.safety.backstop import Backstop
from authtui.core.safety.secrets import Scrubber

NOW = 1_750_000_000
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
TOKEN = jwt.encode(
    {"sub": "alice", "aud": "https://api.test", "exp": NOW + 600, "iat": NOW - 60},
    KEY,
    "RS256",
    headers={"kid": "k1"},
)


def paste(body: str = '{"error":"invalid_token","error_description":"token expired"}') -> str:
    return (
        "GET /orders?api_key=abcdef123456 HTTP/1.1\r\nHost: api.test\r\n"
        "Cookie: session=0123456789abcdef\r\n\r\n"
        "HTTP/1.1 401 Unauthorized\r\n"
        'WWW-Authenticate: Bearer realm="api", error="invalid_token"\r\n'
        "Content-Type: application/json\r\n\r\n"
        f"{body}\r\n"
    )


def clear_caches() -> None:
    """Empty every bounded cache of the core (those keyed on inputs)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("authtui.core"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and info().maxsize is not None:
                value.cache_clear()


def shown(report: Report) -> str:
    """Every rendering, and the repr: it has the spans that no rendering shows (the TUI
    highlights them)."""
    return "".join(render(report, fmt) for fmt in ("json", "text", "markdown")) + repr(report)


def cold(run: Callable[[], Report]) -> str:
    clear_caches()
    return shown(run())


@pytest.fixture(autouse=True)
def _empty_caches() -> Iterator[None]:
    clear_caches()
    yield
    clear_caches()


# --- what is read from the exchange (diagnose._kept) -----------------------------


def test_a_changed_body_gets_its_own_server_words() -> None:
    options = Options(now=NOW, device_now=NOW, token=TOKEN)
    expired = read_paste(paste())
    audience = read_paste(paste('{"error":"invalid_token","error_description":"bad audience"}'))
    first = diagnose_paste(expired, options)
    second = diagnose_paste(audience, options)
    assert {f.code for f in first.findings} != {f.code for f in second.findings}
    assert shown(second) == cold(lambda: diagnose_paste(audience, options))
    assert shown(diagnose_paste(expired, options)) == cold(lambda: diagnose_paste(expired, options))


def test_the_same_exchange_read_elsewhere_in_a_paste_gets_its_own_places() -> None:
    """Exchanges equal by value (spans are left out of their equality) but read from
    other lines: every source span is the new paste's."""
    options = Options(now=NOW, device_now=NOW, token=TOKEN)
    here, lower = read_paste(paste()), read_paste("\n\n\n" + paste())
    assert here.exchanges[0] == lower.exchanges[0]
    keys = ExchangeKey.of(here.exchanges[0]), ExchangeKey.of(lower.exchanges[0])
    assert keys[0] is not None and keys[0] != keys[1]
    first = diagnose_paste(here, options)
    second = diagnose_paste(lower, options)
    lines = [f.source.paste.line for f in second.findings if f.source and f.source.paste]
    assert lines and lines != [
        f.source.paste.line for f in first.findings if f.source and f.source.paste
    ]
    assert shown(second) == cold(lambda: diagnose_paste(lower, options))


def test_the_front_end_that_asks_gets_its_own_advice() -> None:
    """The server's words are read once per exchange and front end: their advice names
    the controls of the front end that asks."""
    pasted = read_paste(paste('{"error":"invalid_token","error_description":"bad audience"}'))
    cli = diagnose_paste(pasted, Options(now=NOW, device_now=NOW, token=TOKEN))
    tui = diagnose_paste(pasted, Options(now=NOW, device_now=NOW, token=TOKEN, front="tui"))

    def server_fix(report: Report) -> str:
        return " ".join(f.fix for f in report.findings if f.code.startswith("server."))

    assert "--aud" in server_fix(cli)
    assert "Settings › Expected audience" in server_fix(tui)
    assert shown(tui) == cold(
        lambda: diagnose_paste(pasted, Options(now=NOW, device_now=NOW, token=TOKEN, front="tui"))
    )


# --- the scrubbed exchange (secrets._scrubbed_exchange) -------------------------------------


def test_a_changed_secret_in_the_exchange_is_hidden_as_itself() -> None:
    one = diagnose(paste(), Options(now=NOW, device_now=NOW))
    other_text = paste().replace("0123456789abcdef", "fedcba9876543210")
    other = diagnose(other_text, Options(now=NOW, device_now=NOW))
    assert shown(one) != shown(other)
    assert shown(other) == cold(lambda: diagnose(other_text, Options(now=NOW, device_now=NOW)))
    assert one.redactions == other.redactions


def test_redaction_off_is_not_served_the_redacted_exchange() -> None:
    token_paste = paste().replace(
        "Host: api.test", f"Host: api.test\r\nAuthorization: Bearer {TOKEN}"
    )
    redacted = diagnose(token_paste, Options(now=NOW, device_now=NOW))
    whole = diagnose(token_paste, Options(now=NOW, device_now=NOW, redact=False))
    assert TOKEN not in render(redacted, "json")
    assert TOKEN in render(whole, "json")
    assert shown(whole) == cold(
        lambda: diagnose(token_paste, Options(now=NOW, device_now=NOW, redact=False))
    )


def test_a_fresh_scrubber_takes_up_all_that_scrubbing_the_exchange_hid() -> None:
    exchange = read_paste(paste()).exchanges[0]
    clear_caches()
    cold_scrub = Scrubber()
    cold_exchange = cold_scrub.exchange(exchange)
    warm_scrub = Scrubber()
    assert warm_scrub.exchange(exchange) == cold_exchange
    assert warm_scrub.redactions == cold_scrub.redactions
    assert warm_scrub.needles() == cold_scrub.needles()
    assert cold_scrub.redactions  # the cookie and the api_key


def test_a_scrubber_that_hid_something_already_scrubs_the_exchange_itself() -> None:
    exchange = read_paste(paste()).exchanges[0]

    def used() -> Scrubber:
        scrub = Scrubber()
        scrub.hide("header X-Other", "other-secret-value", Tier.SECRET)
        return scrub

    clear_caches()
    cold_scrub = used()
    cold_exchange = cold_scrub.exchange(exchange)
    Scrubber().exchange(exchange)  # the cache now holds this exchange
    warm_scrub = used()
    assert warm_scrub.exchange(exchange) == cold_exchange
    assert warm_scrub.redactions == cold_scrub.redactions
    assert warm_scrub.redactions[0].where == "header X-Other"
    assert warm_scrub.needles() == cold_scrub.needles()


# --- a key file's private material (redact._key_material) -----------------------------------


def _jwks(key: rsa.RSAPrivateKey, kid: str) -> bytes:
    jwk = json.loads(RSAAlgorithm.to_jwk(key))
    return json.dumps({"keys": [{**jwk, "kid": kid}]}).encode()


def test_a_changed_key_file_gets_its_own_needles() -> None:
    """A private JWK's members are hunted in the report; another key's, once changed."""
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    first_d = json.loads(RSAAlgorithm.to_jwk(KEY))["d"]
    second_d = json.loads(RSAAlgorithm.to_jwk(other))["d"]
    body = json.dumps({"debug": f"key d={first_d} or d={second_d}"})
    text = paste(body)
    a = Options(
        now=NOW, device_now=NOW, token=TOKEN, keys=(KeyInput("key.json", _jwks(KEY, "k1")),)
    )
    b = replace(a, keys=(KeyInput("key.json", _jwks(other, "k1")),))
    one, two = diagnose(text, a), diagnose(text, b)
    assert first_d not in shown(one) and second_d in shown(one)
    assert second_d not in shown(two) and first_d in shown(two)
    assert shown(two) == cold(lambda: diagnose(text, b))


def test_a_key_renamed_is_listed_under_its_new_name() -> None:
    pem = KEY.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    a = Options(now=NOW, device_now=NOW, token=TOKEN, keys=(KeyInput("old.pem", pem),))
    b = replace(a, keys=(KeyInput("new.pem", pem),))
    first, second = diagnose(paste(), a), diagnose(paste(), b)
    assert "key old.pem" in [r.where for r in first.redactions]
    assert "key new.pem" in [r.where for r in second.redactions]
    assert "key old.pem" not in [r.where for r in second.redactions]


# --- the backstop's look over headers --------------------------------------------------------


def test_headers_are_searched_only_where_a_needle_is() -> None:
    headers = (Header("X-A", "plain"), Header("X-B", "has SECRETVALUE inside"))
    hunt = Backstop({"SECRETVALUE": "(secret)"})
    plain = headers[:1]
    assert hunt.headers(plain) is plain
    found = hunt.headers(headers)
    assert found[1].value == "has (secret) inside"
    assert found == hunt.walk(headers)
    across = (Header("X-A", "SECRET"), Header("X-B", "VALUE"))
    assert hunt.headers(across) == across  # a needle split over two values is in neither


def test_a_header_holds_no_other_string_the_backstop_searches() -> None:
    """``Backstop.headers`` looks at the values alone: that stays right only while a
    header's value is the one string of it the backstop searches."""
    assert backstop._field_names(Header) == ("value", "span")


def test_a_huge_exchange_is_read_again_not_held() -> None:
    """Bounded in size too: an exchange of over 1,000 fields (or 1 MiB of body) is not
    kept by any cache; the report is the same."""
    from authtui.core import diagnose as pipeline
    from authtui.core.safety import secrets

    many = paste().replace("Host: api.test\r\n", "Host: api.test\r\n" + "X-Pad: 1\r\n" * 1001)
    report = diagnose(many, Options(now=NOW, device_now=NOW))
    assert pipeline._kept.cache_info().currsize == 0
    assert shown(report) == cold(lambda: diagnose(many, Options(now=NOW, device_now=NOW)))
    clear_caches()  # the report lists 100 of those headers: that exchange is kept
    long = paste('{"error":"invalid_token","pad":"' + "x" * (1 << 20) + '"}')
    report = diagnose(long, Options(now=NOW, device_now=NOW))
    assert pipeline._kept.cache_info().currsize == 0
    assert secrets._scrubbed_exchange.cache_info().currsize == 0
    assert shown(report) == cold(lambda: diagnose(long, Options(now=NOW, device_now=NOW)))
    diagnose(paste(), Options(now=NOW, device_now=NOW))
    assert pipeline._kept.cache_info().currsize == 1
    assert secrets._scrubbed_exchange.cache_info().currsize == 1


# --- smaller ones ----------------------------------------------------------------------------


def test_each_date_text_is_read_as_itself() -> None:
    from authtui.core.timefmt import parse_http_date

    first = parse_http_date("Sun, 15 Jun 2025 15:06:40 GMT")
    assert parse_http_date("Sun, 15 Jun 2025 15:06:41 GMT") == first + 1
    assert parse_http_date(" Sun, 15 Jun 2025 15:06:40 GMT ") == first
    assert parse_http_date("Sun, 15 Jun 2025 15:06:40 GMT") == first
    assert parse_http_date(["not", "text"]) is None  # type: ignore[arg-type]
    status, clock = "HTTP/1.1 401 Unauthorized\r\n", Options(device_now=NOW)
    one = diagnose(
        paste().replace(status, f"{status}Date: Sun, 15 Jun 2025 15:06:40 GMT\r\n"), clock
    )
    two = diagnose(
        paste().replace(status, f"{status}Date: Mon, 16 Jun 2025 15:06:40 GMT\r\n"), clock
    )
    assert two.clock.server_now == one.clock.server_now + 86400


def test_the_registry_gathered_once_is_every_area_s_checks() -> None:
    from authtui.core import checks
    from authtui.core.checks import authz, challenge, claims, dpop, scope, server, status, time
    from authtui.core.checks import paste as paste_checks
    from authtui.core.checks import signature as signature_checks
    from authtui.core.checks import token as token_checks

    areas = (status, authz, challenge, server, token_checks, time, claims, scope)
    areas += (signature_checks, dpop, paste_checks)
    assert checks.all_checks() == tuple(c for area in areas for c in area.CHECKS)
    assert checks.all_checks() is checks.all_checks()


def test_each_token_text_is_decoded_as_itself() -> None:
    """The token pane's text is decoded once per text and source: one character more is
    another token, and a long one is decoded each time, not held."""
    from authtui.core import diagnose as pipeline

    pasted = read_paste(paste())
    reports = [
        diagnose_paste(pasted, Options(now=NOW, device_now=NOW, token=TOKEN[:i], redact=False))
        for i in (len(TOKEN) - 1, len(TOKEN), len(TOKEN) - 1)
    ]
    assert reports[0].token is not None and reports[1].token is not None
    assert reports[0].token.raw == TOKEN[:-1] and reports[1].token.raw == TOKEN
    assert shown(reports[2]) == shown(reports[0])
    whole = pipeline._decoded(TOKEN, "token given on its own")
    assert pipeline._decoded(TOKEN, "token in the paste").source == "token in the paste"
    assert whole.source == "token given on its own"
    clear_caches()
    huge = TOKEN + "A" * (70 * 1024)
    report = diagnose_paste(pasted, Options(now=NOW, device_now=NOW, token=huge))
    assert pipeline._decoded.cache_info().currsize == 0
    assert shown(report) == cold(
        lambda: diagnose_paste(pasted, Options(now=NOW, device_now=NOW, token=huge))
    )
