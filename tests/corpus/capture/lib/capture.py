"""Capture library and CLI for the authtui corpus.

Each stack folder (capture/stacks/<slug>/) has a cases.py that defines
    META  - the stack.json content, plus "port" (where the server listens)
    CASES - a list of Case objects (built by hand or with jwt_suite/basic_suite)
and optionally NOTES = {"file.txt": "hand-written remark"}, appended in [brackets] to the
note that is generated from the response (status, challenge, start of the body).

    python capture.py port SLUG          print the stack's port
    python capture.py run SLUG OUTDIR    capture every case into OUTDIR/SLUG/

Every capture is `curl -sv ...` with stdout and stderr written straight to
OUTDIR/SLUG/<file> (nothing is edited afterwards).
"""
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import mint  # noqa: E402

STACKS = HERE.parent / "stacks"
KEYS = HERE.parent / "keys"
BASIC_USER, BASIC_PASS = "alice", "s3cret-pass"
CURL_BASE = ["curl", "-sv", "--max-time", "20", "-H", "Accept: application/json, */*;q=0.5"]


class Case:
    """One request. headers: list of "Name: value" or a callable returning it
    (called right before curl so tokens are fresh)."""

    def __init__(self, file, case, path, headers=(), method=None, data=None,
                 expect=None, proxy=False, extra_args=()):
        self.file, self.case, self.path = file, case, path
        self.headers, self.method, self.data = headers, method, data
        self.expect, self.proxy, self.extra_args = expect, proxy, list(extra_args)


def bearer(kind, scheme="Bearer", hs=False, header="Authorization", headers=None, **over):
    """A header factory: fresh token of `kind`, sent as '<scheme> <token>'."""
    def f():
        t = mint.token(kind, hs=hs, headers=headers, **over)
        return [f"{header}: {scheme} {t}" if scheme else f"{header}: {t}"]
    return f


def basic(user=BASIC_USER, password=BASIC_PASS, header="Authorization"):
    import base64
    v = base64.b64encode(f"{user}:{password}".encode()).decode()
    return [f"{header}: Basic {v}"]


def jwt_suite(protected="/items", scoped="/admin", hs=False, scheme="Bearer",
              scope_over=None, missing_scope_over=None, valid_over=None,
              skip=(), not_auth_path="/no-such-path", deny=401, scope_deny=403,
              jwt_headers=None):
    """The standard Bearer-JWT cases.

    scope_over(list_of_scopes) -> claim overrides carrying those scopes
    (default: a space-separated `scope` claim)."""
    scope_over = scope_over or (lambda s: {"scope": " ".join(s)})
    base = dict(valid_over or {})
    full = {**base, **scope_over([mint.SCOPE_READ, mint.SCOPE_WRITE])}
    readonly = {**base, **(missing_scope_over or scope_over([mint.SCOPE_READ]))}

    def b(kind, scheme=scheme, over=full):
        return bearer(kind, scheme=scheme, hs=hs, headers=jwt_headers, **over)

    cs = [
        Case("ok.txt", "ok", protected, b("valid"), expect=200),
        Case("missing.txt", "missing", protected, [], expect=deny),
        Case("wrong-scheme-basic.txt", "wrong-scheme", protected, basic(), expect=deny),
        Case("wrong-scheme-token.txt", "wrong-scheme", protected, b("valid", scheme="Token"), expect=deny),
        Case("no-bearer-prefix.txt", "no-bearer-prefix", protected, b("valid", scheme=""), expect=deny),
        Case("expired.txt", "expired", protected, b("expired"), expect=deny),
        Case("not-yet-valid.txt", "not-yet-valid", protected, b("nbf"), expect=deny),
        Case("wrong-aud.txt", "wrong-aud", protected, b("wrong-aud"), expect=deny),
        Case("wrong-iss.txt", "wrong-iss", protected, b("wrong-iss"), expect=deny),
        Case("bad-signature-tampered.txt", "bad-signature", protected, b("tampered"), expect=deny),
        Case("bad-signature-other-key.txt", "bad-signature", protected, b("other-key"), expect=deny),
        Case("unknown-kid.txt", "unknown-kid", protected, b("unknown-kid"), expect=deny),
        Case("alg-none.txt", "alg-none", protected, b("alg-none"), expect=deny),
        Case("malformed-two-parts.txt", "malformed", protected,
             [f"Authorization: {scheme} abc.def"], expect=deny),
        Case("malformed-garbage.txt", "malformed", protected,
             [f"Authorization: {scheme} eyJhbGciOi%%%garbage!!.x.y"], expect=deny),
        Case("not-auth.txt", "not-auth", not_auth_path, b("valid"), expect=404),
    ]
    if scoped:
        cs.insert(1, Case("ok-scoped.txt", "ok", scoped, b("valid"), expect=200))
        cs.append(Case("missing-scope.txt", "missing-scope", scoped, b("valid", over=readonly),
                       expect=scope_deny))
    if hs:
        skip = set(skip) | {"unknown-kid.txt"}
    return [c for c in cs if c.file not in skip]


