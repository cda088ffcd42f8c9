// /settings: name, email address, password, the devices signed in, and
// deleting the account. "Another device" is another browser context.
import { randomUUID } from "node:crypto";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { linkFromMail, mailboxAvailable } from "./support/mailbox";
import { newPerson, type Person, signInInBrowser, signUpQuickly } from "./support/people";
import { liveBoard } from "./support/tasks-page";

/** Signs `person` in on a new device; close it with page.context().close(). */
async function signInElsewhere(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  return page;
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
}

const section = (page: Page, name: string) => page.getByRole("region", { name });

/** The page's report of what a form did (other live regions on the page are empty). */
async function expectOutcome(page: Page, text: string): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

test("settings is linked from the header and changes the name", async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/tasks");
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  const name = section(page, "Name");
  await name.getByRole("textbox", { name: "Name" }).fill("");
  await name.getByRole("button", { name: "Save" }).click();
  await expect(name.getByRole("alert")).toHaveText("Enter your name");
  await name.getByRole("textbox", { name: "Name" }).fill("Ada Lovelace");
  await name.getByRole("button", { name: "Save" }).click();
  await expectOutcome(page, "Your name has been saved.");
  await expect(name.getByRole("textbox", { name: "Name" })).toHaveValue("Ada Lovelace");
});

test("changing the password needs the current one, and can sign out the other devices", async ({ page, browser }) => {
  const person = await signUpQuickly(page);
  const other = await signInElsewhere(browser, person);
  await page.goto("/settings");
  const password = section(page, "Password");

  await password.getByLabel("Current password").fill("not-my-password");
  await password.getByLabel("New password").fill(`new-${randomUUID()}`);
  await password.getByRole("button", { name: "Save" }).click();
  await expect(password.getByRole("alert")).toHaveText("That password is not correct.");
  await expect(password.getByLabel("Current password")).toBeFocused();

  const newPassword = `new-${randomUUID()}`;
  await password.getByLabel("Current password").fill(person.password);
  await password.getByLabel("New password").fill(newPassword);
  await expect(password.getByLabel("Sign out of all other devices")).toBeChecked();
  await password.getByRole("button", { name: "Save" }).click();
  await expectOutcome(page, "Your password has been changed.");

  // This browser stays signed in; the other device does not.
  await expect(section(page, "Where you are signed in").getByRole("listitem")).toHaveCount(1);
  await expectSignedOut(other);
  await signInInBrowser(other, person);
  await expect(other.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
  await other.getByLabel("Password").fill(newPassword);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/settings$/);
  await other.context().close();
});

test("one other device is signed out from the list of sessions", async ({ page, browser }) => {
  const person = await signUpQuickly(page);
  const other = await signInElsewhere(browser, person);
  await page.goto("/settings");
  const sessions = section(page, "Where you are signed in").getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This device" })).toHaveCount(1);
  await expect(sessions.first()).toContainText("This device");
  await expect(sessions.first()).toContainText(/Chrome on \w+/);
  await expect(sessions.first()).toContainText("Active now");
  await expect(sessions.filter({ hasNotText: "This device" })).toContainText("Active in the last 5 minutes");

  await sessions
    .filter({ hasNotText: "This device" })
    .getByRole("button", { name: /^Sign out/ })
    .click();
  await expectOutcome(page, "That device has been signed out.");
  await expect(sessions).toHaveCount(1);

  // The other device's next navigation lands on sign-in.
  await other.goto("/tasks");
  await expect(other).toHaveURL(/\/sign-in$/);
  await other.context().close();
  // And this one is still signed in.
  await page.goto("/tasks");
  await expect(page).toHaveURL(/\/tasks$/);
});

test("sign out everywhere else keeps only this device", async ({ page, browser }) => {
  const person = await signUpQuickly(page);
  const others = [await signInElsewhere(browser, person), await signInElsewhere(browser, person)];
  await page.goto("/settings");
  const sessions = section(page, "Where you are signed in");
  await expect(sessions.getByRole("listitem")).toHaveCount(3);
  await sessions.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expectOutcome(page, "Every other device has been signed out.");
  await expect(sessions.getByRole("listitem")).toHaveCount(1);
  await expect(sessions.getByRole("button", { name: "Sign out everywhere else" })).toHaveCount(0);
  for (const other of others) {
    await expectSignedOut(other);
    await other.context().close();
  }
});

