// hapi-auth-jwt2 with jwks-rsa's hapiJwt2KeyAsync; hapi route scopes from the token's scope claim.
const Hapi = require("@hapi/hapi");
const jwksRsa = require("jwks-rsa");

const init = async () => {
  const server = Hapi.server({ port: Number(process.env.PORT), host: "127.0.0.1" });
  await server.register(require("hapi-auth-jwt2"));
  server.auth.strategy("jwt", "jwt", {
    complete: true,
    key: jwksRsa.hapiJwt2KeyAsync({ jwksUri: process.env.JWKS_URL, cache: true }),
    verifyOptions: {
      audience: "https://api.authtui.test",
      issuer: "https://issuer.authtui.test/",
      algorithms: ["RS256"],
    },
    validate: async (decoded) => ({
      isValid: true,
      credentials: { sub: decoded.sub, scope: (decoded.scope || "").split(" ") },
    }),
  });
  server.auth.default("jwt");
  server.route({ method: "GET", path: "/items", handler: (req) => ({ items: ["a", "b"], sub: req.auth.credentials.sub }) });
  server.route({
    method: "GET",
    path: "/admin",
    options: { auth: { strategy: "jwt", scope: ["items:write"] } },
    handler: () => ({ admin: true }),
  });
  await server.start();
};
init();
