from capture import jwt_suite

META = {
    "port": 9612,
    "name": "NestJS 12 AuthGuard('jwt') (@nestjs/passport + passport-jwt + jwks-rsa)",
    "ecosystem": "node",
    "package": "@nestjs/passport",
    "version": "12.0.0",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "@nestjs/core/common/platform-express 12.5.1, passport-jwt 4.0.1 strategy as in the Nest docs; a "
             "docs-style guard checks scope items:write on /admin (a guard returning false gives Nest's "
             "ForbiddenException). Compiled with tsc 5.9.",
}
CASES = jwt_suite()
