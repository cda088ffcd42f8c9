// Forgot password, through the app's real auth route and a real SMTP server:
// the answer never tells whether an address has an account, and a reset link
// works once, for one account, for one hour.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { authRequest, signUpUser, type TestUser } from "@/test/factories";
import { type MailSink, startMailSink } from "@/test/mail-sink";
import { getDb } from "../db";
import { attemptKey } from "../limits/take-attempt";

let sink: MailSink;
const RESET_LINK = "/api/auth/reset-password/";

beforeAll(async () => {
  sink = await startMailSink();
  // Read by server/env.ts on the first request of this file (its modules are its own).
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "Todo <no-reply@example.test>";
});

afterAll(() => sink.close());

const requestReset = (email: string, ip = "198.51.100.20") =>
  authPost(authRequest("/request-password-reset", { body: { email, redirectTo: "/reset-password" }, ip }));

const resetPassword = (token: string, newPassword: string, cookie?: string) =>
  authPost(authRequest("/reset-password", { body: { token, newPassword }, ...(cookie ? { cookie } : {}) }));

const signIn = (email: string, password: string) =>
  authPost(authRequest("/sign-in/email", { body: { email, password } }));

/** Asks for a reset link for `user` and returns the token from the e-mail that arrives. */
async function resetTokenFor(user: TestUser): Promise<string> {
  expect((await requestReset(user.email)).status).toBe(200);
  const mail = await sink.mailTo(user.email, RESET_LINK);
  const token = /\/api\/auth\/reset-password\/([A-Za-z0-9_-]+)\?/.exec(mail.link)?.[1];
  if (!token) throw new Error(`no reset link in: ${mail.link}`);
  return token;
}

// Everything but the two headers that differ on every answer.
function comparable(response: Response) {
  const headers = [...response.headers].filter(([name]) => !["date", "x-request-id"].includes(name));
  return { status: response.status, headers };
}

describe("POST /api/auth/request-password-reset", () => {
  it("answers a known and an unknown address alike: same status, body and headers", async () => {
    const user = await signUpUser();
    const known = await requestReset(user.email);
    const unknown = await requestReset(`nobody-${randomUUID()}@example.test`);
    expect(comparable(known)).toEqual(comparable(unknown));
    expect(await known.text()).toBe(await unknown.text());
    expect(known.status).toBe(200);
  });

  it("answers before the mail server has accepted the message, so timing tells nothing", async () => {
    const user = await signUpUser();
    const release = sink.hold();
    try {
      // The sink does not answer until released: a request that waited for it would hang here.
      expect((await requestReset(user.email)).status).toBe(200);
    } finally {
      release();
    }
    const mail = await sink.mailTo(user.email, RESET_LINK);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.raw).toContain("Todo");
    expect(mail.link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/reset-password\/[A-Za-z0-9_-]+\?callbackURL=/);
  });

  it("logs a mail that could not be sent with the answer's request id, and answers as usual", async () => {
    const user = await signUpUser();
    await sink.mailTo(user.email, "/api/auth/verify-email"); // the sign-up's own mail, before refusing
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const accept = sink.refuse();
    try {
      const refused = await requestReset(user.email);
      const unknown = await requestReset(`nobody-${randomUUID()}@example.test`);
      expect(comparable(refused)).toEqual(comparable(unknown));
      expect(await refused.text()).toBe(await unknown.text());
      const requestId = refused.headers.get("x-request-id");
      const failure = () => logged.mock.calls.flat().find((line) => String(line).includes("mail not sent"));
      await expect.poll(failure).toBeDefined();
      expect(JSON.parse(String(failure()))).toMatchObject({ kind: "reset-password", requestId });
    } finally {
      accept();
      logged.mockRestore();
    }
  });

  it("sends at most 3 links per address in an hour, and answers the same past that", async () => {
    const user = await signUpUser();
    for (let attempt = 0; attempt < 4; attempt += 1) {
      // A new client address each time: the per-address limit holds whoever asks.
      expect((await requestReset(user.email, `198.51.100.${30 + attempt}`)).status).toBe(200);
    }
    await sink.mailTo(user.email, RESET_LINK, 3);
    // Mail to someone asked for after the fourth request arrives; the fourth never does.
    const other = await signUpUser();
    await resetTokenFor(other);
    await expect.poll(() => mailLimitState(user.email)).toEqual({ allowed: 3, lastRefused: true });
    expect(sink.mailsTo(user.email, RESET_LINK)).toHaveLength(3);
  });
});

describe("POST /api/auth/reset-password", () => {
  it("sets the new password once, and ends every session of the account", async () => {
    const user = await signUpUser();
    const token = await resetTokenFor(user);
    const newPassword = `new-${randomUUID()}`;

    expect((await resetPassword(token, newPassword)).status).toBe(200);
    expect((await signIn(user.email, user.password)).status).toBe(401);
    expect((await signIn(user.email, newPassword)).status).toBe(200);
    const session = await authGet(authRequest("/get-session", { cookie: user.cookie }));
    expect(await session.json()).toBeNull();

    const again = await resetPassword(token, `other-${randomUUID()}`);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await signIn(user.email, newPassword)).status).toBe(200);
  });

  it("refuses a token after its hour", async () => {
    const user = await signUpUser();
    const token = await resetTokenFor(user);
    await getDb().verification.updateMany({
      where: { identifier: `reset-password:${token}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await resetPassword(token, `new-${randomUUID()}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect((await signIn(user.email, user.password)).status).toBe(200);
  });

  it("changes only the account the link was sent to, whoever uses it", async () => {
    const owner = await signUpUser();
    const other = await signUpUser();
    const token = await resetTokenFor(owner);
    const newPassword = `new-${randomUUID()}`;

    // Used from another account's signed-in browser, it still resets only its owner.
    expect((await resetPassword(token, newPassword, other.cookie)).status).toBe(200);
    expect((await signIn(other.email, newPassword)).status).toBe(401);
    expect((await signIn(other.email, other.password)).status).toBe(200);
    expect((await signIn(owner.email, newPassword)).status).toBe(200);
  });
});

/** How many reset e-mails the per-address limit let through, and whether it refused the latest. */
async function mailLimitState(email: string): Promise<{ allowed: number; lastRefused: boolean } | undefined> {
  const rows = await getDb().$queryRaw<Array<{ allowed: number; last_allowed: boolean }>>`
    SELECT cardinality(times) AS allowed, last_allowed FROM attempt_log
    WHERE key = ${attemptKey("reset-password-mail", email)}`;
  const row = rows[0];
  return row && { allowed: row.allowed, lastRefused: !row.last_allowed };
}
