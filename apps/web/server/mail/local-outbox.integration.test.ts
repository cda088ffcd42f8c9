// Without SMTP_URL, mail goes to the local outbox: a real reset request, the
// real sender, a real file. This file's modules are its own, so the
// configuration set here is what server/env.ts reads.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { authRequest, signUpUser } from "@/test/factories";

let outbox: string;

beforeAll(() => {
  outbox = mkdtempSync(join(tmpdir(), "todo-outbox-"));
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  process.env.MAIL_OUTBOX_DIR = outbox;
});

afterAll(() => rmSync(outbox, { recursive: true, force: true }));

/** The .eml files in the outbox whose text names `address`. */
function mailsTo(address: string): Array<{ file: string; raw: string }> {
  return readdirSync(outbox)
    .filter((name) => name.endsWith(".eml"))
    .map((name) => ({ file: join(outbox, name), raw: readFileSync(join(outbox, name), "utf8") }))
    .filter((mail) => mail.raw.includes(`To: ${address}`));
}

describe("the local outbox (no SMTP_URL)", () => {
  it("logs each message with its link and keeps it as an .eml file only its owner can read", async () => {
    const user = await signUpUser();
    const logged = vi.spyOn(console, "info");
    const response = await authPost(
      authRequest("/request-password-reset", { body: { email: user.email, redirectTo: "/reset-password" } }),
    );
    expect(response.status).toBe(200);

    await expect.poll(() => mailsTo(user.email).some((mail) => mail.raw.includes("Reset your password"))).toBe(true);
    const mail = mailsTo(user.email).find((each) => each.raw.includes("Reset your password"));
    if (!mail) throw new Error("no reset mail in the outbox");
    expect(mail.raw).toMatch(/^From: Todo <no-reply@localhost>$/m);
    // The en dash makes the subject a MIME encoded word.
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?Q\?Reset_your_password_=E2=80=93_Todo\?=$/m);
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(statSync(mail.file).mode & 0o777).toBe(0o600);

    const line = logged.mock.calls
      .map(([text]) => (typeof text === "string" ? text : ""))
      .find((text) => text.includes(mail.file));
    expect(line).toBeDefined();
    const entry: unknown = JSON.parse(line ?? "null");
    expect(entry).toMatchObject({
      level: "info",
      message: "mail kept in the local outbox",
      to: user.email,
      subject: "Reset your password – Todo",
      file: mail.file,
    });
    // The logged link is the one in the message, and it is the reset link.
    const link = typeof entry === "object" && entry !== null && "link" in entry ? String(entry.link) : "";
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/reset-password\/[^/?]+\?callbackURL=/);
    const unfolded = mail.raw.replace(/=\r?\n/g, "").replaceAll("=3D", "=");
    expect(unfolded).toContain(link);
  });
});
