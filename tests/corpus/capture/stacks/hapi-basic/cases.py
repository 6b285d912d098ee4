from capture import basic_suite

META = {
    "port": 9607,
    "name": "@hapi/basic (@hapi/hapi 21)",
    "ecosystem": "node",
    "package": "@hapi/basic",
    "version": "7.0.2",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "server.auth.strategy('simple', 'basic', {validate}); user alice / s3cret-pass.",
}
CASES = basic_suite()
