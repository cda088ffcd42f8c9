// The changes feed's input and output shapes (see the API contract's sync
// sections), shared by the route, the UI's sync client and the OpenAPI document.
import * as z from "zod/mini";
import { decodeSyncCursor } from "./sync-cursor";
import { task } from "./task-schemas";

export const CHANGES_LIMIT_MAX = 1000;

const limitMessage = `Limit must be a whole number from 1 to ${CHANGES_LIMIT_MAX}`;

/** GET /api/tasks/changes (and the events stream's ?since=). */
export const changesQuery = z.object({
  since: z
    .optional(
      z.pipe(
        z.string(),
        z.transform((text: string, ctx) => {
          const cursor = decodeSyncCursor(text);
          if (!cursor) ctx.issues.push({ code: "custom", input: text, message: "Sync cursor is not valid" });
          return cursor ?? z.NEVER;
        }),
      ),
    )
    .check(
      z.meta({ description: "The next_since of the previous answer; opaque. Absent: start from every live task" }),
    ),
  limit: z._default(
    z.coerce
      .number({ error: limitMessage })
      .check(z.int(limitMessage), z.gte(1, limitMessage), z.lte(CHANGES_LIMIT_MAX, limitMessage)),
    100,
  ),
});

/** A task that was deleted since the cursor. */
export const deletedTask = z.object({ id: z.uuid(), deleted: z.literal(true) });

/** A change: the whole task as it is now, or its deletion. */
export const taskChange = z.union([task, deletedTask]);

export const changesPage = z.object({
  data: z.array(taskChange),
  next_since: z.string(),
  has_more: z.boolean(),
});

export type ChangesQuery = z.infer<typeof changesQuery>;
export type TaskChange = z.infer<typeof taskChange>;
export type ChangesPage = z.infer<typeof changesPage>;
