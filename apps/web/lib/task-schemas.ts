// One zod schema per input and output shape of the tasks API, shared by the
// route handlers, the UI's forms, the OpenAPI document and the tests.
import { z } from "zod";
import { decodeCursor } from "./cursor";

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const QUERY_MAX = 200;

// Lengths count Unicode code points, as PostgreSQL's varchar does; zod's own
// min/max count UTF-16 units, so an emoji would count twice.
const codePoints = (text: string) => [...text].length;

// PostgreSQL cannot store U+0000 and would answer an INSERT or a LIKE with an
// error; a lone UTF-16 surrogate would be stored as U+FFFD, not as sent. Both
// are refused here so that no such text reaches the database.
const storable = <Schema extends z.ZodType<string, string>>(schema: Schema, label: string) =>
  schema
    .refine((text) => !text.includes("\0"), `${label} must not contain NUL characters`)
    .refine((text) => text.isWellFormed(), `${label} must be valid Unicode text`);

const title = storable(
  z
    .string({ error: (issue) => (issue.input === undefined ? "Title is required" : "Title must be a string") })
    .trim()
    .refine((text) => text.length > 0, "Title is required")
    .refine((text) => codePoints(text) <= TITLE_MAX, `Title must be at most ${TITLE_MAX} characters`),
  "Title",
).meta({ description: "Trimmed; 1–200 characters", minLength: 1, maxLength: TITLE_MAX, examples: ["Buy milk"] });

const description = storable(
  z
    .string({ error: "Description must be a string or null" })
    .trim()
    .refine((text) => codePoints(text) <= DESCRIPTION_MAX, `Description must be at most ${DESCRIPTION_MAX} characters`),
  "Description",
)
  .transform((text) => (text === "" ? null : text))
  .nullable()
  .meta({
    description: "Trimmed; at most 1000 characters; an empty string is stored as null",
    maxLength: DESCRIPTION_MAX,
  });

const completed = z.boolean({ error: "Completed must be true or false" });

/** POST /api/tasks. Unknown fields (id, user_id, completed, timestamps…) are dropped. */
export const createTaskBody = z.object({ title, description: description.optional() });

/** PUT /api/tasks/{id}: title required; an absent description or completed stays as it is. */
export const replaceTaskBody = z.object({
  title,
  description: description.optional(),
  completed: completed.optional(),
});

/** PATCH /api/tasks/{id}: any subset; {} changes nothing. */
export const updateTaskBody = z.object({
  title: title.optional(),
  description: description.optional(),
  completed: completed.optional(),
});

/** PATCH /api/tasks/{id}/complete: sets with a value, toggles without. */
export const completeTaskBody = z.object({ completed: completed.optional() });

export const TASK_STATUSES = ["all", "pending", "completed"] as const;

/** GET /api/tasks query. */
export const listTasksQuery = z.object({
  status: z.enum(TASK_STATUSES, { error: "Status must be one of all, pending, completed" }).default("all"),
  q: storable(
    z
      .string()
      .refine(
        (text) => codePoints(text) >= 1 && codePoints(text) <= QUERY_MAX,
        `Search text must be 1–${QUERY_MAX} characters`,
      ),
    "Search text",
  )
    .optional()
    .meta({
      description: "Case-insensitive substring of the title or description",
      minLength: 1,
      maxLength: QUERY_MAX,
    }),
  limit: z.coerce
    .number({ error: "Limit must be a whole number from 1 to 100" })
    .int("Limit must be a whole number from 1 to 100")
    .min(1, "Limit must be a whole number from 1 to 100")
    .max(100, "Limit must be a whole number from 1 to 100")
    .default(50),
  cursor: z
    .string()
    .transform((text, ctx) => {
      const cursor = decodeCursor(text);
      if (!cursor) ctx.addIssue({ code: "custom", message: "Cursor is not valid" });
      return cursor ?? z.NEVER;
    })
    .optional()
    .meta({ description: "The next_cursor of the previous page; opaque" }),
});

/** A task as the API returns it: snake_case, ISO-8601 UTC timestamps. */
export const task = z.object({
  id: z.uuid(),
  user_id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  completed: z.boolean(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});

export type Task = z.infer<typeof task>;
export type CreateTaskInput = z.infer<typeof createTaskBody>;
export type ReplaceTaskInput = z.infer<typeof replaceTaskBody>;
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;
export type ListTasksQuery = z.infer<typeof listTasksQuery>;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskPage {
  data: Task[];
  next_cursor: string | null;
}
