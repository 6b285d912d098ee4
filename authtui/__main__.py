"""``python -m authtui`` is the same as ``authtui``."""

import sys

from authtui.cli import main

sys.exit(main())
