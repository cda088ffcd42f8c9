"use client";

import { useEffect, useRef, useState } from "react";
import type { Task } from "@/lib/task-schemas";
import { PencilIcon, TrashIcon } from "../ui/icons";
import { TaskEditor } from "./task-editor";
import styles from "./task-item.module.css";
import type { EditBase, TaskEdit } from "./use-task-mutations";

export const taskToggleId = (id: string) => `task-${id}-toggle`;

interface TaskItemProps {
  task: Task;
  /** A request for this task is in flight (anything done meanwhile runs after it). */
  saving: boolean;
  /** Not created on the server yet: nothing to change until it is (a moment). */
  placeholder: boolean;
  onToggle: (task: Task) => void;
  onEdit: (task: Task, edit: TaskEdit, base: EditBase) => void;
  onDelete: (task: Task) => void;
}

export function TaskItem({ task, saving, placeholder, onToggle, onEdit, onDelete }: TaskItemProps) {
  const [editing, setEditing] = useState(false);
  // The person's text, refused because the task changed elsewhere, and the version it changed to.
  const [conflict, setConflict] = useState<{ mine: TaskEdit; theirs: Task } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const titleId = `task-${task.id}-title`;
  const descriptionId = `task-${task.id}-description`;

  // Back on the Edit button after saving or cancelling, not lost on the page.
  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  function closeEditor() {
    returnFocus.current = true;
    setEditing(false);
    setConflict(null);
  }

  if (editing) {
    return (
      <li className={styles.item}>
        <TaskEditor
          key={conflict?.theirs.version ?? "edit"}
          task={task}
          conflict={conflict}
          onCancel={closeEditor}
          onSave={(edit, baseVersion) => {
            closeEditor();
            onEdit(task, edit, {
              version: baseVersion,
              onConflict: (theirs) => {
                setConflict({ mine: edit, theirs });
                setEditing(true);
              },
            });
          }}
        />
      </li>
    );
  }

  return (
    <li className={styles.item} data-completed={task.completed || undefined} aria-busy={saving || undefined}>
      <input
        id={taskToggleId(task.id)}
        type="checkbox"
        className={styles.checkbox}
        checked={task.completed}
        onChange={() => onToggle(task)}
        disabled={placeholder}
        aria-labelledby={titleId}
        aria-describedby={task.description ? descriptionId : undefined}
      />
      <div className={styles.text}>
        <span id={titleId} className={styles.title}>
          {task.title}
        </span>
        {task.description ? (
          <p id={descriptionId} className={styles.description}>
            {task.description}
          </p>
        ) : null}
      </div>
      <div className={styles.actions}>
        <button
          ref={editButton}
          type="button"
          className="button button-ghost button-icon"
          aria-label={`Edit “${task.title}”`}
          title="Edit"
          disabled={placeholder}
          onClick={() => setEditing(true)}
        >
          <PencilIcon />
        </button>
        <button
          type="button"
          className={`button button-ghost button-icon ${styles.delete}`}
          aria-label={`Delete “${task.title}”`}
          title="Delete"
          disabled={placeholder}
          onClick={() => onDelete(task)}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
