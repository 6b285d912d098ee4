"""Workshops: next and previous case keys, the list at the current case filtering as
you type, the palette finding a case by any word of its title."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea

from authtui.core.demos.catalog import DEMOS
from authtui.tui.case_search import case_score, filter_cases
from authtui.tui.commands import AuthCommands
from authtui.tui.screens.demos import DemoPicker
from tests.tui.conftest import make_app

CASES = [(d.name, d.title, d.summary) for d in DEMOS]
NAMES = [d.name for d in DEMOS]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("wrong aud", "wrong-audience"),
        ("aud wrong", "wrong-audience"),
        ("Wrong-Audience", "wrong-audience"),
        ("scope", "missing-scope"),
        ("signing key", "unknown-kid"),
        ("dpop nonce", "dpop-nonce"),
        ("bearer basic", "basic-vs-bearer"),
    ],
)
def test_a_case_is_found_by_any_word_of_it(query: str, first: str) -> None:
    assert filter_cases(query, CASES)[0][0] == first


def test_every_word_must_begin_a_word_of_the_case() -> None:
    assert filter_cases("wrong zebra", CASES) == []
    assert case_score("udience", ("wrong-audience", "Wrong audience", "")) == 0.0  # word starts
    assert filter_cases("  ", CASES) == CASES  # no words: every case, in order


async def test_next_and_previous_case_keys_go_round_the_list_from_the_paste() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.focused, TextArea)  # while the paste editor has focus
        await pilot.press("ctrl+pagedown")
        assert app.current_case == NAMES[0]
        assert app.focused is app.query_one("#findings")  # a case puts the focus there
        await pilot.press("right_square_bracket")  # where ] goes to the next one
        assert app.current_case == NAMES[1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert app.current_case == NAMES[-1]  # round the list
        assert app.query_one("#paste", TextArea).text.strip()
        app.action_focus_pane("paste")
        await pilot.pause()
        await pilot.press("ctrl+pageup")
        assert app.current_case == NAMES[-2]
        app.action_focus_pane("paste")
        await pilot.pause()
        await pilot.press("end", "right_square_bracket")  # an editor types ]
        assert app.current_case == NAMES[-2]
        assert "]" in app.query_one("#paste", TextArea).text


async def test_the_list_opens_at_the_current_case_and_filters_as_you_type() -> None:
    app = make_app(demo="missing-scope")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, DemoPicker)
        listing = picker.query_one("#demo-list", OptionList)
        assert listing.highlighted_option is not None
        assert listing.highlighted_option.id == "missing-scope"
        assert isinstance(app.focused, Input)
        await pilot.press(*"wrong aud")
        await pilot.pause()
        assert picker.shown == ["wrong-audience"]
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_case == "wrong-audience"
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("i")  # the highlighted case stays while it is still listed
        picker = app.screen
        assert isinstance(picker, DemoPicker)
        listing = picker.query_one("#demo-list", OptionList)
        at = picker.shown.index("wrong-audience")
        assert listing.highlighted == at
        await pilot.press("down")  # up and down move the list while typing
        assert listing.highlighted == at + 1
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert app.current_case == "wrong-audience"


async def test_the_palette_finds_a_case_by_words_of_its_title() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        provider = AuthCommands(app.screen)
        hits = [hit async for hit in provider.search("wrong aud")]
        names = [hit.text for hit in hits]
        assert "demo: load wrong-audience" in names
        assert "demo: load wrong-issuer" not in names
        best = max(hits, key=lambda hit: hit.score)
        assert best.text == "demo: load wrong-audience"
