"""Built-in workshop cases: auth failures to demo without a single real secret.

Each case is built when loaded, from the ``now`` passed in, so that "expired 14
minutes ago" holds at any date. Keys are generated in this process (RSA 2048,
EC P-256), lazily and once per key label; nothing here is a real credential and
every name is an obviously fake ``*.shop.test`` one.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm

from authtui.core.options import DEFAULT_SKEW, KeyInput, Options, Secret

ISSUER = "https://auth.shop.test/"
API = "https://api.shop.test"
CLIENT_ID = "shop-web-spa"
_REALM = 'realm="api.shop.test"'


@dataclass(frozen=True)
class DemoCase:
    """One built case: the paste and everything a presenter would set beside it."""

    paste: str
    """What the presenter "pasted": request + response as HTTP/1.1 text."""
    token: str = ""
    """A token for the token pane, when the case has one outside the paste."""
    audiences: tuple[str, ...] = ()
    issuer: str | None = None
    scopes: tuple[str, ...] = ()
    key_text: str = ""
    """PEM or JWKS JSON text the case verifies with ("" if none)."""
    secret: str = ""
    """A fake workshop HMAC secret for HS cases, else ""."""
    skew: float = DEFAULT_SKEW

    def options(self, now: float) -> Options:
        """The options to diagnose this case with, evaluated at ``now``."""
        keys = (KeyInput("workshop key", self.key_text.encode()),) if self.key_text else ()
        return Options(
            now=now,
            skew=self.skew,
            audiences=self.audiences,
            issuer=self.issuer,
            scopes=self.scopes,
            keys=keys,
            secret=Secret(self.secret.encode()) if self.secret else None,
            token=self.token or None,
        )


@dataclass(frozen=True)
class Demo:
    """A named workshop case; ``build(now)`` makes its paste and options."""

    name: str
    """Slug: ``expired``, ``not-yet-valid``..."""
    title: str
    summary: str
    """One line: what the audience should notice."""
    expect: tuple[str, ...]
    """The finding codes this case must produce (contract codes)."""
    build: Callable[[float], DemoCase]


# --------------------------------------------------------------------------- keys


@functools.lru_cache(maxsize=16)
def _rsa_key(label: str) -> rsa.RSAPrivateKey:
    """An RSA 2048 key for ``label``, generated once per process."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@functools.lru_cache(maxsize=16)
def _ec_key(label: str) -> ec.EllipticCurvePrivateKey:
    """An EC P-256 key for ``label``, generated once per process."""
    return ec.generate_private_key(ec.SECP256R1())


def _public_pem(label: str) -> str:
    """The SPKI PEM of the RSA key ``label`` (public half only)."""
    public = _rsa_key(label).public_key()
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def _jwks(*pairs: tuple[str, str]) -> str:
    """A JWKS JSON text with the public RSA keys of ``(kid, label)`` pairs."""
    keys = []
    for kid, label in pairs:
        jwk = RSAAlgorithm.to_jwk(_rsa_key(label).public_key(), as_dict=True)
        keys.append({**jwk, "kid": kid, "use": "sig", "alg": "RS256"})
    return json.dumps({"keys": keys}, indent=2)


def _ec_jwk(label: str) -> dict[str, Any]:
    """The public JWK of the EC key ``label``."""
    return dict(ECAlgorithm.to_jwk(_ec_key(label).public_key(), as_dict=True))


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64json(value: dict[str, Any]) -> str:
    return _b64url(json.dumps(value, separators=(",", ":")).encode())


def jwk_thumbprint(jwk: dict[str, Any]) -> str:
    """RFC 7638 SHA-256 thumbprint of an EC or RSA public JWK (base64url)."""
    members = ("crv", "kty", "x", "y") if jwk.get("kty") == "EC" else ("e", "kty", "n")
    canonical = json.dumps({m: jwk[m] for m in members}, separators=(",", ":"), sort_keys=True)
    return _b64url(hashlib.sha256(canonical.encode()).digest())


# ------------------------------------------------------------------------- tokens

_KID = "2025-current"
_MAIN = "shop-main"


def _access_claims(now: float, name: str, **extra: Any) -> dict[str, Any]:
    """RFC 9068 access-token claims, valid at ``now`` unless ``extra`` says otherwise."""
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "sub": "user-4711",
        "aud": API,
        "client_id": CLIENT_ID,
        "iat": int(now) - 300,
        "exp": int(now) + 3300,
        "jti": f"workshop-{name}-{int(now)}",
        "scope": "orders:read cart:read",
    }
    claims.update(extra)
    return claims


def _rs256(claims: dict[str, Any], label: str = _MAIN, kid: str = _KID, typ: str = "at+jwt") -> str:
    """Sign ``claims`` with the RSA key ``label``."""
    return jwt.encode(claims, _rsa_key(label), algorithm="RS256", headers={"kid": kid, "typ": typ})


