import type { ReactNode } from "react";
import { Brand } from "@/components/ui/brand";
import styles from "./auth.module.css";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <Brand />
      </header>
      <main id="main" className={styles.main}>
        <div className={`card ${styles.card}`}>{children}</div>
      </main>
    </div>
  );
}
