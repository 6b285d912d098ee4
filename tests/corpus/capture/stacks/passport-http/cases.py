from capture import basic_suite

META = {
    "port": 9603,
    "name": "passport-http BasicStrategy (Express 5, passport 0.7)",
    "ecosystem": "node",
    "package": "passport-http",
    "version": "0.3.0",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "BasicStrategy with a verify callback; user alice / s3cret-pass; default realm.",
}
CASES = basic_suite()