def _hs256(claims: dict[str, Any], secret: str) -> str:
    """HS256 by hand: PyJWT (rightly) warns about the short secret this demo needs."""
    signing_input = _b64json({"alg": "HS256", "typ": "JWT"}) + "." + _b64json(claims)
    mac = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + _b64url(mac)


def _unsecured(claims: dict[str, Any]) -> str:
    """An ``alg: none`` JWT (empty signature)."""
    return _b64json({"alg": "none", "typ": "JWT"}) + "." + _b64json(claims) + "."


def _tamper(token: str, **changes: Any) -> str:
    """Rewrite the payload of a signed token, keeping header and signature."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    return f"{header}.{_b64json(claims)}.{signature}"


def _ath(access_token: str) -> str:
    """``ath`` / ``at_hash`` style: base64url(SHA-256(token))."""
    return _b64url(hashlib.sha256(access_token.encode("ascii")).digest())


def _dpop_proof(now: float, access_token: str, method: str, url: str, label: str) -> str:
    """An RFC 9449 proof signed by the EC key ``label`` (no nonce)."""
    claims = {
        "jti": f"workshop-proof-{int(now)}",
        "htm": method,
        "htu": url,
        "iat": int(now),
        "ath": _ath(access_token),
    }
    headers = {"typ": "dpop+jwt", "jwk": _ec_jwk(label)}
    return jwt.encode(claims, _ec_key(label), algorithm="ES256", headers=headers)


def _bound_token(now: float, name: str, label: str) -> str:
    """An access token bound to the EC key ``label`` through ``cnf.jkt``."""
    claims = _access_claims(now, name, cnf={"jkt": jwk_thumbprint(_ec_jwk(label))})
    return _rs256(claims)


# -------------------------------------------------------------------------- pastes


def http_date(epoch: float) -> str:
    """An IMF-fixdate (``Tue, 14 Nov 2023 22:13:20 GMT``) for ``epoch``."""
    return time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(epoch))


def _dotnet_date(epoch: float) -> str:
    """The date format ASP.NET Core puts in its messages (``11/14/2023 22:13:20``)."""
    return time.strftime("%m/%d/%Y %H:%M:%S", time.gmtime(epoch))


def _exchange(
    now: float,
    request: list[str],
    status: str,
    response: list[str],
    body: str = "",
    newline: str = "\n",
) -> str:
    """A request and its response as HTTP/1.1 text; ``request[0]`` is the request line."""
    head = [request[0], "Host: api.shop.test", *request[1:]]
    resp = [f"HTTP/1.1 {status}", f"Date: {http_date(now)}", *response]
    resp.append(f"Content-Length: {len(body.encode())}")
    text = newline.join([*head, "", *resp, "", body])
    return text if body else text.rstrip(newline) + newline


def _bearer_401(description: str) -> str:
    return f'WWW-Authenticate: Bearer error="invalid_token", error_description="{description}"'


def _json() -> list[str]:
    return ["Content-Type: application/json"]


def _shop(paste: str, **options: Any) -> DemoCase:
    """A case checked against the shop API's settings (audience, issuer)."""
    return DemoCase(paste=paste, audiences=(API,), issuer=ISSUER, **options)


# -------------------------------------------------------------------------- cases


