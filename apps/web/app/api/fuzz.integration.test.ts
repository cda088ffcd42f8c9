// Generated requests against every API route, in-process with real tokens and
// the real database: whatever arrives, the answer is never a 5xx, every answer
// with a body is JSON (but the event stream's 200), and every error has a
// string `detail`. Paths here decode to valid UTF-8 (as the route handlers
// receive them from Next); undecodable paths, methods Next answers itself and
// Next's own routing are fuzzed over HTTP against the production build in
// e2e/api-fuzz.spec.ts; Better Auth's routes in app/api/auth/fuzz.integration.test.ts.
//
// Seeded, so a run is repeatable: FUZZ_SEED=<n> tries other inputs, and a
// failure prints the seed and the smallest failing request.
import { generateKeyPairSync } from "node:crypto";
import fc from "fast-check";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/server/auth/auth";
import { buildRequest, call, createTaskFor, dispatch } from "@/test/api";
import { BASE_URL, signUpUser, type TestUser } from "@/test/factories";
import { anyText, contentType, runs, SEED } from "@/test/fuzz";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];

interface Fuzzed {
  method: Method;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

let people: TestUser[] = [];
let taskIds: string[] = [];
let tokens: string[] = [];
/** Sync cursors the changes feed handed out, for `since`. */
let cursors: string[] = [];
let sent = 0;
const statuses = new Set<number>();
/** "METHOD /route" of every 2xx answer, ids as :id. */
const succeeded = new Set<string>();

beforeAll(async () => {
  // Thousands of requests from a few users: a per-user request limit would
  // turn most of them into 429s, which tells nothing about the handlers.
  process.env.API_RATE_LIMIT_MAX = "1000000";
  people = await Promise.all([signUpUser(), signUpUser()]);
  const [owner, other] = people;
  if (!owner || !other) throw new Error("no users");
  taskIds = await Promise.all(
    [owner, owner, other].map(
      async (person, index) => (await createTaskFor(person.token, { title: `Fuzz ${index}` })).id,
    ),
  );
  tokens = [owner.token, other.token, ...(await oddTokens(owner.id))];
  const feed = await call("GET", "/api/tasks/changes?limit=1", { token: owner.token });
  const { next_since } = feed.json as { next_since: string };
  cursors = [next_since, `${next_since}x`, next_since.slice(0, -2)];
}, 60_000);

afterAll(() => {
  expect(sent).toBeGreaterThanOrEqual(5_000);
  // The inputs reached every outcome, not only the token check.
  expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 201, 204, 400, 401, 404, 405, 413, 415, 422]));
  expect([...succeeded]).toEqual(
    expect.arrayContaining([
      "POST /api/tasks/:id/move",
      "POST /api/tasks/clear",
      "GET /api/tasks/changes",
      "GET /api/tasks/events",
    ]),
  );
});

/** Tokens that must all be refused: well-formed, but each wrong in one way. */
async function oddTokens(userId: string): Promise<string[]> {
  const api = getAuth().api;
  const { keys } = await api.getJwks();
  const kid = keys[0]?.kid ?? "unknown";
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: userId, iss: BASE_URL, aud: BASE_URL, iat: now, exp: now + 600 };
  const signed = async (payload: Record<string, unknown>) => (await api.signJWT({ body: { payload } })).token;
  const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const { privateKey } = generateKeyPairSync("ed25519");
  return [
    await signed({ ...claims, iat: now - 3600, exp: now - 1800 }), // expired
    await signed({ ...claims, nbf: now + 3600 }), // not yet valid
    await signed({ ...claims, iss: "https://evil.example" }),
    await signed({ ...claims, aud: "https://evil.example" }),
    await signed({ ...claims, sub: "no-such-user" }),
    await signed({ ...claims, sub: "" }),
    `${segment({ alg: "none", typ: "JWT" })}.${segment(claims)}.`,
    await new SignJWT(claims).setProtectedHeader({ alg: "HS256", kid }).sign(new TextEncoder().encode("secret")),
    await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", kid }).sign(privateKey), // forged with our kid
    await new SignJWT(claims).setProtectedHeader({ alg: "EdDSA", kid: "x".repeat(500) }).sign(privateKey),
  ];
}

