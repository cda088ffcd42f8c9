// Whatever arrives — any JSON, any text, any query, any id — the API answers
// with JSON and a 2xx or 4xx status, never a 5xx.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, call, createTaskFor } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

let user: TestUser;
let taskId: string;

beforeAll(async () => {
  user = await signUpUser();
  taskId = (await createTaskFor(user.token, { title: "Fuzzed" })).id;
});

function expectWellFormed(response: ApiResponse): void {
  expect(response.status).toBeLessThan(500);
  if (response.status === 204) return;
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  expect(() => JSON.parse(response.text)).not.toThrow();
  if (response.status >= 400) expect(typeof (response.json as { detail?: unknown }).detail).toBe("string");
}

const RUNS = { numRuns: 60 };
const field = fc.oneof(fc.jsonValue(), fc.string({ unit: "grapheme", maxLength: 300 }));
const taskish = fc.record(
  { title: field, description: field, completed: field, id: field, user_id: field },
  { requiredKeys: [] },
);
const anyBody = fc.oneof(taskish, fc.jsonValue(), fc.string({ unit: "binary", maxLength: 200 }));

describe("no input makes the API fail", () => {
  it.each([
    ["POST", "/api/tasks"],
    ["PUT", "/api/tasks/ID"],
    ["PATCH", "/api/tasks/ID"],
    ["PATCH", "/api/tasks/ID/complete"],
  ] as const)("%s %s with any body", async (method, path) => {
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        expectWellFormed(await call(method, path.replace("ID", taskId), { token: user.token, body }));
      }),
      RUNS,
    );
  });

  it("GET /api/tasks with any query", async () => {
    const key = fc.constantFrom("status", "q", "limit", "cursor", "other");
    const value = fc.oneof(
      fc.string({ unit: "binary", maxLength: 250 }),
      fc.constantFrom("all", "pending", "1", "100"),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 5 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        expectWellFormed(await call("GET", `/api/tasks?${query}`, { token: user.token }));
      }),
      RUNS,
    );
  });

  it("any id on every id route", async () => {
    const id = fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 80 }), fc.uuid());
    const method = fc.constantFrom("GET", "PUT", "PATCH", "DELETE");
    await fc.assert(
      fc.asyncProperty(id, method, async (raw, verb) => {
        const body = verb === "GET" || verb === "DELETE" ? undefined : { title: "t" };
        const response = await call(verb, `/api/tasks/${encodeURIComponent(raw)}`, { token: user.token, body });
        expectWellFormed(response);
        expect([200, 204, 404]).toContain(response.status);
      }),
      RUNS,
    );
  });
});
