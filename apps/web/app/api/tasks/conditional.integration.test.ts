// Conditional requests: versions, strong ETags, If-Match (412 with the current
// task) and If-None-Match (304), on real PostgreSQL.

import { describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { call, createTaskFor, dataOf } from "@/test/api";
import { signUpUser } from "@/test/factories";

const CHANGED = "The task was changed by someone else";

describe("versions and ETags", () => {
  it("starts at 1 and adds 1 per change, with the ETag on every single-task answer", async () => {
    const { token } = await signUpUser();
    const createdAnswer = await call("POST", "/api/tasks", { token, body: { title: "Draft" } });
    const task = dataOf(createdAnswer);
    expect(task.version).toBe(1);
    expect(createdAnswer.headers.get("etag")).toBe('"1"');
    const path = `/api/tasks/${task.id}`;

    const writes = [
      await call("PUT", path, { token, body: { title: "Final" } }),
      await call("PATCH", path, { token, body: { description: "with notes" } }),
      await call("PATCH", `${path}/complete`, { token }),
      await call("PATCH", `${path}/complete`, { token, body: { completed: false } }),
    ];
    expect(writes.map((answer) => [answer.status, answer.headers.get("etag"), dataOf(answer).version])).toEqual([
      [200, '"2"', 2],
      [200, '"3"', 3],
      [200, '"4"', 4],
      [200, '"5"', 5],
    ]);
    const read = await call("GET", path, { token });
    expect(read.headers.get("etag")).toBe('"5"');
    // An empty PATCH changes nothing, so the version stays.
    expect((await call("PATCH", path, { token, body: {} })).headers.get("etag")).toBe('"5"');
  });
});

describe("If-Match", () => {
  it("lets a write through when it names the current version, or *", async () => {
    const { token } = await signUpUser();
    const task = await createTaskFor(token, { title: "Draft" });
    const path = `/api/tasks/${task.id}`;
    const put = await call("PUT", path, { token, body: { title: "One" }, headers: { "if-match": '"1"' } });
    expect(put.status).toBe(200);
    const listed = await call("PATCH", path, { token, body: { title: "Two" }, headers: { "if-match": '"7", "2"' } });
    expect(listed.status).toBe(200);
    const star = await call("PATCH", `${path}/complete`, { token, headers: { "if-match": "*" } });
    expect([star.status, dataOf(star).completed]).toEqual([200, true]);
    expect((await call("DELETE", path, { token, headers: { "if-match": '"4"' } })).status).toBe(204);
  });

  const staleWrites = [
    { name: "PUT", method: "PUT", suffix: "", body: { title: "Mine" } },
    { name: "PATCH", method: "PATCH", suffix: "", body: { title: "Mine" } },
    { name: "empty PATCH", method: "PATCH", suffix: "", body: {} },
    { name: "complete (set)", method: "PATCH", suffix: "/complete", body: { completed: true } },
    { name: "complete (toggle)", method: "PATCH", suffix: "/complete", body: undefined },
    { name: "DELETE", method: "DELETE", suffix: "", body: undefined },
  ] as const;

  it.each(staleWrites)(
    "answers $name with a stale version 412 with the current task, changing nothing",
    async (write) => {
      const { token } = await signUpUser();
      const task = await createTaskFor(token, { title: "Original" });
      const theirs = dataOf(await call("PATCH", `/api/tasks/${task.id}`, { token, body: { title: "Theirs" } }));
      for (const ifMatch of ['"1"', 'W/"2"', "garbage"]) {
        const answer = await call(write.method, `/api/tasks/${task.id}${write.suffix}`, {
          token,
          body: write.body,
          headers: { "if-match": ifMatch },
        });
        expect(answer.status).toBe(412);
        expect(answer.json).toEqual({ detail: CHANGED, data: theirs });
        expect(answer.headers.get("etag")).toBe('"2"');
      }
      expect(dataOf(await call("GET", `/api/tasks/${task.id}`, { token }))).toEqual(theirs);
    },
  );

  it("answers 404, not 412, for a task that is missing or someone else's", async () => {
    const [owner, stranger] = [await signUpUser(), await signUpUser()];
    const task = await createTaskFor(owner.token, { title: "Private" });
    for (const id of [task.id, crypto.randomUUID()]) {
      const answer = await call("PATCH", `/api/tasks/${id}`, {
        token: stranger.token,
        body: { title: "x" },
        headers: { "if-match": '"9"' },
      });
      expect([answer.status, answer.json, answer.headers.get("etag")]).toEqual([
        404,
        { detail: "Task not found" },
        null,
      ]);
    }
  });

  it("lets exactly one of 20 concurrent writers holding the same version win", async () => {
    const { token } = await signUpUser();
    const task = await createTaskFor(token, { title: "Contested" });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, writer) =>
        call("PATCH", `/api/tasks/${task.id}`, {
          token,
          body: { title: `Writer ${writer}` },
          headers: { "if-match": '"1"' },
        }),
      ),
    );
    const winners = answers.filter((answer) => answer.status === 200);
    expect(winners).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 412)).toHaveLength(19);
    const stored = await getDb().task.findFirstOrThrow({ where: { id: task.id } });
    expect(stored.version).toBe(2);
    expect(stored.title).toBe(winners[0] && dataOf(winners[0]).title);
  });
});

describe("If-None-Match", () => {
  it("answers GET one 304 with the ETag and no body while the task is unchanged", async () => {
    const { token } = await signUpUser();
    const task = await createTaskFor(token, { title: "Cached" });
    const path = `/api/tasks/${task.id}`;
    for (const tag of ['"1"', 'W/"1"', '"5", "1"', "*"]) {
      const answer = await call("GET", path, { token, headers: { "if-none-match": tag } });
      expect([answer.status, answer.text, answer.headers.get("etag")]).toEqual([304, "", '"1"']);
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
    await call("PATCH", path, { token, body: { title: "Changed" } });
    const fresh = await call("GET", path, { token, headers: { "if-none-match": '"1"' } });
    expect([fresh.status, fresh.headers.get("etag"), dataOf(fresh).title]).toEqual([200, '"2"', "Changed"]);
  });

  it("gives a list page an ETag that changes with any task on it", async () => {
    const { token } = await signUpUser();
    const task = await createTaskFor(token, { title: "Listed" });
    const first = await call("GET", "/api/tasks", { token });
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await call("GET", "/api/tasks", { token, headers: { "if-none-match": etag ?? "" } });
    expect([again.status, again.text]).toEqual([304, ""]);

    await call("PATCH", `/api/tasks/${task.id}/complete`, { token });
    const changed = await call("GET", "/api/tasks", { token, headers: { "if-none-match": etag ?? "" } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});
