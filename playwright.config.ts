import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, EXTERNAL_BASE_URL, MAIL_PORT, PREVIEW_PORT } from "./e2e/support/e2e-env";

// Against a server someone else runs when PLAYWRIGHT_BASE_URL is set; otherwise
// e2e/server.ts starts the production build on a fresh database.
const baseURL = EXTERNAL_BASE_URL ?? `http://localhost:${E2E_PORT}`;

// Debian's Chromium where there is one (Playwright cannot download browsers on
// our machines); Playwright's own browser elsewhere.
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// Vercel's Deployment Protection lets automation through with this header.
const bypassSecret = process.env.VERCEL_AUTOMATION_BYPASS_SECRET;
const chromiumArgs = [
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? { executablePath: SYSTEM_CHROMIUM, args: chromiumArgs }
  : { args: chromiumArgs };

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    ...(bypassSecret
      ? { extraHTTPHeaders: { "x-vercel-protection-bypass": bypassSecret, "x-vercel-set-bypass-cookie": "true" } }
      : {}),
    // A trace records every request's headers, the bypass secret included: none then.
    trace: bypassSecret ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: ["preview-deployment.spec.ts", "no-javascript.spec.ts"],
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    // Forms must work as plain HTML: before hydration, or when scripts never load.
    {
      name: "no-javascript",
      testMatch: "no-javascript.spec.ts",
      use: { ...devices["Desktop Chrome"], launchOptions, javaScriptEnabled: false },
    },
    // The same build as a Vercel preview; only when this run starts the servers.
    ...(EXTERNAL_BASE_URL
      ? []
      : [
          {
            name: "preview",
            testMatch: "preview-deployment.spec.ts",
            use: { baseURL: `http://localhost:${PREVIEW_PORT}` },
          },
        ]),
  ],
  // The app's mail goes to a real SMTP server in this process, which the journeys
  // read (e2e/global-setup.ts, support/mailbox.ts). The preview, a Vercel
  // deployment without SMTP_URL, sends none (and logs that).
  globalSetup: EXTERNAL_BASE_URL ? undefined : "./e2e/global-setup.ts",
  webServer: EXTERNAL_BASE_URL
    ? undefined
    : [
        {
          command: "npx tsx e2e/server.ts",
          url: `${baseURL}/api/health`,
          env: { SMTP_URL: `smtp://127.0.0.1:${MAIL_PORT}`, MAIL_FROM: "Todo <no-reply@example.test>" },
          reuseExistingServer: false,
          // A cold `next build` on two cores takes a few minutes; a cached one, seconds.
          timeout: 300_000,
          gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
        },
        {
          command: "npx tsx e2e/server.ts --preview",
          url: `http://localhost:${PREVIEW_PORT}/api/health`,
          reuseExistingServer: false,
          timeout: 360_000,
          gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
        },
      ],
});
