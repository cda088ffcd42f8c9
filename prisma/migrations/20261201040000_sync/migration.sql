-- AlterTable
ALTER TABLE "task" ADD COLUMN     "change_xid" BIGINT NOT NULL DEFAULT ((pg_current_xact_id())::text)::bigint,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "task_tombstone" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "change_xid" BIGINT NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_tombstone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_purge_horizon" (
    "user_id" TEXT NOT NULL,
    "purged_through" BIGINT NOT NULL,

    CONSTRAINT "sync_purge_horizon_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "idempotency_key" (
    "user_id" TEXT NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_key_pkey" PRIMARY KEY ("user_id","key")
);

-- CreateIndex
CREATE INDEX "task_user_id_change_xid_id_idx" ON "task"("user_id", "change_xid", "id");

-- CreateIndex
CREATE INDEX "task_tombstone_user_id_change_xid_id_idx" ON "task_tombstone"("user_id", "change_xid", "id");

-- CreateIndex
CREATE INDEX "task_tombstone_deleted_at_idx" ON "task_tombstone"("deleted_at");

-- CreateIndex
CREATE INDEX "idempotency_key_created_at_idx" ON "idempotency_key"("created_at");

-- AddForeignKey
ALTER TABLE "task_tombstone" ADD CONSTRAINT "task_tombstone_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_purge_horizon" ADD CONSTRAINT "sync_purge_horizon_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the changes feed (apps/web/server/sync/read-changes.ts).
--
-- Every write of a task stamps the row with its transaction's id (xid8 as a
-- bigint), and every delete leaves a tombstone stamped the same way. A reader
-- only returns rows whose transaction id is below its snapshot's xmin: every
-- transaction below xmin has finished, so nothing can later appear below that
-- point, and xmin becomes the next cursor. A transaction that took its id
-- earlier but commits later is still running at the read, so it is at or
-- above xmin and is read next time: out-of-order commits are never skipped.
-- The version is bumped here too, so that every path that updates a task
-- (including ones added later) changes its ETag.
CREATE FUNCTION "task_stamp_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."change_xid" := pg_current_xact_id()::text::bigint;
  NEW."version" := CASE WHEN TG_OP = 'UPDATE' THEN OLD."version" + 1 ELSE 1 END;
  RETURN NEW;
END $$;

CREATE TRIGGER "task_stamp_change" BEFORE INSERT OR UPDATE ON "task"
  FOR EACH ROW EXECUTE FUNCTION "task_stamp_change"();

-- Tombstones for every delete path (one task, clearing many). A cascade from a
-- deleted user leaves none: the user (and so every reader) is gone.
CREATE FUNCTION "task_tombstone_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "task_tombstone" ("id", "user_id", "change_xid", "deleted_at")
  SELECT d."id", d."user_id", pg_current_xact_id()::text::bigint, now()
  FROM deleted AS d
  WHERE EXISTS (SELECT 1 FROM "user" AS u WHERE u."id" = d."user_id");
  PERFORM pg_notify('task_changes', changed."user_id") FROM (SELECT DISTINCT "user_id" FROM deleted) AS changed;
  RETURN NULL;
END $$;

CREATE TRIGGER "task_tombstone_on_delete" AFTER DELETE ON "task"
  REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "task_tombstone_deleted"();

-- Live updates: one notification per user and transaction (PostgreSQL folds
-- repeats), delivered at commit to every server process that LISTENs.
CREATE FUNCTION "task_notify_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('task_changes', changed."user_id") FROM (SELECT DISTINCT "user_id" FROM changed_rows) AS changed;
  RETURN NULL;
END $$;

CREATE TRIGGER "task_notify_on_insert" AFTER INSERT ON "task"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_notify_changed"();
CREATE TRIGGER "task_notify_on_update" AFTER UPDATE ON "task"
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_notify_changed"();
