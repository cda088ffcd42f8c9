"use client";

import { useEffect } from "react";
import { browserTimeZone, rememberTimeZone } from "@/lib/time-zone";

/**
 * Tells the server the browser's time zone as soon as any page's scripts run,
 * not only /tasks': the first /tasks a new browser gets (right after signing
 * up or in, or from the landing page) then counts "today" where the person
 * is, and agrees with what the browser shows next.
 */
export function RememberTimeZone(): null {
  useEffect(() => {
    rememberTimeZone(browserTimeZone());
  }, []);
  return null;
}
