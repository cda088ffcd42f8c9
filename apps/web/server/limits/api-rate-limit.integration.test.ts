// On Vercel an instance may be frozen, or ended, as soon as its answer is
// sent: the counts a request added must reach the database before that, not
// on a timer that may never fire.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db";
import { takeApiRequest } from "./api-rate-limit";

// Vercel's runtime hands each request a context with waitUntil under this symbol.
const REQUEST_CONTEXT = Symbol.for("@vercel/request-context");
const keptAlive: Array<Promise<unknown>> = [];

beforeAll(() => {
  Reflect.set(globalThis, REQUEST_CONTEXT, {
    get: () => ({ waitUntil: (work: Promise<unknown>) => keptAlive.push(work) }),
  });
});

afterAll(() => {
  Reflect.deleteProperty(globalThis, REQUEST_CONTEXT);
});

it("keeps the function alive until the request's count is in the database", async () => {
  const userId = randomUUID();
  takeApiRequest(userId);
  expect(keptAlive.length).toBeGreaterThan(0);
  await Promise.all(keptAlive);
  const rows = await getDb().apiRateLimit.findMany({ where: { key: `tasks:${userId}` } });
  expect(rows.map((row) => row.count)).toEqual([1]);
});
