// The Bearer token for the tasks API: asked from Better Auth with the session
// cookie, kept in memory only (never in storage that scripts could read later),
// and replaced a minute before it runs out. Concurrent callers share one request.
import { authClient } from "./auth-client";
import { tokenRefreshAt } from "./token-refresh-at";

/** The session cookie is gone or expired: only signing in again helps. */
export class SessionExpiredError extends Error {}

let current: { token: string; refreshAt: number } | undefined;
let pending: Promise<string> | undefined;
let signedOut = false;

export function getApiToken(): Promise<string> {
  if (current && Date.now() < current.refreshAt) return Promise.resolve(current.token);
  pending ??= requestToken().finally(() => {
    pending = undefined;
  });
  return pending;
}

/** Drops the token the server just refused, so the next call asks for a new one. */
export function forgetApiToken(): void {
  current = undefined;
}

/** The person is signing out: the token goes, and a refusal from now on is expected, not a reason to sign in. */
export function endApiSession(): void {
  current = undefined;
  signedOut = true;
}

export const hasSignedOut = () => signedOut;

async function requestToken(): Promise<string> {
  const { data, error } = await authClient.token();
  if (error) {
    throw error.status === 401
      ? new SessionExpiredError("Session expired")
      : new Error(`Token request failed (${error.status})`);
  }
  current = { token: data.token, refreshAt: tokenRefreshAt(data.token, Date.now()) };
  signedOut = false;
  return data.token;
}
