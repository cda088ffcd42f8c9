// The task list on screen, as a pure reducer. Optimistic changes are ordinary
// actions, and rolling one back is the same action in reverse: "changed" from
// the optimistic task back to the original, "removed" for a placeholder that
// the server refused, "inserted" for a deletion that failed. Counts cover all
// of the person's tasks, not just the loaded page, so they move with every change.
import type { TaskChange } from "./sync-schemas";
import { type TaskFilter, taskFilterKey, taskMatchesFilter } from "./task-filter";
import { comesBefore, sortKeyChanged } from "./task-order";
import type { Task, TaskPage } from "./task-schemas";

export interface TaskCounts {
  pending: number;
  completed: number;
}

export interface TaskListState {
  /** The filter `tasks` was loaded for. */
  filter: TaskFilter;
  /** The date it is in the person's time zone, for the Today and Upcoming views. */
  today: string;
  tasks: Task[];
  nextCursor: string | null;
  counts: TaskCounts;
  /** Ids of tasks with a request in flight. */
  saving: ReadonlySet<string>;
  /**
   * A saved task keeps the React key of the placeholder it replaced, so an
   * editor opened on the placeholder (or focus inside it) survives the swap.
   */
  renderKeys: ReadonlyMap<string, string>;
  /**
   * Counts of every task as the server has them (the sync's copy), once it
   * has sent some. While this tab's own changes are in flight, `counts` also
   * carries their optimistic effect; when none is left, `counts` is this.
   */
  serverCounts: TaskCounts | undefined;
}

export type TaskListAction =
  | { type: "loaded"; filter: TaskFilter; today: string; page: TaskPage }
  | { type: "appended"; filter: TaskFilter; page: TaskPage }
  | { type: "inserted"; task: Task; saving: boolean }
  | { type: "replaced"; id: string; task: Task }
  | { type: "changed"; from: Task; to: Task; saving: boolean }
  | { type: "removed"; task: Task; held?: boolean }
  /** A deletion held for its Undo has reached the server. */
  | { type: "settled"; id: string }
  /** Clearing completed tasks (all of them, loaded or not), and its undo. */
  | { type: "cleared" }
  | { type: "restored"; tasks: Task[]; completed: number }
  /** Changes from the server (another tab or device), with the counts of every task. */
  | { type: "synced"; changes: TaskChange[]; counts: TaskCounts | undefined };

/** The `saving` entry of a clear waiting for its Undo (task ids are UUIDs or placeholders). */
export const CLEARING = "clear";

export const PLACEHOLDER_PREFIX = "new-";

/** A task shown before the server has created it: it cannot be changed yet. */
export const isPlaceholder = (task: Task) => task.id.startsWith(PLACEHOLDER_PREFIX);

export function createTaskListState(
  filter: TaskFilter,
  today: string,
  page: TaskPage,
  counts: TaskCounts,
): TaskListState {
  return {
    filter,
    today,
    tasks: page.data,
    nextCursor: page.next_cursor,
    counts,
    saving: new Set(),
    renderKeys: new Map(),
    serverCounts: undefined,
  };
}

export function taskListReducer(state: TaskListState, action: TaskListAction): TaskListState {
  const next = reduce(state, action);
  // Nothing of this tab's in flight: the server's counts are the truth (a rolled-back change included).
  return next.serverCounts && next.saving.size === 0 && next.counts !== next.serverCounts
    ? { ...next, counts: next.serverCounts }
    : next;
}

