// Every sort walked end to end, page by page, while tasks are created, moved
// and deleted between page reads: nothing skipped, nothing repeated, and the
// pages together keep the sort's order.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { TASK_PRIORITIES, TASK_SORTS, type TaskSort } from "@/lib/task-planning";
import { task as taskSchema } from "@/lib/task-schemas";
import { call, createTaskFor } from "@/test/api";
import { signUpUser, type TestUser } from "@/test/factories";

const page = z.object({ data: z.array(taskSchema), next_cursor: z.string().nullable() });

async function list(user: TestUser, query: string) {
  const response = await call("GET", `/api/tasks?${query}`, { token: user.token });
  expect(response.status, response.text).toBe(200);
  return page.parse(response.json);
}

// A few dates and priorities, so every sort has ties that only the newest-first
// tie-break orders.
const DATES = ["2026-12-01", "2026-12-02", null, "2026-12-02", "2026-11-30"];
const planOf = (index: number) => ({
  due_date: DATES[index % DATES.length] ?? null,
  priority: TASK_PRIORITIES[(index * 3) % TASK_PRIORITIES.length],
});

async function walk(sort: TaskSort) {
  const user = await signUpUser();
  const original: string[] = [];
  for (let index = 0; index < 25; index++) {
    original.push((await createTaskFor(user.token, { title: `Task ${index}`, ...planOf(index) })).id);
  }
  const seen: string[] = [];
  const deleted = new Set<string>();
  let cursor: string | null = null;
  let pages = 0;
  do {
    const result = await list(user, `sort=${sort}&limit=4${cursor ? `&cursor=${cursor}` : ""}`);
    seen.push(...result.data.map((task) => task.id));
    cursor = result.next_cursor;
    pages += 1;

    // The tasks not read yet, in the order the list has now.
    const everything = (await list(user, `sort=${sort}&limit=100`)).data.map((task) => task.id);
    const last = seen.at(-1);
    const unread = last === undefined ? everything : everything.slice(everything.indexOf(last) + 1);

    await createTaskFor(user.token, { title: `Late ${pages}`, ...planOf(pages + 1) });
    // Moves within the unread part (a move across the reader's place is a new place, not a skip).
    const [next, second, ...rest] = unread;
    if (next && rest.length > 0) {
      const response = await call("POST", `/api/tasks/${next}/move`, {
        token: user.token,
        body: { after_id: rest.at(-1) },
      });
      expect(response.status).toBe(200);
    }
    if (second && pages % 2 === 0) {
      expect((await call("DELETE", `/api/tasks/${second}`, { token: user.token })).status).toBe(204);
      deleted.add(second);
    }
  } while (cursor);

  expect(pages).toBeGreaterThan(4);
  expect(deleted.size).toBeGreaterThan(0);
  // Nothing repeated.
  expect(new Set(seen).size).toBe(seen.length);
  // Nothing skipped: every task that was there all along and not deleted was read.
  expect(original.filter((id) => !deleted.has(id) && !seen.includes(id))).toEqual([]);
  // In order: the pages read are the final list's order.
  const final = (await list(user, `sort=${sort}&limit=100`)).data.map((task) => task.id);
  expect(final.filter((id) => seen.includes(id))).toEqual(seen);
}

describe("cursor pagination", () => {
  it.each(TASK_SORTS)("walks sort=%s end to end while tasks are created, moved and deleted", async (sort) => {
    await walk(sort);
  });
});
