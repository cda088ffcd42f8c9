"use client";

import { useEffect, useRef } from "react";
import { UndoIcon } from "../ui/icons";
import styles from "./undo-toast.module.css";

interface UndoToastProps {
  message: string | null;
  onUndo: () => void;
  /** The pointer or focus came onto the toast (true) or left it (false). */
  onHold: (held: boolean) => void;
}

/**
 * "Deleted “Buy milk”. Undo" for as long as the deletion waits. The live
 * region is always in the page, so screen readers announce each message.
 */
export function UndoToast({ message, onUndo, onHold }: UndoToastProps) {
  const on = useRef({ pointer: false, focus: false });
  // A new toast starts unheld: the old one may have gone with the pointer still on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per message
  useEffect(() => {
    on.current = { pointer: false, focus: false };
  }, [message]);
  function hold(by: "pointer" | "focus", held: boolean) {
    on.current[by] = held;
    onHold(on.current.pointer || on.current.focus);
  }
  return (
    <div
      className={styles.region}
      role="status"
      onPointerEnter={() => hold("pointer", true)}
      onPointerLeave={() => hold("pointer", false)}
      onFocus={() => hold("focus", true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) hold("focus", false);
      }}
    >
      {message ? (
        <div className={styles.toast}>
          <span>{message}</span>
          <button type="button" className={`button button-small ${styles.undo}`} onClick={onUndo}>
            <UndoIcon />
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );
}
