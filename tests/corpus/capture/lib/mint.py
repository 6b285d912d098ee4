"""Mint test tokens for the authtui corpus (test-only keys in ../keys).

Used as a module by capture.py, or on the command line:
    python mint.py KIND [--hs] [--scope "items:read"] [--extra '{"type":"refresh"}']
KIND is one of: valid expired nbf wrong-aud wrong-iss tampered other-key
unknown-kid alg-none.
"""
import base64
import json
import os
import sys
import time
import uuid
from pathlib import Path

import jwt  # PyJWT

KEYS = Path(__file__).resolve().parent.parent / "keys"
KID = "authtui-test-1"
ISS = "https://issuer.authtui.test/"
AUD = "https://api.authtui.test"
SUB = "user-42"
SCOPE_READ = "items:read"
SCOPE_WRITE = "items:write"   # the scope an endpoint requires


def _read(name):
    return (KEYS / name).read_bytes()


def secret(other=False):
    return _read("other-secret.txt" if other else "secret.txt").decode().strip()


def claims(now=None, **over):
    now = int(now if now is not None else time.time())
    c = {
        "iss": ISS,
        "aud": AUD,
        "sub": SUB,
        "iat": now - 3,
        "exp": now + 600,
        "scope": f"{SCOPE_READ} {SCOPE_WRITE}",
        "jti": str(uuid.uuid4()),
    }
    for k, v in over.items():
        if v is None:
            c.pop(k, None)
        else:
            c[k] = v
    return c


def b64(obj):
    raw = obj if isinstance(obj, bytes) else json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def sign(payload, hs=False, other=False, kid=KID, headers=None):
    """Sign with the test RSA key (RS256, kid) or the HS256 secret."""
    h = dict(headers or {})
    if hs:
        if kid and kid != KID:
            h["kid"] = kid
        return jwt.encode(payload, secret(other), algorithm="HS256", headers=h or None)
    if kid:
        h["kid"] = kid
    key = _read("other-rsa.pem" if other else "test-rsa.pem")
    return jwt.encode(payload, key, algorithm="RS256", headers=h)


def token(kind, hs=False, now=None, headers=None, **over):
    """A fresh token of the given kind; `over` overrides claims (None removes)."""
    now = int(now if now is not None else time.time())
    if kind == "valid":
        return sign(claims(now, **over), hs, headers=headers)
    if kind == "expired":
        over = {"iat": now - 1800, "exp": now - 900, **over}
        return sign(claims(now, **over), hs, headers=headers)
    if kind == "nbf":
        over = {"nbf": now + 900, "exp": now + 1800, **over}
        return sign(claims(now, **over), hs, headers=headers)
    if kind == "wrong-aud":
        return sign(claims(now, **{"aud": "https://other-api.authtui.test", **over}), hs, headers=headers)
    if kind == "wrong-iss":
        return sign(claims(now, **{"iss": "https://evil-issuer.authtui.test/", **over}), hs, headers=headers)
    if kind == "tampered":
        # valid signature over the original payload, payload swapped afterwards
        t = sign(claims(now, **over), hs, headers=headers)
        h, _, s = t.split(".")
        forged = claims(now, **{**over, "sub": "admin", "scope": f"{SCOPE_READ} {SCOPE_WRITE} items:admin"})
        return ".".join([h, b64(forged), s])
    if kind == "other-key":
        # same kid, signed by a different key (or secret)
        return sign(claims(now, **over), hs, other=True, headers=headers)
    if kind == "unknown-kid":
        return sign(claims(now, **over), hs, other=True, kid="unknown-kid-9f3e", headers=headers)
    if kind == "alg-none":
        hdr = {"alg": "none", "typ": "JWT"}
        if not hs:
            hdr["kid"] = KID
        return b64(hdr) + "." + b64(claims(now, **over)) + "."
    raise ValueError(kind)


if __name__ == "__main__":
    import argparse

    p = argparse.ArgumentParser()
    p.add_argument("kind")
    p.add_argument("--hs", action="store_true", help="HS256 with keys/secret.txt")
    p.add_argument("--scope")
    p.add_argument("--extra", default="{}", help="JSON object of claim overrides")
    a = p.parse_args()
    over = json.loads(a.extra)
    if a.scope is not None:
        over["scope"] = a.scope
    print(token(a.kind, hs=a.hs, **over))
