// gin-jwt (appleboy/gin-jwt v2, Debian package) on Gin, RS256 with a public key file.
// Tokens are minted outside (no login route is used); the Authorizator hook (gin-jwt's
// documented place for authorization) requires scope items:write on /admin.
package main

import (
	"log"
	"os"
	"path/filepath"
	"strings"

	jwt "github.com/appleboy/gin-jwt"
	"github.com/gin-gonic/gin"
)

func main() {
	keys := os.Getenv("KEYS")
	mw, err := jwt.New(&jwt.GinJWTMiddleware{
		Realm:            "authtui",
		SigningAlgorithm: "RS256",
		PubKeyFile:       filepath.Join(keys, "test-rsa.pub.pem"),
		PrivKeyFile:      filepath.Join(keys, "test-rsa.pem"),
		IdentityKey:      "sub",
		IdentityHandler: func(c *gin.Context) interface{} {
			return jwt.ExtractClaims(c)["sub"]
		},
		Authenticator: func(c *gin.Context) (interface{}, error) {
			return nil, jwt.ErrFailedAuthentication
		},
		Authorizator: func(data interface{}, c *gin.Context) bool {
			if c.FullPath() != "/admin" {
				return true
			}
			scope, _ := jwt.ExtractClaims(c)["scope"].(string)
			for _, s := range strings.Fields(scope) {
				if s == "items:write" {
					return true
				}
			}
			return false
		},
		TokenLookup:   "header: Authorization",
		TokenHeadName: "Bearer",
	})
	if err != nil {
		log.Fatal(err)
	}
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	auth := r.Group("/", mw.MiddlewareFunc())
	auth.GET("/items", func(c *gin.Context) {
		c.JSON(200, gin.H{"items": []string{"a", "b"}, "sub": jwt.ExtractClaims(c)["sub"]})
	})
	auth.GET("/admin", func(c *gin.Context) { c.JSON(200, gin.H{"admin": true}) })
	log.Fatal(r.Run("127.0.0.1:" + os.Getenv("PORT")))
}
