// passport-jwt JwtStrategy with jwks-rsa's passportJwtSecret, session-less, on Express 5.
const express = require("express");
const passport = require("passport");
const { Strategy: JwtStrategy, ExtractJwt } = require("passport-jwt");
const jwksRsa = require("jwks-rsa");

passport.use(
  new JwtStrategy(
    {
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: jwksRsa.passportJwtSecret({ jwksUri: process.env.JWKS_URL, cache: true }),
      issuer: "https://issuer.authtui.test/",
      audience: "https://api.authtui.test",
      algorithms: ["RS256"],
    },
    (payload, done) => done(null, { sub: payload.sub, scope: payload.scope })
  )
);
const app = express();
app.use(passport.initialize());
app.get("/items", passport.authenticate("jwt", { session: false }), (req, res) =>
  res.json({ items: ["a", "b"], sub: req.user.sub })
);
app.listen(Number(process.env.PORT), "127.0.0.1");
