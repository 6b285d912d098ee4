from capture import Case, jwt_suite, bearer

AT = {"typ": "at+jwt"}
VALID = {"client_id": "authtui-client"}
META = {
    "port": 9503,
    "name": "Authlib ResourceProtector + rfc9068 JWTBearerTokenValidator (Flask)",
    "ecosystem": "python",
    "package": "authlib",
    "version": "1.9.10",
    "auth": "oauth2",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "RFC 9068 profile: tokens carry typ=at+jwt and client_id; keys from a local JWKS (get_jwks). "
             "GET /items needs any valid token, GET /admin needs scope items:write.",
}
CASES = jwt_suite(jwt_headers=AT, valid_over=VALID) + [
    Case("refresh-token-id-token-typ.txt", "refresh-token", "/items",
         bearer("valid", headers={"typ": "JWT"}, client_id="authtui-client"), expect=401),
]
