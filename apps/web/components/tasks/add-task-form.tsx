"use client";

import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import type { TaskPriority } from "@/lib/task-planning";
import { type CreateTaskInput, createTaskBody } from "@/lib/task-schemas";
import { PlusIcon } from "../ui/icons";
import styles from "./add-task-form.module.css";
import { firstInvalid, TASK_FIELDS, type TaskField, TaskFields } from "./task-fields";
import type { AddTaskResult } from "./use-task-mutations";

/**
 * Title and optional description, checked with the API's own schema. The
 * form clears at once (the task appears optimistically) and gets its text
 * back if the server refuses it.
 */
export function AddTaskForm({ onAdd }: { onAdd: (input: CreateTaskInput) => Promise<AddTaskResult> }) {
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [priority, setPriority] = useState<TaskPriority>("none");
  const [errors, setErrors] = useState<FieldErrors<TaskField>>({});
  const titleRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createTaskBody.safeParse({ title, description, due_date: dueDate || null, priority });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, TASK_FIELDS);
      setErrors(fieldErrors);
      event.currentTarget.querySelector<HTMLElement>(firstInvalid(fieldErrors))?.focus();
      return;
    }
    setErrors({});
    setTitle("");
    setDescription("");
    setDueDate("");
    setPriority("none");
    titleRef.current?.focus();
    const result = await onAdd(parsed.data);
    if (!result.ok) {
      setTitle((current) => current || title);
      setDescription((current) => current || description);
      setDueDate((current) => current || dueDate);
      setPriority((current) => (current === "none" ? priority : current));
      setErrors({
        title: result.fieldErrors.title,
        description: result.fieldErrors.description,
        due_date: result.fieldErrors.due_date,
        priority: result.fieldErrors.priority,
      });
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
        descriptionRows={2}
        placeholders={{ title: "What needs doing?", description: "Add details, links or notes" }}
        onDescriptionKeyDown={submitOnModEnter}
      />
      <div className={styles.actions}>
        <button type="submit" className="button button-primary">
          <PlusIcon />
          Add task
        </button>
      </div>
    </form>
  );
}
