"""The first diagnosis begun in the child before the TUI loads (authtui.tui.head_start).

What makes it right: the options worked out from the command line are the ones
the app's fields give (else its report would answer another question), and a
report is only taken when they are. What makes it worth having: the TUI's modules
do not load the diagnosis (PyJWT, cryptography, the checks) before the first frame.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from authtui.cli.tui import tui_parser
from authtui.core.diagnose import diagnose_paste
from authtui.core.model import SignatureStatus
from authtui.core.options import Options, Secret
from authtui.core.read.paste import read_paste
from authtui.tui.head_start import app_options, begin, same_but_clock
from authtui.tui.offload import BIG_PASTE, ChildProcess
from tests.tui.conftest import NOW, make_app

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
TOKEN = jwt.encode(
    {
        "sub": "alice",
        "aud": "https://api.shop.test",
        "iss": "https://auth.shop.test/",
        "exp": int(NOW) + 600,
        "iat": int(NOW) - 60,
        "scope": "orders:read",
    },
    KEY,
    algorithm="RS256",
    headers={"kid": "k1"},
)
PASTE = (
    "GET /v1/orders HTTP/1.1\r\nHost: api.shop.test\r\n"
    f"Authorization: Bearer {TOKEN}\r\n\r\n"
    "HTTP/1.1 401 Unauthorized\r\n"
    'WWW-Authenticate: Bearer error="invalid_token", error_description="bad audience"\r\n\r\n'
)


def _jwks() -> str:
    public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
    return json.dumps({"keys": [{**public, "kid": "k1", "alg": "RS256", "use": "sig"}]})


def _cli(argv: list[str]) -> tuple[str, Options, bool, bool]:
    """What ``authtui ARGV`` gives the app: the paste, the options, presenter, served."""
    from authtui.cli.args import build_options, paste_text

    args = tui_parser().parse_args(argv)
    text, _ = paste_text(args, stdin=False)
    return text, build_options(args), args.presenter, args.served


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    paste, jwks, pem = tmp_path / "paste.txt", tmp_path / "jwks.json", tmp_path / "key.pem"
    paste.write_text(PASTE, encoding="utf-8", newline="")
    jwks.write_text(_jwks(), encoding="utf-8")
    lf = tmp_path / "lf.txt"
    lf.write_text(PASTE.replace("\r\n", "\n"), encoding="utf-8", newline="")
    from cryptography.hazmat.primitives import serialization

    pem.write_bytes(
        KEY.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return {"paste": str(paste), "jwks": str(jwks), "pem": str(pem), "lf": str(lf)}


COMMAND_LINES = [
    ["{paste}"],
    ["{lf}"],
    ["{paste}", "--key", "{jwks}", "--now", str(int(NOW))],
    ["{paste}", "--key", "{jwks}", "--key", "{pem}"],  # several keys: no field shows them
    ["{paste}", "--aud", "https://api.shop.test", "--iss", "https://auth.shop.test/"],
    ["{paste}", "--scope", "orders:write cart:read", "--skew", "30"],
    ["{paste}", "--now", "capture"],
    ["{paste}", "--now", "2023-11-14T22:13:20Z", "--no-redact"],
    ["{paste}", "--presenter", "--key", "{pem}"],
    ["{paste}", "--served", "--key", "{jwks}"],
    ["--token", TOKEN, "--aud", "api://other"],
]


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=lambda argv: " ".join(argv)[:50])
async def test_the_head_start_asks_what_the_app_asks(
    argv: list[str], files: dict[str, str]
) -> None:
    """For each command line, the options worked out before the app exists are the
    app's own (the device clock aside), so its first report can be taken."""
    paste, options, presenter, served = _cli([part.format(**files) for part in argv])
    ahead = app_options(paste, options, presenter=presenter, served=served, clock=lambda: NOW)
    app = make_app(paste, options, presenter=presenter, served=served)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.built is not None
        assert same_but_clock(ahead, app.built.options), (ahead, app.built.options)


async def test_a_secret_that_is_not_text_reaches_the_app_as_the_head_start_sent_it() -> None:
    options = Options(now=NOW, secret=Secret(b"\xff\xfe-binary-secret-of-some-length-0123456789"))
    ahead = app_options(PASTE, options, clock=lambda: NOW)
    app = make_app(PASTE, options)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.built is not None and same_but_clock(ahead, app.built.options)
        assert ahead.secret == options.secret


