// Security headers, in one place for next.config.ts (fixed headers, which Next
// adds from its routes manifest at next to no cost per request) and proxy.ts
// (the pages' Content-Security-Policy, which needs a fresh nonce per request).

export interface Header {
  key: string;
  value: string;
}

export interface HeaderRule {
  source: string;
  headers: Header[];
}

/**
 * The pages' policy: scripts run only when they carry this response's nonce
 * (Next puts it on every script it renders) or were loaded by one that does
 * ('strict-dynamic'); no inline script or eval otherwise.
 */
export function pageContentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  return [
    "default-src 'self'",
    // Development only: React rebuilds server error stacks with eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    // Development only: the error overlay injects styles without the nonce.
    `style-src 'self' ${options.development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // React renders `style` props as attributes, which no nonce can cover.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers are JSON: nothing in them may load or run, and nothing may frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The headers every answer carries, pages and API alike. */
export function commonSecurityHeaders(options: { production: boolean }): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "same-origin" },
    // For browsers that predate frame-ancestors.
    { key: "X-Frame-Options", value: "DENY" },
    // Browsers ignore it over plain HTTP, so a local production build is unaffected.
    ...(options.production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

/**
 * next.config.ts `headers()`. Pages get their policy from proxy.ts only: two
 * Content-Security-Policy headers would both be enforced.
 */
export function securityHeaderRules(options: { production: boolean }): HeaderRule[] {
  const apiPolicy = [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }];
  return [
    { source: "/:path*", headers: commonSecurityHeaders(options) },
    { source: "/api/:path*", headers: apiPolicy },
    // Sessions and API tokens: no browser or CDN may keep a copy. (Better Auth
    // marks only get-session; the tasks API sets it itself.)
    { source: "/api/auth/:path*", headers: [{ key: "Cache-Control", value: "no-store" }] },
    { source: "/health", headers: apiPolicy },
  ];
}
