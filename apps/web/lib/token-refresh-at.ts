const REFRESH_MARGIN_MS = 60_000;

/**
 * When to stop using a freshly issued `token`: a minute before it expires.
 * Measured from its lifetime (exp − iat) rather than from `exp`, so a browser
 * clock that is off does not matter. A token it cannot read is used once.
 */
export function tokenRefreshAt(token: string, receivedAt: number): number {
  const lifetime = readClaims(token);
  const lifetimeMs = lifetime ? (lifetime.exp - lifetime.iat) * 1000 : 0;
  return receivedAt + Math.max(lifetimeMs - REFRESH_MARGIN_MS, 0);
}

function readClaims(token: string): { iat: number; exp: number } | undefined {
  const payload = token.split(".")[1] ?? "";
  let claims: unknown;
  try {
    claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
  } catch {
    return undefined;
  }
  if (typeof claims !== "object" || claims === null || !("iat" in claims) || !("exp" in claims)) return undefined;
  const { iat, exp } = claims;
  return typeof iat === "number" && typeof exp === "number" ? { iat, exp } : undefined;
}
