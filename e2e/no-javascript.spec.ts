// Run in the "no-javascript" project (javaScriptEnabled: false): every form
// that carries a secret or changes data must work as plain HTML, so it is safe
// and usable before the page hydrates, or when its scripts never arrive.
import { expect, type Page, test } from "@playwright/test";
import { bearer } from "./support/api";
import { apiToken, newPerson, type Person } from "./support/people";
import { addForm, taskCheckbox } from "./support/tasks-page";

// Better Auth's session cookie (its name and the one with __Secure- over HTTPS).
const SESSION_COOKIE = /(^|_)better-auth\.session_token$/;

async function hasSession(page: Page): Promise<boolean> {
  return (await page.context().cookies()).some((cookie) => SESSION_COOKIE.test(cookie.name));
}

async function fillSignUp(page: Page, person: Person): Promise<void> {
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

async function fillSignIn(page: Page, person: Person): Promise<void> {
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("without JavaScript a person signs up, adds a task, signs out and signs back in", async ({ page }) => {
  const person = newPerson();
  await page.goto("/sign-up");
  await fillSignUp(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
  expect(await hasSession(page)).toBe(true);

  await addForm(page).getByLabel("Title").fill("Water the plants");
  await addForm(page).getByLabel("Description").fill("The fern first");
  await addForm(page).getByRole("button", { name: "Add task" }).click();
  await expect(taskCheckbox(page, "Water the plants")).toBeVisible();
  await expect(page).toHaveURL(/\/tasks$/);
  // The form is empty again, ready for the next one.
  await expect(addForm(page).getByLabel("Title")).toHaveValue("");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await hasSession(page)).toBe(false);

  await page.goto("/sign-in");
  await fillSignIn(page, { ...person, password: "not-the-password" });
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByLabel("Email")).toHaveValue(person.email);
  expect(await hasSession(page)).toBe(false);

  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(taskCheckbox(page, "Water the plants")).toBeVisible();
  expect(await hasSession(page)).toBe(true);
});

test("without JavaScript the server checks the fields and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await fillSignUp(page, { name: "Pat", email: "not-an-email", password: "short" });
  await expect(page.getByRole("alert").filter({ hasText: "Enter a valid email address" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Use at least 8 characters" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Pat");
  await expect(page.getByLabel("Password")).toHaveValue("");

  const person = newPerson();
  await fillSignUp(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await addForm(page).getByRole("button", { name: "Add task" }).click();
  await expect(addForm(page).getByRole("alert")).toHaveText("Title is required");
  await expect(page.getByRole("heading", { name: "No tasks yet" })).toBeVisible();
});

test("without JavaScript sign-in returns to the page the person asked for, and only on this site", async ({ page }) => {
  const person = newPerson();
  await page.goto("/sign-up");
  await fillSignUp(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto("/tasks?status=completed");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks%3Fstatus%3Dcompleted$/);
  await fillSignIn(page, person);
  await expect(page).toHaveURL(/\/tasks\?status=completed$/);
  await page.getByRole("button", { name: "Sign out" }).click();

  await page.goto("/sign-in?next=//evil.example/phish");
  await fillSignIn(page, person);
  await expect(page).toHaveURL(/localhost:\d+\/tasks$/);
});

test("without JavaScript deleting the account still asks for the password", async ({ page }) => {
  const person = newPerson();
  await page.goto("/sign-up");
  await fillSignUp(page, person);
  await expect(page).toHaveURL(/\/tasks$/);

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Delete account" }).click();
  const form = page.getByRole("form", { name: "Delete your account?" });
  await form.getByRole("button", { name: "Delete account" }).click();
  await expect(form.getByRole("alert")).toHaveText("Enter your password to confirm.");
  await form.getByLabel("Password").fill("not-my-password");
  await form.getByRole("button", { name: "Delete account" }).click();
  await expect(form.getByRole("alert")).toHaveText("That password is not correct.");
  expect(await hasSession(page)).toBe(true);

  await form.getByLabel("Password").fill(person.password);
  await form.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await expect(page.getByRole("status")).toContainText("Your account and all of its tasks have been deleted");
  expect(await hasSession(page)).toBe(false);

  await page.goto("/sign-in");
  await fillSignIn(page, person);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
});

test("without JavaScript, Remind me later puts the verify-email notice away", async ({ page }) => {
  await page.goto("/sign-up");
  await fillSignUp(page, newPerson());
  await expect(page).toHaveURL(/\/tasks$/);
  const notice = page.getByRole("region", { name: "Verify your email address" });
  await notice.getByRole("button", { name: "Remind me later" }).click();
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test("without JavaScript the add form is held to the API's request limit", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/sign-up");
  await fillSignUp(page, newPerson());
  await expect(page).toHaveURL(/\/tasks$/);
  const token = await apiToken(page.request);
  // The API's own requests use up the window, until it has time left to post the form in.
  for (;;) {
    const answer = await page.request.get("/api/tasks?limit=1", { headers: bearer(token) });
    const resetSeconds = Number(/;t=(\d+)/.exec(answer.headers().ratelimit ?? "")?.[1]);
    if (answer.status() === 429 && resetSeconds >= 10) break;
  }
  await addForm(page).getByLabel("Title").fill("One too many");
  await addForm(page).getByRole("button", { name: "Add task" }).click();
  await expect(addForm(page).getByRole("alert")).toHaveText(/^Too many requests; try again in \d+ s\.$/);
  await expect(addForm(page).getByLabel("Title")).toHaveValue("One too many");
  await expect(taskCheckbox(page, "One too many")).toHaveCount(0);
});
