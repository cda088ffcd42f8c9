"use client";

import { useEffect, useRef, useState } from "react";

/** How long an Undo is offered. */
export const UNDO_MS = 5000;

/** An operation as the next page can send it again: a task's deletion, or clearing completed tasks. */
export type UnsentOperation = { kind: "delete"; id: string } | { kind: "clear" };

/**
 * What the page before this one sent as it went: still unanswered, or
 * answered in a way that does not say it was refused ("sent": done, perhaps
 * after this page was rendered, or its answer lost on the way).
 */
export type LeftBehind = UnsentOperation | { kind: "sent" };

/** How a sent operation ended: only "refused" (the server said no) means that nothing was done. */
export type CommitOutcome = "done" | "refused" | "unknown";

const UNSENT_KEY = "todo.unsent-deletion";
const SEND_NOW_EVENT = "todo:send-pending";

/** Sends a deletion still waiting for its Undo now, while the session that can send it lasts (sign-out). */
export function sendPendingNow(): void {
  window.dispatchEvent(new Event(SEND_NOW_EVENT));
}

export type UndoableOperation = UnsentOperation & {
  /** What happened, as the toast says it: "Deleted “Buy milk”." */
  message: string;
  /** Sends the change to the server (`keepalive` when the page is going away). */
  commit: (keepalive: boolean) => Promise<CommitOutcome>;
  /** Puts back what the screen took away; nothing was sent. */
  undo: () => void;
};

/**
 * Deletions wait 5 seconds on this side before they are sent, so Undo gives
 * back exactly what was there (same id, position, everything) without any
 * restore API. The server only ever sees one whole DELETE or clear, or none:
 * when the page is left (reload, link, close) or hidden meanwhile, the request
 * goes at once with `keepalive`, which lets it outlive the page. It is also
 * noted in sessionStorage, and then its answer: the server may render the
 * next page before it has done it, so that page sends it again while no
 * answer has come, and reloads its list unless the server refused it (see
 * takeUnsent). The note names `userId`: only that account's next page acts on
 * it, never another person's who signs in in the same tab.
 */
export function useUndoable(userId: string) {
  const [toast, setToast] = useState<{ id: number; message: string } | null>(null);
  const pending = useRef<{ id: number; operation: UndoableOperation; timer: number } | null>(null);
  const counter = useRef(0);

  function take() {
    const current = pending.current;
    if (!current) return null;
    pending.current = null;
    window.clearTimeout(current.timer);
    setToast((shown) => (shown?.id === current.id ? null : shown));
    return current.operation;
  }

  /** Sends the pending operation now (optionally only one of `kind`). */
  function settle(kind?: UndoableOperation["kind"], keepalive = false): void {
    if (kind && pending.current?.operation.kind !== kind) return;
    const operation = take();
    if (!operation) return;
    const unsent: UnsentOperation =
      operation.kind === "delete" ? { kind: "delete", id: operation.id } : { kind: "clear" };
    if (!keepalive) {
      void operation.commit(false);
      return;
    }
    const note = JSON.stringify({ ...unsent, user: userId });
    sessionStorage.setItem(UNSENT_KEY, note);
    void operation.commit(true).then((outcome) => {
      // A later operation's note is left alone.
      if (sessionStorage.getItem(UNSENT_KEY) !== note) return;
      // Unless refused, the note stays: this page may be a moment from being replaced.
      if (outcome === "refused") sessionStorage.removeItem(UNSENT_KEY);
      else sessionStorage.setItem(UNSENT_KEY, JSON.stringify({ kind: "sent", user: userId }));
    });
  }

  function schedule(operation: UndoableOperation): void {
    settle();
    counter.current += 1;
    const id = counter.current;
    pending.current = { id, operation, timer: window.setTimeout(() => settle(), UNDO_MS) };
    setToast({ id, message: operation.message });
  }

  function undo(): void {
    take()?.undo();
  }

  /**
   * While the pointer or focus is on the toast, the time to undo stands still
   * (WCAG 2.2.1), and it starts over when they leave.
   */
  function hold(held: boolean): void {
    const current = pending.current;
    if (!current) return;
    window.clearTimeout(current.timer);
    if (!held) current.timer = window.setTimeout(() => settle(), UNDO_MS);
  }

  // A ref holds the latest settle, so the listeners (added once) never call a stale one.
  const settleRef = useRef(settle);
  settleRef.current = settle;
  useEffect(() => {
    const leave = () => settleRef.current(undefined, true);
    const hidden = () => {
      if (document.visibilityState === "hidden") leave();
    };
    // beforeunload comes before a reload or link asks for the next page, pagehide
    // and visibilitychange where it does not fire (mobile browsers, bfcache).
    window.addEventListener("beforeunload", leave);
    window.addEventListener("pagehide", leave);
    window.addEventListener(SEND_NOW_EVENT, leave);
    document.addEventListener("visibilitychange", hidden);
    return () => {
      window.removeEventListener("beforeunload", leave);
      window.removeEventListener("pagehide", leave);
      window.removeEventListener(SEND_NOW_EVENT, leave);
      document.removeEventListener("visibilitychange", hidden);
      // Leaving the page inside the app (a link): send it, do not drop it.
      leave();
    };
  }, []);

  return { toast, schedule, undo, settle, hold };
}

export type Undoable = ReturnType<typeof useUndoable>;

/**
 * What the previous page sent as it closed (and whether it saw an answer),
 * once (then forgotten), if that page was `userId`'s.
 */
export function takeUnsent(userId: string): LeftBehind | null {
  const text = sessionStorage.getItem(UNSENT_KEY);
  sessionStorage.removeItem(UNSENT_KEY);
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || !("kind" in value)) return null;
    if (!("user" in value) || value.user !== userId) return null;
    if (value.kind === "clear" || value.kind === "sent") return { kind: value.kind };
    if (value.kind === "delete" && "id" in value && typeof value.id === "string")
      return { kind: "delete", id: value.id };
  } catch {
    // Not ours, or damaged: nothing to send.
  }
  return null;
}
