// Generated requests over real HTTP against the production build: what Next
// does before any route handler runs (routing, percent-decoding, methods no
// handler exports, trailing slashes, dot segments) must still end in the
// contract's answers. app/api/fuzz.integration.test.ts fuzzes the handlers
// themselves with thousands of requests; this is the smaller batch that only
// a real server can answer.
import { type APIRequestContext, expect, test } from "@playwright/test";
import fc from "fast-check";
import { bearer, createTaskViaApi } from "./support/api";
import { apiToken, newPerson } from "./support/people";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = 300;
const ROUTE_RUNS = 150;

// Raw path pieces, sent as they are: undecodable percent-encodings (overlong,
// truncated, lone bytes, an encoded surrogate), encoded and literal dots and
// slashes, empty segments.
const piece = fc.oneof(
  fc.constantFrom("%", "%%", "%zz", "%c0%ae", "%ff", "%e0%a4%a", "%ed%a0%80", "%00", "%2e%2e", "%2F", "%252F"),
  fc.constantFrom(
    "..",
    ".",
    "",
    "tasks",
    "complete",
    "x;y",
    "a b",
    "é",
    "%E2%82%AC",
    "0193b1e4-5c1a-7d2e-9f00-3b2a1c0d4e5f",
  ),
  fc.webSegment(),
);

const path = fc.oneof(
  fc.array(piece, { maxLength: 4 }).map((pieces) => `/api/${pieces.join("/")}`),
  fc.array(piece, { maxLength: 2 }).map((pieces) => `/api/tasks/${pieces.join("/")}`),
  fc.constantFrom("/api", "/api/", "/api/tasks/", "/api//tasks", "/health", "/health/", "/api/health/"),
);

