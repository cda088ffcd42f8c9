// Playwright runs this in its own process once per run, after its webServer
// (the app) is up and before the first test, and calls the function it returns
// after the last one. The app needs only the mailbox's address to start (given
// to it in playwright.config.ts); it connects only when a test makes it send.
import { MAIL_DIR, MAIL_PORT } from "./support/e2e-env";
import { startMailbox } from "./support/mailbox";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const mailbox = await startMailbox(MAIL_DIR, MAIL_PORT);
  return mailbox.close;
}
