"use client";

import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from "react";
import { dueLabel } from "@/lib/due-label";
import type { Task } from "@/lib/task-schemas";
import { CalendarIcon, FlagIcon, GripIcon, PencilIcon, TrashIcon } from "../ui/icons";
import { TaskEditor } from "./task-editor";
import { PRIORITY_LABELS } from "./task-fields";
import styles from "./task-item.module.css";
import type { EditBase, TaskEdit } from "./use-task-mutations";

export const taskToggleId = (id: string) => `task-${id}-toggle`;
export const taskHandleId = (id: string) => `task-${id}-handle`;

/** Described by every handle: how to move a task without a mouse. */
export const MOVE_HINT_ID = "task-move-hint";

export interface TaskReorder {
  /** Arrow keys on the handle: one place up (-1) or down (+1). */
  onMoveBy: (task: Task, delta: -1 | 1) => void;
  onPointerDown: (task: Task, event: PointerEvent<HTMLButtonElement>) => void;
  onPointerMove: (event: PointerEvent<HTMLButtonElement>) => void;
  onPointerUp: () => void;
  onPointerCancel: () => void;
  /** This task is being dragged. */
  dragging: boolean;
  /** Where a dragged task would land, relative to this one. */
  dropSide: "before" | "after" | undefined;
}

interface TaskItemProps {
  task: Task;
  /** The date it is in the person's time zone. */
  today: string;
  /** A request for this task is in flight (anything done meanwhile runs after it). */
  saving: boolean;
  /** Not created on the server yet: nothing to change until it is (a moment). */
  placeholder: boolean;
  /** Present in "My order": the task has a handle to drag or move with the arrow keys. */
  reorder: TaskReorder | undefined;
  onToggle: (task: Task) => void;
  onEdit: (task: Task, edit: TaskEdit, base: EditBase) => void;
  onDelete: (task: Task) => void;
}

export function TaskItem({ task, today, saving, placeholder, reorder, onToggle, onEdit, onDelete }: TaskItemProps) {
  const [editing, setEditing] = useState(false);
  // The person's text, refused because the task changed elsewhere, and the version it changed to.
  const [conflict, setConflict] = useState<{ mine: TaskEdit; theirs: Task } | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const titleId = `task-${task.id}-title`;
  const descriptionId = `task-${task.id}-description`;
  const metaId = `task-${task.id}-meta`;

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

  const due = task.due_date ? dueLabel(task.due_date, today) : null;
  const hasMeta = due !== null || task.priority !== "none";

  function handleKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    reorder?.onMoveBy(task, event.key === "ArrowUp" ? -1 : 1);
  }

  return (
    <li
      className={styles.item}
      data-task-id={task.id}
      data-completed={task.completed || undefined}
      data-drop={reorder?.dropSide}
      data-dragging={reorder?.dragging || undefined}
      aria-busy={saving || undefined}
    >
      {reorder ? (
        <button
          id={taskHandleId(task.id)}
          type="button"
          className={`button button-ghost button-icon ${styles.handle}`}
          aria-label={`Move “${task.title}”`}
          aria-describedby={MOVE_HINT_ID}
          title="Drag, or use the up and down arrow keys"
          disabled={placeholder}
          onKeyDown={handleKeyDown}
          onPointerDown={(event) => reorder.onPointerDown(task, event)}
          onPointerMove={reorder.onPointerMove}
          onPointerUp={reorder.onPointerUp}
          onPointerCancel={reorder.onPointerCancel}
        >
          <GripIcon />
        </button>
      ) : null}
      <input
        id={taskToggleId(task.id)}
        type="checkbox"
        className={styles.checkbox}
        checked={task.completed}
        onChange={() => onToggle(task)}
        disabled={placeholder}
        aria-labelledby={titleId}
        aria-describedby={[task.description ? descriptionId : "", hasMeta ? metaId : ""].join(" ").trim() || undefined}
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
        {hasMeta ? (
          <p id={metaId} className={styles.meta}>
            {due && task.due_date ? (
              <span className={styles.due} data-overdue={(due.overdue && !task.completed) || undefined}>
                <CalendarIcon />
                <span className="visually-hidden">Due </span>
                <time dateTime={task.due_date}>{due.text}</time>
              </span>
            ) : null}
            {task.priority !== "none" ? (
              <span
                className={styles.priority}
                data-priority={task.priority}
                title={`${PRIORITY_LABELS[task.priority]} priority`}
              >
                <FlagIcon />
                <span className="visually-hidden">{PRIORITY_LABELS[task.priority]} priority</span>
              </span>
            ) : null}
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
          data-shortcut="edit"
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
          data-shortcut="delete"
          disabled={placeholder}
          onClick={() => onDelete(task)}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
}
