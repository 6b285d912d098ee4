"""Julian Reschke's httpauth test cases (test.greenbytes.de/tech/tc/httpauth/).

Each case: the field value, the challenges expected (scheme as written, token68,
params), and the exact deviation notes of each challenge. Cases the suite marks
invalid are read leniently, the way browsers do, and must carry a note that says
what was off; valid cases must carry none.
"""

from __future__ import annotations

import pytest

from authtui.core.http.challenges import challenges_of, parse_challenges
from authtui.core.model import Header

# (id, value, [(scheme, params, {note codes})])
CASES: list[tuple[str, str, list[tuple[str, dict[str, str], set[str]]]]] = [
    ("simplebasic", 'Basic realm="foo"', [("Basic", {"realm": "foo"}, set())]),
    ("simplebasiclf", 'Basic\r\n realm="foo"', [("Basic", {"realm": "foo"}, set())]),
    ("simplebasicucase", 'BASIC REALM="foo"', [("BASIC", {"realm": "foo"}, set())]),
    # realm as a token: recipients accept it, senders MUST quote it.
    ("simplebasictok", "Basic realm=foo", [("Basic", {"realm": "foo"}, {"challenge.token_realm"})]),
    # backslashes only escape inside quotes: kept as written, noted.
    (
        "simplebasictokbs",
        r"Basic realm=\f\o\o",
        [
            (
                "Basic",
                {"realm": r"\f\o\o"},
                {"challenge.token_realm", "challenge.backslash_in_token"},
            )
        ],
    ),
    # single quotes are token characters, not quotes.
    (
        "simplebasicsq",
        "Basic realm='foo'",
        [("Basic", {"realm": "'foo'"}, {"challenge.token_realm"})],
    ),
    ("simplebasicpct", 'Basic realm="foo%20bar"', [("Basic", {"realm": "foo%20bar"}, set())]),
    # SP after the scheme, then an empty list element: valid.
    ("simplebasiccomma", 'Basic , realm="foo"', [("Basic", {"realm": "foo"}, set())]),
    # The suite marks this invalid (no SP after the scheme, so the list holds
    # "Basic" and a bare param). We attach realm to Basic, as the server meant,
    # and record the deviation.
    (
        "simplebasiccomma2",
        'Basic, realm="foo"',
        [("Basic", {"realm": "foo"}, {"challenge.comma_after_scheme"})],
    ),
    # Syntactically fine; Basic's missing realm is for a check to judge.
    ("simplebasicnorealm", "Basic", [("Basic", {}, set())]),
    (
        "simplebasic2realms",
        'Basic realm="foo", realm="bar"',
        [("Basic", {"realm": "foo"}, {"challenge.duplicate_param"})],
    ),
    ("simplebasicwsrealm", 'Basic realm = "foo"', [("Basic", {"realm": "foo"}, set())]),
    ("simplebasicrealmsqc", r'Basic realm="\f\o\o"', [("Basic", {"realm": "foo"}, set())]),
    ("simplebasicrealmsqc2", r'Basic realm="\"foo\""', [("Basic", {"realm": '"foo"'}, set())]),
    (
        "simplebasicnewparam1",
        'Basic realm="foo", bar="xyz",, a=b,,,c=d',
        [("Basic", {"realm": "foo", "bar": "xyz", "a": "b", "c": "d"}, set())],
    ),
    (
        "simplebasicnewparam2",
        'Basic bar="xyz", realm="foo"',
        [("Basic", {"bar": "xyz", "realm": "foo"}, set())],
    ),
    # Field values reach us as text: ISO-8859-1 and UTF-8 bytes decoded by the reader.
    (
        "simplebasicrealmiso88591",
        b'Basic realm="foo-\xe4"'.decode("latin-1"),
        [("Basic", {"realm": "foo-\u00e4"}, set())],
    ),
    (
        "simplebasicrealmutf8",
        b'Basic realm="foo-\xc3\xa4"'.decode("utf-8"),
        [("Basic", {"realm": "foo-\u00e4"}, set())],
    ),
    # RFC 2047 does not apply: the realm is literal.
    (
        "simplebasicrealmrfc2047",
        'Basic realm="=?ISO-8859-1?Q?foo-=E4?="',
        [("Basic", {"realm": "=?ISO-8859-1?Q?foo-=E4?="}, set())],
    ),
    (
        "multibasicunknown",
        'Basic realm="basic", Newauth realm="newauth"',
        [("Basic", {"realm": "basic"}, set()), ("Newauth", {"realm": "newauth"}, set())],
    ),
    (
        "multibasicunknownnoparam",
        'Basic realm="basic", Newauth',
        [("Basic", {"realm": "basic"}, set()), ("Newauth", {}, set())],
    ),
    (
        "multibasicunknown2",
        'Newauth realm="newauth", Basic realm="basic"',
        [("Newauth", {"realm": "newauth"}, set()), ("Basic", {"realm": "basic"}, set())],
    ),
    (
        "multibasicunknown2np",
        'Newauth, Basic realm="basic"',
        [("Newauth", {}, set()), ("Basic", {"realm": "basic"}, set())],
    ),
    ("multibasicempty", ',Basic realm="basic"', [("Basic", {"realm": "basic"}, set())]),
    (
        "multibasicqs",
        r'Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple" ',
        [
            ("Newauth", {"realm": "apps", "type": "1", "title": 'Login to "apps"'}, set()),
            ("Basic", {"realm": "simple"}, set()),
        ],
    ),
    # A *parameter* named basic: "=" decides, it is not a scheme.
    (
        "multidisgscheme",
        'Newauth realm="Newauth Realm", basic=foo, Basic realm="Basic Realm" ',
        [
            ("Newauth", {"realm": "Newauth Realm", "basic": "foo"}, set()),
            ("Basic", {"realm": "Basic Realm"}, set()),
        ],
    ),
    ("unknown", 'Newauth param="value"', [("Newauth", {"param": "value"}, set())]),
    ("parametersnotrequired", "A, B", [("A", {}, set()), ("B", {}, set())]),
    (
        "disguisedrealm",
        'Basic foo="realm=nottherealm", realm="basic"',
        [("Basic", {"foo": "realm=nottherealm", "realm": "basic"}, set())],
    ),
    (
        "disguisedrealm2",
        'Basic nottherealm="nottherealm", realm="basic"',
        [("Basic", {"nottherealm": "nottherealm", "realm": "basic"}, set())],
    ),
    # Strict parsers reject it; Firefox takes the rest of the value.
    (
        "missingquote",
        'Basic realm="basic',
        [("Basic", {"realm": "basic"}, {"challenge.unterminated_quote"})],
    ),
]


