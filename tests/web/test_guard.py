"""The served address and the refusal rules, without a server."""

from __future__ import annotations

import pytest

from authtui.cli.serve import app_argv, app_command, check_args, serve_parser
from authtui.web.address import AddressError, ServedAddress, check_host
from authtui.web.guard import page_headers, refusal

ADDRESS = ServedAddress("127.0.0.1", 8000, token="t0ken-of-the-test")
PAGE = f"/{ADDRESS.token}/"


def _refused(
    path: str = PAGE,
    *,
    method: str = "GET",
    hosts: tuple[str, ...] = ("127.0.0.1:8000",),
    origins: tuple[str, ...] = (),
    websocket: bool = False,
) -> int | None:
    result = refusal(
        ADDRESS, method=method, path=path, hosts=hosts, origins=origins, websocket=websocket
    )
    return None if result is None else result.status


def test_the_url_carries_a_random_token() -> None:
    one, two = ServedAddress("127.0.0.1", 8000), ServedAddress("127.0.0.1", 8000)
    assert one.token != two.token
    assert len(one.token) >= 32
    assert one.url == f"http://127.0.0.1:8000/{one.token}/"
    assert one.token not in repr(one)


def test_ipv6_is_bracketed() -> None:
    address = ServedAddress("::1", 9000, token="x")
    assert address.netloc == "[::1]:9000"
    assert address.origin == "http://[::1]:9000"
    assert address.is_loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "localhost", "example.com", ""])
def test_hosts_that_cannot_be_served(host: str) -> None:
    with pytest.raises(AddressError):
        check_host(host)


def test_a_listed_address_is_kept() -> None:
    assert check_host("192.0.2.10") == "192.0.2.10"
    assert check_host("[::1]") == "::1"


def test_the_page_its_files_and_its_websocket_are_served() -> None:
    assert _refused() is None
    assert _refused(f"{PAGE}static/js/textual.js") is None
    assert _refused(f"{PAGE}ws", origins=("http://127.0.0.1:8000",), websocket=True) is None


@pytest.mark.parametrize(
    "path",
    ["/", "/static/js/textual.js", "/ws", f"/{ADDRESS.token}", "/t0ken-of-the-tesT/", "//x/"],
)
def test_without_the_token_is_refused(path: str) -> None:
    assert _refused(path) == 403


@pytest.mark.parametrize(
    "hosts",
    [(), ("evil.example:8000",), ("127.0.0.1",), ("localhost:8000",), ("127.0.0.1:8000",) * 2],
)
def test_a_foreign_host_is_refused(hosts: tuple[str, ...]) -> None:
    assert _refused(hosts=hosts) == 403


@pytest.mark.parametrize(
    "origins", [(), ("http://evil.example",), ("null",), ("http://127.0.0.1:8001",)]
)
def test_a_websocket_from_another_origin_is_refused(origins: tuple[str, ...]) -> None:
    assert _refused(f"{PAGE}ws", origins=origins, websocket=True) == 403


def test_a_foreign_origin_is_refused_on_any_request() -> None:
    assert _refused(origins=("http://evil.example",)) == 403


def test_only_get_and_head() -> None:
    assert _refused(method="HEAD") is None
    assert _refused(method="POST", origins=("http://127.0.0.1:8000",)) == 405


def test_the_page_may_load_only_from_the_served_address() -> None:
    policy = page_headers(ADDRESS)["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "connect-src 'self' ws://127.0.0.1:8000" in policy
    assert "http" not in policy.replace("ws://127.0.0.1:8000", "")
    assert page_headers(ADDRESS)["Referrer-Policy"] == "no-referrer"


def test_serve_options_stay_with_the_server() -> None:
    argv = ["--port", "9000", "--demo", "expired", "--host=127.0.0.2", "--aud", "x", "p.txt"]
    assert app_argv(argv) == ["--demo", "expired", "--aud", "x", "p.txt"]


def test_defaults_are_127_0_0_1_port_8000() -> None:
    address = check_args(serve_parser().parse_args(["--demo", "expired"]))
    assert (address.host, address.port) == ("127.0.0.1", 8000)


def test_each_session_runs_the_tui_served() -> None:
    command = app_command(["--port", "9000", "--demo", "expired", "my paste.txt"])
    assert command.endswith("-m authtui --served --demo expired 'my paste.txt'")
