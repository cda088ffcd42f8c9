"use client";

import { type FormEvent, type KeyboardEvent, useActionState, useEffect, useRef, useState } from "react";
import { addTask } from "@/app/tasks/actions";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import { emptyFormState } from "@/lib/form-state";
import { loadedTaskSchemas, loadTaskSchemas } from "@/lib/load-schemas";
import { isTaskPriority, type TaskPriority } from "@/lib/task-planning";
import type { CreateTaskInput } from "@/lib/task-schemas";
import { focusFirstInvalid } from "../ui/focus-first-invalid";
import { FormAlert } from "../ui/form-alert";
import { PlusIcon } from "../ui/icons";
import styles from "./add-task-form.module.css";
import { TASK_FIELDS, type TaskField, TaskFields } from "./task-fields";
import type { AddTaskResult } from "./use-task-mutations";

interface AddTaskFormProps {
  onAdd: (input: CreateTaskInput) => Promise<AddTaskResult>;
  /** The list to show again after a plain HTML post. */
  returnTo: string;
}

/**
 * Title and optional description, checked with the API's own schema. Once
 * hydrated, the form clears at once (the task appears optimistically) and
 * gets its text back if the server refuses it. Before that, or without
 * JavaScript, it posts to a server action that adds the task and shows the list again.
 */
export function AddTaskForm({ onAdd, returnTo }: AddTaskFormProps) {
  // Changes only after a plain HTML post: the hydrated form never runs the action.
  const [posted, formAction] = useActionState(addTask, emptyFormState<TaskField>());
  const [title, setTitle] = useState(posted.values.title ?? "");
  const [description, setDescription] = useState(posted.values.description ?? "");
  const [dueDate, setDueDate] = useState(posted.values.due_date ?? "");
  const postedPriority = posted.values.priority ?? "none";
  const [priority, setPriority] = useState<TaskPriority>(isTaskPriority(postedPriority) ? postedPriority : "none");
  const [errors, setErrors] = useState<FieldErrors<TaskField>>(posted.errors);
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // The check below uses the API's own schema, loaded after the page.
  useEffect(() => {
    void loadTaskSchemas();
  }, []);

  // Refused by the action before the page hydrated: once it has, focus lands where the problem is.
  useEffect(() => {
    if (formRef.current) focusFirstInvalid(formRef.current, TASK_FIELDS, posted.errors);
  }, [posted]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    // The optimistic path through the API instead of the action.
    event.preventDefault();
    const form = event.currentTarget;
    const { createTaskBody } = loadedTaskSchemas() ?? (await loadTaskSchemas());
    const parsed = createTaskBody.safeParse({ title, description, due_date: dueDate || null, priority });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, TASK_FIELDS);
      setErrors(fieldErrors);
      focusFirstInvalid(form, TASK_FIELDS, fieldErrors);
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
    <form
      ref={formRef}
      className={`card ${styles.form}`}
      aria-label="Add a task"
      noValidate
      action={formAction}
      onSubmit={handleSubmit}
    >
      <input type="hidden" name="next" value={returnTo} />
      {/* Refused by the action as a whole (the request limit, the task quota). */}
      {posted.failure ? <FormAlert>{posted.failure}</FormAlert> : null}
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
