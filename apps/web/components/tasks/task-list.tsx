"use client";

import { type PointerEvent, useRef, useState } from "react";
import type { TaskFilter } from "@/lib/task-filter";
import { isPlaceholder, type TaskCounts } from "@/lib/task-list-state";
import type { Task } from "@/lib/task-schemas";
import { FormAlert } from "../ui/form-alert";
import { TaskEmptyState } from "./task-empty-state";
import { MOVE_HINT_ID, TaskItem, type TaskReorder } from "./task-item";
import styles from "./task-list.module.css";
import { TaskListSkeleton } from "./task-list-skeleton";
import type { EditBase, TaskEdit } from "./use-task-mutations";

interface TaskListProps {
  tasks: Task[];
  saving: ReadonlySet<string>;
  renderKey: (id: string) => string;
  filter: TaskFilter;
  /** The date it is in the person's time zone. */
  today: string;
  counts: TaskCounts;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  onClearSearch: () => void;
  onToggle: (task: Task) => void;
  onEdit: (task: Task, edit: TaskEdit, base: EditBase) => void;
  onDelete: (task: Task) => void;
  /** Moves a task to a place in the list on screen; only in "My order". */
  onMoveTo: ((task: Task, index: number) => void) | undefined;
}

export function TaskList({
  tasks,
  saving,
  renderKey,
  filter,
  today,
  loading,
  error,
  counts,
  ...handlers
}: TaskListProps) {
  const reorder = useReorder(tasks, handlers.onMoveTo);
  return (
    <div className={styles.panel} aria-busy={loading || undefined}>
      {loading ? (
        <TaskListSkeleton />
      ) : error ? (
        <div className={styles.error}>
          <FormAlert
            action={
              <button type="button" className="button button-secondary button-small" onClick={handlers.onRetry}>
                Try again
              </button>
            }
          >
            Couldn't load your tasks. {error}
          </FormAlert>
        </div>
      ) : tasks.length === 0 ? (
        <TaskEmptyState filter={filter} counts={counts} onClearSearch={handlers.onClearSearch} />
      ) : (
        <>
          <ul className={styles.list} aria-label="Tasks">
            {tasks.map((task) => (
              <TaskItem
                key={renderKey(task.id)}
                task={task}
                today={today}
                saving={saving.has(task.id)}
                placeholder={isPlaceholder(task)}
                reorder={reorder?.(task)}
                onToggle={handlers.onToggle}
                onEdit={handlers.onEdit}
                onDelete={handlers.onDelete}
              />
            ))}
          </ul>
          {reorder ? (
            <p id={MOVE_HINT_ID} hidden>
              Press the up or down arrow key to move the task one place.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * Reordering by dragging a handle (pointer events: mouse, pen and touch
 * alike) or by the arrow keys on a focused handle; both end in one onMoveTo.
 */
function useReorder(tasks: Task[], onMoveTo: TaskListProps["onMoveTo"]) {
  // Refs for the handlers (pointer events come faster than renders), state for the picture.
  const current = useRef<{ id: string; startY: number; moved: boolean; drop: Drop | null } | null>(null);
  const [shown, setShown] = useState<{ id: string; drop: Drop | null } | null>(null);
  if (!onMoveTo) return undefined;
  const moveTo = onMoveTo;

  const end = () => {
    current.current = null;
    setShown(null);
  };

  return (task: Task): TaskReorder => ({
    onMoveBy: (moved, delta) => moveTo(moved, tasks.indexOf(moved) + delta),
    onPointerDown: (moved, event) => {
      if (event.button !== 0) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      current.current = { id: moved.id, startY: event.clientY, moved: false, drop: null };
    },
    onPointerMove: (event) => {
      const drag = current.current;
      // A few pixels first, so a plain click on the handle is not a drag.
      if (!drag || (!drag.moved && Math.abs(event.clientY - drag.startY) < 4)) return;
      drag.moved = true;
      drag.drop = dropAt(event);
      setShown({ id: drag.id, drop: drag.drop });
    },
    onPointerUp: () => {
      const drag = current.current;
      end();
      const moved = tasks.find((candidate) => candidate.id === drag?.id);
      const target = tasks.findIndex((candidate) => candidate.id === drag?.drop?.id);
      if (!drag?.moved || !moved || target === -1) return;
      // An index in the list without the moved task, where it then goes.
      const index = target + (drag.drop?.side === "after" ? 1 : 0) - (tasks.indexOf(moved) < target ? 1 : 0);
      moveTo(moved, index);
    },
    onPointerCancel: end,
    dragging: shown?.id === task.id,
    dropSide: shown?.drop?.id === task.id && shown.id !== task.id ? shown.drop.side : undefined,
  });
}

interface Drop {
  id: string;
  side: "before" | "after";
}

/** The row under the pointer, and which half of it. */
function dropAt(event: PointerEvent<HTMLElement>): Drop | null {
  const rows = event.currentTarget.closest("ul")?.querySelectorAll<HTMLElement>("li[data-task-id]") ?? [];
  for (const row of rows) {
    const box = row.getBoundingClientRect();
    if (event.clientY >= box.top && event.clientY < box.bottom && row.dataset.taskId) {
      return { id: row.dataset.taskId, side: event.clientY < box.top + box.height / 2 ? "before" : "after" };
    }
  }
  return null;
}
