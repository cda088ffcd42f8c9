-- CreateTable
CREATE TABLE "attempt_log" (
    "key" TEXT NOT NULL,
    "times" BIGINT[],
    "last_allowed" BOOLEAN NOT NULL,

    CONSTRAINT "attempt_log_pkey" PRIMARY KEY ("key")
);
