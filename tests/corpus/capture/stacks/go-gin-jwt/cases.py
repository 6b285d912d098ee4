from capture import jwt_suite

META = {
    "port": 9712,
    "name": "gin-jwt (appleboy/gin-jwt) on Gin, Go 1.19",
    "ecosystem": "go",
    "package": "golang-github-appleboy-gin-jwt-dev",
    "version": "2.6.4-2 (gin 1.8.1-1, dgrijalva/jwt-go 3.2.0-4, golang-go 1.19)",
    "auth": "jwt",
    "expect": {"aud": [], "iss": "", "scope": ["items:write"]},
    "keys": ["keys/jwks.json", "keys/test-rsa.pub.pem"],
    "notes": "Built offline from Debian's Go packages (GOPATH mode). GinJWTMiddleware{Realm 'authtui', RS256, "
             "PubKeyFile, TokenLookup 'header: Authorization', TokenHeadName 'Bearer'}; Authorizator hook requires "
             "scope items:write on /admin. gin-jwt has no audience/issuer options, so aud/iss are not checked "
             "(tokens still carry them); a static key, so the kid is not looked up.",
}
CASES = jwt_suite()
NOTES = {
    'wrong-aud.txt': 'accepted: gin-jwt does not check aud',
    'wrong-iss.txt': 'accepted: gin-jwt does not check iss',
    'unknown-kid.txt': 'static key: kid ignored, reported as a signature failure',
}
