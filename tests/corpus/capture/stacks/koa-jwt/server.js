// koa-jwt with jwks-rsa's koaJwtSecret (README setup), default options (debug off).
const Koa = require("koa");
const Router = require("@koa/router");
const jwt = require("koa-jwt");
const jwksRsa = require("jwks-rsa");

const app = new Koa();
app.use(
  jwt({
    secret: jwksRsa.koaJwtSecret({ jwksUri: process.env.JWKS_URL, cache: true }),
    audience: "https://api.authtui.test",
    issuer: "https://issuer.authtui.test/",
    algorithms: ["RS256"],
  })
);
const router = new Router();
router.get("/items", (ctx) => {
  ctx.body = { items: ["a", "b"], sub: ctx.state.user.sub };
});
app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.PORT), "127.0.0.1");
