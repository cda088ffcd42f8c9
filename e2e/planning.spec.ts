// Planning in the browser: due dates and priorities, the Today and Upcoming
// views, sorting, the person's own order (mouse and keyboard), clearing
// completed tasks and deleting with Undo.
import { expect, type Page, type Request, test } from "@playwright/test";
import { bearer, listTasksViaApi, rawTasksViaApi } from "./support/api";
import { expectNoSeriousViolations } from "./support/axe";
import { databaseAvailable, lockCompletedTasks } from "./support/database";
import { apiToken, currentUserId, newPerson, signInInBrowser, signUpInBrowser, signUpQuickly } from "./support/people";
import {
  addForm,
  addTask,
  browserDate,
  expectAllSaved,
  expectTitles,
  liveBoard,
  taskCheckbox,
  taskItem,
  taskList,
} from "./support/tasks-page";

/** How long an Undo is offered (UNDO_MS in use-undoable.ts). */
const UNDO_MS = 5000;
const toast = (page: Page) => page.getByRole("status").filter({ has: page.getByRole("button", { name: "Undo" }) });

test("a task due today is in Today, an overdue one shows as overdue, and a later one in Upcoming", async ({ page }) => {
  await signUpInBrowser(page);
  await addTask(page, "Water the plants", undefined, { due: await browserDate(page, 0), priority: "Medium" });
  await addTask(page, "File the taxes", undefined, { due: await browserDate(page, -2), priority: "High" });
  await addTask(page, "Dentist", undefined, { due: await browserDate(page, 3) });
  await addTask(page, "Someday");
  await expectAllSaved(page);

  await expect(taskItem(page, "Water the plants")).toContainText("Today");
  await expect(taskItem(page, "Water the plants")).toContainText("Medium priority");
  const overdue = taskItem(page, "File the taxes").getByText("Overdue · 2 days");
  await expect(overdue).toBeVisible();
  await expect(overdue.locator("xpath=..")).toHaveAttribute("data-overdue", "true");

  await page.getByRole("link", { name: "Today", exact: true }).click();
  await expect(page).toHaveURL(/\/tasks\?status=today$/);
  await expectTitles(page, ["File the taxes", "Water the plants"]);
  await expectNoSeriousViolations(page, "the Today view with an overdue task");

  await page.getByRole("link", { name: "Upcoming", exact: true }).click();
  await expectTitles(page, ["Dentist"]);
  await page.reload();
  await expectTitles(page, ["Dentist"]);
});

test.describe("in another time zone", () => {
  // UTC+14: for most of the day its date is not UTC's.
  test.use({ timezoneId: "Pacific/Kiritimati" });

  test("the server's first page counts today in the browser's zone", async ({ page }) => {
    await signUpInBrowser(page);
    const today = await browserDate(page, 0);
    await addTask(page, "Kiritimati today", undefined, { due: today });
    await expectAllSaved(page);
    // The page the server renders, before any script runs: the same task, the same words.
    const html = await (await page.request.get("/tasks?status=today")).text();
    expect(html).toContain("Kiritimati today");
    expect(html).toMatch(new RegExp(`datetime="${today}"`, "i"));
    await page.goto("/tasks?status=today");
    await expect(taskItem(page, "Kiritimati today")).toContainText("Today");
  });
});

test("sorts by due date and by priority, in the URL", async ({ page }) => {
  await signUpInBrowser(page);
  await addTask(page, "Later, low", undefined, { due: await browserDate(page, 9), priority: "Low" });
  await addTask(page, "No date, high", undefined, { priority: "High" });
  await addTask(page, "Soon, none", undefined, { due: await browserDate(page, 1) });
  await expectAllSaved(page);

  const sort = page.getByLabel("Sort");
  await sort.selectOption({ label: "Due date" });
  await expect(page).toHaveURL(/sort=due/);
  await expectTitles(page, ["Soon, none", "Later, low", "No date, high"]);
  await expectNoSeriousViolations(page, "the list sorted by due date");

  await sort.selectOption({ label: "Priority" });
  await expectTitles(page, ["No date, high", "Later, low", "Soon, none"]);
  await page.reload();
  await expect(page.getByLabel("Sort")).toHaveValue("priority");
  await expectTitles(page, ["No date, high", "Later, low", "Soon, none"]);

  await page.getByLabel("Sort").selectOption({ label: "Newest" });
  await expectTitles(page, ["Soon, none", "No date, high", "Later, low"]);
});

