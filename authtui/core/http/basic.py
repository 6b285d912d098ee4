"""Decode HTTP Basic credentials (RFC 7617) for display: the user id, never the password."""

from __future__ import annotations

import base64
import binascii

from authtui.core.http.scan import peek
from authtui.core.model import Credentials, Note


def basic_user(credentials: Credentials) -> tuple[str | None, bool, Note | None]:
    """Decode Basic credentials: the user id, whether a password is present, a note.

    The password itself is never returned, nor anything of a value that holds no
    ``:`` (it is all secret: no user id). The note says what was off (not Basic,
    no token, bad base64, not UTF-8, no colon); ``None`` when all is well.
    """
    token = credentials.token68
    if credentials.scheme_key != "basic" or not token:
        return None, False, Note("basic.no_token", "There are no Basic credentials to decode.")
    note: Note | None = None
    try:
        data = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        padded = token + "=" * (-len(token) % 4)
        try:
            data = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
        except (binascii.Error, ValueError):
            return (
                None,
                False,
                Note("basic.base64", "The Basic credentials are not valid base64.", peek(token)),
            )
        note = Note(
            "basic.base64",
            "The Basic credentials are not standard padded base64; read leniently.",
            peek(token),
        )
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError:
        decoded = data.decode("latin-1")
        note = Note(
            "basic.charset",
            "The Basic credentials are not UTF-8 (RFC 7617 §2.1); read as ISO-8859-1.",
        )
    user, colon, password = decoded.partition(":")
    if not colon:
        return (
            None,  # no user id: the whole value is the secret (an API key sent as Basic)
            False,
            Note(
                "basic.no_colon",
                "The decoded Basic credentials hold no ':' between user id and password.",
            ),
        )
    return user, bool(password), note
