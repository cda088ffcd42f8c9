"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { loadedTaskSchemas, loadTaskSchemas } from "@/lib/load-schemas";
import type { TaskPriority } from "@/lib/task-planning";
import type { Task } from "@/lib/task-schemas";
import { focusFirstInvalid } from "../ui/focus-first-invalid";
import { TASK_FIELDS, type TaskField, TaskFields } from "./task-fields";
import styles from "./task-item.module.css";
import type { TaskEdit } from "./use-task-mutations";

interface TaskEditorProps {
  task: Task;
  /** The person's refused text and the other device's version, after a 412. */
  conflict: { mine: TaskEdit; theirs: Task } | null;
  /** `baseVersion`: the version the text was written over (sent as If-Match). */
  onSave: (edit: TaskEdit, baseVersion: number) => void;
  onCancel: () => void;
}

/**
 * Edits a task's title, description, due date and priority in place; Escape
 * cancels. After a conflict it shows the other device's version next to the
 * person's own text: save keeps theirs over it, "Use this version" takes the
 * other one.
 */
export function TaskEditor({ task, conflict, onSave, onCancel }: TaskEditorProps) {
  // What the text is written over: fixed when the editor opens, whatever arrives live meanwhile.
  const [base] = useState(conflict?.theirs ?? task);
  const mine = conflict?.mine ?? task;
  const [title, setTitle] = useState(mine.title);
  const [description, setDescription] = useState(mine.description ?? "");
  const [dueDate, setDueDate] = useState(mine.due_date ?? "");
  const [priority, setPriority] = useState<TaskPriority>(mine.priority);
  const [errors, setErrors] = useState<FieldErrors<TaskField>>({});
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.select();
  }, []);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    // Loaded by the add form already: this only waits when that failed.
    const { updateTaskBody } = loadedTaskSchemas() ?? (await loadTaskSchemas());
    const parsed = updateTaskBody.safeParse({ title, description, due_date: dueDate || null, priority });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, TASK_FIELDS);
      setErrors(fieldErrors);
      focusFirstInvalid(form, TASK_FIELDS, fieldErrors);
      return;
    }
    const edit = {
      title: parsed.data.title ?? base.title,
      description: parsed.data.description ?? null,
      due_date: parsed.data.due_date ?? null,
      priority: parsed.data.priority ?? base.priority,
    };
    const unchanged =
      edit.title === base.title &&
      edit.description === base.description &&
      edit.due_date === base.due_date &&
      edit.priority === base.priority;
    if (unchanged) onCancel();
    else onSave(edit, base.version);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      className={styles.editor}
      aria-label={`Edit “${task.title}”`}
      noValidate
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
    >
      {conflict ? (
        <div className={styles.conflict} role="alert">
          <p>
            <strong>Changed on another device.</strong> Their version:
          </p>
          <p className={styles.title}>{conflict.theirs.title}</p>
          {conflict.theirs.description ? <p className={styles.description}>{conflict.theirs.description}</p> : null}
          <button type="button" className="button button-secondary button-small" onClick={onCancel}>
            Use this version
          </button>
          <p>Or save to keep your text below.</p>
        </div>
      ) : null}
      <TaskFields
        title={title}
        description={description}
        onTitleChange={setTitle}
        onDescriptionChange={setDescription}
        dueDate={dueDate}
        onDueDateChange={setDueDate}
        priority={priority}
        onPriorityChange={setPriority}
        errors={errors}
        titleRef={titleRef}
        descriptionRows={3}
      />
      <div className={styles.editorActions}>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary button-small">
          {conflict ? "Keep mine" : "Save"}
        </button>
      </div>
    </form>
  );
}
