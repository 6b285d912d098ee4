"""What the user typed beside the paste, turned into :class:`Options`.

Pure (no Textual): the app collects a :class:`Form` from its widgets and calls
:func:`build_options`. Problems with a field (a skew that is not a number, a
time that cannot be read) come back as plain sentences, never as exceptions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from pathlib import Path

from authtui.core import timefmt
from authtui.core.options import DEFAULT_SKEW, KeyInput, Options, Reading, Secret

MAX_KEY_FILE = 1024 * 1024
"""Largest key file read from disk (bytes)."""

NO_KEY_PATHS = "key paths are off in the browser: paste the key itself (PEM, JWK or JWKS)"
"""The problem shown when a path is typed while files are off (``authtui serve``)."""


@dataclass(frozen=True, slots=True)
class Form:
    """The raw text of every input field, as typed."""

    paste: str = ""
    token: str = ""
    skew: str = ""
    when: str = ""
    audiences: str = ""
    issuer: str = ""
    scopes: str = ""
    key: str = ""
    secret: str = field(default="", repr=False)
    entry: int | None = None
    redact: bool = True


INPUT_FIELDS = ("skew", "when", "audiences", "issuer", "scopes", "secret")
"""The form's one-line fields (the Settings pane's inputs)."""


@dataclass(frozen=True, slots=True)
class Built:
    """Options built from a form, with what the user should know about it."""

    options: Options
    problems: tuple[str, ...] = ()
    """One sentence per field that could not be read as typed."""
    key_source: str = ""
    """Where the key came from, in words (``file ./jwks.json, 812 bytes``)."""
    fixed_time: bool = False
    """True when a time is given (not decided from the paste and the device clock)."""


def split_words(text: str) -> tuple[str, ...]:
    """Split a list typed with commas and/or white space, dropping empties."""
    return tuple(word for word in text.replace(",", " ").split() if word)


def parse_skew(text: str) -> tuple[float, str | None]:
    """Read the clock-skew allowance; the default with a problem when unreadable."""
    stripped = text.strip().removesuffix("s").strip()
    if not stripped:
        return DEFAULT_SKEW, None
    try:
        value = float(stripped)
    except ValueError:
        return DEFAULT_SKEW, f"skew {text.strip()!r} is not a number of seconds: using 60"
    if not math.isfinite(value) or value < 0:
        return DEFAULT_SKEW, f"skew {text.strip()!r} must be 0 or more seconds: using 60"
    return value, None


def parse_when(text: str) -> tuple[float | None, Reading, str | None]:
    """Read the Evaluation time field as ``--now`` reads its value: (the time given,
    or ``None``; the reading asked for; a problem). Empty: the rule decides (``auto``);
    ``capture``; ``device`` or ``now``; epoch seconds, RFC 3339 or an HTTP-date."""
    stripped = text.strip()
    if not stripped:
        return None, "auto", None
    value = timefmt.parse_now(stripped)
    if value == "capture":
        return None, "capture", None
    if value == "device":
        return None, "device", None
    if isinstance(value, float):
        return value, "auto", None
    return None, "auto", f"time {stripped!r} not understood: the paste's Date decides"


def _looks_like_path(text: str) -> bool:
    """A one-line key field that names a file rather than holding a key."""
    return "/" in text or text.endswith((".pem", ".json", ".crt", ".jwk", ".jwks"))


KeyRead = tuple[tuple[KeyInput, ...], str, str | None]
"""What the key field gave: the keys, where they came from, a problem."""


def may_be_path(text: str) -> bool:
    """One line that could name a file (not a JWK, not a PEM block)."""
    stripped = text.strip()
    return bool(stripped) and (
        "\n" not in stripped and len(stripped) < 4096 and not stripped.startswith(("{", "-----"))
    )


def read_key(text: str, *, paths: bool = True) -> KeyRead:
    """Key field: an existing file path is read, anything else is key text.

    With ``paths=False`` no file is ever touched: what looks like a path is refused.
    """
    stripped = text.strip()
    if not stripped:
        return (), "", None
    maybe_path = may_be_path(stripped)
    if maybe_path and not paths:
        if _looks_like_path(stripped):
            return (), "", NO_KEY_PATHS
    elif maybe_path:
        try:
            path = Path(stripped).expanduser()
            if path.is_file():
                with path.open("rb") as handle:
                    data = handle.read(MAX_KEY_FILE + 1)
                if len(data) > MAX_KEY_FILE:
                    return (), "", f"key file {stripped} is over 1 MiB: not read"
                return (KeyInput(stripped, data),), f"file {stripped}, {len(data)} bytes", None
        except OSError as exc:
            return (), "", f"key file {stripped} cannot be read: {exc.strerror or exc}"
        except (ValueError, RuntimeError):
            pass  # not a usable path (NUL byte, ~unknown-user): read it as key text
        if _looks_like_path(stripped):
            return (), "", f"no file {stripped}: paste the key text, or fix the path"
    data = stripped.encode("utf-8", "replace")
    return (KeyInput("pasted key", data),), f"pasted text, {len(data)} bytes", None


def build_options(
    form: Form,
    clock_now: float,
    *,
    force_redact: bool = False,
    key_paths: bool = True,
    key_read: KeyRead | None = None,
) -> Built:
    """Every field of the form as :class:`Options` for :func:`diagnose`; ``clock_now``
    is the device clock.

    ``key_paths=False`` (the browser) reads the key field as key text only, never a file.
    ``key_read``: the key field as already read (the app reads a key path once, when
    the field is left); ``None`` reads it here.
    """
    problems: list[str] = []
    skew, problem = parse_skew(form.skew)
    if problem:
        problems.append(problem)
    now, reading, problem = parse_when(form.when)
    if problem:
        problems.append(problem)
    if key_read is None:
        key_read = read_key(form.key, paths=key_paths)
    keys, key_source, problem = key_read
    if problem:
        problems.append(problem)
    secret = Secret(form.secret.encode("utf-8")) if form.secret else None
    options = Options(
        now=now,
        reading=reading,
        device_now=clock_now,
        skew=skew,
        audiences=split_words(form.audiences),
        issuer=form.issuer.strip() or None,
        scopes=split_words(form.scopes),
        keys=keys,
        secret=secret,
        token=form.token.strip() or None,
        entry=form.entry,
        redact=True if force_redact else form.redact,
        front="tui",
    )
    return Built(options, tuple(problems), key_source, now is not None)


def when_field_text(options: Options) -> str:
    """The Evaluation time field for options from the command line."""
    if options.now is not None:
        return timefmt.utc(options.now)
    return "" if options.reading == "auto" else options.reading


def number_field_text(value: float) -> str:
    """A number as a field shows it: ``60``, not ``60.0``."""
    return str(int(value)) if float(value).is_integer() else str(value)


def key_field_text(options: Options) -> str:
    """The key field's text for a key given on the command line ("" for several)."""
    if len(options.keys) != 1:
        return ""
    key = options.keys[0]
    try:
        if Path(key.name).expanduser().is_file():
            return key.name
    except (OSError, ValueError, RuntimeError):
        pass
    try:
        return key.data.decode("utf-8")
    except UnicodeDecodeError:
        return ""