const id = fc.oneof(
  fc.constantFrom(...["0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f", "00000000-0000-0000-0000-000000000000"]),
  fc.constant("").map(() => taskIds[0] ?? ""),
  fc.nat(2).map((index) => taskIds[index] ?? ""),
  fc.uuid().map((uuid) => uuid.toUpperCase()),
  anyText.filter((text) => text !== "" && text.isWellFormed()).map(encodeURIComponent),
  fc.constantFrom("%2F", "%2e%2e", "%00", "%25", "%E2%82%AC", "a%20b", ";", "@", "~", "x".repeat(5_000)),
);

// Dot segments ("/api/tasks/%2e%2e") resolve to a path outside the routes, which Next answers itself.
const routed = (pathname: string) => /^\/api\/.|^\/health$/.test(new URL(pathname, BASE_URL).pathname);

const path = fc
  .oneof(
    { weight: 3, arbitrary: fc.constant("/api/tasks") },
    { weight: 4, arbitrary: id.map((value) => `/api/tasks/${value}`) },
    { weight: 3, arbitrary: id.map((value) => `/api/tasks/${value}/complete`) },
    { weight: 3, arbitrary: id.map((value) => `/api/tasks/${value}/move`) },
    { weight: 3, arbitrary: fc.constantFrom("/api/tasks/clear", "/api/tasks/changes", "/api/tasks/events") },
    fc.constantFrom("/api/health", "/health", "/api/ping", "/api/openapi.json", "/api/tasks/x/y/z", "/api/TASKS"),
    fc.array(fc.webSegment(), { minLength: 1, maxLength: 4 }).map((segments) => `/api/${segments.join("/")}`),
  )
  .filter(routed);

const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom("status", "q", "limit", "cursor", "sort", "due", "tz", "since"), anyText),
      fc.oneof(
        fc.constantFrom("all", "pending", "completed", "0", "1", "100", "101", "-1", "1e3", "NaN", "eyJ4IjoxfQ"),
        fc.constantFrom("created", "due", "priority", "manual", "overdue", "today", "upcoming", "none"),
        fc.constantFrom("UTC", "Europe/Paris", "Etc/GMT+14", "US/Pacific-New", "Mars/Olympus", "../../etc/passwd"),
        fc.nat(2).map((index) => cursors[index] ?? ""),
        anyText,
      ),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => {
    const text = new URLSearchParams(pairs).toString();
    return text ? `?${text}` : "";
  });

