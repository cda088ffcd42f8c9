"use client";

import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { type CreateTaskInput, createTaskBody, DESCRIPTION_MAX, TITLE_MAX } from "@/lib/task-schemas";
import styles from "./add-task-form.module.css";
import { CharacterCount } from "./character-count";
import { FormField } from "./form-field";
import { PlusIcon } from "./icons";
import type { AddTaskResult } from "./use-task-mutations";

const FIELDS = ["title", "description"] as const;
type Field = (typeof FIELDS)[number];

/**
 * Title and optional description, checked with the API's own schema. The
 * form clears at once (the task appears optimistically) and gets its text
 * back if the server refuses it.
 */
export function AddTaskForm({ onAdd }: { onAdd: (input: CreateTaskInput) => Promise<AddTaskResult> }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const titleRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createTaskBody.safeParse({ title, description });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, FIELDS);
      setErrors(fieldErrors);
      event.currentTarget.querySelector<HTMLElement>(fieldErrors.title ? "input" : "textarea")?.focus();
      return;
    }
    setErrors({});
    setTitle("");
    setDescription("");
    titleRef.current?.focus();
    const result = await onAdd(parsed.data);
    if (!result.ok) {
      setTitle((current) => current || title);
      setDescription((current) => current || description);
      setErrors({ title: result.fieldErrors.title, description: result.fieldErrors.description });
    }
  }

  // Ctrl/⌘+Enter adds from the description box too, where Enter makes a new line.
  function submitOnModEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <form className={`card ${styles.form}`} aria-label="Add a task" noValidate onSubmit={handleSubmit}>
      <FormField label="Title" error={errors.title} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
        {(control) => (
          <input
            {...control}
            ref={titleRef}
            className="input"
            name="title"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="What needs doing?"
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
            rows={2}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            onKeyDown={submitOnModEnter}
            placeholder="Add details, links or notes"
          />
        )}
      </FormField>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary">
          <PlusIcon />
          Add task
        </button>
      </div>
    </form>
  );
}
