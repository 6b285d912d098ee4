from capture import Case, jwt_suite, bearer

META = {
    "port": 9508,
    "name": "falcon-auth2 JWTAuthBackend (Falcon 4.4, joserfc)",
    "ecosystem": "python",
    "package": "falcon-auth2",
    "version": "0.2.0",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json"],
    "notes": "AuthMiddleware(JWTAuthBackend(user_loader, KeySet from JWKS, algorithms=[RS256], claims_options with "
             "iss/aud values)); served by wsgiref. falcon-auth2 does authentication only (no scope check).",
}
CASES = jwt_suite(scoped=None) + [
    Case("not-auth-bad-body.txt", "not-auth", "/items",
         lambda: bearer("valid")() + ["Content-Type: application/json"],
         method="POST", data='{"name": ', expect=400),
]
