import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "../env";
import { syncRateLimits } from "./api-rate-limit";

export interface AttemptDecision {
  allowed: boolean;
  /** Whole seconds until the window resets. */
  retryAfter: number;
}

/**
 * Counts one sign-in attempt for an e-mail address, whichever client sends
 * it: with the per-IP limit, an attacker spread over many addresses still
 * gets AUTH_RATE_LIMIT_MAX guesses per window at one account. Counted in the
 * database (one statement), since sign-ins are few and must agree across
 * instances; the address is stored only as a hash.
 */
export async function takeSignInAttempt(email: string): Promise<AttemptDecision> {
  const { AUTH_RATE_LIMIT_MAX: max, AUTH_RATE_LIMIT_WINDOW_SECONDS: windowSeconds } = getEnv();
  const windowMs = windowSeconds * 1000;
  const now = Date.now();
  const windowStart = now - (now % windowMs);
  const address = createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
  const [count = 0] = await syncRateLimits([{ key: `sign-in:${address}`, windowStart, count: 1 }]);
  return { allowed: count <= max, retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
}
