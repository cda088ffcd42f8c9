// Rotating BETTER_AUTH_SECRET: the JWT signing keys in the jwks table are
// encrypted with it. What the README's Deploy section promises is shown here,
// on a database of its own (other test files share the run's signing keys).
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createPrismaClient } from "@todo/db";
import { applyMigrations } from "@todo/db/migrate";
import { beforeAll, describe, expect, it, vi } from "vitest";

const ORIGIN = "http://localhost:3000";
const OLD_SECRET = randomBytes(32).toString("base64url");
const NEW_SECRET = randomBytes(32).toString("base64url");
let databaseUrl: string;

beforeAll(async () => {
  const admin = createPrismaClient(process.env.DATABASE_URL ?? "", { max: 1 });
  const name = `rotation_${randomUUID().replaceAll("-", "")}`;
  try {
    await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.$disconnect();
  }
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  await applyMigrations(databaseUrl, fileURLToPath(new URL("../../../../prisma/migrations", import.meta.url)));
});

/** A fresh app instance with these secrets. */
async function loadApp(secrets: { BETTER_AUTH_SECRET: string; BETTER_AUTH_SECRETS?: string }) {
  vi.resetModules();
  delete process.env.BETTER_AUTH_SECRETS;
  Object.assign(process.env, { DATABASE_URL: databaseUrl }, secrets);
  const { GET, POST } = await import("@/app/api/auth/[...all]/route");
  const { verifyToken } = await import("./verify-token");
  const call = (path: string, init: { body?: object; cookie?: string } = {}) => {
    const headers = new Headers({ origin: ORIGIN, "x-forwarded-for": "198.51.100.77" });
    if (init.cookie) headers.set("cookie", init.cookie);
    if (init.body) headers.set("content-type", "application/json");
    const request = new Request(`${ORIGIN}/api/auth${path}`, {
      method: init.body ? "POST" : "GET",
      headers,
      body: init.body ? JSON.stringify(init.body) : null,
    });
    return init.body ? POST(request) : GET(request);
  };
  /** Signs in (or up) and resolves to the session cookie. */
  const session = async (path: "/sign-up/email" | "/sign-in/email", body: object) => {
    const response = await call(path, { body });
    expect(response.status).toBe(200);
    return response.headers
      .getSetCookie()
      .map((header) => header.split(";")[0])
      .join("; ");
  };
  return { call, session, verifyToken };
}

const tokenOf = async (response: Response) => ((await response.json()) as { token: string }).token;

const newPerson = () => ({ name: "Rota", email: `rota-${randomUUID()}@example.test`, password: `pw-${randomUUID()}` });

/** A user, and the signing key Better Auth creates on first use, made under the old secret. */
async function beforeRotation() {
  const app = await loadApp({ BETTER_AUTH_SECRET: OLD_SECRET });
  const person = newPerson();
  const cookie = await app.session("/sign-up/email", person);
  const token = await tokenOf(await app.call("/token", { cookie }));
  return { credentials: { email: person.email, password: person.password }, cookie, token };
}

describe("rotating BETTER_AUTH_SECRET", () => {
  it("keeps the JWT signing keys usable with versioned secrets; browser sessions sign in once more", async () => {
    const before = await beforeRotation();
    // The new secret first; the old one stays as BETTER_AUTH_SECRET, which
    // decrypts what was encrypted before versioned secrets were used.
    const rotated = await loadApp({ BETTER_AUTH_SECRET: OLD_SECRET, BETTER_AUTH_SECRETS: `2:${NEW_SECRET}` });
    const userId = await rotated.verifyToken(before.token);
    // Session cookies are signed with the current secret only.
    expect((await rotated.call("/token", { cookie: before.cookie })).status).toBe(401);
    const cookie = await rotated.session("/sign-in/email", before.credentials);
    const token = await tokenOf(await rotated.call("/token", { cookie }));
    await expect(rotated.verifyToken(token)).resolves.toBe(userId);
  });

  it("breaks token signing when the secret is simply replaced", async () => {
    const before = await beforeRotation();
    const replaced = await loadApp({ BETTER_AUTH_SECRET: NEW_SECRET });
    const cookie = await replaced.session("/sign-in/email", before.credentials);
    expect((await replaced.call("/token", { cookie })).status).toBe(500);
  });
});
