from capture import basic_suite

META = {
    "port": 9611,
    "name": "@fastify/basic-auth (Fastify 5)",
    "ecosystem": "node",
    "package": "@fastify/basic-auth",
    "version": "6.3.0",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "The README example verbatim: validate() returns Error('Winter is coming') on bad credentials, "
             "authenticate:{realm:'Westeros'}, global onRequest hook; Fastify's default error handler.",
}
CASES = basic_suite()
