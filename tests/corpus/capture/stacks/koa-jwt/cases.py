from capture import jwt_suite

META = {
    "port": 9605,
    "name": "koa-jwt + jwks-rsa (Koa 3)",
    "ecosystem": "node",
    "package": "koa-jwt",
    "version": "4.0.4",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json"],
    "notes": "jwt({secret: jwksRsa.koaJwtSecret({jwksUri}), audience, issuer, algorithms:[RS256]}); debug left off "
             "(the default), so Koa answers with koa-jwt's generic message. No scopes.",
}
CASES = jwt_suite(scoped=None)
