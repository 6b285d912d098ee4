from capture import jwt_suite

META = {
    "port": 9703,
    "name": "Apache mod_oauth2 (liboauth2) resource server",
    "ecosystem": "debian",
    "package": "libapache2-mod-oauth2",
    "version": "3.3.1-1 (liboauth2 1.4.5.4-1)",
    "auth": "oauth2",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json"],
    "notes": "Apache 2.4.71; AuthType oauth2, OAuth2TokenVerify jwks_uri (loopback) verify.exp/iat=required; iss/aud "
             "via 'Require oauth2_claim', scope via 'Require oauth2_claim scp:items:write' on /admin.json: the module matches a claim exactly or one element of an array, so tokens carry an Okta-style scp array next to scope.",
}
SC = lambda s: {"scope": " ".join(s), "scp": s}
CASES = jwt_suite(scope_over=SC, protected="/items.json", scoped="/admin.json", not_auth_path="/nothing-here")
NOTES = {
    'not-yet-valid.txt': 'accepted: nbf is not checked',
    'wrong-aud.txt': 'Require oauth2_claim failure: 401 without WWW-Authenticate',
    'wrong-iss.txt': 'Require oauth2_claim failure: 401 without WWW-Authenticate',
    'missing-scope.txt': 'Require oauth2_claim failure: 401 without WWW-Authenticate, not 403',
}
