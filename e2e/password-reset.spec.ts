// Forgot password, end to end, with the real e-mail read from the SMTP server
// that Playwright's process runs (support/mailbox.ts).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { linkFromMail, mailboxAvailable } from "./support/mailbox";
import { newPerson, signInInBrowser, signUpQuickly } from "./support/people";

test.skip(!mailboxAvailable(), "needs the e2e mailbox (not available against an external server)");

const RESET_LINK = "/api/auth/reset-password/";

test("a forgotten password is reset from the e-mailed link, and every other session ends", async ({
  page,
  browser,
}) => {
  const person = await signUpQuickly(page);
  // Another device, signed in before the reset.
  const otherDevice = await browser.newContext();
  const other = await otherDevice.newPage();
  await other.goto("/sign-in");
  await signInInBrowser(other, person);
  await expect(other).toHaveURL(/\/tasks$/);

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses that address");

  const link = await linkFromMail(person.email, RESET_LINK);
  await page.goto(link);
  await expect(page).toHaveURL(/\/reset-password\?token=/);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Use at least 8 characters" })).toBeVisible();
  const newPassword = `new-${randomUUID()}`;
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/tasks$/);

  // The other device is signed out: its next navigation lands on sign-in.
  await other.reload();
  await expect(other).toHaveURL(/\/sign-in(\?|$)/);
  await signInInBrowser(other, person);
  await expect(other.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await other.getByLabel("Password").fill(newPassword);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/tasks$/);
  await otherDevice.close();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await page.getByRole("link", { name: "Send a new link" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
});

test("an address without an account gets the same answer", async ({ page }) => {
  const stranger = newPerson();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(stranger.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page).toHaveURL(/\/forgot-password\?sent=1$/);
  await expect(page.getByRole("status")).toContainText("If an account uses that address");
});
