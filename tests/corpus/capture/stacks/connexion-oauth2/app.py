"""Connexion 3 (AsyncApp) with an OAuth2 security scheme; x-tokenInfoFunc validates the JWT locally
with PyJWT and returns None when it is not valid (Connexion's documented contract)."""
import os
from pathlib import Path

import connexion
import jwt
import uvicorn

jwks = jwt.PyJWKClient(os.environ.get("JWKS_URL", "http://127.0.0.1:9400/.well-known/jwks.json"))


def token_info(token):
    try:
        key = jwks.get_signing_key_from_jwt(token)
        return jwt.decode(token, key, algorithms=["RS256"], audience="https://api.authtui.test",
                          issuer="https://issuer.authtui.test/")
    except jwt.PyJWTError:
        return None


def items(token_info=None):
    return {"items": ["a", "b"], "sub": token_info["sub"]}


def add_item(body):
    return {"added": body}, 201


def admin():
    return {"admin": True}


app = connexion.AsyncApp(__name__, specification_dir=Path(__file__).parent)
app.add_api("openapi.yaml")

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]))
