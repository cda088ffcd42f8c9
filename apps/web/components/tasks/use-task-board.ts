"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import { parseTaskFilter, type TaskFilter, taskFilterHref, taskFilterKey } from "@/lib/task-filter";
import { createTaskListState, type TaskCounts, taskListReducer } from "@/lib/task-list-state";
import type { TaskPage } from "@/lib/task-schemas";
import { startTaskSync, type TaskSync } from "@/lib/task-sync";
import { fetchTaskPage } from "@/lib/tasks-api";
import { describeError, useTaskMutations } from "./use-task-mutations";

export interface TaskBoardInit {
  initialFilter: TaskFilter;
  initialPage: TaskPage;
  initialCounts: TaskCounts;
}

/**
 * The task list and everything that changes it. The URL is the source of
 * truth for the filter; the server rendered the first page, and every later
 * page and change goes through the API.
 */
export function useTaskBoard({ initialFilter, initialPage, initialCounts }: TaskBoardInit) {
  const searchParams = useSearchParams();
  const filter = useMemo(
    () => parseTaskFilter({ status: searchParams.get("status"), q: searchParams.get("q") }),
    [searchParams],
  );
  const [state, dispatch] = useReducer(taskListReducer, null, () =>
    createTaskListState(initialFilter, initialPage, initialCounts),
  );
  const sync = useRef<TaskSync | undefined>(undefined);
  const mutations = useTaskMutations(dispatch, (change) => sync.current?.noteSaved(change));
  const [listError, setListError] = useState<{ key: string; message: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  const filterKey = taskFilterKey(filter);
  const stale = filterKey !== taskFilterKey(state.filter);
  const failed = listError?.key === filterKey;

  // Other tabs' and devices' changes, live.
  const [live, setLive] = useState(false);
  useEffect(() => {
    sync.current = startTaskSync((update) => dispatch({ type: "synced", ...update }), setLive);
    return () => sync.current?.stop();
  }, []);

  // A new filter (a link, the search box, the back button): fetch its first page.
  useEffect(() => {
    if (!stale || failed) return;
    const controller = new AbortController();
    fetchTaskPage(filter, null, controller.signal).then(
      (page) => dispatch({ type: "loaded", filter, page }),
      (error: unknown) => {
        if (!controller.signal.aborted) setListError({ key: taskFilterKey(filter), message: describeError(error) });
      },
    );
    return () => controller.abort();
  }, [stale, failed, filter]);

  /** Resolves to the id of the first task it added, if any. */
  async function loadMore(): Promise<string | undefined> {
    if (!state.nextCursor || loadingMore) return undefined;
    setLoadingMore(true);
    try {
      const page = await fetchTaskPage(state.filter, state.nextCursor);
      dispatch({ type: "appended", filter: state.filter, page });
      return page.data[0]?.id;
    } catch (error) {
      mutations.reportProblem("Couldn't load more tasks.", error);
      return undefined;
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    ...mutations,
    filter,
    state,
    loading: stale && !failed,
    listError: failed ? listError.message : null,
    retryList: () => setListError(null),
    loadingMore,
    loadMore,
    live,
    showFilter,
  };
}

/** Shows another filter by changing the URL, which the board follows. */
function showFilter(next: TaskFilter, { replace = false } = {}): void {
  // Next.js keeps useSearchParams in step with the History API.
  window.history[replace ? "replaceState" : "pushState"](null, "", taskFilterHref(next));
}
