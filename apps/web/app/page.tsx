import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Brand } from "@/components/ui/brand";
import { CheckIcon } from "@/components/ui/icons";
import { getAuth } from "@/server/auth/auth";
import styles from "./landing.module.css";

const FEATURES = [
  "Add, edit and complete tasks in a blink",
  "Filter and search as your list grows",
  "Private to you: nobody else sees your tasks",
];

export default async function HomePage({ searchParams }: { searchParams: Promise<{ account?: string | string[] }> }) {
  // Request headers first: that marks the page as dynamic before anything reads the configuration.
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (session) redirect("/tasks");
  const accountDeleted = (await searchParams).account === "deleted";

  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand />
        <Link href="/sign-in" className="button button-ghost button-small">
          Sign in
        </Link>
      </header>
      <main id="main" className={styles.main}>
        {accountDeleted ? (
          <p className="notice" role="status">
            Your account and all of its tasks have been deleted.
          </p>
        ) : null}
        <h1 className={styles.title}>A calm place for the things you need to do.</h1>
        <p className={styles.lead}>Todo keeps your tasks in one simple list that is yours alone.</p>
        <div className={styles.actions}>
          <Link href="/sign-up" className="button button-primary">
            Sign up
          </Link>
          <Link href="/sign-in" className="button button-secondary">
            Sign in
          </Link>
        </div>
        <ul className={styles.features}>
          {FEATURES.map((feature) => (
            <li key={feature}>
              <CheckIcon />
              {feature}
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}
