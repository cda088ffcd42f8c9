"use client";

import type { TaskCounts } from "@/lib/task-list-state";
import styles from "./task-board.module.css";

/** "3 pending · 1 completed", with a quiet progress bar. */
export function TaskSummary({ counts }: { counts: TaskCounts }) {
  const total = counts.pending + counts.completed;
  const percent = total === 0 ? 0 : Math.round((counts.completed / total) * 100);
  return (
    <div className={styles.summary}>
      <p>
        <span>{counts.pending} pending</span>
        <span aria-hidden="true"> · </span>
        <span>{counts.completed} completed</span>
      </p>
      {total > 0 ? (
        <span className={styles.progress} aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </span>
      ) : null}
    </div>
  );
}
