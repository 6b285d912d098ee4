from capture import basic_suite

META = {
    "port": 9511,
    "name": "aiohttp-basicauth BasicAuthMiddleware (aiohttp 3.14)",
    "ecosystem": "python",
    "package": "aiohttp-basicauth",
    "version": "1.2.0",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "BasicAuthMiddleware(username='alice', password='s3cret-pass') with its defaults (force=True, realm '').",
}
CASES = basic_suite()
