// Run in the "no-javascript" project (javaScriptEnabled: false): every form
// that carries a secret or changes data must work as plain HTML, so it is safe
// and usable before the page hydrates, or when its scripts never arrive.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { bearer } from "./support/api";
import { linkFromMail, mailboxAvailable } from "./support/mailbox";
import { apiToken, newPerson, type Person, signUpQuickly } from "./support/people";
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

test("without JavaScript sign-up returns to the page the person asked for", async ({ page }) => {
  await page.goto("/sign-in?next=%2Fsettings");
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Fsettings$/);
  await fillSignUp(page, newPerson());
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-up?next=https://evil.example/phish");
  await fillSignUp(page, newPerson());
  await expect(page).toHaveURL(/localhost:\d+\/tasks$/);
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

const section = (page: Page, name: string) => page.getByRole("region", { name });

/** What a settings form did, as the page reports it after the redirect. */
const outcome = (page: Page) => page.getByRole("status");

/** Signs `person` in on a new device (a browser context of its own, also without JavaScript). */
async function signInElsewhere(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/sign-in");
  await fillSignIn(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  return page;
}

test("without JavaScript settings change the name", async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/settings");
  const name = section(page, "Name");
  await name.getByRole("textbox", { name: "Name" }).fill("");
  await name.getByRole("button", { name: "Save" }).click();
  await expect(name.getByRole("alert")).toHaveText("Enter your name");

  await name.getByRole("textbox", { name: "Name" }).fill("Ada Lovelace");
  await name.getByRole("button", { name: "Save" }).click();
  await expect(outcome(page)).toHaveText("Your name has been saved.");
  await page.goto("/settings");
  await expect(name.getByRole("textbox", { name: "Name" })).toHaveValue("Ada Lovelace");
});

test("without JavaScript other devices are signed out from settings, one or all", async ({ page, browser }) => {
  const person = await signUpQuickly(page);
  const others = [await signInElsewhere(browser, person), await signInElsewhere(browser, person)];
  await page.goto("/settings");
  const sessions = section(page, "Where you are signed in").getByRole("listitem");
  await expect(sessions).toHaveCount(3);

  await sessions
    .filter({ hasNotText: "This device" })
    .first()
    .getByRole("button", { name: /^Sign out/ })
    .click();
  await expect(outcome(page)).toHaveText("That device has been signed out.");
  await expect(sessions).toHaveCount(2);

  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(outcome(page)).toHaveText("Every other device has been signed out.");
  await expect(sessions).toHaveCount(1);
  for (const other of others) {
    await other.goto("/settings");
    await expect(other).toHaveURL(/\/sign-in\?next=%2Fsettings$/);
    await other.context().close();
  }
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings$/);
});

test.describe("with the e2e mailbox", () => {
  test.skip(!mailboxAvailable(), "needs the e2e mailbox (not available against an external server)");

  test("without JavaScript the verification link is sent again from settings", async ({ page }) => {
    const person = await signUpQuickly(page);
    await page.goto("/settings");
    const email = section(page, "Email address");
    await expect(email).toContainText("(not verified yet)");
    await email.getByRole("button", { name: "Resend" }).click();
    await expect(section(page, "Email address").getByText("Sent. Check your inbox.")).toBeVisible();

    // The first link came with the sign-up; the second is the one sent again.
    await page.goto(await linkFromMail(person.email, "/api/auth/verify-email", 2));
    await expect(page.getByRole("heading", { name: "Email address verified" })).toBeVisible();
    await page.goto("/settings");
    await expect(section(page, "Email address")).toContainText("(verified)");
  });

  test("without JavaScript a new email address is asked for, and takes effect from its link", async ({ page }) => {
    const person = await signUpQuickly(page);
    const newEmail = newPerson().email;
    await page.goto("/settings");
    const email = section(page, "Email address");
    await email.getByLabel("New email").fill(person.email);
    await email.getByRole("button", { name: "Save" }).click();
    await expect(email.getByRole("alert")).toHaveText("This is already your email address.");

    await email.getByLabel("New email").fill(newEmail);
    await email.getByRole("button", { name: "Save" }).click();
    await expect(outcome(page)).toContainText("We have sent a link to your new address");
    await expect(email).toContainText(`Now: ${person.email}`);

    await page.goto(await linkFromMail(newEmail, "/api/auth/verify-email"));
    await expect(page.getByRole("heading", { name: "Email address verified" })).toBeVisible();
    await page.goto("/settings");
    await expect(section(page, "Email address")).toContainText(`Now: ${newEmail}`);
  });
});

interface RenderedForm {
  /** The page and the form's name (its label, or its first field's or button's). */
  where: string;
  method: string;
  action: string;
  password: boolean;
  /** Every submit button is disabled (and so is pressing Enter): the form cannot be sent before scripts run. */
  locked: boolean;
}

/** Every form in the server-rendered HTML of `path` (no script has run: this project has none). */
async function formsOn(page: Page, path: string): Promise<RenderedForm[]> {
  await page.goto(path);
  const forms = await page.locator("form").evaluateAll((elements) =>
    elements.map((form) => {
      const labelledBy = form.getAttribute("aria-labelledby");
      const label = labelledBy ? form.ownerDocument.getElementById(labelledBy)?.textContent : null;
      const firstNamed = form.querySelector("label, button");
      const submits = [...form.querySelectorAll("button, input[type=submit], input[type=image]")].filter(
        (control) => !["button", "reset"].includes(control.getAttribute("type") ?? "submit"),
      );
      return {
        name: (form.getAttribute("aria-label") ?? label ?? firstNamed?.textContent ?? "").trim(),
        method: (form.getAttribute("method") ?? "get").toLowerCase(),
        action: form.getAttribute("action") ?? "",
        password: form.querySelector("input[type=password]") !== null,
        locked: submits.length > 0 && submits.every((control) => control.hasAttribute("disabled")),
      };
    }),
  );
  return forms.map(({ name, ...form }) => ({ where: `${path}: ${name}`, ...form }));
}

// Forms that may be sent with GET: they only read, so their fields belong in the URL.
const GET_FORMS = ["/tasks: Search tasks"];

test("every server-rendered form that carries a password or changes data is sent with POST", async ({
  page,
  browser,
}) => {
  const signedOut = ["/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=checked-when-sent"];
  const signedIn = ["/tasks", "/settings", "/account/delete", "/docs"];
  const forms: RenderedForm[] = [];
  for (const path of signedOut) forms.push(...(await formsOn(page, path)));
  const person = await signUpQuickly(page);
  // A second device, so that /settings has its "Sign out" forms too.
  const other = await signInElsewhere(browser, person);
  for (const path of signedIn) forms.push(...(await formsOn(page, path)));
  await other.context().close();
  expect(forms.map((form) => form.where)).toEqual(expect.arrayContaining(["/settings: Sign out everywhere else"]));

  // A form whose action is a client function renders `action="javascript:throw …"`: it does nothing without scripts.
  const posts = (form: RenderedForm) => form.method === "post" && !form.action.startsWith("javascript:");
  const searches = (form: RenderedForm) => GET_FORMS.includes(form.where) && form.method === "get" && !form.password;
  expect(forms.filter((form) => !posts(form) && !searches(form) && !form.locked)).toEqual([]);
  // Each allowed GET form is still on its page, so the list says what is true.
  expect(forms.filter(searches).map((form) => form.where)).toEqual(GET_FORMS);
});
