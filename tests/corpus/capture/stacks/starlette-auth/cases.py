from capture import jwt_suite

META = {
    "port": 9505,
    "name": "Starlette AuthenticationMiddleware + JWT backend (PyJWT, JWKS)",
    "ecosystem": "python",
    "package": "starlette",
    "version": "1.10.0",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "Backend from the Starlette docs pattern: raises AuthenticationError(str(PyJWT error)); "
             "Starlette's default on_error and @requires(...) decide the status. JWKS fetched from a loopback URL. "
             "PyJWT 2.15.1 does the token checks.",
}
CASES = jwt_suite()
NOTES = {
    'missing.txt': 'no credentials: @requires answers 403',
    'expired.txt': "AuthenticationMiddleware's default on_error: 400 with the exception text"}
