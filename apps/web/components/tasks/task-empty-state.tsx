"use client";

import type { TaskFilter } from "@/lib/task-filter";
import type { TaskCounts } from "@/lib/task-list-state";
import { ClipboardIcon } from "../ui/icons";
import styles from "./task-list.module.css";

interface TaskEmptyStateProps {
  filter: TaskFilter;
  counts: TaskCounts;
  onClearSearch: () => void;
}

/** What an empty list means depends on why it is empty. */
export function TaskEmptyState({ filter, counts, onClearSearch }: TaskEmptyStateProps) {
  const total = counts.pending + counts.completed;
  let title = "No tasks yet";
  let text = "Add your first task above. A title is all it takes.";
  if (filter.q) {
    title = "No matching tasks";
    text = `Nothing ${filter.status === "all" ? "" : `${filter.status} `}matches “${filter.q}”.`;
  } else if (filter.status === "pending" && total > 0) {
    title = "All done";
    text = "Nothing is pending. Enjoy the calm.";
  } else if (filter.status === "completed" && total > 0) {
    title = "Nothing completed yet";
    text = "Tick a task when it is done and it will show up here.";
  } else if (filter.status === "today") {
    title = "Nothing due today";
    text = "Tasks due today, and any overdue, show up here.";
  } else if (filter.status === "upcoming") {
    title = "Nothing coming up";
    text = "Tasks due in the next 7 days show up here.";
  }
  return (
    <div className={styles.empty}>
      <span className={styles.emptyIcon}>
        <ClipboardIcon />
      </span>
      <h2>{title}</h2>
      <p>{text}</p>
      {filter.q ? (
        <button type="button" className="button button-secondary button-small" onClick={onClearSearch}>
          Clear search
        </button>
      ) : null}
    </div>
  );
}
