// Generated requests over real HTTP against the production build: what Next
// does before any route handler runs (routing, percent-decoding, methods no
// handler exports, trailing slashes, dot segments) must still end in the
// contract's answers. app/api/fuzz.integration.test.ts fuzzes the handlers
// themselves with thousands of requests; this is the smaller batch that only
// a real server can answer.
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { apiToken, newPerson } from "./support/people";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = 300;

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