// HTTP's own methods (RFC 9110) but CONNECT, which asks for a tunnel. Others
// (PROPFIND, FOO) get a bare 400 from Node's parser or from Next, below the app.
const method = fc.constantFrom("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

// Where a request ended up after redirects: a dot segment ("/api/%2e%2e/x") can lead out of the API to a page.
const inApi = (url: string) => /^\/api(\/|$)|^\/health$/.test(new URL(url).pathname);

test.describe(`fuzzing what Next answers before the handlers (FUZZ_SEED=${SEED})`, () => {
  test(`${RUNS} generated requests: no 5xx, and every error is JSON with a detail`, async ({ request }) => {
    test.setTimeout(120_000);
    const person = newPerson();
    const origin = new URL(test.info().project.use.baseURL ?? "").origin;
    const signUp = await request.post("/api/auth/sign-up/email", { data: person, headers: { Origin: origin } });
    expect(signUp.status()).toBe(200);
    const token = await apiToken(request);

    const requests = fc.record({
      method,
      path,
      authorized: fc.boolean(),
      body: fc.option(fc.constantFrom('{"title":"fuzz"}', "{", "x".repeat(20_000)), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(requests, async ({ method, path, authorized, body }) => {
        const response = await request.fetch(path, {
          method,
          headers: {
            ...(authorized ? { Authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { "Content-Type": "application/json" }),
          },
          data: ["GET", "HEAD", "TRACE"].includes(method) ? undefined : body,
        });
        const status = response.status();
        const what = `${method} ${path} → ${status}`;
        expect(status, what).toBeLessThan(500);
        // Redirects (Next drops a trailing slash) are followed: the answer judged is where they lead.
        if ((status >= 200 && status < 300) || status === 304 || !inApi(response.url())) return;
        expect(response.headers()["content-type"], what).toMatch(/^application\/json/);
        if (method === "HEAD") return;
        const json: unknown = JSON.parse(await response.text());
        expect(typeof json === "object" && json !== null && "detail" in json && typeof json.detail, what).toBe(
          "string",
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

// Values the handlers must refuse with a 4xx, never pass on to the database.
const odd = fc.oneof(
  fc.constantFrom("", "\u0000", "a\u0000b", "\uD800", "x".repeat(20_000), "2026-02-30", "HIGH", "../..", "%00"),
  fc.constantFrom(null, 0, -1, 1e308, true, [], {}),
  fc.string({ maxLength: 40 }),
);
const oddQuery = (names: string[]) =>
  fc
    .array(
      fc.tuple(fc.constantFrom(...names), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("\u0000", "%"))),
      {
        maxLength: 3,
      },
    )
    .map((pairs) => {
      const text = new URLSearchParams(pairs).toString();
      return text ? `?${text}` : "";
    });

interface RouteRequest {
  method: "GET" | "POST" | "PATCH";
  path: string;
  body?: string;
}

/** The sync and planning routes, and Better Auth's, with odd bodies and queries; `taskId` is the caller's own task. */
function routeRequests(taskId: string): fc.Arbitrary<RouteRequest> {
  const body = (fields: string[]) =>
    fc.oneof(
      fc.dictionary(fc.constantFrom(...fields), odd, { maxKeys: 3 }).map((value) => JSON.stringify(value)),
      fc.constantFrom("{", "null", "[]", '"x"', `{"title": "${"x".repeat(20_000)}"}`),
    );
  const id = fc.oneof(fc.constant(taskId), fc.uuid(), fc.constantFrom("x", "%00", "%c0%ae"));
  return fc.oneof(
    fc.record({
      method: fc.constant("POST"),
      path: id.map((value) => `/api/tasks/${value}/move`),
      body: body(["after_id"]),
    }),
    fc.record({ method: fc.constant("POST"), path: fc.constant("/api/tasks/clear") }),
    fc.record({
      method: fc.constantFrom("POST", "PATCH"),
      path: fc.constantFrom("/api/tasks", `/api/tasks/${taskId}`),
      body: body(["title", "due_date", "priority", "after_id"]),
    }),
    fc.record({
      method: fc.constant("GET"),
      path: oddQuery(["sort", "due", "tz", "q", "limit"]).map((q) => `/api/tasks${q}`),
    }),
    fc.record({ method: fc.constant("GET"), path: oddQuery(["since", "limit"]).map((q) => `/api/tasks/changes${q}`) }),
    fc.record({ method: fc.constant("GET"), path: oddQuery(["since"]).map((q) => `/api/tasks/events${q}`) }),
    fc.record({
      method: fc.constant("POST"),
      path: fc.constantFrom("/api/auth/sign-in/email", "/api/auth/update-user", "/api/auth/change-password"),
      body: body(["email", "password", "name", "newPassword", "currentPassword", "callbackURL"]),
    }),
    fc.record({
      method: fc.constant("GET"),
      path: fc.oneof(
        oddQuery(["token", "callbackURL"]).map((q) => `/api/auth/verify-email${q}`),
        oddQuery(["token", "callbackURL"]).map((q) => `/api/auth/delete-user/callback${q}`),
        fc.constantFrom("x", "%00", "a%00b").map((token) => `/api/auth/reset-password/${token}?callbackURL=%2F%00`),
      ),
    }),
  );
}

/** An event stream's 200 runs for most of a minute: its headers are all that is judged. */
async function streamHeaders(baseURL: string, path: string, headers: Record<string, string>) {
  const abort = new AbortController();
  const response = await fetch(new URL(path, baseURL), { headers, signal: abort.signal });
  const status = response.status;
  const type = response.headers.get("content-type") ?? "";
  const text = type.startsWith("text/event-stream") ? "" : await response.text();
  abort.abort();
  return { status, type, text };
}

async function send(request: APIRequestContext, baseURL: string, origin: string, token: string, fuzzed: RouteRequest) {
  const headers: Record<string, string> = { ...bearer(token), Origin: origin };
  if (fuzzed.body !== undefined) headers["Content-Type"] = "application/json";
  if (fuzzed.path.startsWith("/api/tasks/events")) {
    const extra = test.info().project.use.extraHTTPHeaders ?? {};
    return streamHeaders(baseURL, fuzzed.path, { ...extra, ...headers });
  }
  const response = await request.fetch(fuzzed.path, {
    method: fuzzed.method,
    headers,
    data: fuzzed.body,
    maxRedirects: 0,
  });
  return {
    status: response.status(),
    type: response.headers()["content-type"] ?? "",
    text: await response.text(),
  };
}

test(`${ROUTE_RUNS} generated requests to the sync, planning and auth routes: no 5xx, JSON answers (FUZZ_SEED=${SEED})`, async ({
  request,
}) => {
  test.setTimeout(120_000);
  const baseURL = test.info().project.use.baseURL ?? "";
  const origin = new URL(baseURL).origin;
  const signUp = await request.post("/api/auth/sign-up/email", { data: newPerson(), headers: { Origin: origin } });
  expect(signUp.status()).toBe(200);
  const token = await apiToken(request);
  const task = await createTaskViaApi(request, token, "Fuzzed");

  await fc.assert(
    fc.asyncProperty(routeRequests(task.id), async (fuzzed) => {
      const { status, type, text } = await send(request, baseURL, origin, token, fuzzed);
      const what = `${fuzzed.method} ${fuzzed.path} ${fuzzed.body?.slice(0, 100) ?? ""} → ${status} ${text.slice(0, 200)}`;
      expect(status, what).toBeLessThan(500);
      // Better Auth's redirects (a reset link's) are not followed: where they lead is a page.
      if ((status >= 300 && status < 400) || status === 204) return;
      if (status === 200 && fuzzed.path.startsWith("/api/tasks/events")) {
        expect(type, what).toMatch(/^text\/event-stream/);
        return;
      }
      expect(type, what).toMatch(/^application\/json/);
      expect(() => JSON.parse(text), what).not.toThrow();
    }),
    { seed: SEED, numRuns: ROUTE_RUNS },
  );
});
