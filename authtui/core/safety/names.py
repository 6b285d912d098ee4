"""What a field's name says about its value: a credential, a secret, or neither.

The scrubber decides by a field's meaning, not by a list of spellings: a name is
cut into words (``X-Amz-Security-Token`` -> ``amz security token``,
``clientSecret`` -> ``client secret``, ``JSESSIONID`` -> ``jsessionid``), and its
last word, the noun the name is about, decides, with the word before it where
that word changes the meaning (``api key`` is a secret, ``idempotency key`` is
not; ``api token`` is an API key, ``security token`` a session credential). A
name that is *about* a secret without holding it (``token_type``,
``client_secret_expires_at``, ``password_policy``, ``private_key_id``) holds
neither.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from authtui.core.model import Tier


class Place(StrEnum):
    """Where a named value travels; a few names mean something only in one place."""

    HEADER = "header"
    QUERY = "query"
    """A URL's query or fragment."""
    FORM = "form"
    """A urlencoded or multipart form body."""
    JSON = "json"
    """A key of a JSON body, at any depth."""
    PARAM = "param"
    """An auth-param of an ``Authorization``-style value (``response=``, ``Signature=``)."""
    SCHEME = "scheme"
    """An ``Authorization`` scheme (``ApiKey``, ``SharedKey``)."""


_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")

_SECRET_NOUNS = frozenset(
    {
        "password",
        "passwd",
        "passphrase",
        "passcode",
        "pwd",
        "pass",
        "secret",
        "signature",
        "sig",
        "hmac",
        "apikey",
        "privatekey",
        "secretkey",
    }
)
"""A last word that names a secret."""
_SECRET_SUFFIXES = ("password", "passwd", "secret", "signature", "apikey")
"""A last word ending so (``clientsecret``, ``xapikey``) names a secret too."""
_SECRET_ANYWHERE = frozenset({"password", "passwd", "passphrase", "secret"})
"""A word that makes the whole name a secret, wherever it stands (``secret_access_key``,
``password_confirmation``), unless the name is about it (see :data:`_ABOUT`)."""
_KEY_QUALIFIERS = frozenset(
    {
        "api",
        "access",
        "account",
        "admin",
        "app",
        "application",
        "auth",
        "client",
        "developer",
        "dev",
        "encryption",
        "function",
        "functions",
        "hmac",
        "host",
        "license",
        "licence",
        "master",
        "private",
        "secret",
        "service",
        "session",
        "shared",
        "signing",
        "subscription",
    }
)
"""Words that make a ``key`` a secret (``api key``, ``subscription key``); other keys
(``idempotency key``, ``public key``, ``cache key``) are not."""
_TOKEN_AS_KEY = frozenset({"api", "private", "personal", "deploy", "job", "secret", "bot"})
"""Words that make a ``token`` an API key (``PRIVATE-TOKEN``, ``api_token``): a secret."""
_CREDENTIAL_NOUNS = frozenset(
    {
        "token",
        "jwt",
        "assertion",
        "cookie",
        "session",
        "sessionid",
        "sessid",
        "sid",
        "ticket",
        "bearer",
        "authorization",
        "dpop",
        "samlresponse",
    }
)
"""A last word that names a credential (a token, a session, a ticket)."""
_CREDENTIAL_SUFFIXES = ("token", "jwt", "sessionid", "sessid", "assertion", "cookie")
_FORM_CREDENTIALS = frozenset({"code", "verifier"})
"""In a query or a form only: an authorization ``code``, a PKCE ``code_verifier``."""
_PARAM_SECRETS = frozenset({"response", "rspauth", "mac"})
"""Auth-params that carry a proof of a secret: Digest ``response``, ``rspauth``, Hawk ``mac``."""
_ABOUT = frozenset(
    {
        "id",
        "ids",
        "type",
        "types",
        "name",
        "names",
        "hint",
        "length",
        "len",
        "policy",
        "url",
        "uri",
        "endpoint",
        "method",
        "methods",
        "expires",
        "expiry",
        "expiration",
        "at",
        "in",
        "required",
        "format",
        "version",
        "alg",
        "algorithm",
        "algorithms",
        "header",
        "headers",
        "input",
        "count",
        "mode",
        "kind",
        "enabled",
        "supported",
        "rules",
        "strength",
        "nonce",
        "location",
        "path",
        "file",
        "label",
    }
)
"""A last word that makes the name about a value rather than the value: ``token_type``,
``client_secret_expires_at``, ``Signature-Input``, ``private_key_id``."""
_SESSION_WORDS = frozenset({"session", "sess"})

