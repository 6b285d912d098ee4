"""BlackSheep JWTBearerAuthentication (keys_url) + authorization policy on scope."""
import os

import uvicorn
from blacksheep import Application, get, json
from blacksheep.server.authentication.jwt import JWTBearerAuthentication
from blacksheep.server.authorization import auth
from guardpost import AuthorizationContext, Policy, Requirement
from guardpost.common import AuthenticatedRequirement

app = Application()
app.use_authentication().add(
    JWTBearerAuthentication(
        valid_audiences=["https://api.authtui.test"],
        valid_issuers=["https://issuer.authtui.test/"],
        keys_url=os.environ.get("JWKS_URL", "http://127.0.0.1:9400/.well-known/jwks.json"),
    )
)


class ScopeRequirement(Requirement):
    def __init__(self, scope):
        self.scope = scope

    def handle(self, context: AuthorizationContext):
        identity = context.identity
        if identity is not None and self.scope in (identity.claims.get("scope") or "").split():
            context.succeed(self)


authz = app.use_authorization()
authz.add(Policy("authenticated", AuthenticatedRequirement()))
authz.add(Policy("write", AuthenticatedRequirement(), ScopeRequirement("items:write")))


@auth("authenticated")
@get("/items")
async def items(request):
    return json({"items": ["a", "b"], "sub": request.user.claims["sub"]})


@auth("write")
@get("/admin")
async def admin(request):
    return json({"admin": True})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]))
