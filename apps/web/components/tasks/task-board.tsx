"use client";

import { useCallback, useEffect, useState } from "react";
import { taskFilterHref } from "@/lib/task-filter";
import { renderKeyOf } from "@/lib/task-list-state";
import type { Task } from "@/lib/task-schemas";
import { FormAlert } from "../ui/form-alert";
import { CloseIcon } from "../ui/icons";
import { AddTaskForm } from "./add-task-form";
import { ShortcutsDialog } from "./shortcuts-dialog";
import styles from "./task-board.module.css";
import { TaskFilters } from "./task-filters";
import { taskHandleId, taskToggleId } from "./task-item";
import { TaskList } from "./task-list";
import { TaskSearch } from "./task-search";
import { TaskSortMenu } from "./task-sort";
import { TaskSummary } from "./task-summary";
import { UndoToast } from "./undo-toast";
import { useShortcuts } from "./use-shortcuts";
import { type TaskBoardInit, useTaskBoard } from "./use-task-board";

export function TaskBoard(init: TaskBoardInit) {
  const board = useTaskBoard(init);
  const { filter, state, showFilter } = board;
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({ onHelp: () => setHelpOpen(true) });

  // Focus moves to a row that exists only after the next render (more tasks
  // loaded, a neighbour of a deleted task, a task that moved).
  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const search = useCallback((q: string) => showFilter({ ...filter, q }, { replace: true }), [filter, showFilter]);

  function deleteTask(task: Task) {
    const index = state.tasks.findIndex((candidate) => candidate.id === task.id);
    const neighbour = state.tasks[index + 1] ?? state.tasks[index - 1];
    setFocusTarget(neighbour ? taskToggleId(neighbour.id) : "tasks-title");
    void board.deleteTask(task);
  }

  function moveTo(task: Task, index: number) {
    if (board.moveTo(task, index)) setFocusTarget(taskHandleId(task.id));
  }

  async function loadMore() {
    const firstNew = await board.loadMore();
    if (firstNew) setFocusTarget(taskToggleId(firstNew));
  }

  const completedCount = state.counts.completed;

  return (
    <section className={styles.board} aria-labelledby="tasks-title" data-live={board.live}>
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

      <div className={styles.listBar}>
        <TaskSortMenu sort={filter.sort} onSort={(sort) => showFilter({ ...filter, sort })} />
        <div className={styles.listActions}>
          {completedCount > 0 ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                board.clearCompleted(
                  state.tasks.filter((task) => task.completed),
                  completedCount,
                )
              }
            >
              Clear completed ({completedCount})
            </button>
          ) : null}
          <button
            type="button"
            className="button button-ghost button-small"
            aria-keyshortcuts="?"
            onClick={() => setHelpOpen(true)}
          >
            Shortcuts
          </button>
        </div>
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
        today={board.today}
        counts={state.counts}
        loading={board.loading}
        error={board.listError}
        onRetry={board.retryList}
        onClearSearch={() => showFilter({ ...filter, q: "" })}
        onToggle={(task) => void board.toggleTask(task)}
        onEdit={(task, edit, base) => void board.editTask(task, edit, base)}
        onDelete={deleteTask}
        onMoveTo={filter.sort === "manual" && !board.loading ? moveTo : undefined}
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

      <UndoToast message={board.undo.toast?.message ?? null} onUndo={board.undo.undo} onHold={board.undo.hold} />
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
