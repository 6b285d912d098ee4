from capture import basic_suite

META = {
    "port": 9610,
    "name": "express-basic-auth (Express 5)",
    "ecosystem": "node",
    "package": "express-basic-auth",
    "version": "1.2.1",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "app.use(basicAuth({users: {alice: 's3cret-pass'}})) with the package defaults: challenge is off by "
             "default, so no WWW-Authenticate is sent.",
}
CASES = basic_suite()
