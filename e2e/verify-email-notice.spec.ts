// The notice on /tasks that asks an unverified account to verify its address:
// "Remind me later" puts it away until the browser closes, for this account.
import { expect, type Page, test } from "@playwright/test";
import { signInInBrowser, signUpQuickly } from "./support/people";

const notice = (page: Page) => page.getByRole("region", { name: "Verify your email address" });

test("Remind me later lasts through reloads and new tabs, but not into another browser", async ({ page, browser }) => {
  const person = await signUpQuickly(page);
  await page.goto("/tasks");
  await expect(notice(page)).toContainText(person.email);
  await notice(page).getByRole("button", { name: "Remind me later" }).click();
  await expect(notice(page)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
  const tab = await page.context().newPage();
  await tab.goto("/tasks");
  await expect(tab.getByRole("heading", { name: "My tasks" })).toBeVisible();
  await expect(notice(tab)).toHaveCount(0);

  // Another browser (a new context: its own cookies) has not been told "later".
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in?next=%2Ftasks");
  await signInInBrowser(other, person);
  await expect(other).toHaveURL(/\/tasks$/);
  await expect(notice(other)).toContainText(person.email);
  await other.context().close();
});
