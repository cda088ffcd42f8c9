// The add form posted as plain HTML is a way to write tasks like the API:
// it must hold to the same limits.
import { expect, it } from "vitest";
import { signUpUser } from "@/test/factories";
import { getDb } from "../db";
import { takeApiRequest } from "../limits/api-rate-limit";
import { addTaskFromForm } from "./add-task-from-form";

// Read by server/env.ts on first use, which comes after this line.
process.env.MAX_TASKS_PER_USER = "2";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const tasksOf = (userId: string) => getDb().task.count({ where: { userId } });

it("adds the task, and refuses a bad field with the API's own message", async () => {
  const user = await signUpUser();
  expect(await addTaskFromForm(user.id, form({ title: "Water the plants", priority: "high" }))).toBeNull();
  expect(await addTaskFromForm(user.id, form({ title: "", due_date: "2026-02-30" }))).toMatchObject({
    values: { title: "", due_date: "2026-02-30" },
    errors: { title: expect.any(String), due_date: expect.any(String) },
  });
  expect(await tasksOf(user.id)).toBe(1);
});

it("counts against the user's API request limit, and adds nothing past it", async () => {
  const user = await signUpUser();
  // The API's own requests use up the same window's allowance.
  for (;;) {
    try {
      takeApiRequest(user.id);
    } catch {
      break;
    }
  }
  const refused = await addTaskFromForm(user.id, form({ title: "One too many" }));
  expect(refused).toEqual({
    values: { title: "One too many" },
    errors: {},
    failure: expect.stringMatching(/^Too many requests/),
  });
  expect(await tasksOf(user.id)).toBe(0);
});

it("tells the form when the task quota is full, rather than failing the page", async () => {
  const user = await signUpUser();
  for (const title of ["One", "Two"]) await addTaskFromForm(user.id, form({ title }));
  expect(await addTaskFromForm(user.id, form({ title: "Three" }))).toMatchObject({ failure: "Task limit reached" });
  expect(await tasksOf(user.id)).toBe(2);
});
