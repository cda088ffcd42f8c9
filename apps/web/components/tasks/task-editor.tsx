"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { type Task, updateTaskBody } from "@/lib/task-schemas";
import { TASK_FIELDS, type TaskField, TaskFields } from "./task-fields";
import styles from "./task-item.module.css";
import type { TaskEdit } from "./use-task-mutations";

interface TaskEditorProps {
  task: Task;
  onSave: (edit: TaskEdit) => void;
  onCancel: () => void;
}

/** Edits a task's title and description in place; Escape cancels. */
export function TaskEditor({ task, onSave, onCancel }: TaskEditorProps) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [errors, setErrors] = useState<FieldErrors<TaskField>>({});
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.select();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateTaskBody.safeParse({ title, description });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, TASK_FIELDS);
      setErrors(fieldErrors);
      event.currentTarget.querySelector<HTMLElement>(fieldErrors.title ? "input" : "textarea")?.focus();
      return;
    }
    const edit = { title: parsed.data.title ?? task.title, description: parsed.data.description ?? null };
    if (edit.title === task.title && edit.description === task.description) onCancel();
    else onSave(edit);
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
      <TaskFields
        title={title}
        description={description}
        onTitleChange={setTitle}
        onDescriptionChange={setDescription}
        errors={errors}
        titleRef={titleRef}
        descriptionRows={3}
      />
      <div className={styles.editorActions}>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary button-small">
          Save
        </button>
      </div>
    </form>
  );
}