@dataclass(frozen=True, slots=True)
class Prefill:
    """The fields as the command line fills them, and what it gave that no field
    shows: several keys (or one that is neither a file nor text), a secret that is
    not UTF-8. The app keeps those two and uses them while their field is empty."""

    form: Form
    keys: tuple[KeyInput, ...] = ()
    secret: Secret | None = None


def prefill(paste: str, options: Options, *, presenter: bool, served: bool) -> Prefill:
    """The fields for a paste and options from the command line (presenter mode
    forces redaction; in the browser the key field never names a file)."""
    key_text = "" if served else key_field_text(options)
    secret_text, secret = "", None
    if options.secret is not None:
        try:
            secret_text = options.secret.reveal().decode("utf-8")
        except UnicodeDecodeError:
            secret = options.secret
    form = Form(
        paste=paste,
        token=options.token or "",
        skew=number_field_text(options.skew),
        when=when_field_text(options),
        audiences=" ".join(options.audiences),
        issuer=options.issuer or "",
        scopes=" ".join(options.scopes),
        key=key_text,
        secret=secret_text,
        entry=options.entry,
        redact=options.redact or presenter,
    )
    return Prefill(form, () if key_text else options.keys, secret)


def build_with_command_line(
    form: Form,
    clock_now: float,
    *,
    cli_keys: tuple[KeyInput, ...] = (),
    cli_secret: Secret | None = None,
    force_redact: bool = False,
    key_paths: bool = True,
    key_read: KeyRead | None = None,
) -> Built:
    """:func:`build_options`, then the command line's keys and secret of
    :class:`Prefill` wherever their field is empty."""
    built = build_options(
        form, clock_now, force_redact=force_redact, key_paths=key_paths, key_read=key_read
    )
    if not form.secret and cli_secret is not None:
        built = replace(built, options=replace(built.options, secret=cli_secret))
    if not form.key.strip() and cli_keys:
        options = replace(built.options, keys=cli_keys)
        built = replace(built, options=options, key_source="from the command line")
    return built
