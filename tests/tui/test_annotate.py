"""Notes beside decoded claims."""

from __future__ import annotations

from datetime import UTC, timedelta, timezone
from typing import Any

import pytest

from authtui.tui.annotate import annotate_claims, describe_time, scope_list

NOW = 1_700_000_840.0


@pytest.mark.parametrize(
    ("value", "contains"),
    [
        (1_700_000_000, ["2023-11-14T22:13:20Z", "14 min ago"]),
        (1_700_001_140, ["in 5 min"]),
        (1_700_000_000_000, ["milliseconds"]),
        ("1700000000", ["not a number"]),
        (True, ["not a number"]),
    ],
)
def test_describe_time(value: Any, contains: list[str]) -> None:
    text = describe_time(value, NOW, UTC)
    assert "local" not in text
    for part in contains:
        assert part in text


def test_local_time_shown_when_not_utc() -> None:
    text = describe_time(1_700_000_000, NOW, timezone(timedelta(hours=1)))
    assert "local 2023-11-14 23:13:20 +01:00" in text


@pytest.mark.parametrize(
    ("value", "expected"),
    [("a b  c", ["a", "b", "c"]), (["x", 1], ["x", "1"]), (None, []), ({"a": 1}, [])],
)
def test_scope_list(value: Any, expected: list[str]) -> None:
    assert scope_list(value) == expected


def test_annotate_claims() -> None:
    claims = {
        "exp": 1_700_000_000,
        "aud": ["api-1", "api-2"],
        "iss": "https://iss/",
        "scp": "read",
        "sub": "alice",
    }
    notes = annotate_claims(claims, NOW, ("api-2",), "https://iss", ("read", "write"))
    assert "14 min ago" in notes["exp"]
    assert notes["aud"].startswith("✓")
    assert notes["iss"] == "✗ expected https://iss"
    assert notes["scp"] == "[read] · missing write"
    assert "sub" not in notes


def test_annotate_without_expectations() -> None:
    notes = annotate_claims({"aud": "x", "iss": "y"}, NOW)
    assert "Settings" in notes["aud"] and "Settings" in notes["iss"]
