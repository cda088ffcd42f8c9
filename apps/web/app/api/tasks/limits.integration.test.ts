// The abuse limits on the tasks API: the per-user request limit with its
// RateLimit headers, and the per-user task quota, on real PostgreSQL.

import { describe, expect, it } from "vitest";
import { getClient, getDb } from "@/server/db";
import { call, createTaskFor } from "@/test/api";
import { signUpUser } from "@/test/factories";

// Read by server/env.ts on first use, which comes after this line.
process.env.MAX_TASKS_PER_USER = "5";

const POLICY = '"default";q=600;w=60';
// Windows are fixed minutes shared by every server process; a test that counts
// must not straddle two of them, so it starts early in one.
async function atStartOfWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 10));
}

const remainingOf = (headers: Headers) => Number(/;r=(\d+);/.exec(headers.get("ratelimit") ?? "")?.[1]);

describe("per-user request limit", () => {
  // Both tests may wait up to 20 s for a window to start: more than vitest's default timeout.
  it("puts the policy and what remains on every answer, errors included, and counts no 401", {
    timeout: 60_000,
  }, async () => {
    const user = await signUpUser();
    await atStartOfWindow();
    const answers = [
      await call("GET", "/api/tasks", { token: user.token }),
      await call("POST", "/api/tasks", { token: user.token, body: {} }),
      await call("GET", `/api/tasks/${crypto.randomUUID()}`, { token: user.token }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 422, 404]);
    for (const answer of answers) {
      expect(answer.headers.get("ratelimit-policy")).toBe(POLICY);
      expect(answer.headers.get("ratelimit")).toMatch(/^"default";r=\d+;t=([1-9]|[1-5]\d|60)$/);
    }
    expect(answers.map((answer) => remainingOf(answer.headers))).toEqual([599, 598, 597]);

    const refused = await call("GET", "/api/tasks", { token: `${user.token}x` });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("ratelimit")).toBeNull();
    expect(remainingOf((await call("GET", "/api/tasks", { token: user.token })).headers)).toBe(596);
  });

  it("answers 429 with Retry-After past the limit, for that user only", { timeout: 60_000 }, async () => {
    const [busy, other] = [await signUpUser(), await signUpUser()];
    await atStartOfWindow();
    for (let index = 0; index < 600; index++) {
      const answer = await call("GET", "/api/tasks?limit=1", { token: busy.token });
      if (answer.status !== 200) throw new Error(`request ${index} answered ${answer.status}`);
    }
    const refused = await call("POST", "/api/tasks", { token: busy.token, body: { title: "one too many" } });
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ detail: "Too many requests" });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"default";r=0;t=\d+$/);
    expect(await getDb().task.count({ where: { userId: busy.id } })).toBe(0);
    expect((await call("GET", "/api/tasks", { token: other.token })).status).toBe(200);
  });
});

describe("per-user task quota (MAX_TASKS_PER_USER=5 here)", () => {
  it("answers 409 past the quota and creates nothing; a deletion makes room again", async () => {
    const user = await signUpUser();
    const tasks = [];
    for (let index = 0; index < 5; index++) tasks.push(await createTaskFor(user.token, { title: `Task ${index}` }));
    const refused = await call("POST", "/api/tasks", { token: user.token, body: { title: "Sixth" } });
    expect(refused.status).toBe(409);
    expect(refused.json).toEqual({ detail: "Task limit reached" });
    expect(await getDb().task.count({ where: { userId: user.id } })).toBe(5);

    expect((await call("DELETE", `/api/tasks/${tasks[0]?.id}`, { token: user.token })).status).toBe(204);
    expect((await call("POST", "/api/tasks", { token: user.token, body: { title: "Sixth" } })).status).toBe(201);
  });

  it("holds when creates race for the last place: exactly one gets it", async () => {
    const user = await signUpUser();
    for (let index = 0; index < 4; index++) await createTaskFor(user.token, { title: `Task ${index}` });
    // Another transaction holds the owner's row, so both creates start and wait
    // for it (the lock createTask's statement takes while checking the quota).
    const db = getClient();
    let release = () => {};
    const holding = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "user" WHERE "id" = ${user.id} FOR UPDATE`;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    const racers = [1, 2].map((index) =>
      call("POST", "/api/tasks", { token: user.token, body: { title: `Racer ${index}` } }),
    );
    await expect
      .poll(async () => {
        const [row] = await db.$queryRaw<Array<{ waiting: number }>>`
          SELECT count(*)::integer AS waiting FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query LIKE '%FROM "user" WHERE "id" = $1 AND "task_count" < $2 FOR UPDATE%'`;
        return row?.waiting;
      })
      .toBe(2);
    release();
    await holding;
    const statuses = (await Promise.all(racers)).map((answer) => answer.status).sort();
    expect(statuses).toEqual([201, 409]);
    expect(await db.task.count({ where: { userId: user.id } })).toBe(5);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).taskCount).toBe(5);
  });
});