const taskField = fc.oneof(anyText, fc.constant(null), fc.integer(), fc.boolean(), fc.jsonValue({ maxDepth: 2 }));
const dueDate = fc.oneof(
  fc.constantFrom(
    "2026-12-24",
    "2026-02-30",
    "2026-2-3",
    "0000-01-01",
    "9999-12-31",
    "+275760-09-13",
    "2026-12-24T10:00Z",
  ),
  fc.date({ noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  taskField,
);
const priority = fc.oneof(fc.constantFrom("none", "low", "medium", "high", "HIGH", "urgent", ""), taskField);
const afterId = fc.oneof(
  fc.constant(null),
  fc.nat(2).map((index) => taskIds[index] ?? ""),
  fc.uuid(),
  taskField,
);
const taskLike = fc.record(
  {
    title: taskField,
    description: taskField,
    completed: taskField,
    due_date: dueDate,
    priority,
    after_id: afterId,
    id: taskField,
    user_id: taskField,
    position: taskField,
    version: taskField,
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  { weight: 4, arbitrary: taskLike.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 60 }) }, // mostly not JSON
  fc.constantFrom(
    "",
    "   ",
    "null",
    "[]",
    '"text"',
    "{",
    '{"title": "a"}{"title": "b"}',
    '\uFEFF{"title": "bom"}',
    '{"__proto__": {"title": "p"}, "constructor": {"prototype": {}}}',
    `{"title": "${"x".repeat(17 * 1024)}"}`, // over the body limit
    `${"[".repeat(8_000)}${"]".repeat(8_000)}`, // deep nesting, under the limit
  ),
);

const authorization = fc.oneof(
  { weight: 6, arbitrary: fc.nat(50).map((index) => `Bearer ${tokens[index % tokens.length] ?? ""}`) },
  fc.constantFrom("", "Bearer", "Bearer ", "bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "Bearer ...", "Token x"),
  fc.nat(50).map((index) => `BEARER   ${tokens[index % tokens.length] ?? ""}  `),
  fc.base64String({ maxLength: 200 }).map((text) => `Bearer ${text}.${text}.${text}`),
  anyText.map((text) => `Bearer ${text}`),
);

const headers = fc
  .record(
    {
      authorization,
      "content-type": contentType,
      "content-length": fc.constantFrom("0", "5", "17000", "999999999", "-1", "abc"),
      "x-request-id": anyText,
      origin: fc.constantFrom("http://localhost:3000", "https://evil.example", "null"),
      "if-match": fc.constantFrom('"1"', "*", 'W/"1"', "garbage"),
      "if-none-match": fc.constantFrom('"1"', "*", "garbage"),
      "idempotency-key": anyText,
      accept: fc.constantFrom("text/html", "application/json", "*/*"),
    },
    { requiredKeys: [] },
  )
  // Headers carry bytes 0x20–0xFF only; fetch refuses anything else before any handler could see it.
  .map((record) =>
    Object.fromEntries(Object.entries(record).filter(([, value]) => /^[\t\x20-\x7e\x80-\xff]*$/.test(value))),
  );

const request = fc.record({
  method: fc.constantFrom(...METHODS),
  path: fc.tuple(path, query).map(([pathname, search]) => pathname + search),
  headers,
  body: fc.option(body, { nil: undefined }),
});

/** Sends one request as Next would hand it to the route, and checks the answer. */
async function check({ method, path, headers, body }: Fuzzed): Promise<void> {
  // fetch refuses a GET with a body: no client can send one.
  const built = buildRequest(method, path, { headers, body: method === "GET" ? undefined : body });
  sent++;
  const response = await dispatch(built);
  const { status } = response;
  statuses.add(status);
  if (status >= 200 && status < 300) succeeded.add(`${method} ${new URL(built.url).pathname.replace(UUID, ":id")}`);
  const type = response.headers.get("content-type") ?? "";
  if (status === 200 && type.startsWith("text/event-stream")) {
    // The one answer that is not JSON; it would run for a minute: ended once its headers are in.
    await response.body?.cancel();
    expect(new URL(built.url).pathname).toBe("/api/tasks/events");
    return;
  }
  const text = await response.text();
  const what = `${method} ${path} → ${status} ${text.slice(0, 300)}`;
  expect(status, what).toBeLessThan(500);
  if (status === 204 || status === 304) {
    expect(text, what).toBe("");
    return;
  }
  expect(type, what).toMatch(/^application\/json/);
  const json: unknown = JSON.parse(text);
  if (status >= 400) expect(typeof Object(json).detail, what).toBe("string");
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe(`fuzzing the API (FUZZ_SEED=${SEED})`, () => {
  it("answers any request to any route without a 5xx, as JSON (errors with a detail)", async () => {
    await fc.assert(fc.asyncProperty(request, check), runs(3_500));
  }, 60_000);

  it("does the same for requests from a signed-in person to their tasks", async () => {
    const owned = fc.record({
      method: fc.constantFrom<Method>("GET", "POST", "PUT", "PATCH"),
      path: fc
        .tuple(
          fc.oneof(
            fc.constantFrom("/api/tasks", "/api/tasks/clear", "/api/tasks/changes", "/api/tasks/events"),
            fc.nat(2).map((index) => `/api/tasks/${taskIds[index] ?? ""}`),
            fc.nat(2).map((index) => `/api/tasks/${taskIds[index] ?? ""}/complete`),
            fc.nat(2).map((index) => `/api/tasks/${taskIds[index] ?? ""}/move`),
          ),
          query,
        )
        .map(([pathname, search]) => pathname + search),
      headers: fc.constantFrom("application/json", "application/json; charset=utf-8").map((type) => ({
        authorization: `Bearer ${people[0]?.token ?? ""}`,
        "content-type": type,
      })),
      body: fc.option(body, { nil: undefined }),
    });
    await fc.assert(fc.asyncProperty(owned, check), runs(2_500));
  }, 60_000);
});
