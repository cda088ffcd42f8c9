// Two devices, one truth: the same person in two browser contexts sees the
// other's additions, edits, completions and deletions, and the counts, within
// 2 s and without a reload; after 30 s offline, one is back in step, with
// nothing lost or duplicated.
import { type Browser, expect, type Page, test } from "@playwright/test";
import { type Person, signInInBrowser, signUpInBrowser } from "./support/people";
import { addTask, expectAllSaved, expectTitles, liveBoard, taskCheckbox, taskItem } from "./support/tasks-page";

const LIVE_MS = 2_000;

async function secondDevice(browser: Browser, person: Person, { clock = false } = {}): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  // A controllable clock lets a test move the page 30 s ahead instead of waiting for them.
  if (clock) await page.clock.install();
  await page.goto("/sign-in");
  await signInInBrowser(page, person);
  await expect(page).toHaveURL(/\/tasks$/);
  return page;
}

/**
 * Deletions wait for their Undo: the other device can see one only once it is
 * sent, as the toast goes. Like a save, it counts from the server's answer.
 */
async function expectDeletionSent(page: Page, title: string): Promise<void> {
  const toast = page.getByRole("status").filter({ hasText: `Deleted “${title}”.` });
  await expect(toast.getByRole("button", { name: "Undo" })).toBeVisible();
  const answered = page.waitForResponse(
    (response) =>
      response.request().method() === "DELETE" && new URL(response.url()).pathname.startsWith("/api/tasks/"),
  );
  await expect(toast).toBeHidden();
  expect((await answered).status()).toBe(204);
}

/** The board has an open event stream: from here on, changes arrive live. */
const expectLive = (page: Page) => expect(liveBoard(page)).toBeVisible();

test("changes made on one device appear on the other within 2 s", async ({ page: first, browser }) => {
  const person = await signUpInBrowser(first);
  const second = await secondDevice(browser, person);
  await expectLive(second);

  await addTask(first, "Buy milk");
  await addTask(first, "Call the plumber");
  await expectAllSaved(first);
  await expect(taskCheckbox(second, "Call the plumber")).toBeVisible({ timeout: LIVE_MS });
  await expectTitles(second, ["Call the plumber", "Buy milk"]);
  await expect(second.getByText("2 pending")).toBeVisible({ timeout: LIVE_MS });

  await taskItem(first, "Buy milk").getByRole("button", { name: "Edit “Buy milk”" }).click();
  const editor = first.getByRole("form", { name: "Edit “Buy milk”" });
  await editor.getByLabel("Title").fill("Buy oat milk");
  await editor.getByRole("button", { name: "Save" }).click();
  await expectAllSaved(first);
  await expect(taskCheckbox(second, "Buy oat milk")).toBeVisible({ timeout: LIVE_MS });

  await taskCheckbox(first, "Call the plumber").check();
  await expectAllSaved(first);
  await expect(taskCheckbox(second, "Call the plumber")).toBeChecked({ timeout: LIVE_MS });
  await expect(second.getByText("1 completed")).toBeVisible({ timeout: LIVE_MS });

  await taskItem(first, "Buy oat milk").getByRole("button", { name: "Delete “Buy oat milk”" }).click();
  await expectDeletionSent(first, "Buy oat milk");
  await expectAllSaved(first);
  await expect(taskCheckbox(second, "Buy oat milk")).toHaveCount(0, { timeout: LIVE_MS });
  await expectTitles(second, ["Call the plumber"]);
  await expect(second.getByText("0 pending")).toBeVisible({ timeout: LIVE_MS });

  // And the other way round.
  await addTask(second, "From the phone");
  await expectAllSaved(second);
  await expect(taskCheckbox(first, "From the phone")).toBeVisible({ timeout: LIVE_MS });
});

test("a device offline for 30 s catches up without a reload, nothing lost or doubled", async ({
  page: first,
  browser,
}) => {
  test.setTimeout(120_000);
  const person = await signUpInBrowser(first);
  await addTask(first, "Before");
  await addTask(first, "Goes away");
  await expectAllSaved(first);
  const second = await secondDevice(browser, person, { clock: true });
  await expectTitles(second, ["Goes away", "Before"]);
  await expectLive(second);

  await second.context().setOffline(true);
  await addTask(first, "While away");
  await taskCheckbox(first, "Before").check();
  await taskItem(first, "Goes away").getByRole("button", { name: "Delete “Goes away”" }).click();
  await expectDeletionSent(first, "Goes away");
  await expectAllSaved(first);
  // 30 s pass on the offline device: its stream goes silent, its retries fail and back off.
  await second.clock.fastForward(30_000);
  await expect(liveBoard(second)).toHaveCount(0);
  await second.context().setOffline(false);

  await expectTitles(second, ["While away", "Before"]);
  await expect(taskCheckbox(second, "Before")).toBeChecked();
  await expect(second.getByText("1 pending")).toBeVisible();
  await expect(second.getByText("1 completed")).toBeVisible();
  await expect(second).toHaveURL(/\/tasks$/);
});

test("a concurrent edit shows the other version next to mine and lets me choose", async ({ page: first, browser }) => {
  const person = await signUpInBrowser(first);
  await addTask(first, "Draft");
  await expectAllSaved(first);
  const second = await secondDevice(browser, person);
  await expectLive(first);

  async function editElsewhere(from: string, to: string) {
    await taskItem(second, from)
      .getByRole("button", { name: `Edit “${from}”` })
      .click();
    const editor = second.getByRole("form", { name: `Edit “${from}”` });
    await editor.getByLabel("Title").fill(to);
    await editor.getByRole("button", { name: "Save" }).click();
    await expectAllSaved(second);
  }

  // Take theirs: their version stays, my text is dropped.
  await taskItem(first, "Draft").getByRole("button", { name: "Edit “Draft”" }).click();
  const editor = first.getByRole("form", { name: /^Edit “/ });
  await editor.getByLabel("Title").fill("Mine");
  await editElsewhere("Draft", "Theirs");
  await editor.getByRole("button", { name: "Save" }).click();
  const conflict = editor.getByRole("alert");
  await expect(conflict).toContainText("Changed on another device");
  await expect(conflict).toContainText("Theirs");
  await expect(editor.getByLabel("Title")).toHaveValue("Mine");
  await conflict.getByRole("button", { name: "Use this version" }).click();
  await expectTitles(first, ["Theirs"]);

  // Keep mine: saved over their newer version, and the other device gets it.
  await taskItem(first, "Theirs").getByRole("button", { name: "Edit “Theirs”" }).click();
  await editor.getByLabel("Title").fill("Mine after all");
  await editElsewhere("Theirs", "Theirs again");
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor.getByRole("alert")).toContainText("Theirs again");
  await editor.getByRole("button", { name: "Keep mine" }).click();
  await expectAllSaved(first);
  await expectTitles(first, ["Mine after all"]);
  await expect(taskCheckbox(second, "Mine after all")).toBeVisible({ timeout: LIVE_MS });
});
