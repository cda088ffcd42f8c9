import { expect, test } from "@playwright/test";
import { bearer, createTaskViaApi, listTasksViaApi } from "./support/api";
import { apiToken, signUpQuickly } from "./support/people";
import { addTask, expectAllSaved, expectTitles, taskCheckbox, taskItem, taskList } from "./support/tasks-page";

test("the first page comes from the server: the list is there even without JavaScript", async ({ page, browser }) => {
  await signUpQuickly(page);
  const token = await apiToken(page.request);
  await createTaskViaApi(page.request, token, "Rendered on the server");
  const done = await createTaskViaApi(page.request, token, "Also rendered on the server");
  await page.request.patch(`/api/tasks/${done.id}/complete`, { headers: bearer(token) });

  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const html = await noScript.newPage();
  await html.goto("/tasks");
  await expectTitles(html, ["Also rendered on the server", "Rendered on the server"]);
  await expect(html.getByText("1 pending")).toBeVisible();
  // The filters are real links: without scripts the server renders the filtered page.
  await html.getByRole("link", { name: "Completed", exact: true }).click();
  await expect(html).toHaveURL(/status=completed$/);
  await expectTitles(html, ["Also rendered on the server"]);
  await noScript.close();
});

test("more tasks load by following next_cursor", async ({ page }) => {
  await signUpQuickly(page);
  const token = await apiToken(page.request);
  for (let n = 1; n <= 23; n += 1) await createTaskViaApi(page.request, token, `Task ${n}`);

  await page.goto("/tasks");
  const items = taskList(page).getByRole("listitem");
  await expect(items).toHaveCount(20);
  await expect(items.first()).toContainText("Task 23");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(items).toHaveCount(23);
  await expect(items.last()).toContainText("Task 1");
  await expect(taskCheckbox(page, "Task 3")).toBeFocused();
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  await expect(page.getByText("23 pending")).toBeVisible();
});

test("search narrows the list, is kept in the URL, and combines with the filters", async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/tasks");
  await addTask(page, "Buy bread");
  await addTask(page, "Call the bank");
  await addTask(page, "Buy stamps", "For the BANK letters");
  await taskCheckbox(page, "Buy bread").check();
  await expectAllSaved(page);

  const search = page.getByRole("searchbox", { name: "Search tasks" });
  await search.fill("bank");
  await expect(page).toHaveURL(/\/tasks\?q=bank$/);
  await expectTitles(page, ["Buy stamps", "Call the bank"]);

  await search.fill("buy");
  await expect(page).toHaveURL(/\/tasks\?q=buy$/);
  await expectTitles(page, ["Buy stamps", "Buy bread"]);
  await page.getByRole("link", { name: "Completed", exact: true }).click();
  await expect(page).toHaveURL(/\/tasks\?status=completed&q=buy$/);
  await expectTitles(page, ["Buy bread"]);

  await page.reload();
  await expect(search).toHaveValue("buy");
  await expectTitles(page, ["Buy bread"]);

  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\?q=buy$/);
  await expectTitles(page, ["Buy stamps", "Buy bread"]);

  await search.fill("zebra");
  await expect(page.getByRole("heading", { name: "No matching tasks" })).toBeVisible();
  await page.getByRole("button", { name: "Clear search" }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(search).toHaveValue("");
  await expectTitles(page, ["Buy stamps", "Call the bank", "Buy bread"]);
});

test("changes the server refuses are rolled back, with a message", async ({ page }) => {
  await signUpQuickly(page);
  await page.goto("/tasks");
  await addTask(page, "Renew the lease");
  await expectAllSaved(page);
  const problem = page.getByRole("main").getByRole("alert");

  // Each request reaches the real server in a form it must refuse.
  await page.route("**/api/tasks/*/complete", (route) => route.continue({ postData: '{"completed":"yes"}' }));
  // click, not check(): the tick is rolled back at once, which check() would call a failure.
  await taskCheckbox(page, "Renew the lease").click();
  await expect(problem).toContainText("Couldn't save “Renew the lease”. Completed must be true or false");
  await expect(taskCheckbox(page, "Renew the lease")).not.toBeChecked();
  await expect(page.getByText("1 pending")).toBeVisible();
  await expect(page.getByText("0 completed")).toBeVisible();

  await page.route("**/api/tasks/*", (route) =>
    route.request().method() === "PATCH"
      ? route.continue({ postData: JSON.stringify({ title: "x".repeat(201) }) })
      : route.continue({ method: "POST" }),
  );
  await taskItem(page, "Renew the lease").getByRole("button", { name: /^Edit/ }).click();
  await page.getByRole("form", { name: /^Edit/ }).getByLabel("Title").fill("Sign the lease");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(problem).toContainText("Title must be at most 200 characters");
  await expectTitles(page, ["Renew the lease"]);

  await taskItem(page, "Renew the lease")
    .getByRole("button", { name: /^Delete/ })
    .click();
  // Sent once Undo has had its time; then refused, and the task comes back.
  await expect(problem).toContainText("Couldn't delete “Renew the lease”. Method not allowed");
  await expectTitles(page, ["Renew the lease"]);
  await expect(page.getByText("1 pending")).toBeVisible();

  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(problem).toHaveCount(0);
  await page.unrouteAll();
  await page.reload();
  await expectTitles(page, ["Renew the lease"]);
  await expect(taskCheckbox(page, "Renew the lease")).not.toBeChecked();
});

test("a task deleted in another window disappears with a message when touched", async ({ page }) => {
  // Live updates would remove it before it is touched (e2e/sync-live.spec.ts): this is the page without them.
  await page.route(/\/api\/tasks\/(events|changes)/, (route) => route.abort());
  await signUpQuickly(page);
  await page.goto("/tasks");
  await addTask(page, "Return the library book");
  await expectAllSaved(page);

  const token = await apiToken(page.request);
  const [task] = await listTasksViaApi(page.request, token);
  if (!task) throw new Error("task missing");
  await page.request.delete(`/api/tasks/${task.id}`, { headers: bearer(token) });

  await taskCheckbox(page, "Return the library book").click(); // the task vanishes at once: check() would fail
  await expect(page.getByRole("main").getByRole("alert")).toContainText("no longer exists");
  await expectTitles(page, []);
  await expect(page.getByText("0 pending")).toBeVisible();
});
