from capture import proxy_suite

META = {
    "port": 9707,
    "name": "tinyproxy BasicAuth",
    "ecosystem": "debian",
    "package": "tinyproxy",
    "version": "1.11.1-2.1+deb12u1",
    "auth": "proxy",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "BasicAuth alice s3cret-pass; curl -x to a loopback origin (Python http.server at 127.0.0.1:9400).",
}
CASES = proxy_suite("http://127.0.0.1:9400/items", "http://127.0.0.1:9400/no-such-path")
NOTES = {
    'proxy-auth-wrong-password.txt': 'wrong proxy credentials answered 401 + WWW-Authenticate, not 407',
    'proxy-auth-bearer.txt': 'non-Basic Proxy-Authorization answered 401 + WWW-Authenticate, not 407',
}
