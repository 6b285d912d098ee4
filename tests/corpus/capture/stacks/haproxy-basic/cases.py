from capture import basic_suite

META = {
    "port": 9705,
    "name": "HAProxy http-request auth with a userlist (Basic)",
    "ecosystem": "debian",
    "package": "haproxy",
    "version": "2.6.12-1+deb12u4",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "userlist with alice/s3cret-pass, 'http-request auth realm authtui unless { http_auth(api_users) }'; "
             "backend is a loopback static origin (Python http.server), which answers the 404.",
}
CASES = basic_suite()
