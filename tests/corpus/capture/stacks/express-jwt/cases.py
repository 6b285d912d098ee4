from capture import Case, jwt_suite, bearer

META = {
    "port": 9601,
    "name": "express-jwt + jwks-rsa (Express 5)",
    "ecosystem": "node",
    "package": "express-jwt",
    "version": "8.5.1",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json"],
    "notes": "expressjwt({secret: jwksRsa.expressJwtSecret({jwksUri}), audience, issuer, algorithms:[RS256]}) with "
             "jwks-rsa 4.1.0 and Express 5.3.0; no error handler, so Express's default (development mode, NODE_ENV "
             "unset) renders the UnauthorizedError as an HTML page with a stack trace. No scope support.",
}
CASES = jwt_suite(scoped=None) + [
    Case("not-auth-bad-body.txt", "not-auth", "/items",
         lambda: bearer("valid")() + ["Content-Type: application/json"], method="POST", data='{"name": ', expect=400),
]
