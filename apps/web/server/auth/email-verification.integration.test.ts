// Verifying the e-mail address, through the app's real auth route and a real
// SMTP server, with REQUIRE_EMAIL_VERIFICATION=true: sign-in is refused with
// its own code until the link in the e-mail has been opened.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { authFailure } from "@/lib/auth-errors";
import { authRequest } from "@/test/factories";
import { type MailSink, startMailSink } from "@/test/mail-sink";

let sink: MailSink;
const VERIFY_LINK = "/api/auth/verify-email?";

beforeAll(async () => {
  sink = await startMailSink();
  // Read by server/env.ts on the first request of this file (its modules are its own).
  Object.assign(process.env, {
    SMTP_URL: sink.url,
    MAIL_FROM: "Todo <no-reply@example.test>",
    REQUIRE_EMAIL_VERIFICATION: "true",
  });
});

afterAll(() => sink.close());

const newPerson = () => ({
  name: "Vera",
  email: `verify-${randomUUID()}@example.test`,
  password: `pw-${randomUUID()}`,
});

const signUp = (person: ReturnType<typeof newPerson>) =>
  authPost(authRequest("/sign-up/email", { body: { ...person, callbackURL: "/verify-email?verified=1" } }));

const signIn = (person: ReturnType<typeof newPerson>) =>
  authPost(authRequest("/sign-in/email", { body: { email: person.email, password: person.password } }));

const open = (link: string) => authGet(new Request(link));

describe("REQUIRE_EMAIL_VERIFICATION=true", () => {
  it("refuses sign-in until the e-mailed link is opened, then signs the person in", async () => {
    const person = newPerson();
    const signedUp = await signUp(person);
    expect(signedUp.status).toBe(200);
    expect(signedUp.headers.getSetCookie().some((cookie) => cookie.includes("session_token="))).toBe(false);

    const refused = await signIn(person);
    expect(refused.status).toBe(403);
    const body: unknown = await refused.json();
    expect(body).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    expect(authFailure({ status: 403, code: "EMAIL_NOT_VERIFIED" }).message).toMatch(
      /^Verify your email address first/,
    );

    const mail = await sink.mailTo(person.email, VERIFY_LINK);
    expect(mail.raw).toContain("Verify your e-mail address");
    const verified = await open(mail.link);
    expect(verified.status).toBe(302);
    expect(verified.headers.get("location")).toBe("/verify-email?verified=1");
    expect(verified.headers.getSetCookie().some((cookie) => cookie.includes("session_token="))).toBe(true);

    expect((await signIn(person)).status).toBe(200);
  });

  it("sends a link that does not verify anyone when tampered with, and says so", async () => {
    const person = newPerson();
    await signUp(person);
    const { link } = await sink.mailTo(person.email, VERIFY_LINK);
    const tampered = link.replace(/token=([^&.]+\.[^&.]+\.)[^&]{4}/, "token=$1AAAA");
    const response = await open(tampered);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/verify-email?verified=1&error=INVALID_TOKEN");
    expect((await signIn(person)).status).toBe(403);
  });

  it("sends at most 3 verification e-mails per address per hour, and answers the same past that", async () => {
    const person = newPerson();
    await signUp(person);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const resend = await authPost(authRequest("/send-verification-email", { body: { email: person.email } }));
      expect(resend.status).toBe(200);
    }
    await sink.mailTo(person.email, VERIFY_LINK, 3);
    // A message asked for afterwards arrives; the fourth for this address never does.
    const other = newPerson();
    await signUp(other);
    await sink.mailTo(other.email, VERIFY_LINK);
    await expect.poll(() => sink.mailsTo(person.email, VERIFY_LINK).length).toBe(3);
  });

  it("says a new link was sent only when one was: past 3 an hour the refusal says so", async () => {
    const person = newPerson();
    await signUp(person);
    // The sign-up's link and two sent with refusals: 3 within the hour.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await signIn(person);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "EMAIL_NOT_VERIFIED" });
    }
    await sink.mailTo(person.email, VERIFY_LINK, 3);
    const noNewLink = await signIn(person);
    expect(noNewLink.status).toBe(403);
    const body: unknown = await noNewLink.json();
    expect(body).toMatchObject({ code: "EMAIL_NOT_VERIFIED_NO_NEW_LINK" });
    const message = authFailure({ status: 403, code: "EMAIL_NOT_VERIFIED_NO_NEW_LINK" }).message;
    expect(message).toMatch(/^Verify your email address first/);
    expect(message).not.toMatch(/sent you a new link/);
    // The earlier links still work.
    const latest = await sink.mailTo(person.email, VERIFY_LINK, 3);
    expect((await open(latest.link)).status).toBe(302);
    expect((await signIn(person)).status).toBe(200);
    expect(sink.mailsTo(person.email, VERIFY_LINK)).toHaveLength(3);
  });
});
