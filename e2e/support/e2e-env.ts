// Settings that the e2e server and the tests must agree on.
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A server the tests should use instead of starting their own (a preview
 * deployment, say). Playwright runs outside turbo, so turbo's env list does not apply.
 */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Playwright, never by a turbo task
export const EXTERNAL_BASE_URL = process.env.PLAYWRIGHT_BASE_URL || undefined;

/**
 * The port of the production server that `playwright test` starts (3000 is for
 * `npm start`); `E2E_PORT` moves it (and the preview and SMTP servers next to
 * it), so two checkouts can run their journeys at once.
 */
// biome-ignore lint/suspicious/noUndeclaredEnvVars: read by Playwright, never by a turbo task
export const E2E_PORT = Number(process.env.E2E_PORT) || 3100;

/**
 * A second server from the same build, configured as a Vercel preview
 * deployment (`npx tsx e2e/server.ts --preview`), answering for these hosts.
 */
export const PREVIEW_PORT = E2E_PORT + 1;
export const PREVIEW_BRANCH_HOST = "todo-git-feature-acme.vercel.app";
export const PREVIEW_DEPLOYMENT_HOST = "todo-a1b2c3d4e-acme.vercel.app";

/**
 * The SMTP server that Playwright's process runs for the app's mail
 * (e2e/global-setup.ts), and the folder where it keeps each message as an .eml
 * file for the tests to read (support/mailbox.ts). Fixed, not picked at run
 * time: the config, loaded again in every worker, gives the address to the app.
 */
export const MAIL_PORT = E2E_PORT + 2;
export const MAIL_DIR = join(tmpdir(), `todo-e2e-${E2E_PORT}-mail`);

/** Where the e2e server leaves its database URL, for the few tests that look into the database itself. */
export const E2E_STATE_FILE = join(tmpdir(), `todo-e2e-${E2E_PORT}.json`);

export interface E2eState {
  databaseUrl: string;
}

/** The running e2e server's state; undefined when the tests run against a server they did not start. */
export function readE2eState(): E2eState | undefined {
  if (EXTERNAL_BASE_URL || !existsSync(E2E_STATE_FILE)) return undefined;
  const state: unknown = JSON.parse(readFileSync(E2E_STATE_FILE, "utf8"));
  if (typeof state !== "object" || state === null || !("databaseUrl" in state)) return undefined;
  if (typeof state.databaseUrl !== "string") return undefined;
  return { databaseUrl: state.databaseUrl };
}
