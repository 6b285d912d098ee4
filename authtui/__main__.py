"""``python -m authtui`` is the same as ``authtui``."""

import sys

from authtui.cli import console

sys.exit(console())
