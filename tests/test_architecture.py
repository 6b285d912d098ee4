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


MAX_MODULE_LINES = 500
DATA_ONLY = "Data only."
"""What a module's docstring says when it holds only a table, which may be longer."""


def test_no_module_is_over_500_lines_but_tables() -> None:
    long = {}
    for path in ROOT.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if lines > MAX_MODULE_LINES and DATA_ONLY not in docstring:
            long[str(path.relative_to(ROOT))] = lines
    assert long == {}


def test_a_data_only_module_defines_no_functions() -> None:
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if DATA_ONLY in (ast.get_docstring(tree) or ""):
            code = [n.name for n in tree.body if isinstance(n, ast.FunctionDef | ast.ClassDef)]
            assert code == [], f"{path.relative_to(ROOT)} says it is data only yet defines {code}"


def test_the_core_shows_its_pipeline_in_packages() -> None:
    core = ROOT / "core"
    modules = sorted(p.name for p in core.glob("*.py") if p.name != "__init__.py")
    packages = sorted(p.name for p in core.iterdir() if (p / "__init__.py").is_file())
    assert len(modules) <= 14, modules
    for name in packages:
        docstring = ast.get_docstring(ast.parse((core / name / "__init__.py").read_text()))
        assert docstring, f"core/{name}/__init__.py says what the stage takes and gives"


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


def test_only_the_web_package_and_cli_serve_name_it() -> None:
    """The web package is reached only through ``authtui serve`` (imported when it runs)."""
    offenders = {}
    for path in ROOT.rglob("*.py"):
        if path.is_relative_to(WEB) or path == ROOT / "cli" / "serve.py":
            continue
        found = {n for n in _imports(path) if n == "authtui.web" or n.startswith("authtui.web.")}
        if found:
            offenders[str(path.relative_to(ROOT))] = sorted(found)
    assert offenders == {}
