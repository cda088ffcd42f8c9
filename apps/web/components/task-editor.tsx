"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { DESCRIPTION_MAX, type Task, TITLE_MAX, updateTaskBody } from "@/lib/task-schemas";
import { CharacterCount } from "./character-count";
import { FormField } from "./form-field";
import styles from "./task-item.module.css";
import type { TaskEdit } from "./use-task-mutations";

const FIELDS = ["title", "description"] as const;
type Field = (typeof FIELDS)[number];

interface TaskEditorProps {
  task: Task;
  onSave: (edit: TaskEdit) => void;
  onCancel: () => void;
}

/** Edits a task's title and description in place; Escape cancels. */
export function TaskEditor({ task, onSave, onCancel }: TaskEditorProps) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.select();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateTaskBody.safeParse({ title, description });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, FIELDS);
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
      <FormField label="Title" error={errors.title} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
        {(control) => (
          <input
            {...control}
            ref={titleRef}
            className="input"
            name="title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            autoComplete="off"
            required
          />
        )}
      </FormField>
      <FormField
        label="Description"
        error={errors.description}
        hint={<CharacterCount value={description} max={DESCRIPTION_MAX} fallback="Optional" />}
      >
        {(control) => (
          <textarea
            {...control}
            className="input"
            name="description"
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        )}
      </FormField>
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
