from capture import Case, jwt_suite, bearer

META = {
    "port": 9509,
    "name": "Connexion 3 OAuth2 security (x-tokenInfoFunc, AsyncApp)",
    "ecosystem": "python",
    "package": "connexion",
    "version": "3.3.0",
    "auth": "oauth2",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "OpenAPI oauth2 scheme; x-tokenInfoFunc decodes with PyJWT (JWKS from loopback) and returns None on "
             "any error; Connexion itself checks the operation's scopes (items:write on /admin) and writes the errors.",
}
CASES = jwt_suite() + [
    Case("not-auth-bad-body.txt", "not-auth", "/items",
         lambda: bearer("valid")() + ["Content-Type: application/json"],
         method="POST", data='{"title": 5}', expect=400),
]
