// A password must never travel in a URL (address bar, history, Referer, proxy
// and platform logs). Every request of a whole account journey is recorded and
// checked: with JavaScript, without it, and with each form submitted while
// the page's scripts are still on their way (a slow phone before hydration).
import { expect, type Page, test } from "@playwright/test";
import { linkFromMail, mailboxAvailable } from "./support/mailbox";
import { newPerson, type Person } from "./support/people";

type Mode = "with JavaScript" | "without JavaScript" | "before hydration";

/** Holds the app's scripts while armed, so the page stays unhydrated until the form has been sent. */
async function scriptGate(page: Page) {
  let release = () => {};
  let gate = Promise.resolve();
  await page.route("**/_next/static/**/*.js", async (route) => {
    await gate;
    // The page that asked may be gone by now: that is the point.
    await route.continue().catch(() => undefined);
  });
  return {
    arm() {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

/** Every URL the browser requested that contains one of `secrets`, in any of its encodings. */
function recordLeaks(page: Page, secrets: string[]): () => string[] {
  const leaks: string[] = [];
  const forms = secrets.flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ p: secret }).toString().slice(2),
  ]);
  page.context().on("request", (request) => {
    const url = request.url();
    if (forms.some((form) => url.includes(form))) leaks.push(`${request.method()} ${url}`);
  });
  return () => leaks;
}

interface Passwords {
  wrong: string;
  /** Set on /settings, then replaced through a reset link. */
  changed: string;
  reset: string;
}

async function journey(page: Page, mode: Mode, person: Person, passwords: Passwords): Promise<void> {
  const wrongPassword = passwords.wrong;
  const gate = mode === "before hydration" ? await scriptGate(page) : undefined;
  /** Opens `path` (unhydrated when the gate is used), does `fill`, and submits with `button`. */
  async function submitOn(path: string, fill: () => Promise<void>, button: () => ReturnType<Page["getByRole"]>) {
    gate?.arm();
    await page.goto(path, { waitUntil: gate ? "domcontentloaded" : "load" });
    await fill();
    await button().click();
    gate?.release();
  }
  const deleteForm = page.getByRole("form", { name: "Delete your account?" });
  async function openDeleteForm() {
    await page
      .getByRole("button", { name: "Delete account" })
      .or(page.getByRole("link", { name: "Delete account" }))
      .click();
  }

  await submitOn(
    "/sign-up",
    async () => {
      await page.getByLabel("Name").fill(person.name);
      await page.getByLabel("Email").fill(person.email);
      await page.getByLabel("Password").fill(person.password);
    },
    () => page.getByRole("button", { name: "Sign up" }),
  );
  await expect(page).toHaveURL(/\/tasks$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  for (const password of [wrongPassword, person.password]) {
    await submitOn(
      "/sign-in",
      async () => {
        await page.getByLabel("Email").fill(person.email);
        await page.getByLabel("Password").fill(password);
      },
      () => page.getByRole("button", { name: "Sign in" }),
    );
    if (password === wrongPassword) {
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Incorrect email or password.");
    }
  }
  await expect(page).toHaveURL(/\/tasks$/);

  const passwordForm = page.getByRole("form", { name: "Password", exact: true });
  for (const current of [wrongPassword, person.password]) {
    await submitOn(
      "/settings",
      async () => {
        await passwordForm.getByLabel("Current password").fill(current);
        await passwordForm.getByLabel("New password").fill(passwords.changed);
      },
      () => passwordForm.getByRole("button", { name: "Save" }),
    );
    if (current === wrongPassword) {
      await expect(passwordForm.getByRole("alert")).toHaveText("That password is not correct.");
    }
  }
  await expect(page.getByRole("status").filter({ hasText: "Your password has been changed." })).toBeVisible();

  // Signed out from /tasks, so the posts to /settings recorded below are the password forms' alone.
  await page.goto("/tasks");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await submitOn(
    "/forgot-password",
    () => page.getByLabel("Email").fill(person.email),
    () => page.getByRole("button", { name: "Send reset link" }),
  );
  await expect(page).toHaveURL(/\/forgot-password\?sent=1$/);
  await submitOn(
    await linkFromMail(person.email, "/api/auth/reset-password/"),
    () => page.getByLabel("New password", { exact: true }).fill(passwords.reset),
    () => page.getByRole("button", { name: "Set new password" }),
  );
  await expect(page).toHaveURL(/\/tasks$/);

  for (const password of [wrongPassword, passwords.reset]) {
    await submitOn(
      "/settings",
      async () => {
        await openDeleteForm();
        await deleteForm.getByLabel("Password").fill(password);
      },
      () => deleteForm.getByRole("button", { name: "Delete account" }),
    );
    if (password === wrongPassword) {
      await expect(deleteForm.getByRole("alert")).toHaveText("That password is not correct.");
    }
  }
  await expect(page).toHaveURL(/\/\?account=deleted$/);
}

/** The password forms the browser posted as page loads: the plain HTML way, before any script. */
function recordPlainPasswordPosts(page: Page): () => string[] {
  const posts: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    const passwordForm = [
      "/sign-up",
      "/sign-in",
      "/settings",
      "/forgot-password",
      "/reset-password",
      "/account/delete",
    ].includes(path);
    if (passwordForm && request.isNavigationRequest() && request.method() === "POST") posts.push(path);
  });
  return () => posts;
}

for (const mode of ["with JavaScript", "without JavaScript", "before hydration"] as const) {
  test.describe(mode, () => {
    test.use({ javaScriptEnabled: mode !== "without JavaScript" });

    test.skip(!mailboxAvailable(), "the reset link comes by e-mail: needs the e2e mailbox");

    test("no request URL of sign-up, sign-in, password change or reset, or account deletion contains a password", async ({
      page,
    }) => {
      const person = newPerson();
      const passwords = { wrong: newPerson().password, changed: newPerson().password, reset: newPerson().password };
      const leaks = recordLeaks(page, [person.password, ...Object.values(passwords)]);
      const plainPosts = recordPlainPasswordPosts(page);
      try {
        await journey(page, mode, person, passwords);
      } finally {
        // Checked even when the journey broke off: a leak is the more important failure.
        expect(leaks(), "request URLs that carry a password").toEqual([]);
      }
      // Proof that the page really was not hydrated: each password form went as a plain post.
      if (mode !== "with JavaScript") {
        expect(plainPosts()).toEqual([
          "/sign-up",
          "/sign-in",
          "/sign-in",
          "/settings",
          "/settings",
          "/forgot-password",
          "/reset-password",
          "/account/delete",
          "/account/delete",
        ]);
      }
    });
  });
}