def test_only_the_device_clock_may_differ_and_only_by_a_little() -> None:
    first = Options(now=NOW, device_now=NOW, audiences=("a",))
    assert same_but_clock(first, dataclasses.replace(first, device_now=NOW + 1.5))
    assert not same_but_clock(first, dataclasses.replace(first, device_now=NOW + 3))
    assert not same_but_clock(first, dataclasses.replace(first, audiences=("b",)))
    assert not same_but_clock(first, dataclasses.replace(first, device_now=None))


def test_the_childs_report_is_the_one_the_app_would_make(files: dict[str, str]) -> None:
    paste, options, _, _ = _cli([files["paste"], "--key", files["jwks"], "--now", str(int(NOW))])
    started = begin(paste, options, clock=lambda: NOW)
    assert started is not None
    try:
        asked = app_options(paste, options, clock=lambda: NOW + 0.5)  # half a second on
        report = started.take(paste, asked)
        assert report is not None
        assert report == diagnose_paste(read_paste(paste), started.options)
        assert report.signature is SignatureStatus.VALID  # the key file was read and used
        assert started.take(paste, asked) is None  # answers once
    finally:
        started.child.close()


def test_a_report_for_other_fields_is_not_taken_and_the_child_serves_on() -> None:
    started = begin(PASTE, Options(now=NOW), clock=lambda: NOW)
    assert started is not None
    try:
        other = app_options(PASTE, Options(now=NOW, audiences=("api://x",)), clock=lambda: NOW)
        assert started.take(PASTE, other) is None
        # its unread answer is dropped: the child's next run answers the next question
        report = started.child.run(PASTE, other)
        assert report == diagnose_paste(read_paste(PASTE), other)
    finally:
        started.child.close()


def test_another_paste_is_not_taken() -> None:
    started = begin(PASTE, Options(now=NOW), clock=lambda: NOW)
    assert started is not None
    try:
        asked = app_options(PASTE, Options(now=NOW), clock=lambda: NOW)
        assert started.take(PASTE + " ", asked) is None
    finally:
        started.child.close()


def test_a_big_paste_is_not_begun() -> None:
    assert begin("x" * BIG_PASTE, Options(now=NOW)) is None


def test_no_head_start_when_no_child_can_be_started(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr("authtui.tui.offload.subprocess.Popen", refused)
    assert begin(PASTE, Options(now=NOW)) is None


def test_a_child_that_does_not_answer_in_time_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app waits :data:`WAIT` seconds at most, then diagnoses by itself."""
    child = ChildProcess()
    silent = [sys.executable, "-c", "import sys, time; sys.stdin.buffer.read(8); time.sleep(60)"]
    real_popen = subprocess.Popen
    monkeypatch.setattr(
        "authtui.tui.offload.subprocess.Popen", lambda argv, **kw: real_popen(silent, **kw)
    )
    child.begin(PASTE, Options(now=NOW))
    process = child._process
    assert process is not None
    assert child.collect(0.3) is None
    assert process.poll() is not None  # stopped, not left to sleep
    assert child._process is None


async def test_the_app_shows_the_head_starts_report(files: dict[str, str]) -> None:
    paste, options, _, _ = _cli([files["paste"], "--key", files["jwks"], "--now", str(int(NOW))])
    started = begin(paste, options, clock=lambda: NOW)
    assert started is not None
    app = make_app(paste, options, head_start=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.head_started and app.head_start is None  # taken by the first diagnosis
        assert app.engine.child is started.child  # and kept for big pastes
        assert app.report == diagnose_paste(read_paste(paste), started.options)
    assert started.child._process is None or started.child._process.poll() is not None


async def test_the_app_diagnoses_itself_when_its_fields_differ(files: dict[str, str]) -> None:
    paste, options, _, _ = _cli([files["paste"], "--now", str(int(NOW))])
    started = begin(paste, dataclasses.replace(options, skew=5), clock=lambda: NOW)
    assert started is not None
    app = make_app(paste, options, head_start=started)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not app.head_started
        assert app.built is not None and app.report is not None
        assert app.report == diagnose_paste(read_paste(paste), app.built.options)


def test_the_tui_loads_no_diagnosis_before_its_first_frame() -> None:
    """The launcher's imports, up to the app running, leave PyJWT, cryptography and
    the diagnosis to the child: that is the head start's whole gain."""
    code = (
        "import sys; import authtui.cli.tui, authtui.tui.launch, authtui.tui.app; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jwt', 'cryptography') "
        "or m.startswith(('authtui.core.diagnose', 'authtui.core.checks', "
        "'authtui.core.jose.algs'))))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout


def test_the_module_loads_without_textual() -> None:
    code = (
        "import sys; import authtui.tui.head_start; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout
