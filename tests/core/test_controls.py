"""Advice names the control of the front end that asks: ``--aud`` on the command line,
``Settings › Expected audience`` in the TUI; never a flag in the TUI."""

from __future__ import annotations

import dataclasses
import re

import pytest

from authtui.core.controls import CONTROLS, control, set_to, via
from authtui.core.demos.catalog import DEMOS
from authtui.core.demos.model import Demo
from authtui.core.diagnose import diagnose
from authtui.core.model import Report
from authtui.core.options import FrontEnd, KeyInput, Options, Secret
from tests.core.test_clock import DEVICE, OLD_TIME, curl_v, token

FLAG = re.compile(
    r"(?<![\w-])--(now|skew|aud|iss|scope|key|secret-file|secret-env|token|entry|no-redact)\b"
)
EXPECTED = (
    "now",
    "skew",
    "aud",
    "iss",
    "scope",
    "key",
    "secret",
    "token",
    "entry",
    "redact",
)


def test_every_control_has_a_flag_and_a_place() -> None:
    assert tuple(CONTROLS) == EXPECTED
    for name, entry in CONTROLS.items():
        assert entry.cli.startswith("--"), name
        assert not FLAG.search(entry.tui), name
    assert control("now", "cli") == "--now"
    assert control("now", "tui") == "Settings › Evaluation time"
    assert set_to("now", "capture", "cli") == "--now capture"
    assert set_to("now", "capture", "tui") == "Settings › Evaluation time: capture"
    assert via("key", "cli") == "with --key"
    assert via("token", "tui") == "in the Token pane"


def _texts(report: Report) -> list[str]:
    return [
        text for f in report.findings for text in (f.title, f.detail, f.fix, f.evidence) if text
    ] + [report.verdict.headline, report.verdict.next_step]


def _advice_pastes() -> list[tuple[str, str, Options]]:
    """Pastes whose findings give advice that names a control."""
    spring = token(
        iat=int(DEVICE) - 60, exp=int(DEVICE) + 600, scope="orders:read", nbf=int(DEVICE) - 60
    )
    cases = [
        (
            "old capture (capture time, --now device)",
            curl_v(token(iat=int(OLD_TIME) - 60, exp=int(OLD_TIME) + 600), OLD_TIME),
            Options(),
        ),
        (
            "old capture judged by the device clock (expired, server clock)",
            curl_v(token(iat=int(OLD_TIME) - 60, exp=int(OLD_TIME) + 600), OLD_TIME),
            Options(reading="device"),
        ),
        (
            "no time, expired (--now hint), aud and iss unchecked, no key",
            token(exp=int(DEVICE) - 3600, iat=int(DEVICE) - 7200),
            Options(),
        ),
        ("capture asked, none there", token(exp=int(DEVICE) + 60), Options(reading="capture")),
        (
            "wrong audience and issuer, scope missing with a Spring prefix",
            curl_v(spring, DEVICE),
            Options(
                audiences=("https://other",),
                issuer="https://idp.shop.test/",
                scopes=("SCOPE_orders:read", "orders:write"),
            ),
        ),
        (
            "an unreadable key, an HMAC secret for nothing",
            curl_v(spring, DEVICE),
            Options(keys=(KeyInput("k.pem", b"not a key at all"),)),
        ),
        ("no token at all", "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n", Options()),
        (
            "the server names the audience, issuer and scope",
            'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token",'
            ' error_description="The audience is invalid"\n\n'
            f"{spring}\n",
            Options(),
        ),
        (
            "the server names a signature and a key",
            'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token",'
            ' error_description="IDX10503: Signature validation failed. kid was not found"\n\n'
            f"{spring}\n",
            Options(secret=Secret(b"x" * 40)),
        ),
    ]
    return [(name, paste, dataclasses.replace(o, device_now=DEVICE)) for name, paste, o in cases]


CASES = _advice_pastes()


@pytest.mark.parametrize(("paste", "options"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_tui_is_never_told_to_pass_a_flag(paste: str, options: Options) -> None:
    cli = diagnose(paste, options)
    tui = diagnose(paste, dataclasses.replace(options, front="tui"))
    assert [f.code for f in cli.findings] == [f.code for f in tui.findings]
    flagged = [t for t in _texts(tui) if FLAG.search(t)]
    assert flagged == []
    named = [t for t in _texts(cli) if FLAG.search(t)]
    assert named, "the command line's advice names its flags"
    assert any("Settings ›" in t or "Token pane" in t for t in _texts(tui))


@pytest.mark.parametrize("demo", DEMOS, ids=[d.name for d in DEMOS])
def test_no_workshop_case_names_a_flag_in_the_tui(demo: Demo) -> None:
    case = demo.build(DEVICE)
    options = dataclasses.replace(case.options(DEVICE), now=None, device_now=DEVICE, front="tui")
    report = diagnose(case.paste, options)
    assert [t for t in _texts(report) if FLAG.search(t)] == []
    assert set(demo.expect) <= {f.code for f in report.findings}


@pytest.mark.parametrize("front", ["cli", "tui"])
def test_server_word_fixes_fill_every_placeholder(front: FrontEnd) -> None:
    from authtui.core.words.reader import _CODE_TEXTS

    for code, text in _CODE_TEXTS.items():
        fix = text.fix_for(front)
        assert "{" not in fix and "}" not in fix, code


def test_a_tui_key_is_shown_after_the_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """A control's TUI key hint (filled by the TUI's bindings) follows its place in
    every way advice names it; the command line is unchanged, and no key is made up."""
    assert all(not entry.key for entry in CONTROLS.values())
    keyed = dataclasses.replace(CONTROLS["aud"], key="alt+a")
    monkeypatch.setitem(CONTROLS, "aud", keyed)
    assert control("aud", "tui") == "Settings › Expected audience (alt+a)"
    assert via("aud", "tui") == "in Settings › Expected audience (alt+a)"
    assert (
        set_to("aud", "https://api", "tui") == "Settings › Expected audience (alt+a): https://api"
    )
    assert control("aud", "cli") == "--aud" and via("aud") == "with --aud"
    report = diagnose(
        _advice_pastes()[4][1],
        Options(device_now=DEVICE, audiences=("https://other",), front="tui"),
    )
    assert any("Settings › Expected audience (alt+a)" in t for t in _texts(report))


@pytest.mark.parametrize(
    ("front", "named"),
    [("cli", "--aud, --iss, --key"), ("tui", "Settings › Expected audience")],
)
def test_a_bare_invalid_token_names_where_to_give_aud_iss_and_key(
    front: FrontEnd, named: str
) -> None:
    paste = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token"\n\n'
    report = diagnose(paste, Options(device_now=DEVICE, front=front))
    (finding,) = [f for f in report.findings if f.code == "challenge.invalid_token"]
    assert named in finding.fix
