import { expect, test } from "@playwright/test";
import { bearer, listTasksViaApi } from "./support/api";
import { apiToken, signUpInBrowser } from "./support/people";
import { addTask, expectAllSaved, expectTitles } from "./support/tasks-page";

test("two people in two browsers never see each other's tasks", async ({ browser }) => {
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await signUpInBrowser(alice);
  await signUpInBrowser(bob);

  await addTask(alice, "Alice: plan the surprise party");
  await addTask(bob, "Bob: buy a gift");
  await expectAllSaved(alice);
  await expectAllSaved(bob);

  await alice.reload();
  await bob.reload();
  await expectTitles(alice, ["Alice: plan the surprise party"]);
  await expectTitles(bob, ["Bob: buy a gift"]);

  // Searching for the other person's task finds nothing either.
  await bob.getByRole("searchbox", { name: "Search tasks" }).fill("surprise");
  await expect(bob).toHaveURL(/q=surprise/);
  await expect(bob.getByRole("heading", { name: "No matching tasks" })).toBeVisible();

  const [aliceTask] = await listTasksViaApi(alice.request, await apiToken(alice.request));
  if (!aliceTask) throw new Error("Alice's task is missing");
  const bobToken = await apiToken(bob.request);
  const path = `/api/tasks/${aliceTask.id}`;
  const attempts = [
    bob.request.get(path, { headers: bearer(bobToken) }),
    bob.request.put(path, { headers: bearer(bobToken), data: { title: "Hijacked" } }),
    bob.request.patch(path, { headers: bearer(bobToken), data: { title: "Hijacked" } }),
    bob.request.patch(`${path}/complete`, { headers: bearer(bobToken), data: { completed: true } }),
    bob.request.delete(path, { headers: bearer(bobToken) }),
  ];
  for (const response of await Promise.all(attempts)) {
    expect(response.status(), response.url()).toBe(404);
    expect(await response.json()).toEqual({ detail: "Task not found" });
  }

  await alice.reload();
  await expectTitles(alice, ["Alice: plan the surprise party"]);
  await expect(alice.getByRole("checkbox", { name: "Alice: plan the surprise party" })).not.toBeChecked();
});
