"use client";

import { type FormEvent, useEffect, useId, useState } from "react";
import { QUERY_MAX } from "@/lib/task-limits";
import { SearchIcon } from "../ui/icons";
import styles from "./task-search.module.css";

const DEBOUNCE_MS = 300;

interface TaskSearchProps {
  /** The search in the URL. */
  value: string;
  onSearch: (q: string) => void;
}

/** Searches as the person types (after a short pause), or at once on Enter. */
export function TaskSearch({ value, onSearch }: TaskSearchProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);

  // The URL changed under us (back button, "clear search"): show its text.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (text.trim() !== value) onSearch(text.trim());
  }

  return (
    <search className={styles.search}>
      <form onSubmit={handleSubmit}>
        <label htmlFor={id} className="visually-hidden">
          Search tasks
        </label>
        <SearchIcon className={styles.icon} />
        <input
          id={id}
          className={`input ${styles.input}`}
          type="search"
          name="q"
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search tasks"
          maxLength={QUERY_MAX}
          autoComplete="off"
        />
      </form>
    </search>
  );
}
