// The changes feed: a copy kept by applying it always equals the server's
// tasks, whatever order transactions commit in; deletions are kept 30 days.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { purgeExpired } from "@/server/sync/purge-expired";
import { call, createTaskFor, dataOf } from "@/test/api";
import { signUpUser } from "@/test/factories";
import { connect, FeedReader } from "@/test/sync";

/** The user's tasks as the database holds them, in the API's shape. */
async function tasksInDatabase(userId: string) {
  const rows = await getDb().task.findMany({ where: { userId }, orderBy: { id: "asc" } });
  return rows.map((row) => ({ id: row.id, title: row.title, completed: row.completed, version: row.version }));
}

function copyOf(reader: FeedReader) {
  return [...reader.tasks.values()]
    .map((task) => ({ id: task.id, title: task.title, completed: task.completed, version: task.version }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Reads the feed until the copy equals the database: final changes may wait for older transactions. */
async function expectInSync(reader: FeedReader, userId: string): Promise<void> {
  const expected = await tasksInDatabase(userId);
  await expect
    .poll(
      async () => {
        await reader.catchUp();
        return copyOf(reader);
      },
      { timeout: 10_000 },
    )
    .toEqual(expected);
}

describe("GET /api/tasks/changes", () => {
  it("carries whole tasks: the planning fields and a move too, as GET answers them", async () => {
    const user = await signUpUser();
    const first = await createTaskFor(user.token, { title: "First", due_date: "2026-12-24", priority: "high" });
    const planned = await createTaskFor(user.token, { title: "Planned", due_date: "2026-12-31", priority: "low" });
    await call("POST", `/api/tasks/${first.id}/move`, { token: user.token, body: { after_id: null } });
    const reader = new FeedReader(user.token);
    await reader.catchUp();
    for (const { id } of [first, planned]) {
      expect(reader.tasks.get(id)).toEqual(dataOf(await call("GET", `/api/tasks/${id}`, { token: user.token })));
    }
    expect(reader.tasks.get(planned.id)).toMatchObject({ due_date: "2026-12-31", priority: "low" });
  });

  it("starts with every live task, page by page, and then carries creations, edits and deletions", async () => {
    const user = await signUpUser();
    const tasks = [];
    for (let index = 0; index < 5; index++) tasks.push(await createTaskFor(user.token, { title: `Task ${index}` }));
    const [gone, edited] = tasks;
    if (!gone || !edited) throw new Error("setup");
    await call("DELETE", `/api/tasks/${gone.id}`, { token: user.token });

    const reader = new FeedReader(user.token);
    const pages = await reader.catchUp(2);
    expect(pages.map((page) => page.length)).toEqual([2, 2]);
    // A first sync lists live tasks only: the deleted one appears nowhere.
    expect(pages.flat()).not.toContain(gone.id);
    expect(new Set(pages.flat()).size).toBe(4);
    await expectInSync(reader, user.id);

    await call("PATCH", `/api/tasks/${edited.id}`, { token: user.token, body: { title: "Edited" } });
    await call("PATCH", `/api/tasks/${edited.id}/complete`, { token: user.token });
    const added = await createTaskFor(user.token, { title: "Added" });
    await call("DELETE", `/api/tasks/${added.id}`, { token: user.token });
    await expectInSync(reader, user.id);
    expect(reader.tasks.get(edited.id)).toMatchObject({ title: "Edited", completed: true, version: 3 });
  });

  it("carries every task deleted at once, and each task at most once per answer", async () => {
    const user = await signUpUser();
    for (let index = 0; index < 4; index++) await createTaskFor(user.token, { title: `Bulk ${index}` });
    const reader = new FeedReader(user.token);
    await reader.catchUp();
    expect(reader.tasks.size).toBe(4);
    const [kept] = reader.tasks.keys();
    // Another delete path than DELETE /api/tasks/{id}: the tombstones come from a trigger.
    await getDb().task.deleteMany({ where: { userId: user.id, id: { not: kept } } });
    await call("PATCH", `/api/tasks/${kept}`, { token: user.token, body: { title: "Once" } });
    await call("PATCH", `/api/tasks/${kept}`, { token: user.token, body: { title: "Twice" } });
    await expectInSync(reader, user.id);
    expect([...reader.tasks.values()].map((task) => task.title)).toEqual(["Twice"]);
  });

  it("answers the same page, and 304 to If-None-Match, while nothing changes", async () => {
    const user = await signUpUser();
    await createTaskFor(user.token, { title: "Still" });
    const reader = new FeedReader(user.token);
    await expectInSync(reader, user.id);
    const path = `/api/tasks/changes?since=${reader.since}`;
    const first = await call("GET", path, { token: user.token });
    expect(first.json).toEqual({ data: [], next_since: reader.since, has_more: false });
    const etag = first.headers.get("etag") ?? "";
    const again = await call("GET", path, { token: user.token, headers: { "if-none-match": etag } });
    expect([again.status, again.text, again.headers.get("etag")]).toEqual([304, "", etag]);
  });

  it.each([
    ["since=nonsense", "query.since", "Sync cursor is not valid"],
    [`since=${btoa("12.x")}`, "query.since", "Sync cursor is not valid"],
    ["limit=0", "query.limit", "Limit must be a whole number from 1 to 1000"],
    ["limit=1001", "query.limit", "Limit must be a whole number from 1 to 1000"],
  ])("answers %s with 422", async (query, loc, detail) => {
    const user = await signUpUser();
    const answer = await call("GET", `/api/tasks/changes?${query}`, { token: user.token });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ detail, errors: [{ loc: loc.split("."), msg: detail }] });
  });

  it("answers 410 to a cursor from before a purged deletion, and works again from scratch", async () => {
    const user = await signUpUser();
    const task = await createTaskFor(user.token, { title: "Old" });
    const reader = new FeedReader(user.token);
    await expectInSync(reader, user.id);
    const oldCursor = reader.since;
    await call("DELETE", `/api/tasks/${task.id}`, { token: user.token });
    await getDb().$executeRaw`
      UPDATE "task_tombstone" SET "deleted_at" = now() - interval '31 days' WHERE "id" = ${task.id}::uuid`;
    await purgeExpired();
    expect(await getDb().taskTombstone.count({ where: { userId: user.id } })).toBe(0);

    const expired = await call("GET", `/api/tasks/changes?since=${oldCursor}`, { token: user.token });
    expect([expired.status, expired.json]).toEqual([410, { detail: "Sync cursor expired; start again without since" }]);
    const fresh = new FeedReader(user.token);
    await expectInSync(fresh, user.id);
    // A deletion 29 days old is kept, and so is a cursor from before it.
    const recent = await createTaskFor(user.token, { title: "Recent" });
    await expectInSync(fresh, user.id);
    const cursor = fresh.since;
    await call("DELETE", `/api/tasks/${recent.id}`, { token: user.token });
    await getDb().$executeRaw`
      UPDATE "task_tombstone" SET "deleted_at" = now() - interval '29 days' WHERE "id" = ${recent.id}::uuid`;
    await purgeExpired();
    expect((await call("GET", `/api/tasks/changes?since=${cursor}`, { token: user.token })).status).toBe(200);
  });
});

describe("out-of-order commits", () => {
  const connections: Array<Awaited<ReturnType<typeof connect>>> = [];
  beforeAll(async () => {
    connections.push(await connect(), await connect());
  });
  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.end()));
  });

  it("never skips a transaction that took its id first and committed last", async () => {
    const [early, late] = connections;
    if (!early || !late) throw new Error("setup");
    const user = await signUpUser();
    const first = await createTaskFor(user.token, { title: "First" });
    const second = await createTaskFor(user.token, { title: "Second" });
    const reader = new FeedReader(user.token);
    await expectInSync(reader, user.id);

    // `early` writes first (so its transaction id is the smaller one) but commits last.
    await early.query("BEGIN");
    await early.query(`UPDATE "task" SET "title" = 'Early' WHERE "id" = $1`, [first.id]);
    await late.query("BEGIN");
    await late.query(`UPDATE "task" SET "title" = 'Late' WHERE "id" = $1`, [second.id]);
    await late.query("COMMIT");
    // A reader that moved its cursor past `late` now would never see `early`.
    await reader.catchUp();
    expect(reader.tasks.get(second.id)?.title).toBe("Second");
    await early.query("COMMIT");

    await expectInSync(reader, user.id);
    expect(reader.tasks.get(first.id)?.title).toBe("Early");
    expect(reader.tasks.get(second.id)?.title).toBe("Late");
    expect(dataOf(await call("GET", `/api/tasks/${first.id}`, { token: user.token })).version).toBe(2);
  });
});
