from capture import jwt_suite

META = {
    "port": 9507,
    "name": "sanic-jwt (Sanic 25.12)",
    "ecosystem": "python",
    "package": "sanic-jwt",
    "version": "1.8.0",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "Initialize(algorithm=RS256, public_key, claim_aud, claim_iss, scopes_enabled=True); scopes go in a "
             "`scopes` list claim plus user_id (sanic-jwt's default user_id claim). @protected() on /items, "
             "@scoped('items:write') on /admin. Default leeway is 180 s.",
}
SC = lambda s: {"scopes": s, "scope": None, "user_id": "user-42"}
CASES = jwt_suite(scope_over=SC)
NOTES = {
    'missing-scope.txt': 'insufficient scope answered 401, not 403',
}
