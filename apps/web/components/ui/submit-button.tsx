"use client";

import type { ReactNode } from "react";

interface SubmitButtonProps {
  children: ReactNode;
  busy: boolean;
  className?: string;
}

/**
 * A form's main button. While busy it shows a spinner and refuses clicks, but
 * stays enabled (aria-disabled), so keyboard focus is not thrown off it; the
 * form's own handler ignores a second submit.
 */
export function SubmitButton({ children, busy, className = "button button-primary" }: SubmitButtonProps) {
  return (
    <button type="submit" className={className} aria-disabled={busy || undefined}>
      {busy ? <span className="spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}
