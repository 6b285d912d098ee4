"""aiohttp web server with aiohttp-basicauth's BasicAuthMiddleware (README setup)."""
import os

from aiohttp import web
from aiohttp_basicauth import BasicAuthMiddleware

auth = BasicAuthMiddleware(username="alice", password="s3cret-pass")


async def items(request):
    return web.json_response({"items": ["a", "b"]})


async def add_item(request):
    return web.json_response({"added": await request.json()}, status=201)


app = web.Application(middlewares=[auth])
app.router.add_get("/items", items)
app.router.add_post("/items", add_item)

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(os.environ["PORT"]))
