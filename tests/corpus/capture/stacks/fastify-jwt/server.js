// @fastify/jwt with an RS256 public key and verify options (allowedAud/allowedIss), onRequest jwtVerify.
const fs = require("fs");
const path = require("path");
const fastify = require("fastify")({ logger: false });

fastify.register(require("@fastify/jwt"), {
  secret: { public: fs.readFileSync(path.join(process.env.KEYS, "test-rsa.pub.pem")) },
  verify: {
    algorithms: ["RS256"],
    allowedAud: "https://api.authtui.test",
    allowedIss: "https://issuer.authtui.test/",
  },
});
fastify.decorate("authenticate", async function (request, reply) {
  await request.jwtVerify();
});
fastify.after(() => {
  fastify.get("/items", { onRequest: [fastify.authenticate] }, async (request) => ({
    items: ["a", "b"],
    sub: request.user.sub,
  }));
  fastify.post(
    "/items",
    {
      onRequest: [fastify.authenticate],
      schema: { body: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
    },
    async (request, reply) => reply.code(201).send({ added: request.body })
  );
});
fastify.listen({ port: Number(process.env.PORT), host: "127.0.0.1" });
