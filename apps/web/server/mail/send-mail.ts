import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import { getEnv } from "../env";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The link the message is about: printed to the log when there is no mail server. */
  link: string;
}

export type SendMail = (message: MailMessage) => Promise<void>;

let send: SendMail | undefined;

/**
 * Sends one message: through SMTP_URL when it is set (any SMTP provider), else
 * into the local outbox. Resolves when the mail server accepted it.
 */
export function sendMail(message: MailMessage): Promise<void> {
  send ??= createSender();
  return send(message);
}

function createSender(): SendMail {
  const { SMTP_URL, MAIL_FROM, MAIL_OUTBOX_DIR, VERCEL } = getEnv();
  if (SMTP_URL) {
    const smtp = createTransport(SMTP_URL, { from: MAIL_FROM });
    return async ({ to, subject, text, html }) => {
      await smtp.sendMail({ to, subject, text, html });
    };
  }
  // A deployment's logs are read by more people than the account's owner, and
  // its disk is not kept: there, a link must never be logged instead of sent.
  if (VERCEL) {
    return () => Promise.reject(new Error("SMTP_URL is not set: no mail can be sent from this deployment"));
  }
  return outboxSender(MAIL_FROM, MAIL_OUTBOX_DIR);
}

/**
 * Without a mail server nothing is lost and nothing needs setting up: each
 * message is printed to the server log with its link and kept as an .eml file
 * that any mail program opens.
 */
function outboxSender(from: string, folder: string): SendMail {
  const compose = createTransport({ streamTransport: true, buffer: true, newline: "unix" }, { from });
  return async (message) => {
    const { message: raw, messageId } = await compose.sendMail(message);
    const file = join(folder, `${new Date().toISOString().replaceAll(":", "-")}-${fileSafe(messageId)}.eml`);
    console.info(
      JSON.stringify({
        level: "info",
        message: "mail kept in the local outbox",
        to: message.to,
        subject: message.subject,
        link: message.link,
        file,
      }),
    );
    await mkdir(folder, { recursive: true });
    await writeFile(file, Buffer.isBuffer(raw) ? raw : String(raw), { mode: 0o600 });
  };
}

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9.-]/g, "").slice(0, 60);
