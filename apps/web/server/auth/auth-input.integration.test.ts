// What the auth routes accept, beyond Better Auth's own checks: bodies as
// small as the tasks API's, names of a sane length, and no NUL character
// (PostgreSQL cannot store it, so it would otherwise end in a 500).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { NAME_MAX } from "@/lib/auth-fields";
import { authRequest, BASE_URL, signUpUser } from "@/test/factories";
import { getDb } from "../db";
import { resetTokenOwner } from "./reset-token-owner";

const newUser = (overrides: Record<string, unknown> = {}) => ({
  name: "Input Test",
  email: `input-${randomUUID()}@example.test`,
  password: `pw-${randomUUID()}`,
  ...overrides,
});

const accountsWith = (email: string) => getDb().user.count({ where: { email: email.toLowerCase() } });

/** A request whose body arrives as a stream, with no Content-Length to check up front. */
function streamedRequest(path: string, text: string): Request {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let start = 0; start < bytes.length; start += 4096) controller.enqueue(bytes.slice(start, start + 4096));
      controller.close();
    },
  });
  // Node wants `duplex` with a stream body; the RequestInit type does not list it.
  const init = {
    method: "POST",
    headers: { origin: BASE_URL, "content-type": "application/json", "x-forwarded-for": "203.0.113.7" },
    body,
    duplex: "half",
  };
  return new Request(`${BASE_URL}/api/auth${path}`, init);
}

describe("request body size on /api/auth", () => {
  const oversized = newUser({ name: "x".repeat(17 * 1024) });

  it("answers 413 in Better Auth's error shape to a body over 16 KiB, and creates nothing", async () => {
    const response = await authPost(authRequest("/sign-up/email", { body: oversized }));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ code: "REQUEST_BODY_TOO_LARGE", message: "Request body too large" });
    expect(await accountsWith(oversized.email)).toBe(0);
  });

  it("cuts off a streamed body without Content-Length at the limit too", async () => {
    const response = await authPost(streamedRequest("/sign-up/email", JSON.stringify(oversized)));
    expect(response.status).toBe(413);
    expect(await accountsWith(oversized.email)).toBe(0);
  });

  it("passes a body under the limit through unchanged, streamed or not", async () => {
    const user = newUser();
    const response = await authPost(streamedRequest("/sign-up/email", JSON.stringify(user)));
    expect(response.status).toBe(200);
    expect(await accountsWith(user.email)).toBe(1);
  });
});

describe("the name's length", () => {
  it(`accepts ${NAME_MAX} characters, counted as code points (emoji count once)`, async () => {
    const user = newUser({ name: "🙂".repeat(NAME_MAX) });
    const response = await authPost(authRequest("/sign-up/email", { body: user }));
    expect(response.status).toBe(200);
  });

  it(`refuses ${NAME_MAX + 1} characters at sign-up and on update`, async () => {
    const user = newUser({ name: "n".repeat(NAME_MAX + 1) });
    const signUp = await authPost(authRequest("/sign-up/email", { body: user }));
    expect(signUp.status).toBe(400);
    expect(await signUp.json()).toMatchObject({ code: "NAME_TOO_LONG" });
    expect(await accountsWith(user.email)).toBe(0);

    const existing = await signUpUser();
    const update = await authPost(
      authRequest("/update-user", { body: { name: "n".repeat(NAME_MAX + 1) }, cookie: existing.cookie }),
    );
    expect(update.status).toBe(400);
    expect(await update.json()).toMatchObject({ code: "NAME_TOO_LONG" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Test User");
  });
});

describe("NUL characters", () => {
  it.each([
    ["/sign-up/email", "name", () => newUser({ name: "Ada\u0000" })],
    ["/sign-up/email", "email", () => newUser({ email: `nul\u0000-${randomUUID()}@example.test` })],
    ["/sign-up/email", "password", () => newUser({ password: "pass\u0000word-long-enough" })],
    ["/sign-in/email", "email", () => ({ email: "nul\u0000@example.test", password: "whatever-password" })],
    ["/sign-in/email", "password", () => ({ email: "nobody@example.test", password: "pass\u0000word" })],
  ])("%s refuses one in the %s with 400, not a database error", async (path, _field, body) => {
    const response = await authPost(authRequest(path, { body: body() }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "NUL_CHARACTER_NOT_ALLOWED" });
  });

  it("refuses one in a signed-in request (a name update) too", async () => {
    const user = await signUpUser();
    const response = await authPost(authRequest("/update-user", { body: { name: "Ada\u0000" }, cookie: user.cookie }));
    expect(response.status).toBe(400);
    expect((await getDb().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Test User");
  });
});

describe("NUL characters in the URL", () => {
  const get = (path: string, cookie?: string) => authGet(authRequest(path, cookie ? { cookie } : {}));

  it.each([
    ["/delete-user/callback?token=a%00b"],
    ["/delete-user/callback?token=abc&callbackURL=%2Fsettings%00"],
    ["/verify-email?token=a%00b"],
    ["/verify-email?token=abc&callbackURL=%2Ftasks%00"],
    ["/reset-password/a%00b?callbackURL=%2Freset-password"],
    ["/reset-password/abc?callbackURL=%2Freset-password%00"],
    ["/get-session?disableCookieCache=%00"],
    ["/list-sessions?x%00=1"],
  ])("GET %s, signed in, answers 400 before anything is looked up", async (path) => {
    const user = await signUpUser();
    const response = await get(path, user.cookie);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "NUL_CHARACTER_NOT_ALLOWED" });
    expect(await getDb().user.count({ where: { id: user.id } })).toBe(1);
  });

  it("refuses one in the reset token of a POST's query", async () => {
    const response = await authPost(
      authRequest("/reset-password?token=a%00b", { body: { newPassword: `pw-${randomUUID()}` } }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "NUL_CHARACTER_NOT_ALLOWED" });
  });
});

it("the reset form's own lookup of a token with NUL finds no owner instead of failing", async () => {
  await expect(resetTokenOwner("a\u0000b")).resolves.toBeUndefined();
});
