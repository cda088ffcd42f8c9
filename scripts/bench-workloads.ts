// The benchmark's users, their data, and the requests of each workload. Users
// sign up through the real Better Auth endpoints and call the API with the
// JWT it issues, exactly as an API client would.
import { randomBytes } from "node:crypto";
import type { Pool } from "undici";
import type { Request } from "./bench-load";
import { ScriptError } from "./database";

export interface BenchUser {
  /** The session cookie, which can mint a fresh JWT at any time. */
  cookie: string;
  /** Request headers carrying the current JWT. */
  auth: Record<string, string>;
  taskIds: string[];
}

export interface Workload {
  name: string;
  /** The least throughput, as a ratio to the baseline's, that meets the goal. */
  goal: number | undefined;
  /** The next request; users take turns, so every connection carries every token. */
  next: () => Request;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: unknown;
}

/** Sends a request and reads its JSON answer. */
export async function call(pool: Pool, request: Request): Promise<Reply> {
  const { statusCode, headers, body } = await pool.request(request);
  const text = await body.text();
  return { status: statusCode, headers, json: text ? JSON.parse(text) : undefined };
}

export function field(json: unknown, name: string): unknown {
  return typeof json === "object" && json !== null && name in json ? Reflect.get(json, name) : undefined;
}

function expectString(value: unknown, what: string, reply: Reply): string {
  if (typeof value !== "string" || value === "") {
    throw new ScriptError(`${what} failed: HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
  }
  return value;
}

/** Signs up one user; the response's cookies are the session. */
async function signUp(pool: Pool, baseUrl: string, index: number): Promise<string> {
  const reply = await call(pool, {
    method: "POST",
    path: "/api/auth/sign-up/email",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({
      name: `Bench ${index}`,
      email: `bench-${index}-${randomBytes(4).toString("hex")}@example.com`,
      password: randomBytes(12).toString("base64url"),
    }),
  });
  const setCookie = reply.headers["set-cookie"];
  const cookies = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""]).map((line) => line.split(";")[0] ?? "");
  return expectString(cookies.filter(Boolean).join("; "), "sign-up", reply);
}

/** Gives every user a JWT valid for the next 15 minutes. */
export async function refreshTokens(pool: Pool, users: BenchUser[]): Promise<void> {
  await Promise.all(
    users.map(async (user) => {
      const reply = await call(pool, { method: "GET", path: "/api/auth/token", headers: { cookie: user.cookie } });
      user.auth = { authorization: `Bearer ${expectString(field(reply.json, "token"), "GET /api/auth/token", reply)}` };
    }),
  );
}

export const createRequest = (user: BenchUser, title: string): Request => ({
  method: "POST",
  path: "/api/tasks",
  headers: { ...user.auth, "content-type": "application/json" },
  body: JSON.stringify({ title }),
});

/** `userCount` users with `tasksEach` tasks each, created through the API. */
export async function seed(pool: Pool, baseUrl: string, userCount: number, tasksEach: number): Promise<BenchUser[]> {
  const users: BenchUser[] = [];
  for (let index = 0; index < userCount; index++) {
    users.push({ cookie: await signUp(pool, baseUrl, index), auth: {}, taskIds: [] });
  }
  await refreshTokens(pool, users);
  await Promise.all(
    users.map(async (user) => {
      for (let index = 0; index < tasksEach; index++) {
        const reply = await call(pool, createRequest(user, `Seeded task ${index}`));
        user.taskIds.push(expectString(field(field(reply.json, "data"), "id"), "POST /api/tasks", reply));
      }
    }),
  );
  return users;
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new ScriptError("nothing to pick from: the seed created no data.");
  return item;
}

export const pick = <T>(items: readonly T[]): T => at(items, Math.floor(Math.random() * items.length));

export function workloads(users: BenchUser[]): Workload[] {
  let turn = 0;
  const nextUser = () => {
    turn = (turn + 1) % users.length;
    return at(users, turn);
  };
  let created = 0;
  return [
    // The framework's own floor: an empty JSON route through the same wrapper.
    { name: "baseline", goal: undefined, next: () => ({ method: "GET", path: "/api/ping" }) },
    {
      name: "GET one",
      goal: 0.85,
      next: () => {
        const user = nextUser();
        return { method: "GET", path: `/api/tasks/${pick(user.taskIds)}`, headers: user.auth };
      },
    },
    {
      name: "GET list",
      goal: 0.5,
      next: () => ({ method: "GET", path: "/api/tasks", headers: nextUser().auth }),
    },
    {
      name: "PATCH complete",
      goal: 0.7,
      next: () => {
        const user = nextUser();
        return { method: "PATCH", path: `/api/tasks/${pick(user.taskIds)}/complete`, headers: user.auth };
      },
    },
    // Adds tasks; so does the warm-up before anything is measured. GET list still reads one page of 50.
    {
      name: "POST",
      goal: 0.7,
      next: () => createRequest(nextUser(), `Bench task ${++created}`),
    },
  ];
}
