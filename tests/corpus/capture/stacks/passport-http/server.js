// passport-http BasicStrategy on Express 5 (README setup).
const express = require("express");
const passport = require("passport");
const { BasicStrategy } = require("passport-http");

const users = { alice: "s3cret-pass" };
passport.use(
  new BasicStrategy((username, password, done) => {
    if (!(username in users)) return done(null, false);
    if (users[username] !== password) return done(null, false);
    return done(null, { username });
  })
);
const app = express();
app.use(passport.initialize());
app.get("/items", passport.authenticate("basic", { session: false }), (req, res) =>
  res.json({ items: ["a", "b"], user: req.user.username })
);
app.listen(Number(process.env.PORT), "127.0.0.1");