test("the editor sets and clears a due date and a priority", async ({ page }) => {
  await signUpInBrowser(page);
  await addTask(page, "Renew passport");
  await taskItem(page, "Renew passport").getByRole("button", { name: /^Edit/ }).click();
  const editor = page.getByRole("form", { name: /^Edit/ });
  await editor.getByLabel("Due date").fill(await browserDate(page, 1));
  await editor.getByLabel("Priority").selectOption({ label: "High" });
  await expectNoSeriousViolations(page, "the editor with a due date and a priority");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(taskItem(page, "Renew passport")).toContainText("Tomorrow");
  await expect(taskItem(page, "Renew passport")).toContainText("High priority");
  await expectAllSaved(page);
  await page.reload();
  await expect(taskItem(page, "Renew passport")).toContainText("Tomorrow");

  await taskItem(page, "Renew passport").getByRole("button", { name: /^Edit/ }).click();
  await page.getByRole("form", { name: /^Edit/ }).getByLabel("Due date").fill("");
  await page.getByRole("form", { name: /^Edit/ }).getByRole("button", { name: "Save" }).click();
  await expect(taskItem(page, "Renew passport")).not.toContainText("Tomorrow");
});

/** Today's date in `zone`, as YYYY-MM-DD. */
const dateIn = (zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());

