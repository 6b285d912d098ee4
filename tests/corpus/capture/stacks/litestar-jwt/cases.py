from capture import Case, jwt_suite, bearer

META = {
    "port": 9504,
    "name": "Litestar JWTAuth",
    "ecosystem": "python",
    "package": "litestar",
    "version": "2.25.0",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "JWTAuth with algorithm RS256 and the public key as token_secret, accepted_audiences/accepted_issuers. "
             "No built-in scope check (guards are user code), so no scoped endpoint.",
}
CASES = jwt_suite(scoped=None) + [
    Case("not-auth-bad-body.txt", "not-auth", "/items",
         lambda: bearer("valid")() + ["Content-Type: application/json"],
         method="POST", data='{"count": "not-a-number"}', expect=400),
]
NOTES = {
    'wrong-scheme-token.txt': 'accepted: JWTAuth takes whatever follows the first space, any scheme',
}