def basic_suite(protected="/items", not_auth_path="/no-such-path", skip=(), deny=401):
    import base64
    cs = [
        Case("ok.txt", "ok", protected, basic(), expect=200),
        Case("missing.txt", "missing", protected, [], expect=deny),
        Case("basic-wrong-password.txt", "basic-wrong-password", protected,
             basic(password="wrong-pass"), expect=deny),
        Case("basic-unknown-user.txt", "basic-wrong-password", protected,
             basic(user="mallory", password="whatever"), expect=deny),
        Case("wrong-scheme-bearer.txt", "wrong-scheme", protected,
             bearer("valid"), expect=deny),
        Case("malformed-basic.txt", "malformed", protected,
             ["Authorization: Basic !!!not-base64!!!"], expect=deny),
        Case("malformed-basic-no-colon.txt", "malformed", protected,
             ["Authorization: Basic " + base64.b64encode(b"alice").decode()], expect=deny),
        Case("not-auth.txt", "not-auth", not_auth_path, basic(), expect=404),
    ]
    return [c for c in cs if c.file not in skip]


def proxy_suite(target, target_missing, skip=()):
    """Forward-proxy cases: curl -x http://127.0.0.1:PORT TARGET."""
    pa = "Proxy-Authorization"
    cs = [
        Case("ok.txt", "ok", target, basic(header=pa), proxy=True, expect=200),
        Case("proxy-auth-missing.txt", "proxy-auth", target, [], proxy=True, expect=407),
        Case("proxy-auth-wrong-password.txt", "proxy-auth", target,
             basic(password="wrong-pass", header=pa), proxy=True, expect=407),
        Case("proxy-auth-bearer.txt", "proxy-auth", target,
             bearer("valid", header=pa), proxy=True, expect=407),
        Case("proxy-auth-in-authorization.txt", "proxy-auth", target,
             basic(), proxy=True, expect=407),
        Case("not-auth.txt", "not-auth", target_missing, basic(header=pa), proxy=True, expect=404),
    ]
    return [c for c in cs if c.file not in skip]


def load(slug):
    p = STACKS / slug / "cases.py"
    spec = importlib.util.spec_from_file_location(f"cases_{slug.replace('-', '_')}", p)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def summarize(text):
    """A short note from curl -v output: status, challenge, body start."""
    lines = text.splitlines()
    status = None
    reason = ""
    chall = []
    body_start = None
    for i, ln in enumerate(lines):
        m = re.match(r"< HTTP/[\d.]+ (\d{3})\s*(.*)", ln)
        if m:
            status, reason = int(m.group(1)), m.group(2).strip()
            chall = []
        m = re.match(r"< (www-authenticate|proxy-authenticate):\s*(.*)", ln, re.I)
        if m:
            chall.append(f"{m.group(1)}: {m.group(2).strip()}")
        if ln.strip() == "<" and status is not None:
            body_start = i + 1
    body = ""
    if body_start is not None:
        rest = [ln for ln in lines[body_start:] if not re.match(r"^[*<>{}] ", ln) and not ln.startswith("* ")]
        body = " ".join(x.strip() for x in rest if x.strip())
    parts = [f"{status} {reason}".strip()]
    parts += chall
    if body:
        parts.append("body: " + (body[:160] + ("..." if len(body) > 160 else "")))
    else:
        parts.append("empty body")
    return status, "; ".join(parts)


def run(slug, outdir):
    m = load(slug)
    meta = dict(m.META)
    port = meta.pop("port")
    host = meta.pop("host", "127.0.0.1")
    base = f"http://{host}:{port}"
    out = Path(outdir) / slug
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    (out / "keys").mkdir()
    for k in meta.get("keys", []):
        shutil.copy(KEYS / Path(k).name, out / k)
    meta["stack"] = slug
    (out / "stack.json").write_text(json.dumps(meta, indent=2) + "\n")
    notes = getattr(m, "NOTES", {})
    results = []
    for c in m.CASES:
        hdrs = c.headers() if callable(c.headers) else list(c.headers)
        argv = list(CURL_BASE)
        if c.method:
            argv += ["-X", c.method]
        for h in hdrs:
            argv += ["-H", h]
        if c.data is not None:
            argv += ["--data-binary", c.data]
        argv += c.extra_args
        if c.proxy:
            argv += ["-x", base, c.path]
        else:
            argv.append(base + c.path)
        captured_at = int(time.time())
        with open(out / c.file, "wb") as f:
            subprocess.run(argv, stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        text = (out / c.file).read_text(errors="replace")
        status, note = summarize(text)
        flag = "" if c.expect in (None, status) else f"  <-- expected {c.expect}"
        print(f"{slug:28} {c.file:36} {status}{flag}")
        results.append({"file": c.file, "case": c.case, "captured_at": captured_at,
                        "status": status,
                        "note": f"{note} [{notes[c.file]}]" if c.file in notes else note})
    (out / "cases.json").write_text(json.dumps(results, indent=2) + "\n")
    return results


if __name__ == "__main__":
    cmd, slug = sys.argv[1], sys.argv[2]
    if cmd == "port":
        print(load(slug).META["port"])
    elif cmd == "run":
        run(slug, sys.argv[3])
    else:
        sys.exit(f"unknown command {cmd}")
