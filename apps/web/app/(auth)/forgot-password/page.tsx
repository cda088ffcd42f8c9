import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Forgot password" };

// After a request the page says the same thing whatever the address: it never
// tells whether an account exists.
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
  if ((await searchParams).sent === "1") {
    return (
      <>
        <div className={styles.heading}>
          <h1>Check your inbox</h1>
        </div>
        <p className="notice" role="status">
          If an account uses that address, we have sent it a link to choose a new password. The link works once, for 1
          hour. Nothing there after a few minutes? Check your spam folder, or ask again (at most 3 links an hour).
        </p>
        <p className={styles.footnote}>
          <Link href="/forgot-password">Send another link</Link> · <Link href="/sign-in">Back to sign in</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <div className={styles.heading}>
        <h1 id="forgot-password-title">Forgot your password?</h1>
        <p>Enter your email address and we will send you a link to choose a new one.</p>
      </div>
      <ForgotPasswordForm />
    </>
  );
}
