// Sign-up and sign-in limits, counted in the database so that they hold across
// serverless instances. This file sets a low limit of its own; every other
// test file runs with the high one from test/setup-env.ts.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@todo/db";
import { afterAll, describe, expect, it, vi } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/server/limits/client-ip";

// Not 3: Better Auth's own default for these endpoints, which a missing rule would fall back to.
const LIMIT = 4;
const WINDOW_SECONDS = 60;
const ORIGIN = "http://localhost:3000";
const db = createPrismaClient(process.env.DATABASE_URL ?? "", { max: 1 });

afterAll(() => db.$disconnect());

/** A fresh instance of the app's auth route (new modules, new database pool). */
async function loadAuthRoute() {
  vi.resetModules();
  Object.assign(process.env, {
    AUTH_RATE_LIMIT_MAX: String(LIMIT),
    AUTH_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
  });
  return (await import("@/app/api/auth/[...all]/route")).POST;
}

// Each test its own client address (TEST-NET-1, used by no other test file).
// Without the launcher's peer header (as in plain `next start`), the address
// comes from X-Forwarded-For, which Next fills in from the socket.
function post(path: string, body: object, ip: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}/api/auth${path}`, {
    method: "POST",
    headers: { origin: ORIGIN, "content-type": "application/json", "x-forwarded-for": ip, ...headers },
    body: JSON.stringify(body),
  });
}

const newUser = () => ({
  name: "Limited",
  email: `limited-${randomUUID()}@example.test`,
  password: `pw-${randomUUID()}`,
});

function expectRateLimited(response: Response): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= WINDOW_SECONDS).toBe(true);
  expect(response.headers.get("x-retry-after")).toBe(String(retryAfter));
}

async function storedCount(key: string): Promise<number | undefined> {
  const row = await db.$queryRaw<Array<{ count: number }>>`SELECT count FROM rate_limit WHERE key = ${key}`;
  return row[0]?.count;
}

describe("sign-up and sign-in rate limits", () => {
  it("limits sign-ups per client address, counted in the database across app instances", async () => {
    const ip = "192.0.2.10";
    const first = await loadAuthRoute();
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      expect((await first(post("/sign-up/email", newUser(), ip))).status).toBe(200);
    }
    expect(await storedCount(`${ip}|/sign-up/email`)).toBe(LIMIT);

    const second = await loadAuthRoute();
    expectRateLimited(await second(post("/sign-up/email", newUser(), ip)));
    expect((await second(post("/sign-up/email", newUser(), "192.0.2.11"))).status).toBe(200);
  });

  it("limits sign-ins, failed ones included, and answers 429 even to the right password", async () => {
    const ip = "192.0.2.20";
    const POST = await loadAuthRoute();
    const user = newUser();
    expect((await POST(post("/sign-up/email", user, "192.0.2.21"))).status).toBe(200);
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      const wrong = await POST(post("/sign-in/email", { email: user.email, password: "wrong-password" }, ip));
      expect(wrong.status).toBe(401);
    }
    expectRateLimited(await POST(post("/sign-in/email", { email: user.email, password: user.password }, ip)));
  });

  it("obeys a count another instance left in the database", async () => {
    const ip = "192.0.2.30";
    await db.$executeRaw`
      INSERT INTO rate_limit (id, key, count, last_request)
      VALUES (${randomUUID()}, ${`${ip}|/sign-in/email`}, ${LIMIT}, ${BigInt(Date.now())})`;
    const POST = await loadAuthRoute();
    expectRateLimited(await POST(post("/sign-in/email", { email: "nobody@example.test", password: "whatever1" }, ip)));
  });

  it("counts a client by the peer address the server saw, whatever X-Forwarded-For it makes up", async () => {
    const POST = await loadAuthRoute();
    const peer = { [PEER_ADDRESS_HEADER]: "192.0.2.40" };
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      const forged = `198.51.100.${attempt + 1}`;
      expect((await POST(post("/sign-up/email", newUser(), forged, peer))).status).toBe(200);
    }
    expectRateLimited(await POST(post("/sign-up/email", newUser(), "198.51.100.99", peer)));
    expect(await storedCount("192.0.2.40|/sign-up/email")).toBe(LIMIT);
  });

  it("limits sign-ins per e-mail address too, whichever addresses they come from", async () => {
    const POST = await loadAuthRoute();
    const [user, other] = [newUser(), newUser()];
    for (const person of [user, other])
      expect((await POST(post("/sign-up/email", person, "192.0.2.50"))).status).toBe(200);
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      const wrong = await POST(
        post("/sign-in/email", { email: user.email, password: "wrong-password" }, `192.0.2.${60 + attempt}`),
      );
      expect(wrong.status).toBe(401);
    }
    const refused = await POST(
      post("/sign-in/email", { email: user.email.toUpperCase(), password: user.password }, "192.0.2.70"),
    );
    expectRateLimited(refused);
    expect(await refused.json()).toMatchObject({ code: "TOO_MANY_ATTEMPTS_FOR_EMAIL" });
    expect(
      (await POST(post("/sign-in/email", { email: other.email, password: other.password }, "192.0.2.70"))).status,
    ).toBe(200);
  });

  it("limits reset-link requests per client address, answering a known and an unknown address alike", async () => {
    const ip = "192.0.2.80";
    const POST = await loadAuthRoute();
    const user = newUser();
    expect((await POST(post("/sign-up/email", user, "192.0.2.81"))).status).toBe(200);
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      const email = attempt % 2 === 0 ? user.email : `nobody-${randomUUID()}@example.test`;
      expect((await POST(post("/request-password-reset", { email }, ip))).status).toBe(200);
    }
    expectRateLimited(await POST(post("/request-password-reset", { email: user.email }, ip)));
    expectRateLimited(await POST(post("/request-password-reset", { email: "nobody@example.test" }, ip)));
  });

  it("limits every other endpoint, the API token among them, by AUTH_RATE_LIMIT_OTHER_MAX per 10 s", async () => {
    const ip = "192.0.2.100";
    const POST = await loadAuthRoute();
    Object.assign(process.env, { AUTH_RATE_LIMIT_OTHER_MAX: "2" });
    const { GET } = await import("@/app/api/auth/[...all]/route");
    const signedUp = await POST(post("/sign-up/email", newUser(), "192.0.2.101"));
    const cookie = (signedUp.headers.getSetCookie() ?? []).map((value) => value.split(";")[0]).join("; ");
    const token = () => GET(new Request(`${ORIGIN}/api/auth/token`, { headers: { cookie, "x-forwarded-for": ip } }));
    for (let attempt = 0; attempt < 2; attempt += 1) expect((await token()).status).toBe(200);
    expect((await token()).status).toBe(429);
    delete process.env.AUTH_RATE_LIMIT_OTHER_MAX;
  });

  it("limits verification e-mail requests per client address, answering a known and an unknown address alike", async () => {
    const ip = "192.0.2.90";
    const POST = await loadAuthRoute();
    const user = newUser();
    expect((await POST(post("/sign-up/email", user, "192.0.2.91"))).status).toBe(200);
    for (let attempt = 0; attempt < LIMIT; attempt += 1) {
      const email = attempt % 2 === 0 ? user.email : `nobody-${randomUUID()}@example.test`;
      expect((await POST(post("/send-verification-email", { email }, ip))).status).toBe(200);
    }
    expectRateLimited(await POST(post("/send-verification-email", { email: user.email }, ip)));
    expectRateLimited(await POST(post("/send-verification-email", { email: "nobody@example.test" }, ip)));
    expect((await POST(post("/send-verification-email", { email: user.email }, "192.0.2.92"))).status).toBe(200);
  });
});
