from capture import jwt_suite

META = {
    "port": 9606,
    "name": "hapi-auth-jwt2 + jwks-rsa (@hapi/hapi 21)",
    "ecosystem": "node",
    "package": "hapi-auth-jwt2",
    "version": "11.0.0",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "key: jwksRsa.hapiJwt2KeyAsync, verifyOptions {audience, issuer, algorithms}; validate maps the scope "
             "claim to credentials.scope and hapi's own route auth scope ['items:write'] guards /admin.",
}
CASES = jwt_suite()
NOTES = {
    'no-bearer-prefix.txt': 'accepted: a bare JWT without a scheme is taken as the token',
    'unknown-kid.txt': 'generic 500: the jwks-rsa key lookup failure is not turned into a 401',
    'alg-none.txt': 'generic 500 instead of a 401',
}
