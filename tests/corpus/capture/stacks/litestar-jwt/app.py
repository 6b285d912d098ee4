"""Litestar JWTAuth (litestar.security.jwt), documented setup; RS256 public key as token_secret."""
import os
from dataclasses import dataclass

import uvicorn
from litestar import Litestar, Request, get, post
from litestar.connection import ASGIConnection
from litestar.security.jwt import JWTAuth, Token

PUB = open(os.path.join(os.environ["KEYS"], "test-rsa.pub.pem")).read()


@dataclass
class User:
    id: str


async def retrieve_user_handler(token: Token, connection: ASGIConnection) -> User | None:
    return User(id=token.sub)


jwt_auth = JWTAuth[User](
    retrieve_user_handler=retrieve_user_handler,
    token_secret=PUB,
    algorithm="RS256",
    accepted_audiences=["https://api.authtui.test"],
    accepted_issuers=["https://issuer.authtui.test/"],
    exclude=["/schema"],
)


@get("/items")
async def items(request: "Request[User, Token, object]") -> dict:
    return {"items": ["a", "b"], "sub": request.user.id}


@post("/items")
async def add_item(data: dict[str, int]) -> dict:
    return {"added": data}


app = Litestar(route_handlers=[items, add_item], on_app_init=[jwt_auth.on_app_init])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ["PORT"]))
