"use client";

import { useFormStatus } from "react-dom";
import { revokeOtherSessions, revokeSession } from "@/app/settings/actions";
import { forgetApiToken } from "@/lib/api-token";
import styles from "./settings.module.css";

export interface SessionSummary {
  id: string;
  /** Browser and system in words, e.g. "Firefox on Windows". */
  device: string;
  /** When it was last used, in words ("Active now", "Last active 2 hours ago"). */
  activity: string;
  current: boolean;
}

/**
 * The devices signed in to the account, each with its own "Sign out". Plain
 * forms: they work before hydration. API tokens already handed to a signed-out
 * device stay valid until they expire (15 minutes; see the README); this
 * browser drops the one it holds.
 */
export function SessionList({ sessions }: { sessions: SessionSummary[] }) {
  const others = sessions.filter((session) => !session.current).length;
  return (
    <>
      <ul className={styles.sessions} aria-label="Signed-in devices">
        {sessions.map((session) => (
          <li key={session.id} className={styles.session}>
            <div className={styles.device}>
              <strong>
                {session.device} {session.current ? <span className={styles.current}>This device</span> : null}
              </strong>
              <span>{session.activity}</span>
            </div>
            {session.current ? null : (
              <form action={revokeSession} onSubmit={() => forgetApiToken()}>
                <input type="hidden" name="sessionId" value={session.id} />
                <PendingButton label={`Sign out ${session.device}, ${session.activity.toLowerCase()}`}>
                  Sign out
                </PendingButton>
              </form>
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <form action={revokeOtherSessions} onSubmit={() => forgetApiToken()}>
          <PendingButton>Sign out everywhere else</PendingButton>
        </form>
      ) : null}
    </>
  );
}

function PendingButton({ children, label }: { children: string; label?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className="button button-secondary button-small"
      aria-label={label}
      aria-disabled={pending || undefined}
    >
      {children}
    </button>
  );
}