@pytest.mark.parametrize(("value", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_reschke_case(value: str, expected: list[tuple[str, dict[str, str], set[str]]]) -> None:
    challenges, field_notes = parse_challenges(value)
    got = [(c.scheme, dict(c.params), {n.code for n in c.notes}) for c in challenges]
    assert got == expected
    assert field_notes == ()
    assert all(c.token68 is None for c in challenges)
    assert all(c.field_name == "WWW-Authenticate" for c in challenges)


def test_multibasicunknown2mf_two_fields_keep_order_and_names() -> None:
    headers = (
        Header("WWW-Authenticate", 'Newauth realm="newauth"'),
        Header("Content-Type", "text/plain"),
        Header("www-authenticate", 'Basic realm="basic"'),
    )
    challenges, notes = challenges_of(headers)
    assert [(c.scheme, dict(c.params), c.field_name) for c in challenges] == [
        ("Newauth", {"realm": "newauth"}, "WWW-Authenticate"),
        ("Basic", {"realm": "basic"}, "www-authenticate"),
    ]
    assert notes == ()


def test_every_invalid_case_says_why_in_a_message() -> None:
    for case_id, value, _ in CASES:
        challenges, _ = parse_challenges(value)
        for challenge in challenges:
            for note in challenge.notes:
                assert note.message.endswith("."), case_id
                assert note.evidence, case_id