// The UI keeps its API token in memory; ending sessions from /settings drops
// it, so /tasks asks for a new one (with this session's cookie) on its next use.
for (const [ending, end] of [
  [
    "one other device",
    (sessions: Locator) =>
      sessions
        .getByRole("listitem")
        .filter({ hasNotText: "This device" })
        .getByRole("button", { name: /^Sign out/ })
        .click(),
  ],
  [
    "everywhere else",
    (sessions: Locator) => sessions.getByRole("button", { name: "Sign out everywhere else" }).click(),
  ],
] as const) {
  test(`signing out ${ending} drops the API token this browser holds`, async ({ page, browser }) => {
    const person = await signUpQuickly(page);
    const other = await signInElsewhere(browser, person);
    let tokenRequests = 0;
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/api/auth/token") tokenRequests += 1;
    });
    await page.goto("/tasks");
    // Live once its event stream is open, which needs the token: the token is in memory, not just asked for.
    await expect(liveBoard(page)).toBeVisible();
    expect(tokenRequests).toBeGreaterThan(0);

    // In-app navigation keeps the page's scripts, and so the token, in memory.
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await end(section(page, "Where you are signed in"));
    await expect(section(page, "Where you are signed in").getByRole("listitem")).toHaveCount(1);
    const before = tokenRequests;
    await page.getByRole("link", { name: "My tasks" }).click();
    await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
    await expect.poll(() => tokenRequests).toBeGreaterThan(before);
    await other.context().close();
  });
}

test.describe("with the e2e mailbox", () => {
  test.skip(!mailboxAvailable(), "needs the e2e mailbox (not available against an external server)");

  test("a new email address takes effect only once its link is opened", async ({ page }) => {
    const person = await signUpQuickly(page);
    const newEmail = newPerson().email;
    await page.goto("/settings");
    const email = section(page, "Email address");
    await email.getByLabel("New email").fill(person.email);
    await email.getByRole("button", { name: "Save" }).click();
    await expect(email.getByRole("alert")).toHaveText("This is already your email address.");

    await email.getByLabel("New email").fill(newEmail);
    await email.getByRole("button", { name: "Save" }).click();
    await expectOutcome(page, "We have sent a link to your new address");
    await expect(email).toContainText(`Now: ${person.email}`);

    const link = await linkFromMail(newEmail, "/api/auth/verify-email");
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Email address verified" })).toBeVisible();
    await page.goto("/settings");
    await expect(section(page, "Email address")).toContainText(`Now: ${newEmail}`);

    await page.context().clearCookies();
    await page.goto("/sign-in");
    await signInInBrowser(page, { ...person, email: newEmail });
    await expect(page).toHaveURL(/\/tasks$/);
  });

  test("sign-up sends a verification link; until it is opened /tasks says so, with Resend", async ({ page }) => {
    const person = newPerson();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page).toHaveURL(/\/tasks$/);

    const notice = page.getByRole("region", { name: "Verify your email address" });
    await expect(notice).toContainText(person.email);
    await notice.getByRole("button", { name: "Resend" }).click();
    await expect(notice.getByText("Sent. Check your inbox.")).toBeVisible();
    await notice.getByRole("button", { name: "Remind me later" }).click();
    await expect(notice).toHaveCount(0);

    // Both links work until one is used; the second one is the resent one.
    const link = await linkFromMail(person.email, "/api/auth/verify-email", 2);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Email address verified" })).toBeVisible();
    await page.getByRole("link", { name: "Continue to your tasks" }).click();
    await expect(page.getByRole("heading", { name: "My tasks" })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });
});

test("the account is deleted from settings, after the password", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.goto("/settings");
  await section(page, "Delete account").getByRole("button", { name: "Delete account" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await dialog.getByLabel("Password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(dialog.getByRole("alert")).toHaveText("That password is not correct.");
  await dialog.getByLabel("Password").fill(person.password);
  await dialog.getByRole("button", { name: "Delete account" }).click();
  await expect(page).toHaveURL(/\/\?account=deleted$/);
  await page.goto("/sign-in");
  await signInInBrowser(page, person);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
});

test("settings and the forgot-password form work from the keyboard alone", async ({ page }) => {
  const person = await signUpQuickly(page);
  await page.goto("/settings");
  const password = section(page, "Password");
  await tabTo(page, password.getByLabel("Current password"));
  await page.keyboard.type(person.password);
  await page.keyboard.press("Tab");
  await expect(password.getByLabel("New password")).toBeFocused();
  await page.keyboard.type(`new-${randomUUID()}`);
  await page.keyboard.press("Tab");
  await expect(password.getByLabel("Sign out of all other devices")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(password.getByLabel("Sign out of all other devices")).not.toBeChecked();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expectOutcome(page, "Your password has been changed.");

  await tabTo(page, page.getByRole("button", { name: "Delete account" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }), 80);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/sign-in");
  await tabTo(page, page.getByRole("link", { name: "Forgot password?" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/forgot-password$/);
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(person.email);
  await page.keyboard.press("Enter");
  await expectOutcome(page, "If an account uses that address");
});

/** Presses Tab until `target` has focus: proves it can be reached without a mouse. */
async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}
