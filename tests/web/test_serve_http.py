"""``authtui serve`` over plain HTTP (no browser): what it serves, what it refuses, how it stops.

Every request goes to the server this test started on 127.0.0.1 (or 127.0.0.2,
also loopback); each server is stopped by its PID with SIGINT, as ctrl+c does.
"""

from __future__ import annotations

import asyncio
import re
import signal
import socket
import time

import aiohttp
import pytest

from tests.web.serving import Served, free_port, group_members, run_serve, serving

URL_IN_PAGE = re.compile(r"""(?:src|href)\s*=\s*"([^"]*)"|url\(\s*"?([^")]*)"?\s*\)""")


async def _get(url: str, **headers: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as reply:
        return reply.status, await reply.text()


async def _usage_error(*args: str) -> tuple[int, str, str]:
    process = await run_serve(*args)
    out, err = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_prints_one_url_with_a_token_on_loopback() -> None:
    async with serving("--demo", "expired") as served:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]{32,}/", served.url)
        status, page = await _get(served.url)
        assert status == 200
        assert 'data-session-websocket-url="ws://' in page
    assert served.stdout == b""  # the URL was the only line


async def test_the_page_names_nothing_beyond_the_served_address() -> None:
    async with serving() as served:
        _, page = await _get(served.url)
        urls = [a or b for a, b in URL_IN_PAGE.findall(page)]
        assert urls, "the page names its script, styles and fonts"
        for url in urls:
            assert url.startswith((served.url, "data:")) or url == "", url
        for found in re.findall(r"(?:https?|wss?)://[^\s\"')<>]+", page):
            assert found.startswith((served.origin, f"ws://{served.netloc}/")), found
        assert "googleapis" not in page
        status, css = await _get(f"{served.url}static/css/xterm.css")
        assert status == 200
        assert not re.search(r"@import|url\(\s*['\"]?(?:https?:)?//", css)


async def test_requests_without_the_token_are_refused() -> None:
    async with serving() as served:
        token = served.url.rstrip("/").rsplit("/", 1)[1]
        for path in ("/", "/static/js/textual.js", "/ws", f"/{token[:-1]}x/", f"/{token}"):
            status, text = await _get(served.origin + path)
            assert status == 403, path
            assert token not in text
        status, _ = await _get(f"{served.url}static/js/textual.js")
        assert status == 200


@pytest.mark.parametrize("host", ["evil.example", "localhost", "127.0.0.1"])
async def test_a_foreign_host_header_is_refused(host: str) -> None:
    async with serving() as served:
        port = served.netloc.rsplit(":", 1)[1]
        for value in (f"{host}:{port}", host):
            if value == served.netloc:
                continue
            status, text = await _get(served.url, Host=value)
            assert status == 403, value
            assert "Host must be" in text


async def _websocket(served: Served, origin: str | None) -> int | bytes:
    """Open the app's websocket: the refusal status, or the app's first bytes."""
    async with aiohttp.ClientSession() as session:
        try:
            ws = await session.ws_connect(f"{served.url}ws?width=80&height=24", origin=origin)
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status
        async with ws:
            await ws.send_json(["resize", {"width": 80, "height": 24}])
            while True:
                message = await asyncio.wait_for(ws.receive(), 30)
                if message.type == aiohttp.WSMsgType.BINARY:
                    data: bytes = message.data
                    return data
                assert message.type == aiohttp.WSMsgType.TEXT, message


@pytest.mark.parametrize("origin", ["http://evil.example", "null", None])
async def test_a_websocket_from_another_origin_is_refused(origin: str | None) -> None:
    async with serving("--demo", "expired") as served:
        assert await _websocket(served, origin) == 403
        assert group_members(served.process.pid) == [served.process.pid]  # no app started


async def test_the_served_page_websocket_runs_the_app() -> None:
    async with serving("--demo", "expired") as served:
        first = await _websocket(served, served.origin)
        assert isinstance(first, bytes) and first


async def test_ctrl_c_stops_the_server_and_its_apps() -> None:
    async with serving("--demo", "expired") as served:
        async with aiohttp.ClientSession() as session:
            ws = await session.ws_connect(
                f"{served.url}ws?width=80&height=24", origin=served.origin
            )
            await asyncio.wait_for(ws.receive(), 30)  # the app is running
            assert len(group_members(served.process.pid)) > 1
            reader = asyncio.create_task(_read_until_closed(ws))
            started = time.monotonic()
            served.process.send_signal(signal.SIGINT)
            assert await asyncio.wait_for(served.process.wait(), 20) == 0
            assert time.monotonic() - started < 5
            await asyncio.wait_for(reader, 10)
            assert ws.close_code == aiohttp.WSCloseCode.GOING_AWAY
        for _ in range(50):
            if not group_members(served.process.pid):
                break
            await asyncio.sleep(0.1)
        assert group_members(served.process.pid) == []
    assert b"authtui serve: stopped" in served.stderr


async def _read_until_closed(ws: aiohttp.ClientWebSocketResponse) -> None:
    async for _ in ws:
        pass


async def test_a_taken_port_is_one_line_and_exit_2() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = await _usage_error("--port", str(port))
    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"authtui serve: port {port} on 127.0.0.1 is taken: choose another with --port N"
    ]


async def test_another_host_only_when_asked_with_a_warning() -> None:
    async with serving("--host", "127.0.0.2") as served:
        assert served.url.startswith("http://127.0.0.2:")
        status, _ = await _get(served.url)
        assert status == 200
        port = served.netloc.rsplit(":", 1)[1]
        status, _ = await _get(served.url, Host=f"127.0.0.1:{port}")
        assert status == 403
        await asyncio.sleep(0.2)
        assert b"warning: serving on 127.0.0.2" in served.stderr
        assert b"anyone who can reach" in served.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-"], "PASTE must be a file"),
        (["no-such-paste.txt"], "cannot read PASTE no-such-paste.txt"),
        (["--host", "0.0.0.0"], "not every interface"),
        (["--host", "localhost"], "give an IP address"),
        (["--demo", "no-such-case"], "no workshop case"),
        (["--port", "70000"], "from 1 to 65535"),
        (["--key", "no-such-key.pem"], "cannot read --key no-such-key.pem"),
    ],
)
async def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = await _usage_error("--port", str(free_port()), *args)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1 and message in err, err
