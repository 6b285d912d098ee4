// Hono's built-in JWT middleware (hono/jwt) with an HS256 secret and payload verification.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import { jwt } from "hono/jwt";
import { serve } from "@hono/node-server";

const secret = readFileSync(join(process.env.KEYS, "secret.txt"), "utf8").trim();
const app = new Hono();
app.use(
  "/items/*",
  jwt({ secret, alg: "HS256", verification: { iss: "https://issuer.authtui.test/", aud: "https://api.authtui.test" } })
);
app.get("/items", (c) => c.json({ items: ["a", "b"], sub: c.get("jwtPayload").sub }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: "127.0.0.1" });
