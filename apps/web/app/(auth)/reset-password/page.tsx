import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import styles from "../auth.module.css";

export const metadata: Metadata = { title: "Choose a new password" };

type SearchParams = Promise<{ token?: string | string[]; error?: string | string[] }>;

// The e-mailed link goes to Better Auth, which checks the token and sends the
// browser here with `?token=…`, or with `?error=INVALID_TOKEN` when it is used or expired.
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token, error } = await searchParams;
  if (typeof token !== "string" || token === "" || error !== undefined) {
    return (
      <>
        <div className={styles.heading}>
          <h1>This link no longer works</h1>
        </div>
        <div className="alert" role="alert">
          <div className="alert-body">
            A reset link works once, for 1 hour after it was sent. This one has expired, was already used, or is
            incomplete.
          </div>
        </div>
        <Link href="/forgot-password" className="button button-primary">
          Send a new link
        </Link>
      </>
    );
  }
  return (
    <>
      <div className={styles.heading}>
        <h1 id="reset-password-title">Choose a new password</h1>
        <p>Every device signed in to your account will be signed out.</p>
      </div>
      <ResetPasswordForm token={token} />
    </>
  );
}
