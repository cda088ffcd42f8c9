"use client";

import { FormAlert } from "@/components/ui/form-alert";
import styles from "./tasks.module.css";

// Shown when the server could not render the list (database down, for example).
export default function TasksError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <div className={styles.page}>
      <main id="main" className={styles.main}>
        <FormAlert
          action={
            <button type="button" className="button button-secondary button-small" onClick={retry}>
              Try again
            </button>
          }
        >
          We couldn't load your tasks just now. Please try again in a moment.
        </FormAlert>
      </main>
    </div>
  );
}
