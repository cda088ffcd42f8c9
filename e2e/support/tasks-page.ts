// How the specs find things on /tasks: by role and accessible name, as
// assistive technology does.
import { expect, type Page } from "@playwright/test";

export const addForm = (page: Page) => page.getByRole("form", { name: "Add a task" });

export const taskList = (page: Page) => page.getByRole("list", { name: "Tasks" });

/** The list item whose checkbox is named `title`. */
export const taskItem = (page: Page, title: string) =>
  page.getByRole("listitem").filter({ has: page.getByRole("checkbox", { name: title, exact: true }) });

export const taskCheckbox = (page: Page, title: string) => page.getByRole("checkbox", { name: title, exact: true });

export interface Planning {
  /** YYYY-MM-DD */
  due?: string;
  priority?: "None" | "Low" | "Medium" | "High";
}

export async function addTask(page: Page, title: string, description?: string, plan: Planning = {}): Promise<void> {
  const form = addForm(page);
  await form.getByLabel("Title").fill(title);
  if (description !== undefined) await form.getByLabel("Description").fill(description);
  if (plan.due !== undefined) await form.getByLabel("Due date").fill(plan.due);
  if (plan.priority !== undefined) await form.getByLabel("Priority").selectOption({ label: plan.priority });
  await form.getByRole("button", { name: "Add task" }).click();
  await expect(taskCheckbox(page, title)).toBeVisible();
}

/** The list shows exactly these tasks, top to bottom (by each checkbox's accessible name). */
export async function expectTitles(page: Page, titles: string[]): Promise<void> {
  const items = taskList(page).getByRole("listitem");
  await expect(items).toHaveCount(titles.length);
  for (const [index, title] of titles.entries()) {
    await expect(items.nth(index).getByRole("checkbox", { name: title, exact: true })).toBeVisible();
  }
}

/**
 * Changes show before the server has them (optimistic). Before reloading or
 * checking through the API, wait until no task is still being saved.
 */
export async function expectAllSaved(page: Page): Promise<void> {
  await expect(page.locator('li[aria-busy="true"]')).toHaveCount(0);
}

/** The board while its event stream is open: changes arrive live, and the page holds its API token. */
export const liveBoard = (page: Page) => page.locator("section[data-live='true']");

/** The browser's own date, `offset` days from today, as YYYY-MM-DD (what a date field takes). */
export function browserDate(page: Page, offset = 0): Promise<string> {
  return page.evaluate((days) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (value: number) => String(value).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }, offset);
}
