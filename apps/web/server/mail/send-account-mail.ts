import "server-only";
import { waitUntil } from "@vercel/functions";
import { requestIdOf } from "../http/with-request";
import { type AccountMailKind, accountMail } from "./account-mail";
import { sendMail } from "./send-mail";
import { takeMailAttempt } from "./take-mail-attempt";

export const APP_NAME = "Todo";

/**
 * Better Auth's mail callbacks. The message goes out in the background: the
 * answer to the request that caused it never waits for a mail server, so it
 * takes as long, and says the same, whether an account exists or not, and
 * whether or not the message could be sent. Past 3 messages to one address
 * in an hour, nothing is sent. Failures are logged with the request id, never shown.
 */
export function sendAccountMail(kind: AccountMailKind, to: string, link: string, request?: Request): Promise<void> {
  inBackground(kind, request, async () => {
    const { allowed } = await takeMailAttempt(kind, to);
    if (allowed) await sendMail({ to, link, ...accountMail(kind, APP_NAME, link) });
    else logLimitReached(kind);
  });
  return Promise.resolve();
}

/**
 * Like sendAccountMail, but decides the per-address limit before it resolves,
 * to whether the message goes out: for a caller whose answer may say so (a
 * sign-in refused until the address is verified, where the person has just
 * proven they know the password). Only the sending runs in the background.
 */
export async function sendAccountMailNow(
  kind: AccountMailKind,
  to: string,
  link: string,
  request?: Request,
): Promise<boolean> {
  const { allowed } = await takeMailAttempt(kind, to);
  if (allowed) inBackground(kind, request, () => sendMail({ to, link, ...accountMail(kind, APP_NAME, link) }));
  else logLimitReached(kind);
  return allowed;
}

function inBackground(kind: AccountMailKind, request: Request | undefined, work: () => Promise<void>): void {
  // The auth handler has given the request the id its answer carries.
  const requestId = request ? requestIdOf(request) : crypto.randomUUID();
  // waitUntil keeps a serverless function alive until this is done; elsewhere it just runs.
  waitUntil(
    work().catch((error: unknown) => {
      console.error(
        JSON.stringify({ level: "error", message: "mail not sent", kind, requestId, error: describe(error) }),
      );
    }),
  );
}

function logLimitReached(kind: AccountMailKind): void {
  console.warn(JSON.stringify({ level: "warn", message: "mail not sent: limit per address reached", kind }));
}

// The error's own message and code (an SMTP reply), not its stack.
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = "code" in error ? ` (${String(error.code)})` : "";
  return `${error.message}${code}`;
}
