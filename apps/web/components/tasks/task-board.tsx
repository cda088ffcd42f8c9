"use client";

import { useCallback, useEffect, useState } from "react";
import { taskFilterHref } from "@/lib/task-filter";
import { renderKeyOf } from "@/lib/task-list-state";
import type { Task } from "@/lib/task-schemas";
import { FormAlert } from "../ui/form-alert";
import { CloseIcon } from "../ui/icons";
import { AddTaskForm } from "./add-task-form";
import { DeleteTaskDialog } from "./delete-task-dialog";
import styles from "./task-board.module.css";
import { TaskFilters } from "./task-filters";
import { taskToggleId } from "./task-item";
import { TaskList } from "./task-list";
import { TaskSearch } from "./task-search";
import { TaskSummary } from "./task-summary";
import { type TaskBoardInit, useTaskBoard } from "./use-task-board";

export function TaskBoard(init: TaskBoardInit) {
  const board = useTaskBoard(init);
  const { filter, state, showFilter } = board;
  const [confirming, setConfirming] = useState<Task | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  // Focus moves to a row that exists only after the next render (more tasks
  // loaded, a neighbour of a deleted task).
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const search = useCallback(
    (q: string) => showFilter({ status: filter.status, q }, { replace: true }),
    [filter.status, showFilter],
  );

  function confirmDelete(task: Task) {
    setConfirming(null);
    const index = state.tasks.findIndex((candidate) => candidate.id === task.id);
    const neighbour = state.tasks[index + 1] ?? state.tasks[index - 1];
    setFocusTarget(neighbour ? taskToggleId(neighbour.id) : "tasks-title");
    void board.deleteTask(task);
  }

  async function loadMore() {
    const firstNew = await board.loadMore();
    if (firstNew) setFocusTarget(taskToggleId(firstNew));
  }

  return (
    <section className={styles.board} aria-labelledby="tasks-title">
      <div className={styles.heading}>
        <h1 id="tasks-title" tabIndex={-1}>
          My tasks
        </h1>
        <TaskSummary counts={state.counts} />
      </div>

      <AddTaskForm onAdd={board.addTask} returnTo={taskFilterHref(filter)} />

      <div className={styles.toolbar}>
        <TaskFilters filter={filter} onSelect={(next) => showFilter(next)} />
        <TaskSearch value={filter.q} onSearch={search} />
      </div>

      {board.problem ? (
        <FormAlert
          action={
            <button
              type="button"
              className="button button-ghost button-icon"
              aria-label="Dismiss"
              onClick={board.dismissProblem}
            >
              <CloseIcon />
            </button>
          }
        >
          {board.problem}
        </FormAlert>
      ) : null}

      <TaskList
        tasks={state.tasks}
        saving={state.saving}
        renderKey={(id) => renderKeyOf(state, id)}
        filter={filter}
        counts={state.counts}
        loading={board.loading}
        error={board.listError}
        onRetry={board.retryList}
        onClearSearch={() => showFilter({ status: filter.status, q: "" })}
        onToggle={(task) => void board.toggleTask(task)}
        onEdit={(task, edit) => void board.editTask(task, edit)}
        onDelete={setConfirming}
      />

      {state.nextCursor && !board.loading && !board.listError ? (
        <div className={styles.more}>
          <button
            type="button"
            className="button button-secondary"
            aria-disabled={board.loadingMore || undefined}
            onClick={() => void loadMore()}
          >
            {board.loadingMore ? <span className="spinner" aria-hidden="true" /> : null}
            Load more
          </button>
        </div>
      ) : null}

      <p className="visually-hidden" role="status">
        {board.announcement}
      </p>

      <DeleteTaskDialog task={confirming} onCancel={() => setConfirming(null)} onConfirm={confirmDelete} />
    </section>
  );
}
