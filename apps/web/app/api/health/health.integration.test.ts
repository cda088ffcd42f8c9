// The health route against its own PostgreSQL cluster, which this test stops
// and starts again while the app keeps running.
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type OwnDatabase, startOwnDatabase } from "@/test/own-database";

let database: OwnDatabase;

// Made before the test, so that creating a cluster on a busy machine is not on the test's clock.
beforeAll(async () => {
  database = await startOwnDatabase("health", { migrate: false });
});

afterAll(async () => {
  await database?.dispose();
});

async function loadHealthRoute(databaseUrl: string) {
  vi.resetModules();
  process.env.DATABASE_URL = databaseUrl;
  const { GET } = await import("./route");
  return () => GET(new Request("http://localhost:3000/api/health"), { params: Promise.resolve({}) });
}

describe("GET /api/health", () => {
  it("answers 503 while the database is down and 200 again once it is back", async () => {
    const GET = await loadHealthRoute(database.url);

    const up = await GET();
    expect(up.status).toBe(200);
    expect(up.headers.get("cache-control")).toBe("no-store");
    expect(await up.json()).toEqual({ status: "healthy", database: "ok" });

    await database.stop();
    // The last answer stands for about a second, so the outage shows within about 1 + 2 s.
    const down = await vi.waitFor(
      async () => {
        const response = await GET();
        expect(response.status).toBe(503);
        return response;
      },
      { timeout: 4_000, interval: 100 },
    );
    expect(await down.json()).toEqual({ status: "unhealthy", database: "unreachable" });

    await database.restart();
    await vi.waitFor(async () => expect((await GET()).status).toBe(200), { timeout: 10_000, interval: 100 });
  });

  it("gives up on a database that accepts connections but never answers, within about 2 s, with one probe for all", async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const GET = await loadHealthRoute(`postgresql://u:p@127.0.0.1:${port}/db`);
      const started = performance.now();
      const answers = await Promise.all(Array.from({ length: 20 }, () => GET()));
      const elapsed = performance.now() - started;
      expect(answers.map((response) => response.status)).toEqual(Array(20).fill(503));
      expect(elapsed).toBeGreaterThanOrEqual(1_900);
      expect(elapsed).toBeLessThan(4_500);
      // Twenty checks at once made one connection attempt, not one per pool slot.
      expect(sockets).toHaveLength(1);

      // The answer is reused for about a second: no wait, no new attempt…
      const again = performance.now();
      expect((await GET()).status).toBe(503);
      expect(performance.now() - again).toBeLessThan(500);
      expect(sockets).toHaveLength(1);
      // …and then the database is asked again.
      await vi.waitFor(
        async () => {
          await GET();
          expect(sockets).toHaveLength(2);
        },
        { timeout: 6_000, interval: 100 },
      );
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });
});
