import os
import subprocess
import sys
from pathlib import Path

from capture import Case, basic, bearer

HERE = Path(__file__).resolve().parent
META = {
    "port": 9510,
    "name": "django-oauth-toolkit protected_resource (Django 5.2)",
    "ecosystem": "python",
    "package": "django-oauth-toolkit",
    "version": "3.4.1",
    "auth": "oauth2",
    "expect": {"aud": [], "iss": "", "scope": ["items:write"]},
    "keys": [],
    "notes": "Opaque access tokens stored in DOT's database (minted per capture with dotapp.py mint). "
             "@protected_resource() on /items, @protected_resource(scopes=['items:write']) on /admin (default: "
             "bare 403); the same with the RFC 9728 opt-in @protected_resource_metadata on /rfc9728/*. "
             "DOT urls mounted at /o/ (documented include), so the RFC 9728 challenge points at /o/.well-known/oauth-protected-resource. Django runserver. JWT-only cases (aud/iss/kid/alg) do not apply to opaque tokens.",
}


def dot(kind, scheme="Bearer"):
    def f():
        tok = subprocess.run([sys.executable, str(HERE / "dotapp.py"), "mint", kind], check=True,
                             capture_output=True, text=True, env=os.environ).stdout.strip()
        return [f"Authorization: {scheme} {tok}".replace(":  ", ": ")]
    return f


CASES = []
for prefix, deny, sdeny in (("", 403, 403), ("rfc9728-", 401, 403)):
    base = "/rfc9728" if prefix else ""
    CASES += [
        Case(prefix + "ok.txt", "ok", base + "/items", dot("valid"), expect=200),
        Case(prefix + "ok-scoped.txt", "ok", base + "/admin", dot("valid"), expect=200),
        Case(prefix + "missing.txt", "missing", base + "/items", [], expect=deny),
        Case(prefix + "wrong-scheme-basic.txt", "wrong-scheme", base + "/items", basic(), expect=deny),
        Case(prefix + "wrong-scheme-token.txt", "wrong-scheme", base + "/items", dot("valid", "Token"), expect=deny),
        Case(prefix + "no-bearer-prefix.txt", "no-bearer-prefix", base + "/items", dot("valid", ""), expect=deny),
        Case(prefix + "expired.txt", "expired", base + "/items", dot("expired"), expect=deny),
        Case(prefix + "malformed-unknown-token.txt", "malformed", base + "/items",
             ["Authorization: Bearer no-such-token-0000"], expect=deny),
        Case(prefix + "malformed-jwt-sent.txt", "malformed", base + "/items", bearer("valid"), expect=deny),
        Case(prefix + "missing-scope.txt", "missing-scope", base + "/admin", dot("readonly"), expect=sdeny),
        Case(prefix + "not-auth.txt", "not-auth", base + "/no-such-path", dot("valid"), expect=404),
    ]
NOTES = {
    'missing.txt': 'default decorator: bare 403 for every failure',
    'missing-scope.txt': 'default decorator: bare 403, same as a missing token',
}
