import { describe, expect, it } from "vitest";
import type { TaskFilter } from "./task-filter";
import { createTaskListState, renderKeyOf, type TaskListState, taskListReducer } from "./task-list-state";
import type { Task } from "./task-schemas";

const ALL: TaskFilter = { status: "all", q: "", sort: "created" };
const PENDING: TaskFilter = { status: "pending", q: "", sort: "created" };
const TODAY = "2026-12-01";

function makeTask(n: number, overrides: Partial<Task> = {}): Task {
  return {
    id: `0193b1e4-5c1a-7d2e-9f00-00000000000${n}`,
    user_id: "user-1",
    title: `Task ${n}`,
    description: null,
    completed: false,
    due_date: null,
    priority: "none",
    position: `a${n}`,
    created_at: `2026-11-23T10:00:0${n}.000Z`,
    updated_at: `2026-11-23T10:00:0${n}.000Z`,
    version: 1,
    ...overrides,
  };
}

const t1 = makeTask(1);
const t2 = makeTask(2, { completed: true });
const t3 = makeTask(3);

function stateWith(tasks: Task[], filter = ALL, nextCursor: string | null = null): TaskListState {
  const completed = tasks.filter((task) => task.completed).length;
  return createTaskListState(
    filter,
    TODAY,
    { data: tasks, next_cursor: nextCursor },
    {
      pending: tasks.length - completed,
      completed,
    },
  );
}

