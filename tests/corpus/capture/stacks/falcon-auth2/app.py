"""Falcon 4 + falcon-auth2 JWTAuthBackend (joserfc) with a JWKS key set."""
import json
import os
from wsgiref.simple_server import make_server

import falcon
from falcon_auth2 import AuthMiddleware
from falcon_auth2.backends import JWTAuthBackend
from joserfc.jwk import KeySet

KEYS = os.environ["KEYS"]
keyset = KeySet.import_key_set(json.load(open(os.path.join(KEYS, "jwks.json"))))

backend = JWTAuthBackend(
    lambda attributes, payload: {"sub": payload["sub"], "claims": payload},
    keyset,
    algorithms=["RS256"],
    claims_options={
        "iss": {"essential": True, "value": "https://issuer.authtui.test/"},
        "aud": {"essential": True, "value": "https://api.authtui.test"},
        "sub": {"essential": True},
        "exp": {"essential": True},
        "iat": {"essential": True},
    },
)


class Items:
    def on_get(self, req, resp):
        resp.media = {"items": ["a", "b"], "sub": req.context.auth["user"]["sub"]}

    def on_post(self, req, resp):
        resp.media = {"added": req.get_media()}  # falcon answers 400 on a bad JSON body


app = falcon.App(middleware=[AuthMiddleware(backend)])
app.add_route("/items", Items())

if __name__ == "__main__":
    with make_server("127.0.0.1", int(os.environ["PORT"]), app) as httpd:
        httpd.serve_forever()
