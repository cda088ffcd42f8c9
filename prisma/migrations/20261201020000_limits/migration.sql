-- AlterTable
ALTER TABLE "user" ADD COLUMN     "task_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "api_rate_limit" (
    "key" TEXT NOT NULL,
    "window_start" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("key","window_start")
);

-- Hand-written: user.task_count is the user's number of tasks, kept by the
-- database itself so that every insert and delete (one task, clearing many,
-- a cascade) counts. Creating a task locks the user's row and checks it
-- against the quota in the same statement (server/tasks/create-task.ts).
UPDATE "user" AS u SET "task_count" = counted.n
FROM (SELECT "user_id", count(*)::integer AS n FROM "task" GROUP BY "user_id") AS counted
WHERE u."id" = counted."user_id";

CREATE FUNCTION "task_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user" AS u SET "task_count" = u."task_count" + added.n
  FROM (SELECT "user_id", count(*)::integer AS n FROM inserted GROUP BY "user_id") AS added
  WHERE u."id" = added."user_id";
  RETURN NULL;
END $$;

CREATE FUNCTION "task_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "user" AS u SET "task_count" = u."task_count" - removed.n
  FROM (SELECT "user_id", count(*)::integer AS n FROM deleted GROUP BY "user_id") AS removed
  WHERE u."id" = removed."user_id";
  RETURN NULL;
END $$;

CREATE TRIGGER "task_count_on_insert" AFTER INSERT ON "task"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "task_count_inserted"();
CREATE TRIGGER "task_count_on_delete" AFTER DELETE ON "task"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "task_count_deleted"();

ALTER TABLE "user" ADD CONSTRAINT "user_task_count_not_negative" CHECK ("task_count" >= 0);
