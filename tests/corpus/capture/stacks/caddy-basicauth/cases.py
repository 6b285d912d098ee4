from capture import basic_suite

META = {
    "port": 9710,
    "name": "Caddy basicauth directive",
    "ecosystem": "debian",
    "package": "caddy",
    "version": "2.6.2-5",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "Caddyfile: basicauth { alice <bcrypt from caddy hash-password> } + file_server over a static items.json; "
             "admin API and automatic HTTPS off.",
}
CASES = basic_suite(protected="/items.json")
