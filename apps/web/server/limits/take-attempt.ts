import "server-only";
import { createHash } from "node:crypto";
import { syncRateLimits } from "./api-rate-limit";

export interface AttemptDecision {
  allowed: boolean;
  /** Whole seconds until an attempt would be allowed again. */
  retryAfter: number;
}

/** What is being counted: each kind has its own counts. */
export type AttemptKind = "sign-in" | "reset-password-mail" | "verification-mail";

/**
 * Counts one attempt of `kind` for `key` (an e-mail address), whichever
 * client sends it, and says whether it is within `max` per window. Counted in
 * the database (one statement), since these are few and must agree across
 * instances; the key is stored only as a hash.
 */
export async function takeAttempt(
  kind: AttemptKind,
  key: string,
  max: number,
  windowSeconds: number,
): Promise<AttemptDecision> {
  const windowMs = windowSeconds * 1000;
  const now = Date.now();
  const windowStart = now - (now % windowMs);
  const delta = { key: attemptKey(kind, key), windowStart, windowEnd: windowStart + windowMs, count: 1 };
  const [count = 0] = await syncRateLimits([delta]);
  return { allowed: count <= max, retryAfter: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)) };
}

/** The stored key of `kind` for an e-mail address: its hash, whatever its case or surrounding spaces. */
export function attemptKey(kind: AttemptKind, key: string): string {
  return `${kind}:${createHash("sha256").update(key.trim().toLowerCase()).digest("base64url")}`;
}
