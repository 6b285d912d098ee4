from capture import jwt_suite

META = {
    "port": 9704,
    "name": "HAProxy jwt_verify (frontend rules)",
    "ecosystem": "debian",
    "package": "haproxy",
    "version": "2.6.12-1+deb12u4",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "http_auth_bearer + jwt_header_query/jwt_verify(public-key PEM; a certificate file was reported 'file not found' by 2.6)/jwt_payload_query rules as in HAProxy's JWT "
             "docs: alg must be RS256, signature, iss, aud, exp (the documented recipe has no nbf check), scope "
             "items:write on /admin; 'http-request deny deny_status 401|403' so bodies are HAProxy's built-in pages. "
             "Backend: a loopback static origin (Python http.server), which also answers the 404.",
}
CASES = jwt_suite()
NOTES = {
    'not-yet-valid.txt': 'accepted: the documented rule set checks exp but not nbf',
}
