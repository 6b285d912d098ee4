// @fastify/basic-auth, README setup (validate + authenticate realm), onRequest hook.
const fastify = require("fastify")({ logger: false });

async function validate(username, password, req, reply) {
  if (username !== "alice" || password !== "s3cret-pass") {
    return new Error("Winter is coming");
  }
}
fastify.register(require("@fastify/basic-auth"), { validate, authenticate: { realm: "Westeros" } });
fastify.after(() => {
  fastify.addHook("onRequest", fastify.basicAuth);
  fastify.get("/items", async () => ({ items: ["a", "b"] }));
});
fastify.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
