from capture import proxy_suite

META = {
    "port": 9706,
    "name": "Squid forward proxy, Basic proxy auth (basic_ncsa_auth)",
    "ecosystem": "debian",
    "package": "squid",
    "version": "5.7-2+deb12u6",
    "auth": "proxy",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "auth_param basic (realm 'authtui proxy'), acl proxy_auth REQUIRED; curl -x to a loopback origin "
             "(Python http.server at 127.0.0.1:9400), which answers the 200 and the 404.",
}
CASES = proxy_suite("http://127.0.0.1:9400/items", "http://127.0.0.1:9400/no-such-path")
