"""Sanic + sanic-jwt with RS256 keys, claim_aud/claim_iss and scopes."""
import os

from sanic import Sanic
from sanic.response import json
from sanic_jwt import Initialize, exceptions, protected, scoped

KEYS = os.environ["KEYS"]
app = Sanic("authtui")


async def authenticate(request, *args, **kwargs):
    raise exceptions.AuthenticationFailed("Login is not used in this test; tokens are minted offline.")


async def add_scopes_to_payload(user, *args, **kwargs):
    return ["items:read"]  # only used when sanic-jwt issues tokens itself


Initialize(
    app,
    authenticate=authenticate,
    algorithm="RS256",
    public_key=open(os.path.join(KEYS, "test-rsa.pub.pem")).read(),
    private_key=open(os.path.join(KEYS, "test-rsa.pem")).read(),
    claim_aud="https://api.authtui.test",
    claim_iss="https://issuer.authtui.test/",
    scopes_enabled=True,
    add_scopes_to_payload=add_scopes_to_payload,
)


@app.route("/items")
@protected()
async def items(request):
    return json({"items": ["a", "b"]})


@app.route("/admin")
@scoped("items:write")
async def admin(request):
    return json({"admin": True})


if __name__ == "__main__":
    app.run(host="127.0.0.1", port=int(os.environ["PORT"]), single_process=True, access_log=False)
