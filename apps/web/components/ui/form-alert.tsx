"use client";

import type { ReactNode } from "react";
import { AlertIcon } from "./icons";

/** A problem with the whole form or action, announced as soon as it appears. */
export function FormAlert({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="alert" role="alert">
      <AlertIcon />
      <div className="alert-body">{children}</div>
      {action}
    </div>
  );
}
