// The API's orders, for placing a task on screen without asking the server:
// the same keys and tie-breaks as server/tasks/list-tasks-sql.ts.
import { TASK_PRIORITIES, type TaskSort } from "./task-planning";
import type { Task } from "./task-schemas";

type Sortable = Pick<Task, "id" | "created_at" | "due_date" | "priority" | "position">;

const newerFirst = (a: Sortable, b: Sortable) =>
  a.created_at === b.created_at ? a.id > b.id : a.created_at > b.created_at;

/** Whether `a` comes before `b` in `sort`. */
export function comesBefore(a: Sortable, b: Sortable, sort: TaskSort): boolean {
  switch (sort) {
    case "created":
      return newerFirst(a, b);
    case "due":
      if (a.due_date === b.due_date) return newerFirst(a, b);
      if (a.due_date === null) return false;
      return b.due_date === null || a.due_date < b.due_date;
    case "priority": {
      const rank = (task: Sortable) => TASK_PRIORITIES.indexOf(task.priority);
      return rank(a) === rank(b) ? newerFirst(a, b) : rank(a) > rank(b);
    }
    case "manual":
      // Byte order, as PostgreSQL's COLLATE "C"; "" (a task not saved yet) comes first.
      return a.position === b.position ? newerFirst(a, b) : a.position < b.position;
  }
}

/** Whether a change from `before` to `after` can move the task in `sort`. */
export function sortKeyChanged(before: Sortable, after: Sortable, sort: TaskSort): boolean {
  switch (sort) {
    case "created":
      return false;
    case "due":
      return before.due_date !== after.due_date;
    case "priority":
      return before.priority !== after.priority;
    case "manual":
      return before.position !== after.position;
  }
}
