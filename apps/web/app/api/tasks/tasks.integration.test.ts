import { beforeAll, describe, expect, it } from "vitest";
import { call, createTaskFor, dataOf } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

let user: TestUser;

beforeAll(async () => {
  user = await signUpUser();
});

describe("POST /api/tasks", () => {
  it("creates the task for the token's user and points to it", async () => {
    const response = await call("POST", "/api/tasks", {
      token: user.token,
      body: { title: "  Buy milk  ", description: "  two litres " },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const task = dataOf(response);
    expect(response.headers.get("location")).toBe(`/api/tasks/${task.id}`);
    expect(task).toMatchObject({ user_id: user.id, title: "Buy milk", description: "two litres", completed: false });
    // UUID version 7, lower-case; timestamps ISO-8601 UTC with milliseconds.
    expect(task.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(task.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(task.updated_at).toBe(task.created_at);
  });

  it("ignores owner, id, completion, timestamps and unknown fields in the body", async () => {
    const other = await signUpUser();
    const task = dataOf(
      await call("POST", "/api/tasks", {
        token: user.token,
        body: {
          title: "Mine",
          id: "0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f",
          user_id: other.id,
          completed: true,
          created_at: "2000-01-01T00:00:00.000Z",
          updated_at: "2000-01-01T00:00:00.000Z",
          colour: "red",
        },
      }),
    );
    expect(task.user_id).toBe(user.id);
    expect(task.id).not.toBe("0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f");
    expect(task.completed).toBe(false);
    expect(task.created_at.startsWith("2000")).toBe(false);
    expect(task).not.toHaveProperty("colour");
  });

  it("stores an empty description as null and counts characters, not UTF-16 units", async () => {
    expect((await createTaskFor(user.token, { title: "Empty", description: "   " })).description).toBeNull();
    const emoji = "🍏".repeat(200);
    expect((await createTaskFor(user.token, { title: emoji })).title).toBe(emoji);
  });
});

describe("GET /api/tasks/:id", () => {
  it("returns the task, also for an upper-case id", async () => {
    const task = await createTaskFor(user.token, { title: "Read" });
    const response = await call("GET", `/api/tasks/${task.id.toUpperCase()}`, { token: user.token });
    expect(response.status).toBe(200);
    expect(dataOf(response)).toEqual(task);
  });
});

describe("PUT /api/tasks/:id", () => {
  it("replaces the title, keeps an absent description and completion, and moves updated_at", async () => {
    const task = await createTaskFor(user.token, { title: "Old", description: "keep me" });
    const updated = dataOf(await call("PUT", `/api/tasks/${task.id}`, { token: user.token, body: { title: "New" } }));
    expect(updated).toMatchObject({ id: task.id, title: "New", description: "keep me", completed: false });
    expect(updated.created_at).toBe(task.created_at);
    expect(Date.parse(updated.updated_at)).toBeGreaterThan(Date.parse(task.updated_at) - 1);
    expect(updated.updated_at).not.toBe(task.updated_at);
  });

  it("clears the description with null and sets completion when given", async () => {
    const task = await createTaskFor(user.token, { title: "T", description: "d" });
    const body = { title: "T", description: null, completed: true };
    const updated = dataOf(await call("PUT", `/api/tasks/${task.id}`, { token: user.token, body }));
    expect(updated).toMatchObject({ description: null, completed: true });
  });

  it("requires the title", async () => {
    const task = await createTaskFor(user.token, { title: "T" });
    const response = await call("PUT", `/api/tasks/${task.id}`, { token: user.token, body: { completed: true } });
    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      detail: "Title is required",
      errors: [{ loc: ["body", "title"], msg: "Title is required" }],
    });
  });
});

describe("PATCH /api/tasks/:id", () => {
  it("changes only the fields given", async () => {
    const task = await createTaskFor(user.token, { title: "Walk", description: "the dog" });
    const patched = dataOf(
      await call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body: { completed: true } }),
    );
    expect(patched).toMatchObject({ title: "Walk", description: "the dog", completed: true });
    const renamed = dataOf(
      await call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body: { description: "" } }),
    );
    expect(renamed).toMatchObject({ title: "Walk", description: null, completed: true });
  });

  it("treats {} and an empty body as a no-op that does not move updated_at", async () => {
    const task = await createTaskFor(user.token, { title: "Still" });
    for (const body of [{}, undefined]) {
      const response = await call("PATCH", `/api/tasks/${task.id}`, { token: user.token, body });
      expect(response.status).toBe(200);
      expect(dataOf(response)).toEqual(task);
    }
  });
});

describe("PATCH /api/tasks/:id/complete", () => {
  it("sets completion from the body and toggles without one", async () => {
    const task = await createTaskFor(user.token, { title: "Toggle" });
    const path = `/api/tasks/${task.id}/complete`;
    expect(dataOf(await call("PATCH", path, { token: user.token, body: { completed: true } })).completed).toBe(true);
    expect(dataOf(await call("PATCH", path, { token: user.token, body: { completed: true } })).completed).toBe(true);
    expect(dataOf(await call("PATCH", path, { token: user.token })).completed).toBe(false);
    const toggled = dataOf(await call("PATCH", path, { token: user.token, body: {} }));
    expect(toggled.completed).toBe(true);
    expect(toggled.updated_at).not.toBe(task.updated_at);
  });

  it("loses no toggle when many arrive at once", async () => {
    const task = await createTaskFor(user.token, { title: "Race" });
    const path = `/api/tasks/${task.id}/complete`;
    const answers = await Promise.all(Array.from({ length: 9 }, () => call("PATCH", path, { token: user.token })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(9).fill(200));
    // Nine toggles from false end at true; a lost update would leave it even.
    expect(dataOf(await call("GET", `/api/tasks/${task.id}`, { token: user.token })).completed).toBe(true);
  });
});

describe("DELETE /api/tasks/:id", () => {
  it("deletes with 204 and an empty body; the task is gone", async () => {
    const task = await createTaskFor(user.token, { title: "Bin" });
    const response = await call("DELETE", `/api/tasks/${task.id}`, { token: user.token });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
    expect((await call("GET", `/api/tasks/${task.id}`, { token: user.token })).status).toBe(404);
    expect((await call("DELETE", `/api/tasks/${task.id}`, { token: user.token })).status).toBe(404);
  });
});

describe("a token whose user has been deleted", () => {
  it("answers 401 Invalid or expired token, never a 500 or someone's data", async () => {
    const doomed = await signUpUser();
    const task = await createTaskFor(doomed.token, { title: "Orphan" });
    const { POST: authPost } = await import("@/app/api/auth/[...all]/route");
    const { authRequest } = await import("@/test/factories");
    const deleted = await authPost(
      authRequest("/delete-user", { body: { password: doomed.password }, cookie: doomed.cookie }),
    );
    expect(deleted.status).toBe(200);

    for (const [method, path, body] of [
      ["GET", "/api/tasks", undefined],
      ["POST", "/api/tasks", { title: "x" }],
      ["GET", `/api/tasks/${task.id}`, undefined],
      ["PATCH", `/api/tasks/${task.id}/complete`, undefined],
      ["DELETE", `/api/tasks/${task.id}`, undefined],
      ["POST", `/api/tasks/${task.id}/move`, { after_id: null }],
      ["POST", "/api/tasks/clear", undefined],
    ] as const) {
      const response = await call(method, path, { token: doomed.token, body });
      expect({ method, path, status: response.status, json: response.json }).toEqual({
        method,
        path,
        status: 401,
        json: { detail: "Invalid or expired token" },
      });
    }
  });
});
