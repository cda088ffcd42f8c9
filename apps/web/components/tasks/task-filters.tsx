"use client";

import type { MouseEvent } from "react";
import { TASK_VIEWS, type TaskFilter, type TaskView, taskFilterHref } from "@/lib/task-filter";
import styles from "./task-filters.module.css";

const LABELS: Record<TaskView, string> = {
  all: "All",
  pending: "Pending",
  completed: "Completed",
  today: "Today",
  upcoming: "Upcoming",
};

interface TaskFiltersProps {
  filter: TaskFilter;
  onSelect: (filter: TaskFilter) => void;
}

/** Real links (they open in a new tab, and work before scripts load), handled in place when clicked. */
export function TaskFilters({ filter, onSelect }: TaskFiltersProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>, next: TaskFilter) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (next.status !== filter.status) onSelect(next);
  }

  return (
    <nav aria-label="Filter tasks" className={styles.filters}>
      {TASK_VIEWS.map((status) => {
        const next = { ...filter, status };
        return (
          <a
            key={status}
            href={taskFilterHref(next)}
            className={styles.link}
            aria-current={status === filter.status ? "page" : undefined}
            onClick={(event) => handleClick(event, next)}
          >
            {LABELS[status]}
          </a>
        );
      })}
    </nav>
  );
}
