// @ts-check
// Security headers, in one place for next.config.mjs (fixed headers, which Next
// adds from its routes manifest at next to no cost per request) and proxy.ts
// (the pages' Content-Security-Policy, which needs a fresh nonce per request).
// JavaScript checked as TypeScript: next.config.mjs imports it, and a config
// Node can load as it is spares every server process Next's compiler (SWC,
// about 26 MB of memory each), which it loads only to read a next.config.ts.

/** @typedef {{ key: string, value: string }} Header */
/** @typedef {{ source: string, headers: Header[] }} HeaderRule */

/**
 * The pages' policy: scripts run only when they carry this response's nonce
 * (Next puts it on every script it renders) or were loaded by one that does
 * ('strict-dynamic'); no inline script or eval otherwise.
 * @param {string} nonce
 * @param {{ development: boolean }} options
 * @returns {string}
 */
export function pageContentSecurityPolicy(nonce, options) {
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

/**
 * The headers every answer carries, pages and API alike.
 * @param {{ production: boolean }} options
 * @returns {Header[]}
 */
export function commonSecurityHeaders(options) {
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
 * next.config.mjs `headers()`. Pages get their policy from proxy.ts only: two
 * Content-Security-Policy headers would both be enforced.
 * @param {{ production: boolean }} options
 * @returns {HeaderRule[]}
 */
export function securityHeaderRules(options) {
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
