from capture import Case, jwt_suite, bearer

META = {
    "port": 9501,
    "name": "Flask-JWT-Extended (Flask 3.1)",
    "ecosystem": "python",
    "package": "flask-jwt-extended",
    "version": "4.7.4",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "RS256 with JWT_PUBLIC_KEY, JWT_DECODE_AUDIENCE/ISSUER; @jwt_required() on GET /items. "
             "No scope concept in the library (no scoped endpoint). Refresh token = a token with type=refresh.",
}
CASES = jwt_suite(scoped=None) + [
    Case("refresh-token.txt", "refresh-token", "/items", bearer("valid", type="refresh"), expect=422),
    Case("not-auth-bad-body.txt", "not-auth", "/items", lambda: bearer("valid")() + ["Content-Type: application/json"],
         method="POST", data='{"name": ', expect=400),
]
