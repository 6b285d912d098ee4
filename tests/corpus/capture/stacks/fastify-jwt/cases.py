from capture import Case, jwt_suite, bearer

META = {
    "port": 9604,
    "name": "@fastify/jwt (Fastify 5)",
    "ecosystem": "node",
    "package": "@fastify/jwt",
    "version": "10.2.8",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "secret:{public: PEM}, verify:{algorithms:[RS256], allowedAud, allowedIss}; request.jwtVerify() in "
             "onRequest; Fastify's default error handler writes the JSON. Static key: the kid is not looked up. No scopes.",
}
CASES = jwt_suite(scoped=None) + [
    Case("not-auth-bad-body.txt", "not-auth", "/items",
         lambda: bearer("valid")() + ["Content-Type: application/json"], method="POST", data='{"title": 5}', expect=400),
]
NOTES = {
    'not-yet-valid.txt': '500: the fast-jwt FAST_JWT_INACTIVE error is not mapped to 401',
    'unknown-kid.txt': 'static key: kid ignored, reported as a signature failure',
}