describe("taskListReducer", () => {
  it("applies another device's changes: adds, replaces newer versions, drops deletions and non-matches", () => {
    const counts = { pending: 9, completed: 9 };
    const added = makeTask(4);
    const edited = { ...t3, title: "Edited", version: 2 };
    const completedElsewhere = { ...t1, completed: true, version: 2 };
    const state = taskListReducer(stateWith([t3, t2, t1], PENDING), {
      type: "synced",
      changes: [added, edited, { id: t2.id, deleted: true }, completedElsewhere],
      counts,
    });
    expect(state.tasks).toEqual([added, edited]);
    expect(state.counts).toBe(counts);
  });

  it("keeps optimistic counts while a change is in flight, then takes the server's (a rollback included)", () => {
    const server = { pending: 1, completed: 0 };
    const synced = taskListReducer(stateWith([t3]), { type: "synced", changes: [], counts: server });
    const ticked = { ...t3, completed: true };
    const optimistic = taskListReducer(synced, { type: "changed", from: t3, to: ticked, saving: true });
    // The server's counts arrive mid-flight (they do not know of the tick yet).
    const midFlight = taskListReducer(optimistic, { type: "synced", changes: [], counts: server });
    expect(midFlight.counts).toEqual({ pending: 0, completed: 1 });
    const refused = taskListReducer(midFlight, { type: "changed", from: ticked, to: t3, saving: false });
    expect(refused.counts).toEqual(server);
  });

  it("keeps its own counts while the server's copy is incomplete", () => {
    const before = stateWith([t3]);
    const state = taskListReducer(before, { type: "synced", changes: [makeTask(5)], counts: undefined });
    expect(state.counts).toEqual({ pending: 1, completed: 0 });
    expect(state.tasks).toHaveLength(2);
  });

  it("ignores the echo of a version it already shows, and a deletion of a task it does not show", () => {
    const shown = { ...t3, title: "Newer here", version: 3 };
    const before = stateWith([shown]);
    const state = taskListReducer(before, {
      type: "synced",
      changes: [
        { ...t3, version: 2 },
        { id: t1.id, deleted: true },
      ],
      counts: before.counts,
    });
    expect(state.tasks).toEqual([shown]);
  });

  it("puts a new task first and counts it as pending, marked as saving", () => {
    const placeholder = makeTask(4, { id: "new-1" });
    const state = taskListReducer(stateWith([t3, t2, t1]), { type: "inserted", task: placeholder, saving: true });
    expect(state.tasks.map((task) => task.id)).toEqual(["new-1", t3.id, t2.id, t1.id]);
    expect(state.counts).toEqual({ pending: 3, completed: 1 });
    expect(state.saving.has("new-1")).toBe(true);
  });

  it("swaps a placeholder for the saved task and clears its saving flag", () => {
    const placeholder = makeTask(4, { id: "new-1" });
    const saved = makeTask(4);
    const adding = taskListReducer(stateWith([t3]), { type: "inserted", task: placeholder, saving: true });
    const state = taskListReducer(adding, { type: "replaced", id: "new-1", task: saved });
    expect(state.tasks).toEqual([saved, t3]);
    expect(state.saving.size).toBe(0);
    expect(renderKeyOf(state, saved.id)).toBe("new-1");
    expect(renderKeyOf(state, t3.id)).toBe(t3.id);
    expect(state.counts).toEqual({ pending: 2, completed: 0 });
  });

  it("rolls a refused new task back with removed", () => {
    const placeholder = makeTask(4, { id: "new-1" });
    const before = stateWith([t3, t2, t1]);
    const adding = taskListReducer(before, { type: "inserted", task: placeholder, saving: true });
    const state = taskListReducer(adding, { type: "removed", task: placeholder });
    expect(state.tasks).toEqual(before.tasks);
    expect(state.counts).toEqual(before.counts);
    expect(state.saving.size).toBe(0);
  });

  it("moves counts when completion changes, and back again on rollback", () => {
    const done = { ...t1, completed: true };
    const before = stateWith([t3, t2, t1]);
    const toggled = taskListReducer(before, { type: "changed", from: t1, to: done, saving: true });
    expect(toggled.counts).toEqual({ pending: 1, completed: 2 });
    expect(toggled.tasks[2]).toEqual(done);
    expect(toggled.saving.has(t1.id)).toBe(true);
    const rolledBack = taskListReducer(toggled, { type: "changed", from: done, to: t1, saving: false });
    expect(rolledBack.tasks).toEqual(before.tasks);
    expect(rolledBack.counts).toEqual(before.counts);
    expect(rolledBack.saving.size).toBe(0);
  });

  it("restores a deleted task to its place when the deletion fails", () => {
    const before = stateWith([t3, t2, t1]);
    const removed = taskListReducer(before, { type: "removed", task: t2 });
    expect(removed.tasks).toEqual([t3, t1]);
    expect(removed.counts).toEqual({ pending: 2, completed: 0 });
    const restored = taskListReducer(removed, { type: "inserted", task: t2, saving: false });
    expect(restored.tasks).toEqual(before.tasks);
    expect(restored.counts).toEqual(before.counts);
  });

  it("counts a task that the current filter hides without listing it", () => {
    const state = taskListReducer(stateWith([t3, t1], PENDING), { type: "inserted", task: t2, saving: false });
    expect(state.tasks).toEqual([t3, t1]);
    expect(state.counts).toEqual({ pending: 2, completed: 1 });
  });

  it("leaves a task that sorts after a partly loaded list for its own page", () => {
    const state = taskListReducer(stateWith([t3, t2], ALL, "cursor"), { type: "inserted", task: t1, saving: false });
    expect(state.tasks).toEqual([t3, t2]);
  });

  it("appends a further page without repeating tasks, and only for the same filter", () => {
    const state = stateWith([t3, t2], ALL, "cursor");
    const page = { data: [t2, t1], next_cursor: null };
    expect(taskListReducer(state, { type: "appended", filter: ALL, page }).tasks).toEqual([t3, t2, t1]);
    expect(taskListReducer(state, { type: "appended", filter: PENDING, page })).toBe(state);
  });

  it("replaces the list and its filter when a new first page loads", () => {
    const state = taskListReducer(stateWith([t3, t2, t1]), {
      type: "loaded",
      filter: PENDING,
      today: TODAY,
      page: { data: [t3, t1], next_cursor: null },
    });
    expect(state.filter).toEqual(PENDING);
    expect(state.tasks).toEqual([t3, t1]);
    expect(state.counts).toEqual({ pending: 2, completed: 1 });
  });
});

