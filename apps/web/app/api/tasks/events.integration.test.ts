// Live updates: GET /api/tasks/events, and the per-process hub behind it,
// with real LISTEN/NOTIFY connections (two hubs stand for two server processes).

import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/tasks/events/route";
import { changesPage } from "@/lib/sync-schemas";
import type { Task } from "@/lib/task-schemas";
import { getDb } from "@/server/db";
import { ChangeHub } from "@/server/sync/change-hub";
import { purgeExpired } from "@/server/sync/purge-expired";
import { buildRequest, call, createTaskFor } from "@/test/api";
import { EventReader, type ServerEvent } from "@/test/event-stream";
import { signUpUser } from "@/test/factories";
import { connect, FeedReader } from "@/test/sync";

const changesIn = (event: ServerEvent) => changesPage.shape.data.parse(JSON.parse(event.data).data);
const titled = (title: string) => (event: ServerEvent) =>
  event.event === "changes" && changesIn(event).some((change) => "title" in change && change.title === title);

const open: EventReader[] = [];
async function subscribe(token: string, headers: Record<string, string> = {}, query = ""): Promise<EventReader> {
  const controller = new AbortController();
  const request = new Request(buildRequest("GET", `/api/tasks/events${query}`, { token, headers }), {
    signal: controller.signal,
  });
  const response = await events(request, { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
  const reader = new EventReader(response);
  open.push(reader);
  return reader;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((reader) => reader.cancel()));
});

describe("GET /api/tasks/events", () => {
  it("ends a stream whose cursor is past the deletions kept with an expired event", async () => {
    const user = await signUpUser();
    const task = await createTaskFor(user.token, { title: "Soon gone" });
    const reader = new FeedReader(user.token);
    await reader.catchUp();
    await call("DELETE", `/api/tasks/${task.id}`, { token: user.token });
    await getDb().$executeRaw`
      UPDATE "task_tombstone" SET "deleted_at" = now() - interval '31 days' WHERE "id" = ${task.id}::uuid`;
    await purgeExpired();
    const stream = await subscribe(user.token, { "last-event-id": reader.since ?? "" });
    const expired = await stream.until((event) => event.event === "expired");
    expect(JSON.parse(expired.data)).toEqual({ detail: "Sync cursor expired; start again without since" });
    expect(await stream.next()).toBeNull();
  });

  it("sends the backlog, then each change, with a cursor that resumes without repeats", async () => {
    const user = await signUpUser();
    await createTaskFor(user.token, { title: "Before" });
    const stream = await subscribe(user.token);
    const backlog = await stream.until(titled("Before"));
    expect(stream.comments).toContain("connected");

    const added = await createTaskFor(user.token, { title: "Live" });
    const live = await stream.until(titled("Live"), 2_000);
    await call("DELETE", `/api/tasks/${added.id}`, { token: user.token });
    const deleted = await stream.until((event) => changesIn(event).some((change) => "deleted" in change), 2_000);
    expect(changesIn(deleted)).toEqual([{ id: added.id, deleted: true }]);
    expect([backlog.id, live.id, deleted.id].every(Boolean)).toBe(true);

    // Resuming from the last id carries only what came after it.
    await stream.cancel();
    const resumed = await subscribe(user.token, { "last-event-id": deleted.id ?? "" });
    await createTaskFor(user.token, { title: "After" });
    const next = await resumed.until(() => true, 2_000);
    expect(changesIn(next).map((change) => "title" in change && change.title)).toEqual(["After"]);
  });

  it("answers a cursor that does not decode with 422, and no token with 401", async () => {
    const user = await signUpUser();
    const bad = await call("GET", "/api/tasks/events?since=nonsense", { token: user.token });
    expect(bad.status).toBe(422);
    const unauthenticated = await call("GET", "/api/tasks/events");
    expect(unauthenticated.status).toBe(401);
  });
});

