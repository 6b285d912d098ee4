"""The layering rules, proven: a pure core, a CLI that starts without the TUI, no network.

The one exception to "no network" is the web server package (``authtui serve``),
which listens on the served address; the core and ``diagnose`` never load it.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import authtui
import authtui.core

ROOT = Path(authtui.__file__).parent
WEB = ROOT / "web"
"""The web server package: the only one allowed aiohttp (it listens, never connects)."""


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )


def test_core_imports_no_textual_and_no_rich() -> None:
    modules = [m.name for m in pkgutil.walk_packages(authtui.core.__path__, "authtui.core.")]
    assert "authtui.core.diagnose" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_diagnose_command_does_not_import_the_tui() -> None:
    code = (
        "import sys, io\n"
        "from authtui.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        "main(['diagnose', '--token', 'eyJhbGciOiJub25lIn0.e30.', '--format', 'json'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')"
        " or m.startswith('authtui.tui'))\n"
        "sys.__stdout__.write(','.join(bad))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


_NETWORK_MODULES = {"requests", "httpx", "urllib.request", "http.client", "aiohttp", "socket"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Attribute) and node.attr == "PyJWKClient":
            names.add("PyJWKClient")
    return names


def test_no_module_imports_a_network_client() -> None:
    offenders = {}
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(WEB):
            continue
        found = {n for n in _imports(path) if n in _NETWORK_MODULES or n.endswith("PyJWKClient")}
        if found:
            offenders[str(path.relative_to(ROOT))] = sorted(found)
    assert offenders == {}


def test_core_and_diagnose_never_load_the_web_package() -> None:
    modules = [m.name for m in pkgutil.walk_packages(authtui.core.__path__, "authtui.core.")]
    code = (
        "import importlib, sys, io\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from authtui.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        "main(['diagnose', '--token', 'eyJhbGciOiJub25lIn0.e30.', '--format', 'json'])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('aiohttp', 'textual_serve')"
        " or m.startswith('authtui.web'))\n"
        "sys.__stdout__.write(','.join(bad))\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_only_the_web_package_and_the_cli_name_it() -> None:
    """The web package is reached only through ``authtui serve`` (the CLI's lazy import)."""
    offenders = {}
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(WEB) or path.relative_to(ROOT).parts[0].startswith("cli"):
            continue
        found = {n for n in _imports(path) if n == "authtui.web" or n.startswith("authtui.web.")}
        if found:
            offenders[str(path.relative_to(ROOT))] = sorted(found)
    assert offenders == {}
