-- AlterTable
ALTER TABLE "api_rate_limit" ADD COLUMN "window_end" BIGINT;

-- Hand-written: rows from before this column do not say how long their window
-- was. A day outlasts the windows in use (an hour at most by default), so none
-- of them is purged while it can still decide a request.
UPDATE "api_rate_limit" SET "window_end" = "window_start" + 86400000;
ALTER TABLE "api_rate_limit" ALTER COLUMN "window_end" SET NOT NULL;

-- CreateIndex
CREATE INDEX "api_rate_limit_window_end_idx" ON "api_rate_limit"("window_end");