JWK_PRIVATE = frozenset({"d", "p", "q", "dp", "dq", "qi", "k", "oth"})
"""Members of a JWK (an object with ``kty``) that are the private or symmetric key."""


def words_of(name: str) -> list[str]:
    """``name`` cut into lower-case words: separators, camel case and digits split it;
    a leading ``x`` (``X-Api-Key``) and trailing numbers (``-256``) are dropped."""
    return _trimmed([w.lower() for w in _WORDS.findall(name)])


def _trimmed(words: list[str]) -> list[str]:
    if len(words) > 1 and words[0] == "x":
        words = words[1:]
    while len(words) > 1 and words[-1].isdigit():
        words.pop()
    return words


def _singular(word: str) -> str:
    stem = word[:-1] if word.endswith("s") else word
    known = stem in _SECRET_NOUNS or stem in _CREDENTIAL_NOUNS or stem == "key"
    return stem if known and word != stem else word


_TELLING = re.compile(
    "|".join(
        sorted(
            _SECRET_NOUNS
            | set(_SECRET_SUFFIXES)
            | _SECRET_ANYWHERE
            | _CREDENTIAL_NOUNS
            | set(_CREDENTIAL_SUFFIXES)
            | _FORM_CREDENTIALS
            | _PARAM_SECRETS
            | {"key", "token", "sess"},
            key=len,
            reverse=True,
        )
    )
)
"""Every word :func:`field_tier` can act on: a name with none of them in it (most
header names) holds neither, and is known so with one search."""


@lru_cache(maxsize=4096)
def field_tier(name: str, place: Place) -> Tier | None:
    """The tier of the value a field called ``name`` holds in ``place``; ``None``
    when the name says it holds neither a credential nor a secret."""
    lower = name[:200].lower()
    if not _TELLING.search(lower):
        return None
    tier = _tier_of(words_of(name[:200]), place)
    if tier is None:  # odd casing (DPoP, SAMLResponse): the words between separators
        tier = _tier_of(_trimmed([w for w in _SEPARATORS.split(lower) if w]), place)
    return tier


_SEPARATORS = re.compile(r"[^a-z0-9]+")


def _tier_of(words: list[str], place: Place) -> Tier | None:
    """The tier a name cut into ``words`` means (see :func:`field_tier`)."""
    if not words:
        return None
    last = _singular(words[-1])
    prev = words[-2] if len(words) > 1 else ""
    if last in _ABOUT:
        return Tier.CREDENTIAL if last == "id" and prev in _SESSION_WORDS else None
    if place is Place.PARAM and last in _PARAM_SECRETS:
        return Tier.SECRET
    if last in _SECRET_NOUNS or last.endswith(_SECRET_SUFFIXES):
        return Tier.SECRET
    if last == "key":
        alone = len(words) == 1 and place in (Place.QUERY, Place.FORM, Place.SCHEME)
        return Tier.SECRET if alone or prev in _KEY_QUALIFIERS else None
    if last == "token" and prev in _TOKEN_AS_KEY:
        return Tier.SECRET
    if any(w in _SECRET_ANYWHERE for w in words):
        return Tier.SECRET
    if last in _CREDENTIAL_NOUNS or last.endswith(_CREDENTIAL_SUFFIXES):
        return Tier.CREDENTIAL
    if place in (Place.QUERY, Place.FORM) and last in _FORM_CREDENTIALS:
        return Tier.CREDENTIAL
    return None
