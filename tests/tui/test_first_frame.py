"""What the app leaves until after its first frame: the modules of what is not shown."""

from __future__ import annotations

import subprocess
import sys

LATER = (
    "authtui.tui.claim_table",  # the decoded token: a hidden tab until a token is shown
    "authtui.tui.annotate",
    "authtui.core.jose.claim_info",
    "authtui.tui.widgets.key_area",  # the settings' fields: built when the tab is shown
    "authtui.tui.widgets.safe_input",
    "authtui.tui.widgets.find_bar",  # the first find
    "authtui.tui.widgets.entry_picker",  # a HAR with several entries
    "authtui.tui.masking",  # presenter mode
    "authtui.core.read.paste",  # the first report is the head start's: read in the child
)


def test_the_app_loads_the_modules_of_hidden_and_later_things_when_they_come() -> None:
    code = (
        "import sys; import authtui.cli.tui, authtui.tui.launch, authtui.tui.app; "
        f"print(sorted(m for m in {LATER!r} if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]", run.stdout
    # ... and each of them is a module that exists (no name here is a typo)
    code = f"import importlib; [importlib.import_module(m) for m in {LATER!r}]"
    subprocess.run([sys.executable, "-c", code], check=True)
