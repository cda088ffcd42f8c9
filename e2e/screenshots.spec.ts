import { expect, test } from "@playwright/test";
import { signUpInBrowser } from "./support/people";
import { addTask, browserDate, expectAllSaved, taskCheckbox } from "./support/tasks-page";

// Pictures of /tasks for a person to look at (e2e/screenshots/, git-ignored),
// and a check that no page scrolls sideways on a small phone.
const SCREENSHOTS = "e2e/screenshots";

test("settings, light and dark, on a desktop and a phone", async ({ page }) => {
  await signUpInBrowser(page);
  await page.goto("/settings");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 812 });
      await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/settings-${colorScheme}-${width}.png`, fullPage: true });
    }
  }
});

test("the task list, light and dark, on a desktop and a phone", async ({ page }) => {
  await signUpInBrowser(page);
  // Dates relative to the browser's today, so the labels read the same whenever this runs.
  const day = (offset: number) => browserDate(page, offset);
  await addTask(page, "Book flights to Lisbon", "Compare the morning and evening options; window seat if possible.", {
    due: await day(5),
    priority: "Medium",
  });
  await addTask(page, "Send the quarterly report", undefined, { due: await day(1), priority: "High" });
  await addTask(page, "Pick up dry cleaning", "Ticket is in the blue wallet", { due: await day(0) });
  await addTask(page, "Call grandma", undefined, { priority: "Low" });
  await addTask(page, "Renew car insurance before the 30th", undefined, { due: await day(-2), priority: "High" });
  await taskCheckbox(page, "Call grandma").check();
  await taskCheckbox(page, "Send the quarterly report").check();
  await expectAllSaved(page);
  await page.reload();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 812 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page.getByRole("heading", { name: "My tasks" })).toBeInViewport();
      await page.screenshot({ path: `${SCREENSHOTS}/tasks-${colorScheme}-${width}.png`, fullPage: true });
    }
  }
});

test("nothing scrolls sideways at 360 px wide", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=x"]) {
    await page.goto(path);
    await expectNoSidewaysScroll();
  }
  await signUpInBrowser(page);
  await addTask(page, `A long title without spaces: ${"x".repeat(120)}`, "y".repeat(300));
  await expectAllSaved(page);
  await expectNoSidewaysScroll();
  await page.screenshot({ path: `${SCREENSHOTS}/tasks-light-360.png`, fullPage: true });
  await page.goto("/settings");
  await expectNoSidewaysScroll();
  await page.screenshot({ path: `${SCREENSHOTS}/settings-light-360.png`, fullPage: true });

  async function expectNoSidewaysScroll() {
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
});
