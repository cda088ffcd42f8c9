-- CreateEnum
CREATE TYPE "task_priority" AS ENUM ('none', 'low', 'medium', 'high');

-- AlterTable
-- Hand-written: Prisma adds "position" as TEXT NOT NULL, which a table with rows
-- refuses. It is added nullable, filled below, then made NOT NULL. COLLATE "C"
-- makes ORDER BY "position" (and its unique index) compare bytes, the order
-- fractional-indexing keys are made for. Prisma's schema cannot express it.
ALTER TABLE "task" ADD COLUMN     "due_date" DATE,
ADD COLUMN     "position" TEXT COLLATE "C",
ADD COLUMN     "priority" "task_priority" NOT NULL DEFAULT 'none';

-- Hand-written backfill: existing tasks keep their order (newest first = top)
-- as fractional-indexing integer keys "d0000", "d0001", … ("d" + four base-62
-- digits, up to 62^4 tasks per user: more would collide and fail the unique
-- index below, rolling the whole migration back).
UPDATE "task" AS t
SET "position" = 'd' || (
    SELECT string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', (r.n / power(62, p)::bigint % 62)::int + 1, 1), '' ORDER BY p DESC)
    FROM generate_series(0, 3) AS p
)
FROM (
    SELECT "id", row_number() OVER (PARTITION BY "user_id" ORDER BY "created_at" DESC, "id" DESC) - 1 AS n
    FROM "task"
) AS r
WHERE t."id" = r."id";

ALTER TABLE "task" ALTER COLUMN "position" SET NOT NULL;

-- CreateIndex
CREATE INDEX "task_user_id_due_date_created_at_id_idx" ON "task"("user_id", "due_date", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "task_user_id_priority_created_at_id_idx" ON "task"("user_id", "priority" DESC, "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "task_user_id_position_key" ON "task"("user_id", "position");

-- Hand-written: Prisma's schema cannot express CHECK constraints. A position is
-- a fractional-indexing key (a letter head, then base-62 digits), and a due date
-- keeps to four-digit years, so it always reads back as YYYY-MM-DD.
ALTER TABLE "task" ADD CONSTRAINT "task_position_key_format" CHECK ("position" ~ '^[A-Za-z][0-9A-Za-z]+$');
ALTER TABLE "task" ADD CONSTRAINT "task_due_date_four_digit_year" CHECK ("due_date" BETWEEN DATE '0001-01-01' AND DATE '9999-12-31');
