import { defineConfig } from "vitest/config";

// Tests of the root scripts (npm start and friends) and configuration; the workspaces have their own.
export default defineConfig({
  test: { include: ["scripts/**/*.test.ts"], testTimeout: 60_000 },
});
