from capture import Case, jwt_suite, bearer

META = {
    "port": 9608,
    "name": "Hono jwk middleware (hono/jwk) on @hono/node-server",
    "ecosystem": "node",
    "package": "hono",
    "version": "4.13.19",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json"],
    "notes": "jwk({jwks_uri, alg:[RS256], verification:{iss, aud}}) on /items/*; @hono/node-server 2.1.9. "
             "No scope support. not-auth-bad-body: POST /items with broken JSON (c.req.json() throws).",
}
CASES = jwt_suite(scoped=None, not_auth_path="/items/no-such-path") + [
    Case("not-auth-bad-body.txt", "not-auth", "/items",
         lambda: bearer("valid")() + ["Content-Type: application/json"], method="POST", data='{"name": ', expect=400),
]
NOTES = {
    'not-auth-bad-body.txt': 'broken JSON body gives a 500, not a 400',
}
