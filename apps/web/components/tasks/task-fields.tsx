"use client";

import type { KeyboardEvent, RefObject } from "react";
import type { FieldErrors } from "@/lib/field-errors";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/task-limits";
import { TASK_PRIORITIES, type TaskPriority } from "@/lib/task-planning";
import { CharacterCount } from "../ui/character-count";
import { FormField } from "../ui/form-field";
import styles from "./task-fields.module.css";

export const TASK_FIELDS = ["title", "description", "due_date", "priority"] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

interface TaskFieldsProps {
  title: string;
  description: string;
  onTitleChange: (title: string) => void;
  onDescriptionChange: (description: string) => void;
  /** "" for none, else YYYY-MM-DD (what <input type="date"> gives). */
  dueDate: string;
  onDueDateChange: (dueDate: string) => void;
  priority: TaskPriority;
  onPriorityChange: (priority: TaskPriority) => void;
  errors: FieldErrors<TaskField>;
  titleRef: RefObject<HTMLInputElement | null>;
  descriptionRows: number;
  placeholders?: { title: string; description: string };
  onDescriptionKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  none: "None",
  low: "Low",
  medium: "Medium",
  high: "High",
};

const isPriority = (value: string): value is TaskPriority => (TASK_PRIORITIES as readonly string[]).includes(value);

/** A task's fields with their counters and errors, for adding and for editing. */
export function TaskFields(props: TaskFieldsProps) {
  const { title, description, errors, placeholders } = props;
  return (
    <>
      <FormField label="Title" error={errors.title} hint={<CharacterCount value={title} max={TITLE_MAX} />}>
        {(control) => (
          <input
            {...control}
            ref={props.titleRef}
            className="input"
            name="title"
            value={title}
            onChange={(event) => props.onTitleChange(event.target.value)}
            placeholder={placeholders?.title}
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
            rows={props.descriptionRows}
            value={description}
            onChange={(event) => props.onDescriptionChange(event.target.value)}
            onKeyDown={props.onDescriptionKeyDown}
            placeholder={placeholders?.description}
          />
        )}
      </FormField>
      <div className={styles.planning}>
        <FormField label="Due date" error={errors.due_date} hint="Optional">
          {(control) => (
            <input
              {...control}
              type="date"
              className="input"
              name="due_date"
              value={props.dueDate}
              onChange={(event) => props.onDueDateChange(event.target.value)}
            />
          )}
        </FormField>
        <FormField label="Priority" error={errors.priority}>
          {(control) => (
            <select
              {...control}
              className="input"
              name="priority"
              value={props.priority}
              onChange={(event) => {
                if (isPriority(event.target.value)) props.onPriorityChange(event.target.value);
              }}
            >
              {TASK_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
    </>
  );
}
