"""Offline, proven: the whole diagnosis, the CLI and the TUI with sockets made to fail.

The import rule (no module imports a network client) is tested in
tests/test_architecture.py; here the code runs with socket creation and name
lookups patched to fail, and an audit hook records any attempt (so an attempt
whose error was swallowed still fails the test).
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from authtui.core.demos.catalog import DEMOS
from authtui.core.diagnose import diagnose
from authtui.core.render import render
from tests.safety import _flows
from tests.safety._guard import offline


def test_the_guard_refuses_and_records_network_use(monkeypatch: pytest.MonkeyPatch) -> None:
    with offline(monkeypatch) as watch:
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", 9), timeout=0.1)
        with pytest.raises(OSError):
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        import _socket

        _socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()
        left, right = socket.socketpair()  # local: allowed (asyncio needs one)
        left.close()
        right.close()
    assert watch.network == [f"socket.__new__ family={int(socket.AF_INET)}"]


def test_every_demo_diagnoses_and_renders_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    built = [(demo, demo.build(_flows.NOW)) for demo in DEMOS]
    with offline(monkeypatch) as watch:
        for demo, case in built:
            report = diagnose(case.paste, case.options(_flows.NOW))
            codes = {f.code for f in report.findings}
            assert "internal.check_failed" not in codes, demo.name
            assert set(demo.expect) <= codes, demo.name
            for fmt in ("text", "json", "markdown"):
                assert render(report, fmt)
    assert watch.network == []


def test_key_urls_are_not_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A JWKS URL, an x5u and a jku in the token: read, never fetched."""
    header = '{"alg":"RS256","kid":"k1","jku":"https://evil.test/jwks","x5u":"http://x.test/c"}'
    import base64

    head = base64.urlsafe_b64encode(header.encode()).rstrip(b"=").decode()
    token = f"{head}.eyJpc3MiOiJodHRwczovL2lzcy50ZXN0LyJ9.c2ln"
    paste = (
        f"GET / HTTP/1.1\r\nHost: 127.0.0.1:9\r\nAuthorization: Bearer {token}\r\n\r\n"
        'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Bearer realm="https://127.0.0.1:9/",'
        ' resource_metadata="https://127.0.0.1:9/.well-known/oauth-protected-resource"\r\n'
    )
    with offline(monkeypatch) as watch:
        report = diagnose(paste, _flows.options())
        assert report.findings
    assert watch.network == []


def test_cli_runs_offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with offline(monkeypatch) as watch:
        outputs = _flows.cli_flows(tmp_path)
    assert any("authtui.report/1" in out for out in outputs)
    assert watch.network == []


async def test_tui_runs_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    with offline(monkeypatch) as watch:
        app = _flows.WatchedApp(_flows.BEARER_PASTE, _flows.options(), demo="expired")
        await _flows.tui_flows(app)
    assert app.report is not None
    assert watch.network == []