def _expired(now: float) -> DemoCase:
    exp = int(now) - 14 * 60
    token = _rs256(_access_claims(now, "expired", iat=exp - 3600, exp=exp))
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [_bearer_401(f"The token expired at '{_dotnet_date(exp)}'")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _not_yet_valid(now: float) -> DemoCase:
    start = int(now) + 10 * 60
    claims = _access_claims(now, "nbf", iat=start, nbf=start, exp=start + 3600)
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {_rs256(claims)}"],
        "401 Unauthorized",
        [_bearer_401(f"The token is not valid before '{_dotnet_date(start)}'")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _clock_skew(now: float) -> DemoCase:
    issued = int(now) - 2 * 60
    claims = _access_claims(now, "skew", iat=issued, nbf=issued, exp=issued + 3600)
    paste = _exchange(
        now - 7 * 60,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {_rs256(claims)}"],
        "401 Unauthorized",
        [_bearer_401(f"The token is not valid before '{_dotnet_date(issued)}'")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _wrong_audience(now: float) -> DemoCase:
    aud = "https://api.billing.test"
    token = _rs256(_access_claims(now, "aud", aud=aud))
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [_bearer_401(f"The audience '{aud}' is invalid")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _wrong_issuer(now: float) -> DemoCase:
    iss = ISSUER.rstrip("/")
    token = _rs256(_access_claims(now, "iss", iss=iss))
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [_bearer_401(f"The issuer '{iss}' is invalid")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _missing_scope(now: float) -> DemoCase:
    token = _rs256(_access_claims(now, "scope"))
    challenge = (
        'WWW-Authenticate: Bearer error="insufficient_scope", '
        'error_description="The request requires higher privileges than provided by the '
        'access token.", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1", '
        'scope="cart:write"'
    )
    paste = _exchange(
        now,
        ["POST /cart/items HTTP/1.1", f"Authorization: Bearer {token}", *_json()],
        "403 Forbidden",
        [challenge],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)), scopes=("cart:write",))


def _no_bearer_prefix(now: float) -> DemoCase:
    token = _rs256(_access_claims(now, "prefix"))
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: {token}"],
        "401 Unauthorized",
        [f"WWW-Authenticate: Bearer {_REALM}"],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _basic_vs_bearer(now: float) -> DemoCase:
    basic = base64.b64encode(b"workshop-user:workshop-password").decode("ascii")
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Basic {basic}"],
        "401 Unauthorized",
        [f"WWW-Authenticate: Bearer {_REALM}"],
        newline="\r\n",
    )
    return _shop(paste)


def _no_challenge(now: float) -> DemoCase:
    token = _rs256(_access_claims(now, "nochallenge", exp=int(now) - 90))
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        _json(),
        body='{"message":"Unauthorized"}',
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _unknown_kid(now: float) -> DemoCase:
    token = _rs256(_access_claims(now, "kid"), label="shop-retired", kid="2024-retired")
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [_bearer_401("The signature key was not found")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _alg_none(now: float) -> DemoCase:
    token = _unsecured(_access_claims(now, "none", scope="orders:read orders:admin"))
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [_bearer_401("The signature is invalid")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _id_token(now: float) -> DemoCase:
    fake_access = _rs256(_access_claims(now, "idtoken-at"))
    at_hash = _b64url(hashlib.sha256(fake_access.encode()).digest()[:16])
    claims = {
        "iss": ISSUER,
        "sub": "user-4711",
        "aud": CLIENT_ID,
        "azp": CLIENT_ID,
        "iat": int(now) - 120,
        "exp": int(now) + 3480,
        "auth_time": int(now) - 130,
        "nonce": "workshop-nonce-7f3a",
        "at_hash": at_hash,
        "name": "Workshop User",
        "email": "user@shop.test",
    }
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {_rs256(claims, typ='JWT')}"],
        "401 Unauthorized",
        [_bearer_401(f"The audience '{CLIENT_ID}' is invalid")],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _dpop_nonce(now: float) -> DemoCase:
    url = f"{API}/orders"
    token = _bound_token(now, "dpop-nonce", "shop-dpop")
    proof = _dpop_proof(now, token, "GET", url, "shop-dpop")
    challenge = (
        'WWW-Authenticate: DPoP error="use_dpop_nonce", '
        'error_description="Resource server requires nonce in DPoP proof", algs="ES256"'
    )
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: DPoP {token}", f"DPoP: {proof}"],
        "401 Unauthorized",
        [challenge, "DPoP-Nonce: workshop-nonce-eyJ7S_zG.eyJH0-Z.HX4w-7v"],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _dpop_as_bearer(now: float) -> DemoCase:
    url = f"{API}/orders"
    token = _bound_token(now, "dpop-bearer", "shop-dpop")
    proof = _dpop_proof(now, token, "GET", url, "shop-dpop")
    challenge = (
        'WWW-Authenticate: Bearer error="invalid_token", '
        'error_description="Invalid DPoP key binding", DPoP algs="ES256"'
    )
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}", f"DPoP: {proof}"],
        "401 Unauthorized",
        [challenge],
    )
    return _shop(paste, key_text=_jwks((_KID, _MAIN)))


def _bad_signature(now: float) -> DemoCase:
    signed = _rs256(_access_claims(now, "tamper"))
    token = _tamper(signed, scope="orders:read cart:read orders:admin")
    paste = _exchange(
        now,
        ["DELETE /orders/1001 HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        [_bearer_401("The signature is invalid")],
    )
    return _shop(paste, key_text=_public_pem(_MAIN))


def _forbidden_without_credentials(now: float) -> DemoCase:
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", "Accept: application/json"],
        "403 Forbidden",
        _json(),
        body='{"error":"access_denied","message":"Access Denied"}',
    )
    return _shop(paste)


_WEAK_SECRET = "workshop-secret-short"


def _weak_hs_secret(now: float) -> DemoCase:
    token = _hs256(_access_claims(now, "hs"), _WEAK_SECRET)
    paste = _exchange(
        now,
        ["GET /orders HTTP/1.1", f"Authorization: Bearer {token}"],
        "401 Unauthorized",
        ['WWW-Authenticate: Bearer error="invalid_token"'],
    )
    return _shop(paste, secret=_WEAK_SECRET)


DEMOS: tuple[Demo, ...] = (
    Demo(
        "expired",
        "Expired token",
        "exp was 14 minutes ago, and the server's error_description says so too",
        ("time.expired", "challenge.invalid_token", "server.expired"),
        _expired,
    ),
    Demo(
        "not-yet-valid",
        "Token not valid yet",
        "nbf is 10 minutes in the future: the issuer's clock runs ahead",
        ("time.not_yet_valid", "challenge.invalid_token", "server.not_yet_valid"),
        _not_yet_valid,
    ),
    Demo(
        "clock-skew",
        "Server clock behind",
        "the token is fine by our clock, but the server's Date is 7 minutes behind",
        ("time.server_clock", "challenge.invalid_token"),
        _clock_skew,
    ),
    Demo(
        "wrong-audience",
        "Wrong audience",
        "aud is the billing API, the shop API expects https://api.shop.test",
        ("claims.aud_mismatch", "challenge.invalid_token", "server.audience"),
        _wrong_audience,
    ),
    Demo(
        "wrong-issuer",
        "Issuer near miss",
        "iss lacks the trailing slash the API is configured with",
        ("claims.iss_mismatch", "challenge.invalid_token", "server.issuer"),
        _wrong_issuer,
    ),
    Demo(
        "missing-scope",
        "Missing scope",
        "403 insufficient_scope: the token has cart:read, the endpoint needs cart:write",
        ("scope.insufficient", "challenge.insufficient_scope"),
        _missing_scope,
    ),
    Demo(
        "no-bearer-prefix",
        "Token without Bearer",
        "the Authorization header holds a bare JWT, so the server saw no bearer token",
        ("authz.no_scheme",),
        _no_bearer_prefix,
    ),
    Demo(
        "basic-vs-bearer",
        "Basic sent, Bearer asked",
        "the client sent a user and password where the API wants a token",
        ("authz.scheme_mismatch", "authz.basic"),
        _basic_vs_bearer,
    ),
    Demo(
        "no-challenge",
        "401 without a challenge",
        "no WWW-Authenticate at all: the token itself has to tell the story",
        ("status.no_challenge",),
        _no_challenge,
    ),
    Demo(
        "unknown-kid",
        "Unknown signing key",
        "kid 2024-retired is gone from the JWKS, which only has 2025-current",
        ("sig.kid_not_found", "challenge.invalid_token", "server.unknown_key"),
        _unknown_kid,
    ),
    Demo(
        "alg-none",
        "Unsigned token",
        "alg none: anyone could have written this token, and it grants orders:admin",
        ("token.alg_none", "challenge.invalid_token"),
        _alg_none,
    ),
    Demo(
        "id-token",
        "ID token sent to an API",
        "nonce, at_hash and aud = the client id: this is the login's ID token",
        ("token.wrong_type", "claims.aud_mismatch"),
        _id_token,
    ),
    Demo(
        "dpop-nonce",
        "DPoP nonce required",
        "the proof is valid; the server wants it again with its DPoP-Nonce",
        ("challenge.dpop_nonce",),
        _dpop_nonce,
    ),
    Demo(
        "dpop-as-bearer",
        "DPoP-bound token sent as Bearer",
        "cnf.jkt binds the token to a key; it must travel as Authorization: DPoP",
        ("dpop.sent_as_bearer",),
        _dpop_as_bearer,
    ),
    Demo(
        "bad-signature",
        "Tampered token",
        "someone added orders:admin to the payload; the signature no longer matches",
        ("sig.invalid", "challenge.invalid_token", "server.bad_signature"),
        _bad_signature,
    ),
    Demo(
        "forbidden-without-credentials",
        "403 with no credentials",
        "the request carried nothing, so this 403 is really a missing login",
        ("status.forbidden_without_credentials",),
        _forbidden_without_credentials,
    ),
    Demo(
        "weak-hs-secret",
        "Weak HMAC secret",
        "HS256 with a 21-byte secret: under the 32 bytes RFC 7518 asks, and many libraries refuse",
        ("sig.weak_secret",),
        _weak_hs_secret,
    ),
)


def get_demo(name: str) -> Demo | None:
    """The demo called ``name`` (case-insensitive), or the only one it is a prefix of."""
    wanted = name.strip().lower()
    if not wanted:
        return None
    for demo in DEMOS:
        if demo.name == wanted:
            return demo
    matches = [demo for demo in DEMOS if demo.name.startswith(wanted)]
    return matches[0] if len(matches) == 1 else None


def describe_demos() -> str:
    """The listing ``authtui demos`` prints: name, title and summary, aligned."""
    name_width = max(len(demo.name) for demo in DEMOS)
    title_width = max(len(demo.title) for demo in DEMOS)
    lines = [
        f"{demo.name:<{name_width}}  {demo.title:<{title_width}}  {demo.summary}" for demo in DEMOS
    ]
    return "\n".join(lines)
