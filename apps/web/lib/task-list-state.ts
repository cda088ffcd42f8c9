// The task list on screen, as a pure reducer. Optimistic changes are ordinary
// actions, and rolling one back is the same action in reverse: "changed" from
// the optimistic task back to the original, "removed" for a placeholder that
// the server refused, "inserted" for a deletion that failed. Counts cover all
// of the person's tasks, not just the loaded page, so they move with every change.
import type { TaskChange } from "./sync-schemas";
import { type TaskFilter, taskFilterKey, taskMatchesFilter } from "./task-filter";
import type { Task, TaskPage } from "./task-schemas";

export interface TaskCounts {
  pending: number;
  completed: number;
}

export interface TaskListState {
  /** The filter `tasks` was loaded for. */
  filter: TaskFilter;
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
  | { type: "loaded"; filter: TaskFilter; page: TaskPage }
  | { type: "appended"; filter: TaskFilter; page: TaskPage }
  | { type: "inserted"; task: Task; saving: boolean }
  | { type: "replaced"; id: string; task: Task }
  | { type: "changed"; from: Task; to: Task; saving: boolean }
  | { type: "removed"; task: Task }
  /** Changes from the server (another tab or device), with the counts of every task. */
  | { type: "synced"; changes: TaskChange[]; counts: TaskCounts | undefined };

export function createTaskListState(filter: TaskFilter, page: TaskPage, counts: TaskCounts): TaskListState {
  return {
    filter,
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
      return { ...state, filter: action.filter, tasks: action.page.data, nextCursor: action.page.next_cursor };
    case "appended": {
      if (taskFilterKey(action.filter) !== taskFilterKey(state.filter)) return state;
      const known = new Set(state.tasks.map((task) => task.id));
      const fresh = action.page.data.filter((task) => !known.has(task.id));
      return { ...state, tasks: [...state.tasks, ...fresh], nextCursor: action.page.next_cursor };
    }
    case "inserted":
      return {
        ...state,
        tasks: taskMatchesFilter(action.task, state.filter) ? insertSorted(state, action.task) : state.tasks,
        counts: adjustCounts(state.counts, action.task, 1),
        saving: withFlag(state.saving, action.task.id, action.saving),
      };
    case "replaced": {
      // The saved task takes the server's place in the order, not the placeholder's.
      const rest = { ...state, tasks: state.tasks.filter((task) => task.id !== action.id) };
      return {
        ...rest,
        tasks: taskMatchesFilter(action.task, state.filter) ? insertSorted(rest, action.task) : rest.tasks,
        saving: withFlag(state.saving, action.id, false),
        renderKeys: new Map(state.renderKeys).set(action.task.id, renderKeyOf(state, action.id)),
      };
    }
    case "changed":
      return {
        ...state,
        tasks: state.tasks.map((task) => (task.id === action.from.id ? action.to : task)),
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
        saving: withFlag(state.saving, action.task.id, false),
      };
  }
}

// A task newer than the one on screen takes its place (or leaves the list when
// it no longer matches the filter); an older one, e.g. the echo of a change
// this tab has already shown, changes nothing.
function applyChange(state: TaskListState, change: TaskChange): TaskListState {
  const shown = state.tasks.find((task) => task.id === change.id);
  if ("deleted" in change) return shown ? { ...state, tasks: state.tasks.filter((task) => task !== shown) } : state;
  if (shown && shown.version >= change.version) return state;
  if (taskMatchesFilter(change, state.filter)) {
    if (shown) return { ...state, tasks: state.tasks.map((task) => (task === shown ? change : task)) };
    return { ...state, tasks: insertSorted(state, change) };
  }
  return shown ? { ...state, tasks: state.tasks.filter((task) => task !== shown) } : state;
}

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

// The API's order: newest first, then by id.
function comesBefore(a: Task, b: Task): boolean {
  return a.created_at === b.created_at ? a.id > b.id : a.created_at > b.created_at;
}

function insertSorted({ tasks, nextCursor }: TaskListState, task: Task): Task[] {
  const rest = tasks.filter((other) => other.id !== task.id);
  const index = rest.findIndex((other) => comesBefore(task, other));
  if (index !== -1) return [...rest.slice(0, index), task, ...rest.slice(index)];
  // Past the end of a partly loaded list, it belongs to a page not loaded yet.
  return nextCursor === null ? [...rest, task] : rest;
}
