import type { Metadata } from "next";
import { SignUpForm } from "@/components/auth/sign-up-form";
import styles from "../auth.module.css";
import { nextPathOrRedirect } from "../signed-in-redirect";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = await nextPathOrRedirect(searchParams);
  return (
    <>
      <div className={styles.heading}>
        <h1 id="sign-up-title">Create your account</h1>
        <p>It takes a few seconds, and your tasks stay yours.</p>
      </div>
      <SignUpForm next={next} />
    </>
  );
}
