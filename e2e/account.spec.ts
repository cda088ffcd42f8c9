import { expect, test } from "@playwright/test";
import { bearer, listTasksViaApi } from "./support/api";
import { databaseAvailable, rowsOfUser } from "./support/database";
import { apiToken, currentUserId, newPerson, signInInBrowser, signUpInBrowser, signUpQuickly } from "./support/people";
import { addTask, expectAllSaved } from "./support/tasks-page";

test("a wrong password is refused with a message", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.context().clearCookies();

  await page.goto("/sign-in");
  await signInInBrowser(page, { ...person, password: "not-the-password" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
});

test("an email that already has an account is refused next to the field", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.context().clearCookies();

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill("another-good-password");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email")).toBeFocused();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("a weak password and a malformed email are caught before sending", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Pat");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Use at least 8 characters" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();
});

test("deleting the account, after the password, removes the person and all their tasks", async ({ page }) => {
  const person = await signUpInBrowser(page, newPerson());
  await addTask(page, "Pay rent");
  await addTask(page, "Cancel the gym");
  await expectAllSaved(page);
  const token = await apiToken(page.request);
  expect(await listTasksViaApi(page.request, token)).toHaveLength(2);
  const userId = await currentUserId(page.request);

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await dialog.getByLabel("Password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("That password is not correct.");

  await dialog.getByLabel("Password").fill(person.password);
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("status")).toContainText("Your account and all of its tasks have been deleted");

  // The old token belongs to nobody now.
  const after = await page.request.get("/api/tasks", { headers: bearer(token) });
  expect(after.status()).toBe(401);
  // Nor can the person sign in again.
  await page.goto("/sign-in");
  await signInInBrowser(page, person);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");

  // And nothing of theirs is left in the database.
  if (databaseAvailable()) expect(await rowsOfUser(userId)).toEqual({ users: 0, tasks: 0 });
  else test.info().annotations.push({ type: "not checked", description: "rows in the database (external server)" });
});
