"use client";

import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { type FieldErrors, fieldErrorsOf } from "@/lib/field-errors";
import type { TaskPriority } from "@/lib/task-planning";
import { type Task, updateTaskBody } from "@/lib/task-schemas";
import { focusFirstInvalid } from "../ui/focus-first-invalid";
import { TASK_FIELDS, type TaskField, TaskFields } from "./task-fields";
import styles from "./task-item.module.css";
import type { TaskEdit } from "./use-task-mutations";

interface TaskEditorProps {
  task: Task;
  onSave: (edit: TaskEdit) => void;
  onCancel: () => void;
}

/** Edits a task's title, description, due date and priority in place; Escape cancels. */
export function TaskEditor({ task, onSave, onCancel }: TaskEditorProps) {
  const [title, setTitle] = useState(task.title);
  const [description, setDescription] = useState(task.description ?? "");
  const [dueDate, setDueDate] = useState(task.due_date ?? "");
  const [priority, setPriority] = useState<TaskPriority>(task.priority);
  const [errors, setErrors] = useState<FieldErrors<TaskField>>({});
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.select();
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateTaskBody.safeParse({ title, description, due_date: dueDate || null, priority });
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, TASK_FIELDS);
      setErrors(fieldErrors);
      focusFirstInvalid(event.currentTarget, TASK_FIELDS, fieldErrors);
      return;
    }
    const edit = {
      title: parsed.data.title ?? task.title,
      description: parsed.data.description ?? null,
      due_date: parsed.data.due_date ?? null,
      priority: parsed.data.priority ?? task.priority,
    };
    const unchanged =
      edit.title === task.title &&
      edit.description === task.description &&
      edit.due_date === task.due_date &&
      edit.priority === task.priority;
    if (unchanged) onCancel();
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
          Save
        </button>
      </div>
    </form>
  );
}
