"use client";

import { generateKeyBetween } from "fractional-indexing";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { getApiToken } from "@/lib/api-token";
import { todayIn } from "@/lib/calendar-date";
import { parseTaskFilter, type TaskFilter, taskFilterHref, taskFilterKey } from "@/lib/task-filter";
import { createTaskListState, isPlaceholder, type TaskCounts, taskListReducer } from "@/lib/task-list-state";
import type { Task, TaskPage } from "@/lib/task-schemas";
import { startTaskSync, type TaskSync } from "@/lib/task-sync";
import { fetchTaskPage } from "@/lib/tasks-api";
import { browserTimeZone } from "@/lib/time-zone";
import { describeError, useTaskMutations } from "./use-task-mutations";
import { takeUnsent, useUndoable } from "./use-undoable";

export interface TaskBoardInit {
  initialFilter: TaskFilter;
  initialPage: TaskPage;
  initialCounts: TaskCounts;
  /** The zone the server rendered with (from the cookie); the browser's own takes over after hydration. */
  timeZone: string;
  /** The signed-in account, whose notes of unsent deletions this page may act on. */
  userId: string;
}

// Only these views list different tasks on different days.
const dependsOnToday = (filter: TaskFilter) => filter.status === "today" || filter.status === "upcoming";

/**
 * The task list and everything that changes it. The URL is the source of
 * truth for the filter; the server rendered the first page, and every later
 * page and change goes through the API.
 */
export function useTaskBoard({
  initialFilter,
  initialPage,
  initialCounts,
  timeZone: serverZone,
  userId,
}: TaskBoardInit) {
  const searchParams = useSearchParams();
  const filter = useMemo(
    () =>
      parseTaskFilter({ status: searchParams.get("status"), q: searchParams.get("q"), sort: searchParams.get("sort") }),
    [searchParams],
  );
  const [timeZone, setTimeZone] = useState(serverZone);
  const today = todayIn(timeZone);
  const [state, dispatch] = useReducer(taskListReducer, null, () =>
    createTaskListState(initialFilter, todayIn(serverZone), initialPage, initialCounts),
  );
  const sync = useRef<TaskSync | undefined>(undefined);
  const undoable = useUndoable(userId);
  const mutations = useTaskMutations(dispatch, undoable, (change) => sync.current?.noteSaved(change));
  const [listError, setListError] = useState<{ key: string; message: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  // The first render matches the server's; then the browser's zone (the root
  // layout remembers it for the server), and what the last page sent as it went.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on the first page the server rendered
  useEffect(() => {
    const zone = browserTimeZone();
    setTimeZone(zone);
    const unsent = takeUnsent(userId);
    // Sent as the last page went, perhaps done after the server rendered this one: the list as it is now.
    if (unsent?.kind === "sent") {
      fetchTaskPage(initialFilter, zone, null).then(
        (page) => dispatch({ type: "loaded", filter: initialFilter, today: todayIn(zone), page }),
        // The server's first page stays; the person can reload.
        () => {},
      );
    } else if (unsent) mutations.resend(unsent, initialPage.data);
    // A token in hand before anything needs one: a deletion sent as the page
    // closes cannot wait for a token request.
    getApiToken().catch(() => {});
  }, []);

  const filterKey = `${taskFilterKey(filter)}\n${dependsOnToday(filter) ? today : ""}`;
  const stateKey = `${taskFilterKey(state.filter)}\n${dependsOnToday(state.filter) ? state.today : ""}`;
  const stale = filterKey !== stateKey;
  const failed = listError?.key === filterKey;

  // Other tabs' and devices' changes, live.
  const [live, setLive] = useState(false);
  useEffect(() => {
    sync.current = startTaskSync((update) => dispatch({ type: "synced", ...update }), setLive);
    return () => sync.current?.stop();
  }, []);

  // A new filter (a link, the search box, the back button) or a new day: fetch its first page.
  useEffect(() => {
    if (!stale || failed) return;
    const controller = new AbortController();
    fetchTaskPage(filter, timeZone, null, controller.signal).then(
      (page) => dispatch({ type: "loaded", filter, today, page }),
      (error: unknown) => {
        if (!controller.signal.aborted) setListError({ key: filterKey, message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [stale, failed, filter, filterKey, timeZone, today]);

  /** Resolves to the id of the first task it added, if any. */
  async function loadMore(): Promise<string | undefined> {
    if (!state.nextCursor || loadingMore) return undefined;
    setLoadingMore(true);
    try {
      const page = await fetchTaskPage(state.filter, timeZone, state.nextCursor);
      dispatch({ type: "appended", filter: state.filter, page });
      return page.data[0]?.id;
    } catch (error) {
      mutations.reportProblem("Couldn't load more tasks.", error);
      return undefined;
    } finally {
      setLoadingMore(false);
    }
  }

  /**
   * Moves a task to `index` in the list on screen (My order only), at once,
   * with the key it will most likely get; the server's answer then settles it.
   */
  function moveTo(task: Task, index: number): boolean {
    const rest = state.tasks.filter((other) => other.id !== task.id);
    const target = Math.max(0, Math.min(index, rest.length));
    const before = rest[target - 1] ?? null;
    const after = rest[target] ?? null;
    if (state.tasks.indexOf(task) === target || [task, before, after].some((t) => t && isPlaceholder(t))) return false;
    const position = generateKeyBetween(before?.position ?? null, after?.position ?? null);
    void mutations.moveTask(task, before?.id ?? null, position);
    mutations.announce(`Moved “${task.title}” to position ${target + 1} of ${state.tasks.length}.`);
    return true;
  }

  return {
    ...mutations,
    filter,
    state,
    today,
    undo: undoable,
    loading: stale && !failed,
    listError: failed ? listError.message : null,
    retryList: () => setListError(null),
    loadingMore,
    loadMore,
    live,
    moveTo,
    showFilter,
  };
}

/** Shows another filter by changing the URL, which the board follows. */
function showFilter(next: TaskFilter, { replace = false } = {}): void {
  // Next.js keeps useSearchParams in step with the History API.
  window.history[replace ? "replaceState" : "pushState"](null, "", taskFilterHref(next));
}
