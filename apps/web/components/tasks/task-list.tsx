"use client";

import type { TaskFilter } from "@/lib/task-filter";
import type { TaskCounts } from "@/lib/task-list-state";
import type { Task } from "@/lib/task-schemas";
import { FormAlert } from "../ui/form-alert";
import { TaskEmptyState } from "./task-empty-state";
import { TaskItem } from "./task-item";
import styles from "./task-list.module.css";
import { TaskListSkeleton } from "./task-list-skeleton";
import { type EditBase, isPlaceholder, type TaskEdit } from "./use-task-mutations";

interface TaskListProps {
  tasks: Task[];
  saving: ReadonlySet<string>;
  renderKey: (id: string) => string;
  filter: TaskFilter;
  counts: TaskCounts;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  onClearSearch: () => void;
  onToggle: (task: Task) => void;
  onEdit: (task: Task, edit: TaskEdit, base: EditBase) => void;
  onDelete: (task: Task) => void;
}

export function TaskList({ tasks, saving, renderKey, filter, loading, error, counts, ...handlers }: TaskListProps) {
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
        <ul className={styles.list} aria-label="Tasks">
          {tasks.map((task) => (
            <TaskItem
              key={renderKey(task.id)}
              task={task}
              saving={saving.has(task.id)}
              placeholder={isPlaceholder(task)}
              onToggle={handlers.onToggle}
              onEdit={handlers.onEdit}
              onDelete={handlers.onDelete}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
