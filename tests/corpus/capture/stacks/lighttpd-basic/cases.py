from capture import basic_suite

META = {
    "port": 9708,
    "name": "lighttpd mod_auth (htpasswd backend, Basic)",
    "ecosystem": "debian",
    "package": "lighttpd",
    "version": "1.4.69-1",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "auth.backend htpasswd (apr1-MD5 entry), auth.require '/' basic realm 'authtui' valid-user; static items.json.",
}
CASES = basic_suite(protected="/items.json")
