// express-basic-auth with static users, defaults otherwise (challenge: false is the package default).
const express = require("express");
const basicAuth = require("express-basic-auth");

const app = express();
app.use(basicAuth({ users: { alice: "s3cret-pass" } }));
app.get("/items", (req, res) => res.json({ items: ["a", "b"], user: req.auth.user }));
app.listen(Number(process.env.PORT), "127.0.0.1");
