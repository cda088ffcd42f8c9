// Generated requests against Better Auth's routes under /api/auth, in-process
// with a real signed-in session and the real database: odd types, NUL
// characters, huge strings and broken JSON in bodies, queries and path
// tokens. Whatever arrives, the answer is never a 5xx, and everything but a
// redirect is JSON (errors in Better Auth's own shape, `code` and `message`).
import fc from "fast-check";
import { expect, it } from "vitest";
import { BASE_URL, signUpUser } from "@/test/factories";
import { anyText, contentType, runs, SEED, toSearch } from "@/test/fuzz";
import { DELETE, GET, PATCH, POST, PUT } from "./[...all]/route";

const authHandlers = { GET, POST, PUT, PATCH, DELETE };
type AuthMethod = keyof typeof authHandlers;

// Better Auth's endpoints; sign-out and the like are sent without the session, so it stays.
const SESSION_ENDING = ["/sign-out", "/revoke-sessions", "/revoke-other-sessions", "/revoke-session"];
const authPath = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "/sign-up/email",
      "/sign-in/email",
      "/update-user",
      "/change-password",
      "/change-email",
      "/delete-user",
      "/request-password-reset",
      "/reset-password",
      "/send-verification-email",
      "/verify-password",
      "/update-session",
      "/get-session",
      "/token",
      "/jwks",
      "/list-sessions",
      "/list-accounts",
      "/account-info",
      "/ok",
      "/error",
      "/verify-email",
      "/delete-user/callback",
      "/no-such-endpoint",
      ...SESSION_ENDING,
    ),
  },
  fc
    .oneof(
      fc.uuid(),
      fc.constantFrom("%00", "a%00b", "%2F", "%25", "x".repeat(2_000)),
      anyText.filter((text) => text !== "" && text.isWellFormed()).map(encodeURIComponent),
    )
    .map((token) => `/reset-password/${token}`),
);
const authQuery = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom("token", "callbackURL", "disableCookieCache", "disableRefresh", "accountId"), anyText),
      fc.oneof(
        fc.constantFrom("/tasks", "https://evil.example/", "//evil.example", "true", "abc", "a\u0000b"),
        anyText,
      ),
    ),
    { maxLength: 3 },
  )
  .map(toSearch);
// The endpoints that look up a token from the query, with one (and maybe a callbackURL).
const tokenQuery = fc
  .record(
    {
      token: fc.oneof(fc.constantFrom("\u0000", "a\u0000b", "", "x".repeat(2_000)), anyText),
      callbackURL: fc.oneof(fc.constantFrom("/tasks", "/tasks\u0000", "https://evil.example/"), anyText),
    },
    { requiredKeys: ["token"] },
  )
  .map(toSearch);

const authField = fc.oneof(
  { weight: 3, arbitrary: anyText },
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom("x".repeat(5_000), "long enough password", "/tasks", "https://evil.example/"),
  fc.emailAddress(),
);
const authLike = fc.record(
  {
    name: authField,
    email: authField,
    password: authField,
    newPassword: authField,
    currentPassword: authField,
    newEmail: authField,
    token: authField,
    callbackURL: authField,
    redirectTo: authField,
    image: authField,
    rememberMe: authField,
    revokeOtherSessions: authField,
  },
  { requiredKeys: [] },
);
const authBody = fc.oneof(
  { weight: 5, arbitrary: authLike.map((value) => JSON.stringify(value)) },
  fc.json({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.constantFrom(
    "",
    "{",
    "null",
    "[]",
    '"text"',
    '{"email": "a\u0000@example.test", "password": "long enough password"}',
    '{"email": "raw\u0000nul@example.test"}', // a raw NUL: not JSON at all
    `{"name": "${"x".repeat(17 * 1024)}"}`,
    `${"[".repeat(8_000)}${"]".repeat(8_000)}`,
  ),
);
const authRequestArb = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      method: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom<AuthMethod>("GET", "POST") },
        fc.constantFrom<AuthMethod>("PUT", "PATCH", "DELETE"),
      ),
      path: fc.tuple(authPath, authQuery).map(([pathname, search]) => pathname + search),
      body: fc.option(authBody, { nil: undefined }),
      contentType: contentType,
      origin: fc.constantFrom(BASE_URL, BASE_URL, BASE_URL, "https://evil.example", "null"),
      signedIn: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      method: fc.constant<AuthMethod>("GET"),
      path: fc
        .tuple(fc.constantFrom("/delete-user/callback", "/verify-email"), tokenQuery)
        .map(([pathname, search]) => pathname + search),
      body: fc.constant(undefined),
      contentType: fc.constant(""),
      origin: fc.constant(BASE_URL),
      signedIn: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      method: fc.constant<AuthMethod>("POST"),
      path: tokenQuery.map((search) => `/reset-password${search}`),
      body: authField.map((newPassword) => JSON.stringify({ newPassword })),
      contentType: fc.constant("application/json"),
      origin: fc.constant(BASE_URL),
      signedIn: fc.boolean(),
    }),
  },
);

interface FuzzedAuth {
  method: AuthMethod;
  path: string;
  body: string | undefined;
  contentType: string;
  origin: string;
  signedIn: boolean;
}

async function checkAuth(
  { method, path, body, contentType, origin, signedIn }: FuzzedAuth,
  cookie: string,
): Promise<void> {
  const headers = new Headers({ origin, "x-forwarded-for": "203.0.113.9" });
  if (body !== undefined && contentType) headers.set("content-type", contentType);
  if (signedIn && !SESSION_ENDING.some((ending) => path.startsWith(ending))) headers.set("cookie", cookie);
  const request = new Request(`${BASE_URL}/api/auth${path}`, {
    method,
    headers,
    body: method === "GET" ? undefined : body,
  });
  const response = await authHandlers[method](request);
  const text = await response.text();
  const what = `${method} /api/auth${path} → ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 300 && response.status < 400) {
    expect(response.headers.get("location"), what).toBeTruthy();
    return;
  }
  // Better Auth's error page, where it sends a browser whose link failed: HTML for people.
  if (method === "GET" && new URL(request.url).pathname === "/api/auth/error") return;
  expect(response.headers.get("content-type"), what).toMatch(/^application\/json/);
  expect(() => JSON.parse(text), what).not.toThrow();
}

it(`answers any request without a 5xx, and everything but a redirect as JSON (FUZZ_SEED=${SEED})`, async () => {
  const person = await signUpUser();
  await fc.assert(
    fc.asyncProperty(authRequestArb, (fuzzed) => checkAuth(fuzzed, person.cookie)),
    runs(800),
  );
}, 60_000);
