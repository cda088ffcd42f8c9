import type { Metadata } from "next";
import Link from "next/link";
import { getEnv } from "@/server/env";
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";
import styles from "./docs.module.css";
import { TryIt } from "./try-it";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown; description?: string }>;
  requestBody?: { content: { "application/json": { schema: object } } };
  responses: Record<string, { description: string }>;
}

// `security: []` marks an operation open to anyone.
const needsToken = (operation: Operation) => (operation.security?.length ?? 0) > 0;

// /docs — the API reference, rendered from the same OpenAPI document as
// /api/openapi.json, with a "Try it" panel that calls the live API.
export default function DocsPage() {
  const document = buildOpenApiDocument(getEnv().BETTER_AUTH_URL);
  const schemas: Record<string, unknown> = document.components.schemas;
  const operations = Object.entries(document.paths).flatMap(([path, item]) => {
    const shared = "parameters" in item ? item.parameters : [];
    const record: Partial<Record<(typeof METHODS)[number], Operation>> = item;
    return METHODS.flatMap((method) => {
      const operation = record[method];
      return operation ? [{ path, method, operation, parameters: [...shared, ...(operation.parameters ?? [])] }] : [];
    });
  });

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <h1>{document.info.title}</h1>
        <p>{document.info.description}</p>
        <p>
          Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). “Try it” sends real
          requests with your session&apos;s token — <Link href="/sign-in?next=/docs">sign in</Link> first to reach your
          own tasks.
        </p>
      </header>
      {operations.map(({ path, method, operation, parameters }) => {
        const bodySchema = operation.requestBody?.content["application/json"].schema;
        return (
          <section key={`${method} ${path}`} className={styles.operation} aria-labelledby={`${method}-${path}`}>
            <h2 id={`${method}-${path}`} className={styles.title}>
              <span className={`${styles.method} ${styles[method]}`}>{method.toUpperCase()}</span>
              <code>{path}</code>
            </h2>
            {operation.summary && <p>{operation.summary}</p>}
            {operation.description && <p className={styles.muted}>{operation.description}</p>}
            {needsToken(operation) && <p className={styles.muted}>Needs a Bearer token.</p>}
            {parameters.length > 0 && (
              <table className={styles.table}>
                <caption>Parameters</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">In</th>
                    <th scope="col">Schema</th>
                  </tr>
                </thead>
                <tbody>
                  {parameters.map((parameter) => (
                    <tr key={parameter.name}>
                      <td>
                        <code>{parameter.name}</code>
                        {parameter.required ? " (required)" : ""}
                      </td>
                      <td>{parameter.in}</td>
                      <td>
                        <code>{JSON.stringify(parameter.schema)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {bodySchema && (
              <details className={styles.schema}>
                <summary>Request body</summary>
                <pre>{JSON.stringify(resolve(bodySchema, schemas), null, 2)}</pre>
              </details>
            )}
            <details className={styles.schema}>
              <summary>Responses</summary>
              <ul>
                {Object.entries(operation.responses).map(([status, response]) => (
                  <li key={status}>
                    <code>{status}</code> {response.description}
                  </li>
                ))}
              </ul>
            </details>
            <TryIt
              method={method}
              path={path}
              hasBody={bodySchema !== undefined}
              authenticated={needsToken(operation)}
            />
          </section>
        );
      })}
    </main>
  );
}

function resolve(schema: object, schemas: Record<string, unknown>): unknown {
  if ("$ref" in schema && typeof schema.$ref === "string") return schemas[schema.$ref.split("/").at(-1) ?? ""];
  return schema;
}
