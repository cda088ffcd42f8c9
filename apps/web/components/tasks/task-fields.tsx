"use client";

import type { KeyboardEvent, RefObject } from "react";
import type { FieldErrors } from "@/lib/field-errors";
import { DESCRIPTION_MAX, TITLE_MAX } from "@/lib/task-schemas";
import { CharacterCount } from "../ui/character-count";
import { FormField } from "../ui/form-field";

export const TASK_FIELDS = ["title", "description"] as const;
export type TaskField = (typeof TASK_FIELDS)[number];

interface TaskFieldsProps {
  title: string;
  description: string;
  onTitleChange: (title: string) => void;
  onDescriptionChange: (description: string) => void;
  errors: FieldErrors<TaskField>;
  titleRef: RefObject<HTMLInputElement | null>;
  descriptionRows: number;
  placeholders?: { title: string; description: string };
  onDescriptionKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
}

/** The title and description fields with their counters and errors, for adding and for editing. */
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
    </>
  );
}
