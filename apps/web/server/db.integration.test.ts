// On Vercel a function instance may be suspended as soon as its response is
// sent. The app's pool must keep it alive until its idle connections are
// closed, rather than leave them open in a frozen instance.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@todo/db";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Vercel's runtime hands each request a context with waitUntil under this symbol.
const REQUEST_CONTEXT = Symbol.for("@vercel/request-context");
const IDLE_TIMEOUT_MS = 300;
const applicationName = `pool-test-${randomUUID()}`;
const databaseUrl = process.env.DATABASE_URL ?? "";
const observer = createPrismaClient(databaseUrl, { max: 1 });
const keptAlive: Array<{ work: Promise<unknown>; since: number }> = [];

beforeAll(() => {
  Reflect.set(globalThis, REQUEST_CONTEXT, {
    get: () => ({ waitUntil: (work: Promise<unknown>) => keptAlive.push({ work, since: performance.now() }) }),
  });
  Object.assign(process.env, {
    // Tags this test's connections, to count them in pg_stat_activity.
    DATABASE_URL: `${databaseUrl}?application_name=${applicationName}`,
    DATABASE_POOL_MAX: "2",
    DATABASE_POOL_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
    VERCEL: "1",
    // Read by @vercel/functions itself: it acts only inside a Vercel function.
    VERCEL_URL: "todo-k2j3h4g5f-acme.vercel.app",
    VERCEL_REGION: "fra1",
  });
});

afterAll(async () => {
  Reflect.deleteProperty(globalThis, REQUEST_CONTEXT);
  await observer.$disconnect();
});

async function openConnections(): Promise<number> {
  const rows = await observer.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${applicationName}`;
  return rows[0]?.n ?? -1;
}

describe("the app's database pool on Vercel", () => {
  it("uses at most DATABASE_POOL_MAX connections and keeps the function alive until they are closed", async () => {
    vi.resetModules();
    const { getDb } = await import("./db");
    // Counted while the queries run: once they are done, a busy machine may
    // let the idle timeout close the connections before the count comes back.
    const queries = Promise.all(Array.from({ length: 6 }, () => getDb().$queryRaw`SELECT 1 FROM pg_sleep(0.2)`));
    const counts: number[] = [];
    await vi.waitFor(
      async () => {
        counts.push(await openConnections());
        expect(counts.at(-1)).toBe(2);
      },
      { timeout: 2_000, interval: 20 },
    );
    await queries;
    expect(Math.max(...counts)).toBe(2);

    // Every connection handed back asked Vercel to wait; the latest wait lasts
    // until the pool's idle timeout has closed them all.
    // (Timed from when it was asked for: on a busy machine the queries' own
    // answers can come a good part of the idle timeout after the release.)
    const last = keptAlive.at(-1);
    if (!last) throw new Error("nothing asked Vercel to wait");
    await last.work;
    expect(performance.now() - last.since).toBeGreaterThanOrEqual(IDLE_TIMEOUT_MS - 50);
    await vi.waitFor(async () => expect(await openConnections()).toBe(0), { timeout: 2_000, interval: 50 });
  });
});
