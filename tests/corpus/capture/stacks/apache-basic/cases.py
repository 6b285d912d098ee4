from capture import basic_suite

META = {
    "port": 9701,
    "name": "Apache httpd mod_auth_basic + mod_authn_file",
    "ecosystem": "debian",
    "package": "apache2",
    "version": "2.4.71-1~deb12u1",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "AuthType Basic, AuthName 'authtui corpus', AuthUserFile (bcrypt htpasswd), Require valid-user; "
             "private config, event MPM, serves a static items.json.",
}
CASES = basic_suite(protected="/items.json")
