"use client";

import { useId } from "react";
import { isTaskSort, TASK_SORTS, type TaskSort } from "@/lib/task-planning";
import styles from "./task-sort.module.css";

const LABELS: Record<TaskSort, string> = {
  created: "Newest",
  due: "Due date",
  priority: "Priority",
  manual: "My order",
};

/** The list's order, kept in the URL like the view. */
export function TaskSortMenu({ sort, onSort }: { sort: TaskSort; onSort: (sort: TaskSort) => void }) {
  const id = useId();
  return (
    <div className={styles.sort}>
      <label htmlFor={id}>Sort</label>
      <select
        id={id}
        className="input"
        value={sort}
        onChange={(event) => {
          if (isTaskSort(event.target.value)) onSort(event.target.value);
        }}
      >
        {TASK_SORTS.map((option) => (
          <option key={option} value={option}>
            {LABELS[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
