"use client";

import { type ReactNode, useEffect, useRef } from "react";
import styles from "./dialog.module.css";

interface DialogProps {
  open: boolean;
  /** Called when the person dismisses it (Escape) or it closes for any other reason. */
  onClose: () => void;
  titleId: string;
  descriptionId?: string;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: the browser traps focus, makes the page
 * behind it inert, closes it on Escape and puts focus back afterwards.
 */
export function Dialog({ open, onClose, titleId, descriptionId, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      // Escape: tell the owner at once, so a key pressed right after is not
      // swallowed by a close that React has not heard of yet.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // The close event comes later, as a task: if the dialog was opened again
      // meanwhile, it is stale.
      onClose={() => {
        if (!ref.current?.open) onClose();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
