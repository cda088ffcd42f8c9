import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { VerifyEmailNotice } from "@/components/auth/verify-email-notice";
import { TaskBoard } from "@/components/tasks/task-board";
import { Brand } from "@/components/ui/brand";
import { withNextPath } from "@/lib/safe-next-path";
import { parseTaskFilter, TASK_PAGE_SIZE, taskFilterHref, taskListQuery } from "@/lib/task-filter";
import { listTasksQuery } from "@/lib/task-schemas";
import { TIME_ZONE_COOKIE, timeZoneFromCookie } from "@/lib/time-zone";
import { getAuth } from "@/server/auth/auth";
import { remindsLater } from "@/server/auth/verify-email-later";
import { loadTaskBoard } from "@/server/tasks/load-task-board";
import styles from "./tasks.module.css";

export const metadata: Metadata = { title: "My tasks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Rendered on the server with the first page, so the list is there on first paint.
export default async function TasksPage({ searchParams }: { searchParams: SearchParams }) {
  const filter = parseTaskFilter(await searchParams);
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) redirect(withNextPath("/sign-in", taskFilterHref(filter)));

  const { id: userId, name, email, emailVerified } = session.user;
  // The zone the browser said last time, so "today" here is the browser's today.
  const timeZone = timeZoneFromCookie((await cookies()).get(TIME_ZONE_COOKIE)?.value);
  const query = listTasksQuery.parse({ ...taskListQuery(filter), tz: timeZone, limit: TASK_PAGE_SIZE });
  const { page, counts } = await loadTaskBoard(userId, query);
  const askToVerify = !emailVerified && !(await remindsLater(userId));

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Brand href="/tasks" />
          <div className={styles.account}>
            <span className={styles.user}>
              <span className={styles.name}>{name}</span>
              <span className={styles.email}>{email}</span>
            </span>
            <Link href="/settings" className="button button-ghost button-small">
              Settings
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className={styles.main}>
        {askToVerify ? <VerifyEmailNotice email={email} /> : null}
        <TaskBoard
          initialFilter={filter}
          initialPage={page}
          initialCounts={counts}
          timeZone={timeZone}
          userId={userId}
        />
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerRow}>
          <span>
            Signed in as <strong>{email}</strong>
          </span>
        </div>
      </footer>
    </div>
  );
}
