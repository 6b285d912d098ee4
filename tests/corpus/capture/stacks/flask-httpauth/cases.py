from capture import basic_suite

META = {
    "port": 9502,
    "name": "Flask-HTTPAuth HTTPBasicAuth (Flask 3.1)",
    "ecosystem": "python",
    "package": "flask-httpauth",
    "version": "4.8.1",
    "auth": "basic",
    "expect": {"aud": [], "iss": "", "scope": []},
    "keys": [],
    "notes": "HTTPBasicAuth with verify_password over werkzeug password hashes; user alice / s3cret-pass.",
}
CASES = basic_suite()
