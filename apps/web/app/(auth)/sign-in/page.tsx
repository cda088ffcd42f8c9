import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";
import styles from "../auth.module.css";
import { nextPathOrRedirect } from "../signed-in-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = await nextPathOrRedirect(searchParams);
  return (
    <>
      <div className={styles.heading}>
        <h1 id="sign-in-title">Welcome back</h1>
        <p>Sign in to see your tasks.</p>
      </div>
      <SignInForm next={next} />
    </>
  );
}
