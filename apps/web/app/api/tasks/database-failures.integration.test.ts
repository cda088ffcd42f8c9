// The API on its own PostgreSQL cluster, which this test stops, restarts and
// breaks: 503 while the database is away, a bare 500 for anything unexpected.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTaskFor } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";
import { type OwnDatabase, startOwnDatabase } from "@/test/own-database";

let database: OwnDatabase;
let user: TestUser;

beforeAll(async () => {
  database = await startOwnDatabase("failures", { migrate: true });
  // Nothing has read the configuration yet in this file's module graph.
  process.env.DATABASE_URL = database.url;
  user = await signUpUser();
});

afterAll(async () => {
  await database.dispose();
});

describe("when the database is unreachable", () => {
  it("answers 503 with Retry-After, then works again once it is back", async () => {
    const task = await createTaskFor(user.token, { title: "Before the outage" });
    await database.stop();

    for (const [method, path] of [
      ["GET", "/api/tasks"],
      ["GET", `/api/tasks/${task.id}`],
      ["POST", "/api/tasks"],
    ] as const) {
      const response = await call(method, path, {
        token: user.token,
        body: method === "POST" ? { title: "x" } : undefined,
      });
      expect({ status: response.status, json: response.json }).toEqual({
        status: 503,
        json: { detail: "Service temporarily unavailable" },
      });
      expect(response.headers.get("retry-after")).toBe("5");
    }

    await database.restart();
    await vi.waitFor(
      async () => expect((await call("GET", `/api/tasks/${task.id}`, { token: user.token })).status).toBe(200),
      {
        timeout: 10_000,
        interval: 100,
      },
    );
  });
});

describe("an unexpected failure", () => {
  it("answers a bare 500 and logs the cause with the request id", async () => {
    const task = await createTaskFor(user.token, { title: "Doomed" });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`ALTER TABLE "task" RENAME COLUMN "title" TO "renamed_title"`);
    await admin.end();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = await call("GET", `/api/tasks/${task.id}`, {
        token: user.token,
        headers: { "x-request-id": "trace-500" },
      });
      expect({ status: response.status, text: response.text }).toEqual({
        status: 500,
        text: JSON.stringify({ detail: "An internal error occurred" }),
      });
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('"requestId":"trace-500"'));
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/title/));
    } finally {
      logged.mockRestore();
    }
  });
});
