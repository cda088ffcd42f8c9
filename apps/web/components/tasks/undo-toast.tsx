"use client";

import { UndoIcon } from "../ui/icons";
import styles from "./undo-toast.module.css";

interface UndoToastProps {
  message: string | null;
  onUndo: () => void;
}

/**
 * "Deleted “Buy milk”. Undo" for as long as the deletion waits. The live
 * region is always in the page, so screen readers announce each message.
 */
export function UndoToast({ message, onUndo }: UndoToastProps) {
  return (
    <div className={styles.region} role="status">
      {message ? (
        <div className={styles.toast}>
          <span>{message}</span>
          <button type="button" className={`button button-small ${styles.undo}`} onClick={onUndo}>
            <UndoIcon />
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
