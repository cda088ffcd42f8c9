// One zod schema per input and output shape of the tasks API, shared by the
// route handlers, the UI's forms, the OpenAPI document and the tests. Written
// with zod/mini rather than the whole of zod, and loaded by the browser only
// when a form or an answer is checked (import()), so no page loads it first.
import * as z from "zod/mini";
import { isCalendarDate, isTimeZone } from "./calendar-date";
import { decodeCursor } from "./cursor";
import { DESCRIPTION_MAX, QUERY_MAX, TITLE_MAX } from "./task-limits";
import { DUE_FILTERS, type DueFilter, isDueFilter, TASK_PRIORITIES, TASK_SORTS } from "./task-planning";

// Lengths count Unicode code points, as PostgreSQL's varchar does; zod's own
// min/max count UTF-16 units, so an emoji would count twice.
const codePoints = (text: string) => [...text].length;

// PostgreSQL cannot store U+0000 and would answer an INSERT or a LIKE with an
// error; a lone UTF-16 surrogate would be stored as U+FFFD, not as sent. Both
// are refused here so that no such text reaches the database.
const storable = (label: string) => [
  z.refine<string>((text) => !text.includes("\0"), `${label} must not contain NUL characters`),
  z.refine<string>((text) => text.isWellFormed(), `${label} must be valid Unicode text`),
];

const title = z
  .string({ error: (issue) => (issue.input === undefined ? "Title is required" : "Title must be a string") })
  .check(
    z.trim(),
    z.refine((text) => text.length > 0, "Title is required"),
    z.refine((text) => codePoints(text) <= TITLE_MAX, `Title must be at most ${TITLE_MAX} characters`),
    ...storable("Title"),
    z.meta({ description: "Trimmed; 1–200 characters", minLength: 1, maxLength: TITLE_MAX, examples: ["Buy milk"] }),
  );

const description = z
  .nullable(
    z.pipe(
      z.string({ error: "Description must be a string or null" }).check(
        z.trim(),
        z.refine(
          (text) => codePoints(text) <= DESCRIPTION_MAX,
          `Description must be at most ${DESCRIPTION_MAX} characters`,
        ),
        ...storable("Description"),
      ),
      z.transform((text: string) => (text === "" ? null : text)),
    ),
  )
  .check(
    z.meta({
      description: "Trimmed; at most 1000 characters; an empty string is stored as null",
      maxLength: DESCRIPTION_MAX,
    }),
  );

const completed = z.boolean({ error: "Completed must be true or false" });

const dueDate = z
  .nullable(
    z
      .string({ error: "Due date must be a date (YYYY-MM-DD) or null" })
      .check(z.refine(isCalendarDate, "Due date must be a real date written YYYY-MM-DD")),
  )
  .check(
    z.meta({
      description: "A calendar date (no time, no zone), or null for none",
      format: "date",
      examples: ["2026-12-24"],
    }),
  );

const priority = z.enum(TASK_PRIORITIES, { error: "Priority must be one of none, low, medium, high" });

/** The planning fields POST, PUT and PATCH accept; absent leaves them as they are (or at their defaults). */
const planning = { due_date: z.optional(dueDate), priority: z.optional(priority) };

/** POST /api/tasks. Unknown fields (id, user_id, completed, timestamps…) are dropped. */
export const createTaskBody = z.object({ title, description: z.optional(description), ...planning });

/** PUT /api/tasks/{id}: title required; an absent description or completed stays as it is. */
export const replaceTaskBody = z.object({
  title,
  description: z.optional(description),
  completed: z.optional(completed),
  ...planning,
});

/** PATCH /api/tasks/{id}: any subset; {} changes nothing. */
export const updateTaskBody = z.object({
  title: z.optional(title),
  description: z.optional(description),
  completed: z.optional(completed),
  ...planning,
});

/** PATCH /api/tasks/{id}/complete: sets with a value, toggles without. */
export const completeTaskBody = z.object({ completed: z.optional(completed) });

/** POST /api/tasks/{id}/move: right after `after_id`, or first when it is null or absent. */
export const moveTaskBody = z.object({
  after_id: z
    .optional(
      z.nullable(
        z.pipe(
          z.uuid({ error: "After id must be a task id or null" }),
          z.transform((id: string) => id.toLowerCase()),
        ),
      ),
    )
    .check(z.meta({ description: "The task to follow in the manual order; null (or absent) moves the task first" })),
});

