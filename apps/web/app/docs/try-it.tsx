"use client";

import { type FormEvent, useId, useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { getApiToken } from "@/lib/api-token";
import styles from "./docs.module.css";

interface TryItProps {
  method: string;
  path: string;
  hasBody: boolean;
  authenticated: boolean;
}

interface Answer {
  status: number;
  headers: string;
  body: string;
}

/** Sends one real request and shows the raw answer, errors included. */
export function TryIt({ method, path, hasBody, authenticated }: TryItProps) {
  const id = useId();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // Before the script runs, sending would reload this page with the fields in its URL.
  const hydrated = useHydrated();
  const needsId = path.includes("{id}");

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    setSending(true);
    setProblem(null);
    try {
      const headers = new Headers();
      if (authenticated) {
        const token = await getApiToken().catch(() => null);
        if (token) headers.set("Authorization", `Bearer ${token}`);
      }
      const body = hasBody && text("body").trim() !== "" ? text("body") : null;
      if (body !== null) headers.set("Content-Type", "application/json");
      const query = text("query").replace(/^\?/, "");
      const url = path.replace("{id}", encodeURIComponent(text("id"))) + (query ? `?${query}` : "");
      const response = await fetch(url, { method: method.toUpperCase(), headers, body, cache: "no-store" });
      const shown = ["content-type", "location", "allow", "www-authenticate", "retry-after", "x-request-id"];
      setAnswer({
        status: response.status,
        headers: shown
          .flatMap((name) => (response.headers.has(name) ? [`${name}: ${response.headers.get(name)}`] : []))
          .join("\n"),
        body: await response.text(),
      });
    } catch {
      setProblem("The request could not be sent.");
    } finally {
      setSending(false);
    }
  }

  return (
    <details className={styles.tryIt}>
      <summary>Try it</summary>
      <form onSubmit={send} className={styles.tryForm}>
        {needsId && (
          <label htmlFor={`${id}-id`}>
            Task id
            <input id={`${id}-id`} name="id" required autoComplete="off" />
          </label>
        )}
        {method === "get" && path === "/api/tasks" && (
          <label htmlFor={`${id}-query`}>
            Query
            <input id={`${id}-query`} name="query" placeholder="status=pending&limit=10" autoComplete="off" />
          </label>
        )}
        {hasBody && (
          <label htmlFor={`${id}-body`}>
            JSON body
            <textarea
              id={`${id}-body`}
              name="body"
              rows={4}
              defaultValue={method === "patch" && path.endsWith("/complete") ? "" : '{"title": "Buy milk"}'}
            />
          </label>
        )}
        <button type="submit" className="button" disabled={sending || !hydrated}>
          {sending ? "Sending…" : `Send ${method.toUpperCase()}`}
        </button>
      </form>
      {problem && <p role="alert">{problem}</p>}
      {answer && (
        <output className={styles.answer} aria-live="polite">
          <strong>{answer.status}</strong>
          <pre>{answer.headers}</pre>
          <pre>{answer.body || "(empty body)"}</pre>
        </output>
      )}
    </details>
  );
}
