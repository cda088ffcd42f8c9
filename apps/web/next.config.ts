import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { NextConfig } from "next";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

const nextConfig: NextConfig = {
  // The workspace package is TypeScript source; Next compiles it with the app.
  transpilePackages: ["@todo/db"],
  outputFileTracingRoot: root,
  turbopack: { root },
  poweredByHeader: false,
  async rewrites() {
    return [{ source: "/health", destination: "/api/health" }];
  },
};

export default nextConfig;
