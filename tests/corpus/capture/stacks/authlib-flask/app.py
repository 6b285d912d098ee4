"""Authlib ResourceProtector (Flask) with the RFC 9068 JWT access-token validator."""
import json
import os
from authlib.integrations.flask_oauth2 import ResourceProtector, current_token
from authlib.oauth2.rfc9068 import JWTBearerTokenValidator
from flask import Flask, jsonify

JWKS = json.load(open(os.path.join(os.environ["KEYS"], "jwks.json")))


class MyJWTBearerTokenValidator(JWTBearerTokenValidator):
    def get_jwks(self):
        return JWKS


require_oauth = ResourceProtector()
require_oauth.register_token_validator(
    MyJWTBearerTokenValidator(
        issuer="https://issuer.authtui.test/",
        resource_server="https://api.authtui.test",
    )
)
app = Flask(__name__)


@app.route("/items")
@require_oauth()
def items():
    return jsonify(items=["a", "b"], sub=current_token["sub"])


@app.route("/admin")
@require_oauth("items:write")
def admin():
    return jsonify(admin=True, sub=current_token["sub"])


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]))
