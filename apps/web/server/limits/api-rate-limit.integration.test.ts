// On Vercel an instance may be frozen, or ended, as soon as its answer is
// sent: the counts a request added must reach the database before that, not
// on a timer that may never fire.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
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

it("is one count per process, whichever bundle's copy of this module counts", async () => {
  // Next bundles route handlers and the pages' server actions apart, each
  // with its own copy of a module: a fresh import stands in for another bundle.
  vi.resetModules();
  const other = await import("./api-rate-limit");
  const userId = randomUUID();
  expect(() => {
    for (;;) takeApiRequest(userId);
  }).toThrow("Too many requests");
  expect(() => other.takeApiRequest(userId)).toThrow("Too many requests");
});