describe("taskListReducer with planning", () => {
  const MANUAL: TaskFilter = { status: "all", q: "", sort: "manual" };

  it("moves a task another device moved, and places another device's due task by the state's today", () => {
    const state = stateWith([t1, t2, t3], MANUAL);
    const movedElsewhere = { ...t1, position: "a25", version: 2 };
    const next = taskListReducer(state, { type: "synced", changes: [movedElsewhere], counts: undefined });
    expect(next.tasks.map((task) => task.id)).toEqual([t2.id, t1.id, t3.id]);

    const today: TaskFilter = { status: "today", q: "", sort: "created" };
    const dueToday = makeTask(4, { due_date: TODAY });
    const dueLater = makeTask(5, { due_date: "2026-12-09" });
    const todays = taskListReducer(stateWith([], today), {
      type: "synced",
      changes: [dueToday, dueLater],
      counts: undefined,
    });
    expect(todays.tasks).toEqual([dueToday]);
  });

  it("counts a deletion waiting for its Undo as in flight: the server's counts wait, and its echo stays away", () => {
    const server = { pending: 2, completed: 0 };
    const synced = taskListReducer(stateWith([t3, t1]), { type: "synced", changes: [], counts: server });
    const held = taskListReducer(synced, { type: "removed", task: t1, held: true });
    const otherDevice = taskListReducer(held, {
      type: "synced",
      changes: [{ ...t1, title: "Edited elsewhere", version: 2 }],
      counts: server,
    });
    expect(otherDevice.tasks).toEqual([t3]);
    expect(otherDevice.counts).toEqual({ pending: 1, completed: 0 });
    const sent = taskListReducer(
      taskListReducer(otherDevice, {
        type: "synced",
        changes: [{ id: t1.id, deleted: true }],
        counts: { pending: 1, completed: 0 },
      }),
      { type: "settled", id: t1.id },
    );
    expect(sent.saving.size).toBe(0);
    expect(sent.counts).toEqual({ pending: 1, completed: 0 });
  });

  it("counts a clear waiting for its Undo as in flight", () => {
    const server = { pending: 1, completed: 1 };
    const synced = taskListReducer(stateWith([t3, t2]), { type: "synced", changes: [], counts: server });
    const cleared = taskListReducer(synced, { type: "cleared" });
    const later = taskListReducer(cleared, { type: "synced", changes: [], counts: server });
    expect(later.counts).toEqual({ pending: 1, completed: 0 });
    const undone = taskListReducer(later, { type: "restored", tasks: [t2], completed: 1 });
    expect([undone.counts, undone.saving.size]).toEqual([server, 0]);
  });

  it("lets the echo of its own new task take the placeholder's place, before and after the POST's answer", () => {
    const placeholder = makeTask(9, { id: "new-1", position: "" });
    const saved = makeTask(4, { title: placeholder.title, position: "a0" });
    const adding = taskListReducer(stateWith([t1]), { type: "inserted", task: placeholder, saving: true });
    const echoed = taskListReducer(adding, { type: "synced", changes: [saved], counts: undefined });
    expect(echoed.tasks.map((task) => task.id)).toEqual([saved.id, t1.id]);
    expect(renderKeyOf(echoed, saved.id)).toBe("new-1");
    const answered = taskListReducer(echoed, { type: "replaced", id: "new-1", task: saved });
    expect(answered.tasks.map((task) => task.id)).toEqual([saved.id, t1.id]);
    expect([renderKeyOf(answered, saved.id), answered.saving.size, answered.counts]).toEqual([
      "new-1",
      0,
      { pending: 2, completed: 0 },
    ]);
  });

  it("keeps completed tasks away while a clear waits for its Undo, the echo of its own completion too", () => {
    const cleared = taskListReducer(stateWith([t3, t1]), { type: "cleared" });
    const echoed = taskListReducer(cleared, {
      type: "synced",
      changes: [
        { ...t1, completed: true, version: 2 },
        { ...t3, title: "Still pending", version: 2 },
      ],
      counts: undefined,
    });
    expect(echoed.tasks).toEqual([{ ...t3, title: "Still pending", version: 2 }]);
  });

  it("moves a task to its new place when its position changes", () => {
    const state = stateWith([t1, t2, t3], MANUAL);
    const moved = { ...t1, position: "a25" };
    const next = taskListReducer(state, { type: "changed", from: t1, to: moved, saving: true });
    expect(next.tasks.map((task) => task.id)).toEqual([t2.id, moved.id, t3.id]);
    const back = taskListReducer(next, { type: "changed", from: moved, to: t1, saving: false });
    expect(back.tasks).toEqual(state.tasks);
  });

  it("keeps a task in place when nothing it is sorted by changes", () => {
    const state = stateWith([t1, t2, t3], MANUAL);
    const renamed = { ...t2, title: "Renamed" };
    expect(taskListReducer(state, { type: "changed", from: t2, to: renamed, saving: false }).tasks[1]).toEqual(renamed);
  });

  it("clears completed tasks, loaded or not, and brings them back, counts included", () => {
    const done = makeTask(4, { completed: true });
    const state = { ...stateWith([done, t3, t2, t1]), counts: { pending: 2, completed: 5 } };
    const cleared = taskListReducer(state, { type: "cleared" });
    expect(cleared.tasks).toEqual([t3, t1]);
    expect(cleared.counts).toEqual({ pending: 2, completed: 0 });
    const restored = taskListReducer(cleared, { type: "restored", tasks: [done, t2], completed: 5 });
    expect(restored.tasks).toEqual(state.tasks);
    expect(restored.counts).toEqual(state.counts);
  });
});
