import "server-only";
import { Prisma } from "@todo/db";

/** The task columns under the names of Prisma's Task model, for raw queries that return whole tasks. */
export const TASK_COLUMNS = Prisma.sql`"id", "user_id" AS "userId", "title", "description", "completed",
  "due_date" AS "dueDate", "priority", "position", "created_at" AS "createdAt", "updated_at" AS "updatedAt", "version"`;
