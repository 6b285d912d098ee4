from capture import jwt_suite

META = {
    "port": 9702,
    "name": "Apache mod_auth_openidc, OAuth 2.0 resource server mode (AuthType oauth20)",
    "ecosystem": "debian",
    "package": "libapache2-mod-auth-openidc",
    "version": "2.4.12.3-2+deb12u5",
    "auth": "oauth2",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json", "keys/test-rsa.crt.pem"],
    "notes": "Apache 2.4.71; OIDCOAuthVerifyCertFiles authtui-test-1#test-rsa.crt.pem (it refuses http:// JWKS URIs), iss/aud checked with 'Require claim', scope "
             "with 'Require claim \"scope~(.* )?items:write( .*)?\"' (full-match regex) on /admin.json. 404 case: a protected location with no file.",
}
CASES = jwt_suite(protected="/items.json", scoped="/admin.json", not_auth_path="/nothing-here")
NOTES = {
    'not-yet-valid.txt': 'accepted: nbf is not checked',
    'wrong-aud.txt': 'Require claim failure: 401 without WWW-Authenticate',
    'wrong-iss.txt': 'Require claim failure: 401 without WWW-Authenticate',
    'missing-scope.txt': 'Require claim failure: 401 without WWW-Authenticate, not 403',
}
