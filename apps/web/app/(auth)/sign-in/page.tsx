import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "../auth.module.css";
import { nextPathOrRedirect } from "../signed-in-redirect";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<{ next?: string | string[]; reset?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const next = await nextPathOrRedirect(searchParams);
  const passwordReset = (await searchParams).reset === "done";
  return (
    <>
      <div className={styles.heading}>
        <h1 id="sign-in-title">Welcome back</h1>
        <p>Sign in to see your tasks.</p>
      </div>
      {passwordReset ? (
        <p className="notice" role="status">
          Your password has been changed. Sign in with the new one.
        </p>
      ) : null}
      <SignInForm next={next} />
    </>
  );
}
