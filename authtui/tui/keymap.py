"""Remapping keys from ``keys.toml`` in the user's config directory.

The file names bindings by id (the ids of :mod:`authtui.tui.keys`, listed on the
help screen)::

    # ~/.config/authtui/keys.toml (platformdirs' user config directory)
    [keys]
    "report.copy" = "ctrl+y"           # one key
    "app.help" = ["ctrl+g", "f1"]      # or several

Reading never raises: a missing file is no remap; an unreadable file, bad TOML,
an unknown id, a key Textual would never send or a key two bindings now share
is a problem, said in words, and that entry (only) is left out.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, format_key

from authtui.tui.keys import RESERVED, all_bindings

if TYPE_CHECKING:
    from textual.app import App

    _Base = App[int]
else:
    _Base = object

FILE_NAME = "keys.toml"
MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(str(key.value) for key in Keys)
MAX_FILE_BYTES = 64 * 1024


def default_keys_file(environ: Mapping[str, str]) -> Path:
    """Where ``keys.toml`` lives: ``$AUTHTUI_KEYS`` when set, else the user's config
    directory from platformdirs (``$XDG_CONFIG_HOME/authtui`` on Linux)."""
    given = environ.get("AUTHTUI_KEYS")
    if given:
        return Path(given).expanduser()
    from platformdirs import user_config_path

    return user_config_path("authtui") / FILE_NAME


@dataclass(frozen=True)
class Remap:
    """What a keys file asked for: binding id -> comma-separated keys, and problems."""

    path: Path | None
    keymap: dict[str, str]
    problems: tuple[str, ...] = ()


def valid_key(key: str) -> bool:
    """True when Textual can deliver ``key`` (``ctrl+y``, ``f2``, ``?``, ``question_mark``)."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if not name or any(m not in MODIFIERS for m in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable()
    if name in NAMED_KEYS:
        return True
    try:
        unicodedata.lookup(name.replace("_", " "))
    except KeyError:
        return False
    return True


def normal_key(key: str) -> str:
    """A key as Textual names it (``?`` -> ``question_mark``)."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    return "+".join([*modifiers, _character_to_key(name) if len(name) == 1 else name])


def _keys_of(value: object) -> list[str] | None:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list) or not value:
        return None
    keys = [item.strip().lower() for item in value if isinstance(item, str)]
    return keys if len(keys) == len(value) and all(keys) else None


def parse_keys(text: str, path: Path | None = None) -> Remap:
    """Read a keys file's text. Never raises."""
    import tomllib  # only when a keys file exists: not at every start

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Remap(path, {}, (f"not TOML ({error}); no key was remapped",))
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return Remap(path, {}, ("[keys] must be a table of binding id = key(s)",))
    known = {b.id: b for b in all_bindings() if b.id}
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in table.items():
        if binding_id not in known:
            problems.append(f"{binding_id!r} is no binding id (the help screen lists them)")
            continue
        keys = _keys_of(value)
        if keys is None:
            problems.append(f'{binding_id}: a key or a list of keys, like "ctrl+y"')
            continue
        bad = [key for key in keys if not valid_key(key)]
        if bad:
            problems.append(f"{binding_id}: {', '.join(bad)} is not a key Textual knows")
            continue
        keymap[binding_id] = ",".join(normal_key(key) for key in keys)
        problems += [
            f"{binding_id}: {key} is a risky choice ({RESERVED[key]})"
            for key in keymap[binding_id].split(",")
            if key in RESERVED
        ]
    problems += _clashes(keymap)
    return Remap(path, keymap, tuple(problems))


def _clashes(keymap: Mapping[str, str]) -> list[str]:
    """Two bindings of the same scope (app-wide, or plain) now on one key."""
    owners: dict[tuple[bool, str], list[str]] = {}
    for binding in all_bindings():
        if binding.id is None:
            continue
        keys = keymap.get(binding.id, normal_key_list(binding.key))
        for key in keys.split(","):
            owners.setdefault((binding.priority, key), []).append(binding.id)
    return [
        f"{key} is now the key of {' and '.join(sorted(set(ids)))}: the first one wins"
        for (_, key), ids in owners.items()
        if len(set(ids)) > 1
    ]


def normal_key_list(keys: str) -> str:
    """Comma-separated keys, each as Textual names it."""
    return ",".join(normal_key(key.strip()) for key in keys.split(","))


def load_keys(path: Path | None) -> Remap:
    """Read the keys file at ``path`` (none there: no remap). Never raises."""
    if path is None:
        return Remap(None, {})
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return Remap(path, {})
    except OSError as error:
        return Remap(path, {}, (f"cannot read it ({error.strerror or error})",))
    if len(raw) > MAX_FILE_BYTES:
        return Remap(path, {}, (f"larger than {MAX_FILE_BYTES // 1024} KB; not read",))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Remap(path, {}, ("not UTF-8; not read",))
    return parse_keys(text, path)


def key_text(key: str) -> str:
    """One key as the help, the palette and messages write it: ``ctrl+y``, ``F2``, ``?``."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if name in NAMED_KEYS and name.startswith("f") and name[1:].isdigit():
        shown = name.upper()
    else:
        shown = format_key(name)
    return "+".join([*modifiers, shown])


def binding_keys(binding: Binding, keymap: Mapping[str, str]) -> list[str]:
    """A binding's live keys (after the remap), each written as :func:`key_text` does."""
    keys = keymap.get(binding.id or "", binding.key)
    return [key_text(key.strip()) for key in keys.split(",")]


class Remapping(_Base):
    """The app's side: read the keys file once at mount, apply it, say its problems."""

    user_keys: Remap = Remap(None, {})

    def apply_user_keys(self, path: Path | None, base: Mapping[str, str] | None = None) -> None:
        """Read ``path`` and remap over ``base`` (a keymap of the app's own, like
        :data:`~authtui.tui.keys.SERVED_KEYMAP`); problems are said once, as a warning."""
        remap = load_keys(path)
        keymap = {**(base or {}), **remap.keymap}
        remap = Remap(remap.path, keymap, remap.problems)
        self.user_keys = remap
        if keymap:
            self.set_keymap(keymap)
        if remap.problems:
            where = str(remap.path) if remap.path else "the keys file"
            self.notify(f"{where}: " + "; ".join(remap.problems), severity="warning")

    def live_keys(self, binding_id: str) -> list[str]:
        """The live keys of a binding id (the remap applied)."""
        for binding in all_bindings():
            if binding.id == binding_id:
                return binding_keys(binding, self.user_keys.keymap)
        return []

    def key_label(self, binding_id: str) -> str:
        """The first live key of a binding id, for a message ("ctrl+u puts them back")."""
        keys = self.live_keys(binding_id)
        return keys[0] if keys else binding_id
