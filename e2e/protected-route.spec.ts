import { expect, test } from "@playwright/test";
import { newPerson, signInInBrowser, signUpQuickly } from "./support/people";

test("a signed-out visit to /tasks goes to sign-in and comes back afterwards", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.context().clearCookies();

  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Welcome back" })).toBeVisible();
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
});

test("the filter a person asked for survives the detour through sign-in", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.context().clearCookies();

  await page.goto("/tasks?status=completed");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dcompleted$/);
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/\/tasks\?status=completed$/);
  await expect(page.getByRole("link", { name: "Completed", exact: true })).toHaveAttribute("aria-current", "page");
});

test("a sign-in link cannot send a person to another site", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.context().clearCookies();

  await page.goto("/sign-in?next=//evil.example/phish");
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/localhost:\d+\/tasks$/);
});

test("signed-in people skip the landing and sign-in pages", async ({ page }) => {
  await signUpQuickly(page);
  for (const path of ["/", "/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/tasks$/);
  }
});

test("signing up from the sign-in page also comes back to the page asked for", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Fsettings$/);
  const person = newPerson();
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
});