export const TASK_STATUSES = ["all", "pending", "completed"] as const;

// `due` takes one value or several, comma-separated ("overdue,today" is the
// Today view): a set of days, each value adding its own.
const dueFilters = z
  .pipe(
    z.string(),
    z.transform((text: string, ctx): DueFilter[] => {
      const values = [...new Set(text.split(","))];
      if (values.every(isDueFilter)) return values;
      ctx.issues.push({
        code: "custom",
        input: text,
        message: `Due must be ${DUE_FILTERS.join(", ")}, or several of them comma-separated`,
      });
      return z.NEVER;
    }),
  )
  .check(
    z.meta({
      description:
        "overdue (before today), today, upcoming (the 7 days after today), none (no due date); several may be comma-separated, e.g. overdue,today",
      examples: ["today", "overdue,today"],
    }),
  );

const limitMessage = "Limit must be a whole number from 1 to 100";

/** GET /api/tasks query. */
export const listTasksQuery = z
  .object({
    status: z._default(z.enum(TASK_STATUSES, { error: "Status must be one of all, pending, completed" }), "all"),
    q: z
      .optional(
        z.string().check(
          z.refine(
            (text) => codePoints(text) >= 1 && codePoints(text) <= QUERY_MAX,
            `Search text must be 1–${QUERY_MAX} characters`,
          ),
          ...storable("Search text"),
        ),
      )
      .check(
        z.meta({
          description: "Case-insensitive substring of the title or description",
          minLength: 1,
          maxLength: QUERY_MAX,
        }),
      ),
    limit: z._default(
      z.coerce
        .number({ error: limitMessage })
        .check(z.int(limitMessage), z.gte(1, limitMessage), z.lte(100, limitMessage)),
      50,
    ),
    cursor: z
      .optional(
        z.pipe(
          z.string(),
          z.transform((text: string, ctx) => {
            const cursor = decodeCursor(text);
            if (!cursor) ctx.issues.push({ code: "custom", input: text, message: "Cursor is not valid" });
            return cursor ?? z.NEVER;
          }),
        ),
      )
      .check(z.meta({ description: "The next_cursor of the previous page, with the same sort; opaque" })),
    sort: z
      ._default(z.enum(TASK_SORTS, { error: "Sort must be one of created, due, priority, manual" }), "created")
      .check(
        z.meta({
          description:
            "created: newest first. due: earliest due first, undated last. priority: high to none. manual: by position. Ties: newest first",
        }),
      ),
    due: z.optional(dueFilters),
    tz: z
      ._default(z.string().check(z.refine(isTimeZone, "Time zone must be an IANA name such as Europe/Paris")), "UTC")
      .check(z.meta({ description: "The IANA time zone whose date is today, for due", examples: ["Europe/Paris"] })),
  })
  .check(
    z.superRefine((query, ctx) => {
      if (query.cursor && query.cursor.sort !== query.sort) {
        ctx.addIssue({ code: "custom", path: ["cursor"], message: "Cursor belongs to another sort" });
      }
    }),
  );

/** A task as the API returns it: snake_case, ISO-8601 UTC timestamps. */
export const task = z.object({
  id: z.uuid(),
  user_id: z.string(),
  title: z.string(),
  description: z.nullable(z.string()),
  completed: z.boolean(),
  due_date: z.nullable(z.iso.date()),
  priority,
  position: z
    .string()
    .check(z.meta({ description: "The place in the manual order: ascending byte order is top to bottom" })),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  version: z
    .int()
    .check(z.positive(), z.meta({ description: "1 on creation, +1 per change; the ETag is its value, quoted" })),
});

/** The answers that carry one task, a page of them (GET /api/tasks), or how many POST /api/tasks/clear deleted. */
export const taskEnvelope = z.object({ data: task });
export const taskPage = z.object({ data: z.array(task), next_cursor: z.nullable(z.string()) });
export const clearedTasks = z.object({ deleted: z.number() });

export type Task = z.infer<typeof task>;
export type TaskPage = z.infer<typeof taskPage>;
export type CreateTaskInput = z.infer<typeof createTaskBody>;
export type ReplaceTaskInput = z.infer<typeof replaceTaskBody>;
export type UpdateTaskInput = z.infer<typeof updateTaskBody>;
export type ListTasksQuery = z.infer<typeof listTasksQuery>;
export type MoveTaskInput = z.infer<typeof moveTaskBody>;
export type TaskStatus = (typeof TASK_STATUSES)[number];
