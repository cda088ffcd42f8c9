"use client";

import { Dialog } from "../ui/dialog";
import dialogStyles from "../ui/dialog.module.css";
import styles from "./shortcuts-dialog.module.css";

const SHORTCUTS: Array<[string, string]> = [
  ["n", "New task"],
  ["/", "Search"],
  ["j", "Next task"],
  ["k", "Previous task"],
  ["x", "Complete or reopen the task"],
  ["e", "Edit the task"],
  ["Delete", "Delete the task"],
  ["Escape", "Leave the field, editor or dialog"],
  ["?", "These shortcuts"],
];

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} titleId="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <p>They work anywhere on this page except while typing in a field.</p>
      <dl className={styles.list}>
        {SHORTCUTS.map(([key, action]) => (
          <div key={key} className={styles.row}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
      <div className={dialogStyles.actions}>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
