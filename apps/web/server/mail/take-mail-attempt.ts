import "server-only";
import { type AttemptDecision, type AttemptKind, takeAttempt } from "../limits/take-attempt";
import type { AccountMailKind } from "./account-mail";

/** Reset and verification e-mails to one address in any 60 minutes, whoever asks for them. */
export const MAILS_PER_ADDRESS = 3;
const MAIL_WINDOW_SECONDS = 3600;

// A change of address is confirmed by a verification e-mail: they share one count.
const LIMIT_KIND: Record<AccountMailKind, AttemptKind> = {
  "reset-password": "reset-password-mail",
  "verify-email": "verification-mail",
  "change-email": "verification-mail",
};

/** Counts one e-mail of `kind` to `to` and says whether it may go out. */
export function takeMailAttempt(kind: AccountMailKind, to: string): Promise<AttemptDecision> {
  return takeAttempt(LIMIT_KIND[kind], to, MAILS_PER_ADDRESS, MAIL_WINDOW_SECONDS);
}
