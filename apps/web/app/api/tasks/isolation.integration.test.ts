// Another user's task must be indistinguishable from a missing one, and untouched.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiResponse, call, createTaskFor, dataOf } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

let owner: TestUser;
let intruder: TestUser;

beforeAll(async () => {
  [owner, intruder] = await Promise.all([signUpUser(), signUpUser()]);
});

// Everything a client can observe, less what differs on every answer (the
// request id, the date, and the caller's own remaining request count).
function observable(response: ApiResponse) {
  const headers = Object.fromEntries(
    [...response.headers]
      .filter(([name]) => !["x-request-id", "date"].includes(name))
      .map(([name, value]) => [name, name === "ratelimit" ? value.replace(/;r=\d+;t=\d+$/, ";r=…;t=…") : value]),
  );
  return { status: response.status, text: response.text, headers };
}

const attempts: Array<[string, Parameters<typeof call>[0], string, unknown]> = [
  ["read", "GET", "", undefined],
  ["replace", "PUT", "", { title: "pwned", description: "pwned", completed: true }],
  ["update", "PATCH", "", { title: "pwned" }],
  ["update with nothing", "PATCH", "", {}],
  ["set completion", "PATCH", "/complete", { completed: true }],
  ["toggle completion", "PATCH", "/complete", undefined],
  ["delete", "DELETE", "", undefined],
];

describe("another user's task", () => {
  it.each(attempts)(
    "answers a %s exactly like a missing task and changes nothing",
    async (_name, method, suffix, body) => {
      const task = await createTaskFor(owner.token, { title: "Private", description: "secret" });
      const foreign = await call(method, `/api/tasks/${task.id}${suffix}`, { token: intruder.token, body });
      const missing = await call(method, `/api/tasks/${randomUUID()}${suffix}`, { token: intruder.token, body });
      expect(foreign.status).toBe(404);
      expect(observable(foreign)).toEqual(observable(missing));
      expect(dataOf(await call("GET", `/api/tasks/${task.id}`, { token: owner.token }))).toEqual(task);
    },
  );

  it("never appears in the other user's list or search", async () => {
    const task = await createTaskFor(owner.token, { title: "Only mine zebra" });
    for (const query of ["", "?q=zebra", "?status=pending", "?limit=100"]) {
      const response = await call("GET", `/api/tasks${query}`, { token: intruder.token });
      expect(response.status).toBe(200);
      expect(response.text).not.toContain(task.id);
    }
  });
});
