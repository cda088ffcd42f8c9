// @ts-check
// JavaScript, not TypeScript: see security-headers.js.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { securityHeaderRules } from "./security-headers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The workspace package is TypeScript source; Next compiles it with the app.
  transpilePackages: ["@todo/db"],
  outputFileTracingRoot: root,
  turbopack: { root },
  poweredByHeader: false,
  async rewrites() {
    return [{ source: "/health", destination: "/api/health" }];
  },
  // Fixed at build time, like every header rule here: `next build` runs with
  // NODE_ENV=production, which turns HSTS on.
  async headers() {
    return securityHeaderRules({ production: process.env.NODE_ENV === "production" });
  },
};

export default nextConfig;
