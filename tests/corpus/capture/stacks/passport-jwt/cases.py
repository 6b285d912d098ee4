from capture import jwt_suite

META = {
    "port": 9602,
    "name": "passport-jwt + jwks-rsa (Express 5, passport 0.7)",
    "ecosystem": "node",
    "package": "passport-jwt",
    "version": "4.0.1",
    "auth": "jwt",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": []},
    "keys": ["keys/jwks.json"],
    "notes": "JwtStrategy(fromAuthHeaderAsBearerToken, secretOrKeyProvider=jwksRsa.passportJwtSecret, issuer, "
             "audience, RS256); passport.authenticate('jwt', {session:false}) with passport's default failure "
             "response. No scope support.",
}
CASES = jwt_suite(scoped=None)
