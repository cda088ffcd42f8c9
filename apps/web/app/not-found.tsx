import type { Metadata } from "next";
import Link from "next/link";
import { Brand } from "@/components/ui/brand";
import styles from "./landing.module.css";

export const metadata: Metadata = { title: "Page not found" };

// Next's built-in 404 carries an inline <style> that the pages' strict CSP blocks.
export default function NotFound() {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand />
      </header>
      <main id="main" className={styles.main}>
        <h1 className={styles.title}>Page not found</h1>
        <p className={styles.lead}>There is nothing at this address. Your tasks are where you left them.</p>
        <div className={styles.actions}>
          <Link href="/tasks" className="button button-primary">
            Go to my tasks
          </Link>
          <Link href="/" className="button button-secondary">
            Home
          </Link>
        </div>
      </main>
    </div>
  );
}
