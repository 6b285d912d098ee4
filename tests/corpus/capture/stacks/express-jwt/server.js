// express-jwt with jwks-rsa (expressJwtSecret), as in the express-jwt README; no custom error handler.
const express = require("express");
const { expressjwt } = require("express-jwt");
const jwksRsa = require("jwks-rsa");

const app = express();
app.use(express.json());
app.use(
  expressjwt({
    secret: jwksRsa.expressJwtSecret({ jwksUri: process.env.JWKS_URL, cache: true }),
    audience: "https://api.authtui.test",
    issuer: "https://issuer.authtui.test/",
    algorithms: ["RS256"],
  })
);
app.get("/items", (req, res) => res.json({ items: ["a", "b"], sub: req.auth.sub }));
app.post("/items", (req, res) => res.status(201).json({ added: req.body }));
app.listen(Number(process.env.PORT), "127.0.0.1");
