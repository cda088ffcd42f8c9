// A trace records every request's headers: with the Vercel bypass secret in
// them, a trace kept from a failed run (and its uploaded report) would publish it.
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadConfig(bypassSecret: string | undefined) {
  vi.resetModules();
  vi.stubEnv("VERCEL_AUTOMATION_BYPASS_SECRET", bypassSecret);
  return (await import("../playwright.config")).default;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("playwright.config.ts", () => {
  it("keeps traces of failed tests when no bypass secret is in use", async () => {
    const config = await loadConfig(undefined);
    expect(config.use?.trace).toBe("retain-on-failure");
    expect(config.use?.extraHTTPHeaders).toBeUndefined();
  });

  it("records no trace at all when it sends the bypass secret", async () => {
    const config = await loadConfig("not-a-real-secret");
    expect(config.use?.extraHTTPHeaders).toMatchObject({ "x-vercel-protection-bypass": "not-a-real-secret" });
    expect(config.use?.trace).toBe("off");
    for (const project of config.projects ?? []) expect(project.use?.trace).toBeUndefined();
  });
});