test.describe("a new browser, in a zone whose date is not UTC's", () => {
  // UTC+14 is on another date from 10:00 UTC, UTC−11 until 11:00: one of them always is.
  const zone = ["Pacific/Kiritimati", "Pacific/Pago_Pago"].find((candidate) => dateIn(candidate) !== dateIn("UTC"));
  test.use({ timezoneId: zone });

  test("the first /tasks the server renders counts today in that zone", async ({ page, context }) => {
    if (!zone) throw new Error("no zone on another date than UTC's");
    const zoneCookie = async () => (await context.cookies()).find((cookie) => cookie.name === "tz")?.value;
    // Each page on the way to /tasks tells the server the zone as soon as its scripts run.
    for (const path of ["/", "/sign-in", "/sign-up"]) {
      await context.clearCookies();
      await page.goto(path);
      await expect.poll(zoneCookie, `the zone remembered on ${path}`).toBe(encodeURIComponent(zone));
    }

    await signUpQuickly(page);
    const today = dateIn(zone);
    const created = await page.request.post("/api/tasks", {
      headers: bearer(await apiToken(page.request)),
      data: { title: "Due today, there", due_date: today },
    });
    expect(created.status()).toBe(201);
    // This browser's first /tasks, as the server sends it before any script runs.
    const html = await (await page.request.get("/tasks")).text();
    expect(html).toContain("Due today, there");
    expect(html).toContain(`<time dateTime="${today}">Today</time>`);
  });

  test("signing in through the form, the list is in that zone from its first paint", async ({ page, request }) => {
    if (!zone) throw new Error("no zone on another date than UTC's");
    // An account made elsewhere, with a task due today in that zone.
    const person = newPerson();
    const origin = new URL(test.info().project.use.baseURL ?? "").origin;
    const signedUp = await request.post("/api/auth/sign-up/email", { data: person, headers: { Origin: origin } });
    expect(signedUp.status()).toBe(200);
    const created = await request.post("/api/tasks", {
      headers: bearer(await apiToken(request)),
      data: { title: "Due today, there", due_date: dateIn(zone) },
    });
    expect(created.status()).toBe(201);

    // Every due date the page ever shows, the first render's included.
    await page.addInitScript(() => {
      const seen = new Set<string>();
      new MutationObserver(() => {
        for (const time of document.querySelectorAll("li time")) seen.add(time.textContent ?? "");
        document.documentElement.dataset.dueSeen = [...seen].join(" | ");
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto("/sign-in");
    // Its scripts have run: the zone is remembered.
    await expect.poll(async () => (await page.context().cookies()).some((cookie) => cookie.name === "tz")).toBe(true);
    await signInInBrowser(page, person);
    await expect(page).toHaveURL(/\/tasks$/);
    await expect(taskItem(page, "Due today, there")).toContainText("Today");
    await expectAllSaved(page);
    await expect(page.locator("html")).toHaveAttribute("data-due-seen", "Today");
  });
});

test.describe("my own order", () => {
  // Tall enough that every row is on screen: the mouse only reaches what is.
  test.use({ viewport: { width: 1280, height: 1400 } });

  async function threeTasks(page: Page) {
    await signUpInBrowser(page);
    for (const title of ["Third", "Second", "First"]) await addTask(page, title);
    await expectAllSaved(page);
    await page.getByLabel("Sort").selectOption({ label: "My order" });
    await expect(page).toHaveURL(/sort=manual/);
    await expectTitles(page, ["First", "Second", "Third"]);
  }

  test("reorders with the keyboard only, announced, and keeps the order", async ({ page }) => {
    await threeTasks(page);
    const handle = page.getByRole("button", { name: "Move “First”" });
    await handle.focus();
    await expectNoSeriousViolations(page, "My order with its handles");
    await page.keyboard.press("ArrowDown");
    await expectTitles(page, ["Second", "First", "Third"]);
    await expect(page.getByText("Moved “First” to position 2 of 3.")).toBeAttached();
    await expect(handle).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expectTitles(page, ["Second", "Third", "First"]);
    await page.keyboard.press("ArrowUp");
    await expectTitles(page, ["Second", "First", "Third"]);
    await expectAllSaved(page);
    await page.reload();
    await expectTitles(page, ["Second", "First", "Third"]);
  });

  /** Presses on a handle and moves, as a person does, onto one half of another task. */
  async function drag(page: Page, title: string, onto: string, half: "upper" | "lower") {
    const from = await page.getByRole("button", { name: `Move “${title}”` }).boundingBox();
    const to = await taskItem(page, onto).boundingBox();
    if (!from || !to) throw new Error("nothing to drag");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, half === "upper" ? to.y + 6 : to.y + to.height - 6, { steps: 8 });
    await page.mouse.up();
  }

  test("reorders by dragging with the mouse, and keeps the order", async ({ page }) => {
    await threeTasks(page);
    await drag(page, "First", "Third", "lower");
    await expectTitles(page, ["Second", "Third", "First"]);
    await drag(page, "Third", "Second", "upper");
    await expectTitles(page, ["Third", "Second", "First"]);
    await expectAllSaved(page);
    await page.reload();
    await expectTitles(page, ["Third", "Second", "First"]);
  });

  test("a move the server refuses puts the task back where it was", async ({ page }) => {
    await threeTasks(page);
    const token = await apiToken(page.request);
    const before = await rawTasksViaApi(page.request, token, "&sort=manual");
    const first = (await listTasksViaApi(page.request, token)).find((task) => task.title === "First");
    if (!first) throw new Error("no task First");
    // "Third" goes right after "First", which another window deletes while the move is on its way.
    await page.route(
      "**/api/tasks/*/move",
      async (route) => {
        const deleted = await page.request.delete(`/api/tasks/${first.id}`, { headers: bearer(token) });
        expect(deleted.status()).toBe(204);
        await route.continue();
      },
      { times: 1 },
    );
    await page.getByRole("button", { name: "Move “Third”" }).focus();
    await page.keyboard.press("ArrowUp");

    // Left where it was it is below "Second"; left where it was moved to, above.
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "Couldn't save “Third”. After id must be one of your tasks",
    );
    await expectTitles(page, ["Second", "Third"]);
    await expectAllSaved(page);
    expect(await rawTasksViaApi(page.request, token, "&sort=manual")).toEqual(before.slice(1));
    await page.reload();
    await expectTitles(page, ["Second", "Third"]);
  });
});

test("clears completed tasks with Undo, then for good", async ({ page }) => {
  await signUpInBrowser(page);
  for (const title of ["Milk", "Bread", "Eggs"]) await addTask(page, title, undefined, { priority: "Low" });
  await taskCheckbox(page, "Milk").check();
  await taskCheckbox(page, "Eggs").check();
  await expectAllSaved(page);
  const token = await apiToken(page.request);
  const before = await rawTasksViaApi(page.request, token);

  await page.getByRole("button", { name: "Clear completed (2)" }).click();
  await expectTitles(page, ["Bread"]);
  await expect(toast(page)).toContainText("Cleared 2 completed tasks.");
  // On the toast, the pointer holds the Undo open for as long as the check takes.
  await toast(page).hover();
  await expectNoSeriousViolations(page, "the Undo toast after clearing");
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expectTitles(page, ["Eggs", "Bread", "Milk"]);
  await expect(toast(page)).toBeHidden();
  // Nothing was sent: every task is exactly as it was, id and position included.
  expect(await rawTasksViaApi(page.request, token)).toEqual(before);

  await page.getByRole("button", { name: "Clear completed (2)" }).click();
  await expectTitles(page, ["Bread"]);
  await expect(toast(page)).toBeHidden();
  await expect.poll(async () => (await rawTasksViaApi(page.request, token)).length).toBe(1);
  await page.reload();
  await expectTitles(page, ["Bread"]);
  await expect(page.getByRole("button", { name: /^Clear completed/ })).toHaveCount(0);
});

test("a clear the server cannot do puts every completed task back", async ({ page }) => {
  test.skip(!databaseAvailable(), "needs the e2e server's own database");
  await page.clock.install();
  await signUpInBrowser(page);
  for (const title of ["Milk", "Bread", "Eggs"]) await addTask(page, title);
  await taskCheckbox(page, "Milk").check();
  await taskCheckbox(page, "Eggs").check();
  await expectAllSaved(page);
  const token = await apiToken(page.request);
  const before = await rawTasksViaApi(page.request, token);

  // Held by a transaction elsewhere: the server's DELETE waits, then its statement timeout refuses it.
  const release = await lockCompletedTasks(await currentUserId(page.request));
  try {
    await page.getByRole("button", { name: "Clear completed (2)" }).click();
    await expectTitles(page, ["Bread"]);
    await page.clock.runFor(UNDO_MS);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("Couldn't clear completed tasks.");
  } finally {
    await release();
  }
  await expectTitles(page, ["Eggs", "Bread", "Milk"]);
  await expect(page.getByRole("button", { name: "Clear completed (2)" })).toBeVisible();
  expect(await rawTasksViaApi(page.request, token)).toEqual(before);
});

/**
 * The race a reload can lose: the server renders the next /tasks before the
 * `held` request has reached it, and that request's answer still comes back
 * to the page being left. Requests are only held, never answered here.
 */
async function renderNextPageFirst(
  page: Page,
  held: (request: Request) => boolean,
  done: () => Promise<boolean>,
): Promise<void> {
  let letThrough = () => {};
  const gate = new Promise<void>((resolve) => {
    letThrough = resolve;
  });
  await page.route("**/api/tasks/**", async (route) => {
    if (!held(route.request())) return route.fallback();
    await gate;
    await route.continue();
  });
  await page.route(
    (url) => url.pathname === "/tasks",
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      const rendered = await route.fetch();
      letThrough();
      await expect.poll(done).toBe(true);
      await route.fulfill({ response: rendered });
    },
  );
}

test("a clear still waiting for its Undo happens whole when the page is reloaded or closed", async ({
  page,
  context,
}) => {
  await signUpInBrowser(page);
  for (const title of ["Open", "Done on reload", "Also done on reload"]) await addTask(page, title);
  await taskCheckbox(page, "Done on reload").check();
  await taskCheckbox(page, "Also done on reload").check();
  await expectAllSaved(page);
  const token = await apiToken(page.request);
  const pending = async () => (await listTasksViaApi(context.request, token)).filter((task) => !task.completed);
  const open = await pending();

  await renderNextPageFirst(
    page,
    (request) => new URL(request.url()).pathname === "/api/tasks/clear",
    async () => (await listTasksViaApi(context.request, token)).length === open.length,
  );
  await page.getByRole("button", { name: "Clear completed (2)" }).click();
  await expect(toast(page)).toBeVisible();
  await page.reload();
  await expectTitles(page, ["Open"]);
  await page.unrouteAll();
  await expect.poll(() => listTasksViaApi(context.request, token)).toEqual(open);
  // The page has its API token once its live connection is open: nothing is left to wait for on the way out.
  await expect(liveBoard(page)).toBeVisible();

  for (const title of ["Done on close", "Also done on close"]) await addTask(page, title);
  await taskCheckbox(page, "Done on close").check();
  await taskCheckbox(page, "Also done on close").check();
  await expectAllSaved(page);
  const stays = await pending();
  await page.getByRole("button", { name: "Clear completed (2)" }).click();
  await expect(toast(page)).toBeVisible();
  await page.close({ runBeforeUnload: true });
  // Both completed tasks gone, every other task as it was: never one of the two left behind.
  await expect.poll(() => listTasksViaApi(context.request, token)).toEqual(stays);
});

test("deletes with Undo; the task comes back exactly as it was", async ({ page }) => {
  await signUpInBrowser(page);
  await addTask(page, "Keep me", "with a note", { due: await browserDate(page, 2), priority: "High" });
  await addTask(page, "Other");
  await expectAllSaved(page);
  const token = await apiToken(page.request);
  const before = await rawTasksViaApi(page.request, token, "&sort=manual");

  await taskItem(page, "Keep me")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expectTitles(page, ["Other"]);
  await expect(toast(page)).toContainText("Deleted “Keep me”.");
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expectTitles(page, ["Other", "Keep me"]);
  await page.reload();
  await expectTitles(page, ["Other", "Keep me"]);
  expect(await rawTasksViaApi(page.request, token, "&sort=manual")).toEqual(before);
});

test("the time to undo stands still while the pointer or focus is on the toast", async ({ page, context }) => {
  await page.clock.install();
  await signUpInBrowser(page);
  for (const title of ["Hovered", "Focused"]) await addTask(page, title);
  await expectAllSaved(page);
  const token = await apiToken(page.request);

  await taskItem(page, "Hovered")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await toast(page).hover();
  await page.clock.runFor(UNDO_MS * 2);
  await expect(toast(page)).toContainText("Deleted “Hovered”.");
  await page.mouse.move(0, 0);
  await page.clock.runFor(UNDO_MS + 100);
  await expect(toast(page)).toBeHidden();
  await expect
    .poll(async () => (await rawTasksViaApi(context.request, token)).map((task) => JSON.stringify(task)).join())
    .not.toContain("Hovered");

  await taskItem(page, "Focused")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await toast(page).getByRole("button", { name: "Undo" }).focus();
  await page.clock.runFor(UNDO_MS * 2);
  await page.keyboard.press("Enter");
  await expectTitles(page, ["Focused"]);
  expect(await rawTasksViaApi(context.request, token)).toHaveLength(1);
});

test("a deletion still waiting for its Undo is sent when the page is reloaded or closed", async ({ page, context }) => {
  await signUpInBrowser(page);
  for (const title of ["Gone on reload", "Gone on close", "Stays"]) await addTask(page, title);
  await expectAllSaved(page);
  const token = await apiToken(page.request);

  await renderNextPageFirst(
    page,
    (request) => request.method() === "DELETE",
    async () => (await listTasksViaApi(context.request, token)).every((task) => task.title !== "Gone on reload"),
  );
  await taskItem(page, "Gone on reload")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(toast(page)).toBeVisible();
  await page.reload();
  await expectTitles(page, ["Stays", "Gone on close"]);
  await page.unrouteAll();
  // The page has its API token once its live connection is open: nothing is left to wait for on the way out.
  await expect(liveBoard(page)).toBeVisible();

  await taskItem(page, "Gone on close")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(toast(page)).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect
    .poll(async () => (await rawTasksViaApi(context.request, token)).map((task) => JSON.stringify(task)).join())
    .not.toContain("Gone on close");
  expect(await rawTasksViaApi(context.request, token)).toHaveLength(1);
});

test("a deletion still waiting for its Undo is sent when the person signs out, with no detour to sign-in", async ({
  page,
  context,
}) => {
  await signUpInBrowser(page);
  for (const title of ["Gone at sign-out", "Stays"]) await addTask(page, title);
  await expectAllSaved(page);
  const token = await apiToken(page.request);

  await taskItem(page, "Gone at sign-out")
    .getByRole("button", { name: /^Delete/ })
    .click();
  await expect(toast(page)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect
    .poll(async () => (await rawTasksViaApi(context.request, token)).map((task) => JSON.stringify(task)).join())
    .not.toContain("Gone at sign-out");
  await expect(page).toHaveURL(/\/$/);
});

test("a clear noted as its page went is never sent for the next person who signs in in that tab", async ({
  page,
  browser,
}) => {
  const second = newPerson();
  const other = await browser.newPage();
  await signUpInBrowser(other, second);
  await addTask(other, "Second's done");
  await taskCheckbox(other, "Second's done").check();
  await expectAllSaved(other);
  await other.close();

  await signUpInBrowser(page);
  const first = await currentUserId(page.request);
  // What a /tasks page leaves in its tab when it is gone before its clear was
  // answered (use-undoable.ts); that person then signs out, and another signs in.
  await page.evaluate(
    (user) => sessionStorage.setItem("todo.unsent-deletion", JSON.stringify({ kind: "clear", user })),
    first,
  );
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/sign-in");
  await signInInBrowser(page, second);
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(liveBoard(page)).toBeVisible();
  await expectTitles(page, ["Second's done"]);
  const token = await apiToken(page.request);
  expect((await listTasksViaApi(page.request, token)).map((task) => task.title)).toEqual(["Second's done"]);
});

test("every keyboard shortcut, none while typing", async ({ page }) => {
  await signUpInBrowser(page);
  for (const title of ["Third", "Second", "First"]) await addTask(page, title);
  await expectAllSaved(page);
  await page.getByRole("heading", { name: "My tasks" }).click();

  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expectNoSeriousViolations(page, "the shortcuts dialog");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("j");
  await expect(taskCheckbox(page, "First")).toBeFocused();
  await page.keyboard.press("j");
  await expect(taskCheckbox(page, "Second")).toBeFocused();
  await page.keyboard.press("k");
  await expect(taskCheckbox(page, "First")).toBeFocused();

  await page.keyboard.press("x");
  await expect(taskCheckbox(page, "First")).toBeChecked();

  await page.keyboard.press("e");
  const editor = page.getByRole("form", { name: "Edit “First”" });
  await expect(editor.getByLabel("Title")).toBeFocused();
  // Typing in a field is typing: "j" and "x" go into the title.
  await page.keyboard.press("End");
  await page.keyboard.type(" jx");
  await expect(editor.getByLabel("Title")).toHaveValue("First jx");
  await page.keyboard.press("Escape");
  await expect(editor).toBeHidden();
  await expect(taskCheckbox(page, "First")).toBeChecked();

  await page.keyboard.press("n");
  const title = addForm(page).getByLabel("Title");
  await expect(title).toBeFocused();
  await page.keyboard.type("n/?");
  await expect(title).toHaveValue("n/?");
  await expect(help).toBeHidden();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Escape");
  await expect(title).not.toBeFocused();

  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search tasks" });
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(search).not.toBeFocused();

  await taskCheckbox(page, "Third").focus();
  await page.keyboard.press("Delete");
  await expectTitles(page, ["First", "Second"]);
  await expect(toast(page)).toContainText("Deleted “Third”.");
  await expect(taskList(page)).toBeVisible();
});
