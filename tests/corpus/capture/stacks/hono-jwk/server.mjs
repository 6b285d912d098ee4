// Hono's built-in JWK middleware (hono/jwk) with a jwks_uri and payload verification, on @hono/node-server.
import { Hono } from "hono";
import { jwk } from "hono/jwk";
import { serve } from "@hono/node-server";

const app = new Hono();
app.use(
  "/items/*",
  jwk({
    jwks_uri: process.env.JWKS_URL,
    alg: ["RS256"],
    verification: { iss: "https://issuer.authtui.test/", aud: "https://api.authtui.test" },
  })
);
app.get("/items", (c) => c.json({ items: ["a", "b"], sub: c.get("jwtPayload").sub }));
app.post("/items", async (c) => c.json({ added: await c.req.json() }, 201));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