function reduce(state: TaskListState, action: TaskListAction): TaskListState {
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        filter: action.filter,
        today: action.today,
        tasks: action.page.data,
        nextCursor: action.page.next_cursor,
      };
    case "appended": {
      if (taskFilterKey(action.filter) !== taskFilterKey(state.filter)) return state;
      const known = new Set(state.tasks.map((task) => task.id));
      const fresh = action.page.data.filter((task) => !known.has(task.id));
      return { ...state, tasks: [...state.tasks, ...fresh], nextCursor: action.page.next_cursor };
    }
    case "inserted":
      return {
        ...state,
        tasks: matches(state, action.task) ? insertSorted(state, action.task) : state.tasks,
        counts: adjustCounts(state.counts, action.task, 1),
        saving: withFlag(state.saving, action.task.id, action.saving),
      };
    case "replaced": {
      // The saved task takes the server's place in the order, not the placeholder's.
      const rest = { ...state, tasks: state.tasks.filter((task) => task.id !== action.id) };
      return {
        ...rest,
        tasks: matches(state, action.task) ? insertSorted(rest, action.task) : rest.tasks,
        saving: withFlag(state.saving, action.id, false),
        renderKeys: new Map(state.renderKeys).set(action.task.id, renderKeyOf(state, action.id)),
      };
    }
    case "changed":
      return {
        ...state,
        // A task stays where it is (a row does not jump away under the pointer),
        // unless the change moves it in the list's order: a move, a new due date…
        tasks: sortKeyChanged(action.from, action.to, state.filter.sort)
          ? insertSorted(state, action.to)
          : state.tasks.map((task) => (task.id === action.from.id ? action.to : task)),
        counts: adjustCounts(adjustCounts(state.counts, action.from, -1), action.to, 1),
        saving: withFlag(state.saving, action.to.id, action.saving),
      };
    case "synced":
      return { ...action.changes.reduce(applyChange, state), serverCounts: action.counts ?? state.serverCounts };
    case "removed":
      return {
        ...state,
        tasks: state.tasks.filter((task) => task.id !== action.task.id),
        counts: adjustCounts(state.counts, action.task, -1),
        // Held for its Undo, the deletion is in flight: the server's counts still have the task.
        saving: withFlag(state.saving, action.task.id, action.held === true),
      };
    case "settled":
      return { ...state, saving: withFlag(state.saving, action.id, false) };
    case "cleared":
      return {
        ...state,
        tasks: state.tasks.filter((task) => !task.completed),
        counts: { ...state.counts, completed: 0 },
        saving: withFlag(state.saving, CLEARING, true),
      };
    case "restored": {
      let tasks = state.tasks;
      for (const task of action.tasks) {
        if (matches(state, task)) tasks = insertSorted({ ...state, tasks }, task);
      }
      return {
        ...state,
        tasks,
        counts: { ...state.counts, completed: state.counts.completed + action.completed },
        saving: withFlag(state.saving, CLEARING, false),
      };
    }
  }
}

// A task newer than the one on screen takes its place (or leaves the list when
// it no longer matches the filter); an older one, e.g. the echo of a change
// this tab has already shown, changes nothing.
function applyChange(state: TaskListState, change: TaskChange): TaskListState {
  const shown = state.tasks.find((task) => task.id === change.id);
  if ("deleted" in change) return shown ? withoutTask(state, shown) : state;
  if (shown && shown.version >= change.version) return state;
  // The echo of this tab's own new task can overtake the answer to its POST: it takes the placeholder's place.
  const placeholder = shown ? undefined : state.tasks.find((task) => isPlaceholder(task) && sameContent(task, change));
  if (placeholder) return reduce(state, { type: "replaced", id: placeholder.id, task: change });
  // In flight but not on screen: deleted here, waiting for its Undo; it stays away.
  if (!shown && state.saving.has(change.id)) return state;
  // A clear waiting for its Undo takes every completed task when it is sent, this one too.
  if (change.completed && state.saving.has(CLEARING)) return shown ? withoutTask(state, shown) : state;
  if (matches(state, change)) {
    if (shown && !sortKeyChanged(shown, change, state.filter.sort)) {
      return { ...state, tasks: state.tasks.map((task) => (task === shown ? change : task)) };
    }
    return { ...state, tasks: insertSorted(state, change) };
  }
  return shown ? withoutTask(state, shown) : state;
}

const sameContent = (a: Task, b: Task) =>
  a.title === b.title &&
  a.description === b.description &&
  a.due_date === b.due_date &&
  a.priority === b.priority &&
  a.completed === b.completed;

const withoutTask = (state: TaskListState, shown: Task): TaskListState => ({
  ...state,
  tasks: state.tasks.filter((task) => task !== shown),
});

/** The React key for the task with `id`. */
export function renderKeyOf(state: TaskListState, id: string): string {
  return state.renderKeys.get(id) ?? id;
}

function adjustCounts(counts: TaskCounts, task: Task, delta: 1 | -1): TaskCounts {
  const key = task.completed ? "completed" : "pending";
  return { ...counts, [key]: Math.max(0, counts[key] + delta) };
}

function withFlag(ids: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  if (ids.has(id) === on) return ids;
  const next = new Set(ids);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

const matches = (state: TaskListState, task: Task) => taskMatchesFilter(task, state.filter, state.today);

function insertSorted({ tasks, nextCursor, filter }: TaskListState, task: Task): Task[] {
  const rest = tasks.filter((other) => other.id !== task.id);
  const index = rest.findIndex((other) => comesBefore(task, other, filter.sort));
  if (index !== -1) return [...rest.slice(0, index), task, ...rest.slice(index)];
  // Past the end of a partly loaded list, it belongs to a page not loaded yet.
  return nextCursor === null ? [...rest, task] : rest;
}
