"""CI runs what README tells a contributor to run, and the browser tests cannot skip there."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_test_command() -> str:
    """The one line of the ``sh`` block under README's "Run the tests"."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run the tests", 1)[1]
    block = re.search(r"```sh\n(.*?)\n```", section, re.DOTALL)
    assert block is not None, "README's Run the tests section has no sh block"
    lines = block.group(1).splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def _ci_commands() -> list[str]:
    """What ``.ci/run`` runs after its set-up lines (``set``, ``cd``) and comments."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith(("#", "set ", "cd "))]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    assert _ci_commands() == [_readme_test_command()]


def test_ci_installs_the_browser_and_requires_it() -> None:
    command = _readme_test_command()
    steps = command.split(" && ")
    assert steps[0] == "bash scripts/install-browser.sh"
    assert steps[-1] == "AUTHTUI_REQUIRE_BROWSER=1 bash scripts/check.sh"
