"use client";

import type { ReactNode } from "react";

interface CharacterCountProps {
  value: string;
  max: number;
  /** What to show while the text is well within its limit. */
  fallback?: ReactNode;
}

/** "180/200" once a text nears its limit, in the danger colour past it. */
export function CharacterCount({ value, max, fallback = null }: CharacterCountProps) {
  // Code points of the trimmed text, as the API counts them.
  const length = [...value.trim()].length;
  if (length < max * 0.8) return fallback;
  return (
    <span className={length > max ? "field-hint-over" : undefined}>
      {length}/{max}
    </span>
  );
}
