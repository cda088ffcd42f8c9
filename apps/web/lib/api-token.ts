// The Bearer token for the tasks API: asked from Better Auth with the session
// cookie, kept in memory only (never in storage that scripts could read later),
// and replaced a minute before it runs out. Concurrent callers share one request.
// A plain fetch of Better Auth's GET /api/auth/token, the same request its
// browser client's `token()` sends: that client would load on every page that
// calls the API for this one call.
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
  const response = await fetch("/api/auth/token", { cache: "no-store", headers: { Accept: "application/json" } });
  if (response.status === 401) throw new SessionExpiredError("Session expired");
  const token = response.ok ? tokenIn(await response.json().catch(() => null)) : undefined;
  if (token === undefined) throw new Error(`Token request failed (${response.status})`);
  current = { token, refreshAt: tokenRefreshAt(token, Date.now()) };
  signedOut = false;
  return token;
}

function tokenIn(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null || !("token" in body)) return undefined;
  return typeof body.token === "string" ? body.token : undefined;
}
