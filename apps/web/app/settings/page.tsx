import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChangeEmailForm } from "@/components/settings/change-email-form";
import { ChangeNameForm } from "@/components/settings/change-name-form";
import { ChangePasswordForm } from "@/components/settings/change-password-form";
import { DeleteAccountButton } from "@/components/settings/delete-account-button";
import { SessionList, type SessionSummary } from "@/components/settings/session-list";
import sectionStyles from "@/components/settings/settings.module.css";
import { Brand } from "@/components/ui/brand";
import { describeDevice } from "@/lib/describe-device";
import { withNextPath } from "@/lib/safe-next-path";
import { SESSION_ACTIVITY_SECONDS, sessionActivity } from "@/lib/session-activity";
import { settingsOutcome } from "@/lib/settings-outcome";
import { getAuth } from "@/server/auth/auth";
import styles from "./settings.module.css";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const requestHeaders = await headers();
  const auth = getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) redirect(withNextPath("/sign-in", "/settings"));
  const { user } = session;
  const outcome = settingsOutcome((await searchParams).done);
  const now = new Date();
  // This device first, then the most recently used: Better Auth stamps updatedAt
  // on use, at most once per SESSION_ACTIVITY_SECONDS.
  const isCurrent = (each: { id: string }) => each.id === session.session.id;
  const sessions: SessionSummary[] = (await auth.api.listSessions({ headers: requestHeaders }))
    .toSorted((a, b) => Number(isCurrent(b)) - Number(isCurrent(a)) || b.updatedAt.getTime() - a.updatedAt.getTime())
    .map((each) => ({
      id: each.id,
      device: describeDevice(each.userAgent),
      activity: sessionActivity(each.updatedAt, now, isCurrent(each)),
      current: isCurrent(each),
    }));

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div className={styles.bar}>
          <Brand href="/tasks" />
          <nav className={styles.nav} aria-label="Account">
            <Link href="/tasks" className="button button-ghost button-small">
              My tasks
            </Link>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main id="main" className={styles.main}>
        <h1>Settings</h1>
        {outcome ? (
          <p className="notice" role="status">
            {outcome}
          </p>
        ) : null}

        <section className={`card ${sectionStyles.section}`} aria-labelledby="name-title">
          <h2 id="name-title">Name</h2>
          <ChangeNameForm name={user.name} />
        </section>

        <section className={`card ${sectionStyles.section}`} aria-labelledby="email-title">
          <h2 id="email-title">Email address</h2>
          <p>
            Now: <strong>{user.email}</strong> {user.emailVerified ? "(verified)" : "(not verified yet)"}
          </p>
          {user.emailVerified ? null : <ResendVerificationForm className={sectionStyles.actions} />}
          <ChangeEmailForm />
        </section>

        <section className={`card ${sectionStyles.section}`} aria-labelledby="password-title">
          <h2 id="password-title">Password</h2>
          <ChangePasswordForm />
        </section>

        <section className={`card ${sectionStyles.section}`} aria-labelledby="sessions-title">
          <h2 id="sessions-title">Where you are signed in</h2>
          <SessionList sessions={sessions} />
          <p className={sectionStyles.hint}>
            A device is active when it opens a page here or renews its access to your tasks (every 15 minutes while the
            app is open); times are accurate to {SESSION_ACTIVITY_SECONDS / 60} minutes. A device you sign out can still
            use the tasks API for up to 15 minutes with a token it already holds.
          </p>
        </section>

        <section className={`card ${sectionStyles.section}`} aria-labelledby="delete-title">
          <h2 id="delete-title">Delete account</h2>
          <p>Your account and all of your tasks are deleted for good.</p>
          <div className={sectionStyles.actions}>
            <DeleteAccountButton />
          </div>
        </section>
      </main>
    </div>
  );
}
