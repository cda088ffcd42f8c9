// Live updates across server processes: a second `next start` of the same
// build on the same database; a change made through either process reaches
// an events stream held by the other within 2 s (the signal goes through
// PostgreSQL's LISTEN/NOTIFY, not through memory).
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { nextServerArgs } from "../scripts/next-server-args";
import { bearer } from "./support/api";
import { E2E_PORT, readE2eState } from "./support/e2e-env";
import { apiToken, signUpQuickly } from "./support/people";

const SECOND_PORT = E2E_PORT + 50;
const webDir = join(dirname(fileURLToPath(import.meta.url)), "../apps/web");
const state = readE2eState();
let second: ChildProcess | undefined;

test.skip(!state, "needs the database of the e2e server this run started");

test.beforeAll(async () => {
  second = spawn(process.execPath, nextServerArgs("start", SECOND_PORT), {
    cwd: webDir,
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: state?.databaseUrl,
      // Its own secret: it signs nothing here, and verifies the first server's tokens with their public keys.
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: `http://localhost:${E2E_PORT}`,
      NODE_ENV: "production",
    },
  });
  await expect
    .poll(
      () =>
        fetch(`http://localhost:${SECOND_PORT}/api/health`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 30_000 },
    )
    .toBe(200);
});

test.afterAll(() => {
  second?.kill("SIGTERM");
});

/** Opens an events stream and resolves each awaited title when an event carrying it arrives. */
async function openStream(origin: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${origin}/api/tasks/events`, { headers: bearer(token), signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  const seen = new Map<string, number>();
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let text = "";
    for (;;) {
      const chunk = await reader?.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      text += decoder.decode(chunk.value, { stream: true });
      for (const match of text.matchAll(/"title":"([^"]*)"/g))
        if (match[1] && !seen.has(match[1])) seen.set(match[1], Date.now());
    }
  })();
  return { seen, close: () => controller.abort() };
}

test("a change through either process reaches the other's listeners within 2 s", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signUpQuickly(page);
  const token = await apiToken(page.request);
  const origins = [baseURL ?? `http://localhost:${E2E_PORT}`, `http://localhost:${SECOND_PORT}`];
  const streams = await Promise.all(origins.map((origin) => openStream(origin, token)));
  const latencies: number[] = [];
  try {
    for (let index = 0; index < 10; index++) {
      const writeTo = origins[index % 2] ?? "";
      const title = `Across ${index}`;
      const sent = Date.now();
      const created = await fetch(`${writeTo}/api/tasks`, {
        method: "POST",
        headers: { ...bearer(token), "Content-Type": "application/json" },
        body: JSON.stringify({ title }),
      });
      expect(created.status).toBe(201);
      await expect
        .poll(() => streams.every((stream) => stream.seen.has(title)), { timeout: 5_000, intervals: [20] })
        .toBe(true);
      for (const stream of streams) latencies.push((stream.seen.get(title) ?? Number.POSITIVE_INFINITY) - sent);
    }
  } finally {
    for (const stream of streams) stream.close();
  }
  latencies.sort((a, b) => a - b);
  expect(latencies[Math.ceil(latencies.length * 0.95) - 1]).toBeLessThan(2_000);
});
