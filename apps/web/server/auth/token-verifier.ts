import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey, jwtVerify } from "jose";

export interface TokenVerifierOptions {
  /** Reads the current public keys (in the app: Better Auth's JWKS, in-process). */
  loadKeys: () => Promise<JSONWebKeySet>;
  algorithm: string;
  /** The accepted `iss`: one value, or any of several exact values. */
  issuer: string | string[];
  /** The accepted `aud`, likewise. */
  audience: string | string[];
  /** Key reloads for an unknown `kid` happen at most this often. */
  reloadIntervalMs?: number;
  clockToleranceSeconds?: number;
  /** How many verified tokens to remember (0: none). */
  cacheSize?: number;
  now?: () => number;
}

/** Any reason a token is not accepted; the API answers all of them alike. */
export class InvalidTokenError extends Error {}

/**
 * Returns a function that verifies a Better Auth JWT and resolves to its
 * subject (the user id). Keys are loaded once and cached; a token signed with
 * an unknown `kid` (after a key rotation) reloads them at most once per
 * interval, so a flood of forged kids cannot turn into a flood of key reads.
 *
 * A client sends the same token with every request for its 15 minutes, so
 * the outcome of verifying it is remembered, keyed by the whole token (its
 * signature included), and checked against exp/nbf on every use: a
 * signature is verified once per token rather than once per request.
 */
export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<string> {
  const { loadKeys, algorithm, issuer, audience } = options;
  const reloadIntervalMs = options.reloadIntervalMs ?? 30_000;
  const now = options.now ?? Date.now;
  let keys: Promise<JWTVerifyGetKey> | undefined;
  let loadedAt = Number.NEGATIVE_INFINITY;

  const reload = () => {
    loadedAt = now();
    const loading = loadKeys().then((jwks) => createLocalJWKSet(jwks));
    // A failed load must not be cached: the next request tries again.
    loading.catch(() => {
      if (keys === loading) keys = undefined;
    });
    keys = loading;
    return loading;
  };

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const current = await (keys ?? reload());
    try {
      return await current(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || now() - loadedAt < reloadIntervalMs) throw error;
      return (await reload())(header, token);
    }
  };

  const toleranceMs = (options.clockToleranceSeconds ?? 5) * 1000;
  const cacheSize = options.cacheSize ?? 10_000;
  const verified = new Map<string, { subject: string; notBefore: number; expires: number }>();

  return async (token) => {
    const remembered = verified.get(token);
    if (remembered) {
      const time = now();
      if (time < remembered.expires + toleranceMs && time >= remembered.notBefore - toleranceMs)
        return remembered.subject;
      verified.delete(token);
      throw new InvalidTokenError(time < remembered.notBefore ? "ERR_JWT_CLAIM_VALIDATION_FAILED" : "ERR_JWT_EXPIRED");
    }
    let subject: unknown;
    let claims: { exp?: number; nbf?: number } = {};
    try {
      const { payload } = await jwtVerify(token, getKey, {
        algorithms: [algorithm],
        issuer,
        audience,
        requiredClaims: ["exp", "sub"],
        clockTolerance: options.clockToleranceSeconds ?? 5,
        currentDate: new Date(now()),
      });
      subject = payload.sub;
      claims = payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
      throw error;
    }
    if (typeof subject !== "string" || subject.length === 0) throw new InvalidTokenError("empty sub");
    if (cacheSize > 0) {
      // Oldest first out: a Map iterates in insertion order.
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value ?? "");
      verified.set(token, { subject, notBefore: (claims.nbf ?? 0) * 1000, expires: (claims.exp ?? 0) * 1000 });
    }
    return subject;
  };
}
