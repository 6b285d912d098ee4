from capture import jwt_suite

META = {
    "port": 9609,
    "name": "Hono jwt middleware (hono/jwt, HS256) on @hono/node-server",
    "ecosystem": "node",
    "package": "hono",
    "version": "4.13.19",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/secret.txt"],
    "notes": "jwt({secret, alg:'HS256', verification:{iss, aud}}) on /items/*; HS256 tokens signed with keys/secret.txt "
             "(bad signature = another secret). No kid, no scopes.",
}
CASES = jwt_suite(scoped=None, hs=True, not_auth_path="/items/no-such-path")
