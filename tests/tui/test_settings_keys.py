"""Settings: what the API expects first; a key path read once, when the field is left;
Tab completes the path."""

from __future__ import annotations

from pathlib import Path

import jwt
import pytest
from textual.widgets import Input, TextArea

import authtui.tui.key_reading as key_reading
from authtui.tui.widgets.key_area import KeyArea, complete_path
from tests.tui.conftest import make_app

SIZE = (80, 24)
PEM = (
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n"
    "-----END PUBLIC KEY-----\n"
)


def test_complete_path(tmp_path: Path) -> None:
    (tmp_path / "jwks.json").write_text("{}")
    (tmp_path / "jwk-old.json").write_text("{}")
    (tmp_path / "keys").mkdir()
    (tmp_path / ".hidden").write_text("")
    found = complete_path(f"{tmp_path}/jw")
    assert found is not None and found.text == f"{tmp_path}/jwk"
    assert found.matches == ("jwk-old.json", "jwks.json")
    unique = complete_path(f"{tmp_path}/ke")
    assert unique is not None and unique.text == f"{tmp_path}/keys/"
    every = complete_path(f"{tmp_path}/")
    assert every is not None and ".hidden" not in every.matches
    assert complete_path(f"{tmp_path}/nothing") is None
    assert complete_path(f"{tmp_path}/no-such-dir/x") is None
    assert complete_path("-----BEGIN PUBLIC KEY-----") is None
    assert complete_path('{"kty": "OKP"}') is None


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_settings_open_on_what_the_api_expects(size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "audiences"
        order = [w.id for w in app.query("#settings Input, #settings TextArea")]
        assert order[:4] == ["audiences", "issuer", "scopes", "key"]
        assert order.index("skew") > order.index("when") > order.index("secret")
        pane = app.query_one("#settings").content_region
        for label in app.query("#settings Label"):
            text = str(label.render())
            assert label.region.right <= pane.right, f"cut: {text}"
            assert label.region.width * label.region.height >= len(text), f"cut: {text}"


async def test_a_key_path_is_read_once_when_the_field_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "key.pem"
    key_file.write_text(PEM)
    reads: list[str] = []
    real = key_reading.read_key

    def counting(text: str, *, paths: bool = True) -> object:
        if str(key_file) in text:
            reads.append(text)
        return real(text, paths=paths)

    monkeypatch.setattr(key_reading, "read_key", counting)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        app.query_one("#key", TextArea).focus()
        await pilot.pause()
        for character in str(key_file):
            await pilot.press(character)
        await pilot.pause()
        assert reads == [], "no partial path is read while it is typed"
        assert app.built is not None and "read when you leave the field" in " ".join(
            app.built.problems
        )
        app.query_one("#issuer", Input).focus()
        await pilot.pause()
        await pilot.pause()
        assert reads == [str(key_file)]
        assert app.built.key_source.startswith(f"file {key_file}")
        app.query_one("#issuer", Input).value = "https://other/"
        app.rediagnose()
        await pilot.pause()
        assert reads == [str(key_file)], "read once, not again at each diagnosis"


async def test_tab_completes_the_path_then_moves_on(tmp_path: Path) -> None:
    (tmp_path / "jwks.json").write_text("{}")
    (tmp_path / "jwk-old.json").write_text("{}")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        area = app.query_one("#key", KeyArea)
        area.focus()
        area.load_text(f"{tmp_path}/jw")
        await pilot.press("tab")
        assert area.text == f"{tmp_path}/jwk"
        await pilot.press("tab")
        assert app.focused is area and any("jwks.json" in note for note in app.notes)
        await pilot.press("s", "tab")
        assert area.text == f"{tmp_path}/jwks.json"
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not area
        assert app.built is not None and app.built.key_source.startswith("file ")


async def test_tab_in_the_browser_only_moves_on(tmp_path: Path) -> None:
    (tmp_path / "jwks.json").write_text("{}")
    app = make_app(served=True)
    async with app.run_test(size=SIZE) as pilot:
        app.action_focus_pane("settings")
        await pilot.pause()
        area = app.query_one("#key", KeyArea)
        area.focus()
        area.load_text(f"{tmp_path}/jw")
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not area and area.text == f"{tmp_path}/jw"


@pytest.mark.parametrize(
    ("demo", "said"),
    [("bad-signature", "signature INVALID"), ("unknown-kid", "no key matched the token")],
)
async def test_the_key_and_the_signature_are_said_under_the_verdict(demo: str, said: str) -> None:
    app = make_app(demo=demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.query_one("#key-line")
        assert line.display and line.region.height == 1
        text = str(line.render())
        assert text.startswith("Key: ") and said in text


async def test_no_key_line_without_a_key() -> None:
    token = jwt.encode({"sub": "alice"}, "k" * 32, algorithm="HS256")
    app = make_app(f"HTTP/1.1 401 Unauthorized\nAuthorization: Bearer {token}\n")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query_one("#key-line").display
