"""The typical case every bench script diagnoses, built once per process.

A request and its 401 response (about 1.5 KB of headers), an RS256 access token,
and a JWKS of three RSA keys, one of which signed the token. Also: helpers to time
a callable and to print figures the same way in every script.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

NOW = 1_750_000_000.0
"""The evaluation clock of every bench run (never the wall clock)."""
ISSUER = "https://auth.shop.test/"
AUDIENCE = "https://api.shop.test"


@dataclass(frozen=True)
class Case:
    """The typical case: paste, token, JWKS text and the key that verifies."""

    paste: str
    token: str
    jwks: str
    public_pem: bytes
    """The signing key's public half, for PyJWT's floor."""


def _headers(token: str) -> str:
    """A curl-like request and a 401 response, 1-2 KB of headers in all."""
    request = (
        "GET /v1/orders?status=open&limit=50 HTTP/1.1\r\n"
        "Host: api.shop.test\r\n"
        "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 "
        "(KHTML, like Gecko) Chrome/126.0 Safari/537.36\r\n"
        "Accept: application/json, text/plain, */*\r\n"
        "Accept-Language: en-GB,en;q=0.9\r\n"
        "Accept-Encoding: gzip, deflate, br\r\n"
        f"Authorization: Bearer {token}\r\n"
        "Origin: https://shop.test\r\n"
        "Referer: https://shop.test/orders\r\n"
        "X-Request-Id: 7b0c3e2a-1f4d-4c1e-9d8a-2b6f0e5c9a11\r\n"
        "Connection: keep-alive\r\n\r\n"
    )
    response = (
        "HTTP/1.1 401 Unauthorized\r\n"
        "Date: Sun, 15 Jun 2025 15:06:40 GMT\r\n"
        "Content-Type: application/json\r\n"
        "Content-Length: 96\r\n"
        'WWW-Authenticate: Bearer realm="api.shop.test", error="invalid_token", '
        'error_description="The token audience is not accepted"\r\n'
        "Cache-Control: no-store\r\n"
        "Vary: Origin\r\n"
        "Access-Control-Allow-Origin: https://shop.test\r\n"
        "X-Request-Id: 7b0c3e2a-1f4d-4c1e-9d8a-2b6f0e5c9a11\r\n"
        "Strict-Transport-Security: max-age=31536000; includeSubDomains\r\n\r\n"
        '{"error":"invalid_token","error_description":"The token audience is not accepted"}\n'
    )
    return request + response


def build_case() -> Case:
    """Generate three RSA keys, sign a token with the second, build the paste."""
    import jwt
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from jwt.algorithms import RSAAlgorithm

    keys = [rsa.generate_private_key(public_exponent=65537, key_size=2048) for _ in range(3)]
    kids = ["2024-retired", "2025-current", "2026-next"]
    jwks = {
        "keys": [
            {
                **RSAAlgorithm.to_jwk(k.public_key(), as_dict=True),
                "kid": kid,
                "use": "sig",
                "alg": "RS256",
            }
            for k, kid in zip(keys, kids, strict=True)
        ]
    }
    claims = {
        "iss": ISSUER,
        "sub": "auth0|64f1c2a9e4b0d1a2b3c4d5e6",
        "aud": ["https://api.other.test", "https://auth.shop.test/userinfo"],
        "iat": int(NOW) - 300,
        "exp": int(NOW) + 3300,
        "azp": "shop-web-spa",
        "scope": "openid profile email orders:read",
        "client_id": "shop-web-spa",
        "jti": "f3b1c2d4-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
    }
    token = jwt.encode(claims, keys[1], algorithm="RS256", headers={"kid": kids[1]})
    pem = (
        keys[1]
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return Case(_headers(token), token, json.dumps(jwks, indent=2), pem)


def options(case: Case, *, with_key: bool = True):  # type: ignore[no-untyped-def]
    """The Options a user would set for the typical case."""
    from authtui.core.options import KeyInput, Options

    keys = (KeyInput("jwks.json", case.jwks.encode()),) if with_key else ()
    return Options(now=NOW, audiences=(AUDIENCE,), issuer=ISSUER, keys=keys)


def best_of(func: Callable[[], object], *, repeat: int = 7, number: int = 0) -> float:
    """Seconds per call: the median of ``repeat`` rounds of ``number`` calls.

    ``number`` 0 picks a count that makes one round last about 0.2 s.
    """
    func()
    if number <= 0:
        start = time.perf_counter()
        func()
        once = max(time.perf_counter() - start, 1e-7)
        number = max(1, int(0.2 / once))
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            func()
        rounds.append((time.perf_counter() - start) / number)
    return statistics.median(rounds)


def show(label: str, seconds: float) -> None:
    """Print one timing in the unit that reads best."""
    if seconds < 1e-3:
        print(f"  {label:<52} {seconds * 1e6:10.1f} µs")
    else:
        print(f"  {label:<52} {seconds * 1e3:10.2f} ms")


def ratio_line(name: str, value: float, goal: float) -> str:
    """The last line of every script: the ratio and its goal."""
    verdict = "meets" if value <= goal else "MISSES"
    return f"RATIO {name} = {value:.2f}x (goal <= {goal:g}x: {verdict})"
