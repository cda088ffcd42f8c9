import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";
import { getAuth } from "@/server/auth/auth";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Verify your email" };

type SearchParams = { verified?: string; error?: string };

// Better Auth checks the e-mailed link and sends the browser here: with
// `verified=1`, plus `error=…` when the link was expired or not valid. After a
// sign-up that must be verified first, the form sends the person here to wait for it.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { verified, error } = await searchParams;
  const session = await getAuth().api.getSession({ headers: await headers() });
  const next = session ? (
    <Link href="/tasks" className="button button-primary">
      Continue to your tasks
    </Link>
  ) : (
    <Link href="/sign-in" className="button button-primary">
      Sign in
    </Link>
  );

  if (error !== undefined) {
    return (
      <>
        <div className={styles.heading}>
          <h1>This link no longer works</h1>
        </div>
        <div className="alert" role="alert">
          <div className="alert-body">
            A verification link works for 1 hour. This one has expired or is not valid.{" "}
            {session ? "Ask for a new one:" : "Sign in to get a new one."}
          </div>
        </div>
        {session?.user.emailVerified === false ? <ResendVerificationForm className={styles.footnote} /> : next}
      </>
    );
  }
  if (verified === "1") {
    return (
      <>
        <div className={styles.heading}>
          <h1>Email address verified</h1>
        </div>
        <p className="notice" role="status">
          Thank you: {session ? <strong>{session.user.email}</strong> : "your address"} is confirmed as yours.
        </p>
        {next}
      </>
    );
  }
  return (
    <>
      <div className={styles.heading}>
        <h1>Check your inbox</h1>
      </div>
      <p className="notice" role="status">
        We have sent you a link to verify your email address. Open it to finish creating your account; it works for 1
        hour. Nothing there after a few minutes? Check your spam folder, or sign in to get a new link.
      </p>
      <Link href="/sign-in" className="button button-secondary">
        Sign in
      </Link>
    </>
  );
}
