// The journeys read the app's real e-mail: Playwright's own process runs a real
// SMTP server (the `smtp-server` package; started by e2e/global-setup.ts), the
// app is given its address (SMTP_URL in playwright.config.ts) and sends to it
// when a test makes it send, and each message that arrives is kept as an .eml
// file in MAIL_DIR, where the tests read it.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { EXTERNAL_BASE_URL, MAIL_DIR } from "./e2e-env";

/** Starts the SMTP server on 127.0.0.1:`port`, keeping each message in a fresh `folder`. */
export async function startMailbox(folder: string, port: number): Promise<{ close: () => Promise<void> }> {
  // A run that was killed leaves its mail behind; this run must not read it.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { mode: 0o700 }); // the messages hold live reset and verification links
  let received = 0;
  const server = new SMTPServer({
    // Plain SMTP on localhost: no TLS certificate and no login to set up.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received += 1;
        writeFileSync(join(folder, `${String(received).padStart(5, "0")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    const refuse = (error: Error) =>
      reject(new Error(`the e2e mailbox cannot listen on port ${port} (${error.message}); E2E_PORT moves it`));
    server.once("error", refuse);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", refuse);
      resolve();
    });
  });
  // A connection the app drops must not end Playwright's process, as an unhandled 'error' would.
  server.on("error", (error: Error) => console.error(`e2e mailbox: ${error.message}`));
  return {
    close: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          rmSync(folder, { recursive: true, force: true });
          resolve();
        }),
      ),
  };
}

/** The mailbox runs whenever this run starts the app; not against a server someone else runs. */
export const mailboxAvailable = () => EXTERNAL_BASE_URL === undefined;

export interface Mail {
  raw: string;
  /** The first link in the message (the text part comes first). */
  link: string;
}

/** The messages to `to` so far whose link contains `linkTo`, oldest first. */
export function mailsTo(to: string, linkTo: string): Mail[] {
  if (!mailboxAvailable()) throw new Error("no mailbox: these tests need the SMTP server of a run that starts the app");
  return readdirSync(MAIL_DIR)
    .sort()
    .map((file) => decode(readFileSync(join(MAIL_DIR, file), "utf8")))
    .filter((mail) => recipient(mail.raw) === to.toLowerCase() && mail.link.includes(linkTo));
}

/** Waits for the `count`-th message to `to` whose link contains `linkTo`, and returns its link. */
export async function linkFromMail(to: string, linkTo: string, count = 1): Promise<string> {
  await expect
    .poll(() => mailsTo(to, linkTo).length, { message: `mail to ${to} with ${linkTo}` })
    .toBeGreaterThanOrEqual(count);
  const mail = mailsTo(to, linkTo)[count - 1];
  if (!mail) throw new Error(`no mail to ${to}`);
  return mail.link;
}

// Long lines come quoted-printable: soft line breaks and =XX escapes.
function decode(raw: string): Mail {
  const text = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return { raw: text, link: /https?:\/\/[^\s"<>]+/.exec(text)?.[0] ?? "" };
}

const recipient = (raw: string) => /^To: (?:.*<)?([^<>\s]+@[^<>\s]+)>?\s*$/im.exec(raw)?.[1]?.toLowerCase();
