from capture import jwt_suite

META = {
    "port": 9506,
    "name": "BlackSheep JWTBearerAuthentication (guardpost)",
    "ecosystem": "python",
    "package": "blacksheep",
    "version": "2.6.4",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "JWTBearerAuthentication(valid_audiences, valid_issuers, keys_url=loopback JWKS), guardpost 1.1.0; "
             "policy 'write' = authenticated + scope items:write on GET /admin.",
}
CASES = jwt_suite()
