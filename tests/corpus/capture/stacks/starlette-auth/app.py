"""Starlette AuthenticationMiddleware with a JWT AuthenticationBackend (the pattern of
Starlette's authentication docs), keys from the issuer's JWKS via PyJWT's PyJWKClient."""
import os

import jwt
import uvicorn
from starlette.applications import Starlette
from starlette.authentication import (AuthCredentials, AuthenticationBackend,
                                      AuthenticationError, SimpleUser, requires)
from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route

jwks = jwt.PyJWKClient(os.environ.get("JWKS_URL", "http://127.0.0.1:9400/.well-known/jwks.json"))


class JWTBackend(AuthenticationBackend):
    async def authenticate(self, conn):
        if "Authorization" not in conn.headers:
            return
        auth = conn.headers["Authorization"]
        try:
            scheme, token = auth.split()
            if scheme.lower() != "bearer":
                return
            key = jwks.get_signing_key_from_jwt(token)
            claims = jwt.decode(token, key, algorithms=["RS256"],
                                audience="https://api.authtui.test",
                                issuer="https://issuer.authtui.test/")
        except (ValueError, jwt.PyJWTError) as exc:
            raise AuthenticationError(str(exc))
        scopes = ["authenticated"] + claims.get("scope", "").split()
        return AuthCredentials(scopes), SimpleUser(claims["sub"])


@requires("authenticated")
async def items(request):
    return JSONResponse({"items": ["a", "b"], "sub": request.user.username})


@requires(["authenticated", "items:write"])
async def admin(request):
    return JSONResponse({"admin": True})


app = Starlette(
    routes=[Route("/items", items), Route("/admin", admin)],
    middleware=[Middleware(AuthenticationMiddleware, backend=JWTBackend())],
)

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]))
