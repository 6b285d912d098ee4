"""No input breaks the diagnosis: Hypothesis over the whole ``diagnose`` path.

Arbitrary text, arbitrary bytes (decoded as the CLI decodes files), and mutations
of real pastes (every workshop case and a few real-world shapes) go through
``diagnose`` and every renderer; none may raise, and no check may fail
(``internal.check_failed``). This is the short profile for every test run;
``python bench/fuzz.py`` runs the same properties with many more examples.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from authtui.cli.args import decode_paste
from authtui.core.demos.catalog import DEMOS
from authtui.core.diagnose import diagnose
from authtui.core.model import Report
from authtui.core.options import KeyInput, Options, Secret
from authtui.core.render import render
from tests.safety import _flows

NOW = _flows.NOW
SHORT = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REAL_WORLD = (
    "* Connected to api.github.com (140.82.112.6) port 443\n> GET /user HTTP/2\n"
    "> Host: api.github.com\n> authorization: token ghp_abcdefghijklmnop\n>\n"
    '< HTTP/2 401\n< www-authenticate: Bearer realm="GitHub"\n'
    '< x-accepted-oauth-scopes: repo\n<\n{"message":"Bad credentials"}\n',
    'WWW-Authenticate: Bearer realm="example", error="insufficient_scope", scope="a b"',
    'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"',
    json.dumps(
        {
            "log": {
                "entries": [
                    {
                        "request": {
                            "method": "GET",
                            "url": "https://a.test/x",
                            "headers": [
                                {"name": "Authorization", "value": f"Bearer {_flows.TOKEN}"}
                            ],
                        },
                        "response": {
                            "status": 403,
                            "statusText": "Forbidden",
                            "headers": [],
                            "content": {"text": "denied"},
                        },
                    }
                ]
            }
        }
    ),
    _flows.BASIC_PASTE,
    _flows.BEARER_PASTE,
    _flows.TOKEN,
)


@functools.cache
def corpus() -> tuple[str, ...]:
    """Real pastes: every workshop case built at ``NOW``, and real-world shapes."""
    return tuple(demo.build(NOW).paste for demo in DEMOS) + REAL_WORLD


@functools.cache
def option_sets() -> tuple[Options, ...]:
    """No key; a JWKS and the secret; a PEM key and expectations; redaction off."""
    cases = [demo.build(NOW) for demo in DEMOS]
    jwks = next(c.key_text for c in cases if c.key_text.lstrip().startswith("{"))
    return (
        Options(now=NOW),
        Options(now=NOW, keys=(KeyInput("jwks", jwks.encode()),), secret=Secret(b"k" * 32)),
        Options(
            now=NOW,
            audiences=("https://api.shop.test",),
            issuer="https://x/",
            scopes=("orders:read",),
            keys=(KeyInput("junk", b"-----BEGIN junk"),),
        ),
        Options(now=NOW, redact=False, entry=3, skew=0),
    )


def check_paste(text: str, which: int = 0, token: str | None = None) -> Report:
    """Diagnose and render ``text``: no exception, no check that failed."""
    options = option_sets()[which % len(option_sets())]
    if token is not None:
        options = Options(now=NOW, token=token, keys=options.keys)
    report = diagnose(text, options)
    failed = [f.evidence for f in report.findings if f.code == "internal.check_failed"]
    assert not failed, failed
    for fmt in ("text", "json", "markdown"):
        assert isinstance(render(report, fmt), str)
    return report


_PUNCTUATION = st.sampled_from(list('=,";.\\ \r\n\t{}[]:'))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real paste with a few slices deleted, duplicated, replaced or cut."""
    text = draw(st.sampled_from(corpus()))
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 64)))
        op = draw(st.sampled_from(("delete", "duplicate", "insert", "cut", "swapcase")))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(2, 50)) + text[j:]
        elif op == "insert":
            filler = draw(st.text(alphabet=_PUNCTUATION | st.characters(), max_size=20))
            text = text[:i] + filler + text[i:]
        elif op == "cut":
            text = text[:i]
        else:
            text = text[:i] + text[i:j].swapcase() + text[j:]
    return text


TEXTS = st.text(max_size=3000)
BYTES = st.binary(max_size=3000)
WHICH = st.integers(0, 3)


def text_never_breaks(text: str, which: int) -> None:
    """Any text, any option set."""
    check_paste(text, which)


def bytes_never_break(data: bytes, which: int) -> None:
    """Any bytes, decoded as the CLI decodes a file."""
    check_paste(decode_paste(data), which)


def mutation_never_breaks(text: str, which: int, token: str | None) -> None:
    """Mutations of real pastes, sometimes with a mutated paste as the token too."""
    check_paste(text, which, token)


PROPERTIES: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...]]] = {
    "arbitrary text": (text_never_breaks, (TEXTS, WHICH)),
    "arbitrary bytes": (bytes_never_break, (BYTES, WHICH)),
    "mutated real pastes": (mutation_never_breaks, (mutated(), WHICH, st.none() | mutated())),
}
"""Each property with its strategies; bench/fuzz.py runs them with its own settings."""


def _short(name: str) -> Callable[..., None]:
    prop, strategies = PROPERTIES[name]
    return SHORT(given(*strategies)(prop))  # type: ignore[no-any-return]


test_arbitrary_text = _short("arbitrary text")
test_arbitrary_bytes = _short("arbitrary bytes")
test_mutated_pastes = _short("mutated real pastes")


def test_the_corpus_is_real() -> None:
    """Every real paste gives findings before it is mutated (the mutations start from sense)."""
    for which, text in enumerate(corpus()):
        assert check_paste(text, which).findings, text[:80]
