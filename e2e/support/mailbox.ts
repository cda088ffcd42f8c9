// The journeys read the app's real e-mail: e2e/server.ts runs a real SMTP
// server (the `smtp-server` package) next to the app it starts, gives the app
// its SMTP_URL, and keeps each message it receives as an .eml file in the
// run's folder; the tests read them from there (its path is in the state file).
// The SMTP server lives in that process, not in Playwright's, because the app
// needs its address when it starts, before any test runs.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { readE2eState } from "./e2e-env";

/** Starts the SMTP server on a free port, storing messages in `folder`; resolves with its SMTP_URL. */
export async function startMailbox(folder: string): Promise<{ url: string; close: () => void }> {
  mkdirSync(folder, { recursive: true });
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (typeof address !== "object" || address === null) throw new Error("the mailbox is not listening");
  return { url: `smtp://127.0.0.1:${address.port}`, close: () => server.close() };
}

export const mailboxAvailable = () => readE2eState()?.mailDir !== undefined;

export interface Mail {
  raw: string;
  /** The first link in the message (the text part comes first). */
  link: string;
}

/** The messages to `to` so far whose link contains `linkTo`, oldest first. */
export function mailsTo(to: string, linkTo: string): Mail[] {
  const folder = readE2eState()?.mailDir;
  if (!folder) throw new Error("no mailbox: these tests need the e2e server's SMTP server");
  return readdirSync(folder)
    .sort()
    .map((file) => decode(readFileSync(join(folder, file), "utf8")))
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