describe("the change hub", () => {
  const hubs: ChangeHub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((hub) => hub.close()));
  });

  function listen(hub: ChangeHub, userId: string, seen: Map<string, number>): void {
    hub.subscribe({
      userId,
      cursor: undefined,
      send: (changes) => {
        for (const change of changes) if ("title" in change) seen.set(change.title, Date.now());
      },
      expire: () => {},
    });
  }

  it("brings a write made on any connection to the listeners of every process within 2 s", async () => {
    const user = await signUpUser();
    const seen = [new Map<string, number>(), new Map<string, number>()];
    for (const map of seen) {
      const hub = new ChangeHub({ listenUrl: process.env.DATABASE_URL ?? "" });
      hubs.push(hub);
      listen(hub, user.id, map);
    }
    const writer = await connect();
    const latencies: number[] = [];
    try {
      for (let index = 0; index < 10; index++) {
        const title = `Write ${index}`;
        const sent = Date.now();
        // A random key of the position format: nothing here moves these tasks.
        await writer.query(
          `INSERT INTO "task" ("id", "user_id", "title", "position") VALUES (gen_random_uuid(), $1, $2, 'a' || md5(random()::text))`,
          [user.id, title],
        );
        await expect.poll(() => seen.every((map) => map.has(title)), { timeout: 5_000, interval: 20 }).toBe(true);
        for (const map of seen) latencies.push((map.get(title) ?? Number.POSITIVE_INFINITY) - sent);
      }
    } finally {
      await writer.end();
    }
    latencies.sort((a, b) => a - b);
    expect(latencies[Math.ceil(latencies.length * 0.95) - 1]).toBeLessThan(2_000);
  });

  it("closed while it logs in or runs LISTEN, still says goodbye: PostgreSQL finds no session abandoned", async () => {
    // A database of this test's own: PostgreSQL counts how sessions ended per database.
    const database = `hub_close_${process.pid}_${Date.now()}`;
    const admin = await connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.pathname = `/${database}`;
    // Calls `onListen` the moment a LISTEN has been sent, before its answer.
    let onListen: (() => void) | undefined;
    const query: unknown = Reflect.get(pg.Client.prototype, "query");
    if (typeof query !== "function") throw new Error("pg.Client#query is not a function");
    Reflect.set(pg.Client.prototype, "query", function (this: unknown, ...args: unknown[]) {
      const result: unknown = Reflect.apply(query, this, args);
      if (typeof args[0] === "string" && args[0].startsWith("LISTEN")) onListen?.();
      return result;
    });
    try {
      for (const moment of ["logging in", "running LISTEN"]) {
        for (let round = 0; round < 5; round++) {
          const hub = new ChangeHub({ listenUrl: url.toString(), read: async () => [] });
          const closed = new Promise<void>((resolve) => {
            onListen = () => void hub.close().then(resolve);
          });
          listen(hub, "nobody", new Map());
          if (moment === "logging in") await hub.close();
          else await closed;
        }
      }
      const sessions = async () => {
        const { rows } = await admin.query<{ open: string; ended: string; abandoned: string }>(
          `SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = $1) AS open,
                  sessions AS ended, sessions_abandoned AS abandoned
             FROM pg_stat_database WHERE datname = $1`,
          [database],
        );
        return { open: Number(rows[0]?.open), ended: Number(rows[0]?.ended), abandoned: Number(rows[0]?.abandoned) };
      };
      // A backend reports how its session ended as it exits.
      await expect.poll(async () => (await sessions()).open, { timeout: 5_000 }).toBe(0);
      const { ended, abandoned } = await sessions();
      expect(ended).toBeGreaterThanOrEqual(5);
      expect(abandoned).toBe(0);
    } finally {
      Reflect.set(pg.Client.prototype, "query", query);
      await admin.query(`DROP DATABASE "${database}" WITH (FORCE)`);
      await admin.end();
    }
  });

  it("still delivers, by polling once a second, when it cannot LISTEN (a pooled URL)", async () => {
    const user = await signUpUser();
    const hub = new ChangeHub({ listenUrl: undefined });
    hubs.push(hub);
    const seen = new Map<string, number>();
    listen(hub, user.id, seen);
    await createTaskFor(user.token, { title: "Polled" });
    await expect.poll(() => seen.has("Polled"), { timeout: 5_000 }).toBe(true);
  });

  it("runs at most one changes query per second for all of its listeners", async () => {
    const users = await Promise.all([signUpUser(), signUpUser(), signUpUser()]);
    const hub = new ChangeHub({ listenUrl: process.env.DATABASE_URL ?? "" });
    hubs.push(hub);
    const seen = new Map<string, number>();
    for (const user of users) for (let copy = 0; copy < 10; copy++) listen(hub, user.id, seen);
    const started = Date.now();
    const written: Task[] = [];
    for (let round = 0; round < 10; round++) {
      written.push(
        ...(await Promise.all(users.map((user) => createTaskFor(user.token, { title: `Burst ${round} ${user.id}` })))),
      );
    }
    await expect.poll(() => written.every((task) => seen.has(task.title)), { timeout: 10_000 }).toBe(true);
    const seconds = (Date.now() - started) / 1000;
    expect(hub.queries).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  });
});
