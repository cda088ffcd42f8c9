"use client";

import type { Task } from "@/lib/task-schemas";
import { Dialog } from "../ui/dialog";
import styles from "../ui/dialog.module.css";

interface DeleteTaskDialogProps {
  task: Task | null;
  onCancel: () => void;
  onConfirm: (task: Task) => void;
}

export function DeleteTaskDialog({ task, onCancel, onConfirm }: DeleteTaskDialogProps) {
  return (
    <Dialog open={task !== null} onClose={onCancel} titleId="delete-task-title" descriptionId="delete-task-text">
      {task ? (
        <>
          <h2 id="delete-task-title">Delete task?</h2>
          <p id="delete-task-text">“{task.title}” will be deleted. This cannot be undone.</p>
          <div className={styles.actions}>
            <button type="button" className="button button-secondary" onClick={onCancel}>
              Cancel
            </button>
            <button type="button" className="button button-danger" onClick={() => onConfirm(task)}>
              Delete
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
