from capture import jwt_suite

META = {
    "port": 9711,
    "name": "rack-oauth2 Bearer resource middleware + ruby-jwt (Sinatra 3, WEBrick)",
    "ecosystem": "ruby",
    "package": "ruby-rack-oauth2",
    "version": "1.21.3-1 (ruby-jwt 2.5.0-1+deb12u1, ruby-sinatra 3.0.5, ruby-rack 2.2.22, Ruby 3.1.2)",
    "auth": "oauth2",
    "expect": {"aud": ["https://api.authtui.test"], "iss": "https://issuer.authtui.test/", "scope": ["items:write"]},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "Rack::OAuth2::Server::Resource::Bearer with realm 'authtui'; the authenticator block decodes with "
             "JWT.decode(RS256, iss, aud) and calls req.invalid_token! (the library's default description) on any "
             "JWT::DecodeError; the app raises Bearer::Unauthorized when no token and Resource::Forbidden"
             "(:insufficient_scope, scope: 'items:write') on /admin. Debian packages, rackup -s webrick.",
}
CASES = jwt_suite()
