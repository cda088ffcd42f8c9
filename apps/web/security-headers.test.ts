import { describe, expect, it } from "vitest";
import {
  API_CONTENT_SECURITY_POLICY,
  commonSecurityHeaders,
  pageContentSecurityPolicy,
  securityHeaderRules,
} from "./security-headers";

/** A policy as a map of directive → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("pageContentSecurityPolicy", () => {
  const production = directives(pageContentSecurityPolicy("bm9uY2U=", { development: false }));

  it("runs only scripts that carry the nonce, or that they load", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(production.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
  });

  it("allows no inline script, eval, plugin, base URL or framing", () => {
    const policy = pageContentSecurityPolicy("bm9uY2U=", { development: false });
    expect(policy).not.toMatch(/unsafe-eval/);
    expect(production.get("script-src")).not.toContain("'unsafe-inline'");
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("adds eval and inline styles in development only, for React's dev tooling", () => {
    const development = directives(pageContentSecurityPolicy("bm9uY2U=", { development: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("script-src")).not.toContain("'unsafe-inline'");
    expect(development.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });
});

describe("securityHeaderRules", () => {
  const headerNames = (production: boolean) =>
    commonSecurityHeaders({ production }).map((header) => `${header.key}: ${header.value}`);

  it("sends HSTS in production only", () => {
    expect(headerNames(true)).toContain("Strict-Transport-Security: max-age=63072000; includeSubDomains");
    expect(headerNames(false).some((header) => header.startsWith("Strict-Transport-Security"))).toBe(false);
  });

  it("gives every answer nosniff, a referrer policy and no framing", () => {
    const [everything] = securityHeaderRules({ production: true });
    expect(everything?.source).toBe("/:path*");
    expect(everything?.headers).toEqual(
      expect.arrayContaining([
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "same-origin" },
        { key: "X-Frame-Options", value: "DENY" },
      ]),
    );
  });

  it("gives the API, and only the API, a fixed policy: pages get theirs from the proxy", () => {
    const withPolicy = securityHeaderRules({ production: true })
      .filter((rule) => rule.headers.some((header) => header.key === "Content-Security-Policy"))
      .map((rule) => rule.source);
    expect(withPolicy).toEqual(["/api/:path*", "/health"]);
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
