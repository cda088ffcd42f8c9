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
  /** Keys are reloaded at least this often, so a removed key stops verifying anything. */
  refreshIntervalMs?: number;
  /** Tokens issued longer ago than this are refused, whatever their `exp` (Better Auth issues 15 min ones). */
  maxTokenAgeSeconds?: number;
  clockToleranceSeconds?: number;
  /** How many verified tokens to remember (0: none). */
  cacheSize?: number;
  now?: () => number;
}

/** Any reason a token is not accepted; the API answers all of them alike. */
export class InvalidTokenError extends Error {}

/**
 * Returns a function that verifies a Better Auth JWT and resolves to its
 * subject (the user id). Keys are loaded once and cached, and reloaded every
 * `refreshIntervalMs`; a token signed with an unknown `kid` (after a key
 * rotation) reloads them at most once per `reloadIntervalMs`, so a flood of
 * forged kids cannot turn into a flood of key reads.
 *
 * A client sends the same token with every request for its 15 minutes, so
 * the outcome of verifying it is remembered, keyed by the whole token (its
 * signature included), and checked against exp/nbf/iat on every use: a
 * signature is verified once per token rather than once per request. A
 * remembered token is forgotten as soon as a reload no longer has its key.
 */
export function createTokenVerifier(options: TokenVerifierOptions): (token: string) => Promise<string> {
  const { loadKeys, algorithm, issuer, audience } = options;
  const reloadIntervalMs = options.reloadIntervalMs ?? 30_000;
  const refreshIntervalMs = options.refreshIntervalMs ?? 5 * 60_000;
  const maxTokenAgeSeconds = options.maxTokenAgeSeconds ?? 15 * 60;
  const clockToleranceSeconds = options.clockToleranceSeconds ?? 5;
  const toleranceMs = clockToleranceSeconds * 1000;
  const cacheSize = options.cacheSize ?? 10_000;
  const now = options.now ?? Date.now;
  const verified = new Map<string, { subject: string; kid: string | undefined; notBefore: number; expires: number }>();
  let keys: Promise<JWTVerifyGetKey> | undefined;
  let loadedAt = Number.NEGATIVE_INFINITY;

  const reload = () => {
    loadedAt = now();
    const loading = loadKeys().then((jwks) => {
      const kids = new Set(jwks.keys.map((key) => key.kid));
      for (const [token, entry] of verified) if (!kids.has(entry.kid)) verified.delete(token);
      return createLocalJWKSet(jwks);
    });
    // A failed load must not be cached: the next request tries again.
    loading.catch(() => {
      if (keys === loading) keys = undefined;
    });
    keys = loading;
    return loading;
  };
  const currentKeys = () => (keys && now() - loadedAt < refreshIntervalMs ? keys : reload());

  const getKey: JWTVerifyGetKey = async (header, token) => {
    const current = await currentKeys();
    try {
      return await current(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || now() - loadedAt < reloadIntervalMs) throw error;
      return (await reload())(header, token);
    }
  };

  return async (token) => {
    if (verified.has(token)) await currentKeys();
    const remembered = verified.get(token);
    if (remembered) {
      const time = now();
      if (time < remembered.expires + toleranceMs && time >= remembered.notBefore - toleranceMs)
        return remembered.subject;
      verified.delete(token);
      throw new InvalidTokenError(time < remembered.notBefore ? "ERR_JWT_CLAIM_VALIDATION_FAILED" : "ERR_JWT_EXPIRED");
    }
    let subject: unknown;
    let claims: { exp?: number; nbf?: number; iat?: number } = {};
    let kid: string | undefined;
    try {
      const { payload, protectedHeader } = await jwtVerify(token, getKey, {
        algorithms: [algorithm],
        issuer,
        audience,
        requiredClaims: ["exp", "iat", "sub"],
        maxTokenAge: maxTokenAgeSeconds,
        clockTolerance: clockToleranceSeconds,
        currentDate: new Date(now()),
      });
      subject = payload.sub;
      claims = payload;
      kid = protectedHeader.kid;
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
      throw error;
    }
    if (typeof subject !== "string" || subject.length === 0) throw new InvalidTokenError("empty sub");
    if (cacheSize > 0) {
      // Oldest first out: a Map iterates in insertion order.
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value ?? "");
      const expires = Math.min(claims.exp ?? 0, (claims.iat ?? 0) + maxTokenAgeSeconds) * 1000;
      verified.set(token, { subject, kid, notBefore: (claims.nbf ?? 0) * 1000, expires });
    }
    return subject;
  };
}
