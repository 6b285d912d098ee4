// @hapi/basic on @hapi/hapi 21 (README setup; plain compare instead of bcrypt, which needs a native build).
const Hapi = require("@hapi/hapi");
const crypto = require("crypto");

const users = { alice: { username: "alice", password: "s3cret-pass", id: "1" } };
const validate = async (request, username, password) => {
  const user = users[username];
  if (!user) return { credentials: null, isValid: false };
  const a = Buffer.from(password), b = Buffer.from(user.password);
  const isValid = a.length === b.length && crypto.timingSafeEqual(a, b);
  return { isValid, credentials: { id: user.id, name: user.username } };
};
const init = async () => {
  const server = Hapi.server({ port: Number(process.env.PORT), host: "127.0.0.1" });
  await server.register(require("@hapi/basic"));
  server.auth.strategy("simple", "basic", { validate });
  server.auth.default("simple");
  server.route({ method: "GET", path: "/items", handler: (req) => ({ items: ["a", "b"], user: req.auth.credentials.name }) });
  await server.start();
};
init();
