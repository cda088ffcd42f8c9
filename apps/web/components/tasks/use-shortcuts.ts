"use client";

import { useEffect, useRef } from "react";

const TASK_ROWS = 'ul[aria-label="Tasks"] > li[data-task-id]';
const NEW_TASK = 'form[aria-label="Add a task"] input[name="title"]';
const SEARCH = 'input[type="search"]';

// Keys typed into these are text, never shortcuts.
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.matches('textarea, select, input:not([type="checkbox"]):not([type="radio"]):not([type="button"])'));

/**
 * The list's keyboard shortcuts (listed in the dialog that `?` opens): n new
 * task, / search, j/k next/previous task, x toggle, e edit, Delete delete.
 * None fires while typing in a field or with a dialog open; Escape leaves the
 * field that n or / went to, back to where focus was.
 */
export function useShortcuts({ onHelp }: { onHelp: () => void }) {
  const onHelpRef = useRef(onHelp);
  onHelpRef.current = onHelp;

  useEffect(() => {
    let returnTo: HTMLElement | null = null;

    function jumpTo(selector: string) {
      const field = document.querySelector<HTMLElement>(selector);
      if (!field) return;
      returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      field.focus();
    }

    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (event.key === "Escape") {
        if (target instanceof HTMLElement && target.matches(`${NEW_TASK}, ${SEARCH}`)) {
          event.preventDefault();
          target.blur();
          if (returnTo?.isConnected) returnTo.focus();
          returnTo = null;
        }
        return;
      }
      if (isTyping(target) || document.querySelector("dialog[open]")) return;

      const rows = [...document.querySelectorAll<HTMLElement>(TASK_ROWS)];
      const current = rows.find((row) => row.contains(document.activeElement));
      const act = (selector: string) => () => current?.querySelector<HTMLElement>(selector)?.click();
      const actions = new Map<string, () => void>([
        ["?", () => onHelpRef.current()],
        ["n", () => jumpTo(NEW_TASK)],
        ["/", () => jumpTo(SEARCH)],
        ["j", () => focusRow(current ? rows[rows.indexOf(current) + 1] : rows[0])],
        ["k", () => focusRow(current ? rows[rows.indexOf(current) - 1] : rows.at(-1))],
        ["x", act('input[type="checkbox"]')],
        ["e", act('[data-shortcut="edit"]')],
        ["Delete", act('[data-shortcut="delete"]')],
      ]);
      const run = actions.get(event.key);
      if (!run) return;
      event.preventDefault();
      run();
    }

    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

function focusRow(row: HTMLElement | undefined) {
  row?.querySelector<HTMLElement>('input[type="checkbox"]')?.focus();
}
