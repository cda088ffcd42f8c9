import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi-document";

const REDOCLY = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
}

/** Redocly's `recommended` rules on `document`, run offline in an empty folder (no config, no ignore file). */
function lint(document: object): LintReport & { problemLines: string[] } {
  const folder = mkdtempSync(join(tmpdir(), "todo-openapi-"));
  try {
    writeFileSync(join(folder, "openapi.json"), JSON.stringify(document, null, 2));
    const args = ["lint", "openapi.json", "--extends", "recommended", "--format", "json", "--lint-config", "off"];
    const { stdout, stderr } = spawnSync(process.execPath, [REDOCLY, ...args], {
      cwd: folder,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" },
    });
    expect(stdout, stderr).toMatch(/^\{/);
    const report: LintReport = JSON.parse(stdout);
    const problemLines = report.problems.map(
      ({ severity, ruleId, message, location }) => `${severity} ${ruleId} at ${location[0]?.pointer}: ${message}`,
    );
    return { ...report, problemLines };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe("the OpenAPI document", () => {
  // As deployed: a development server's document names localhost, which the
  // rules rightly warn about in a published document.
  const document = buildOpenApiDocument("https://todo.app.test");

  it("passes Redocly's recommended rules without an error or a warning", () => {
    const { totals, problemLines } = lint(document);
    expect(problemLines).toEqual([]);
    expect(totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });

  it("is linted for real: a public operation without security is an error", () => {
    const { security: _declared, ...ping } = document.paths["/api/ping"].get;
    const { problemLines } = lint({ ...document, paths: { ...document.paths, "/api/ping": { get: ping } } });
    expect(problemLines).toEqual([
      "error security-defined at #/paths/~1api~1ping/get: Every operation should have security defined on it or on the root level.",
    ]);
  });
});
