"use client";

import styles from "./task-list.module.css";

/** Placeholder rows while a list loads, so the layout does not jump. */
export function TaskListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div className={styles.skeleton} aria-hidden="true">
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical, static rows
        <div key={index} className={styles.skeletonRow}>
          <span className={styles.skeletonDot} />
          <span className={styles.skeletonLine} style={{ width: `${70 - index * 12}%` }} />
        </div>
      ))}
    </div>
  );
}
