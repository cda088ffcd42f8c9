// The web build bundles packages/db's TypeScript sources itself (the package
// has no build of its own), so turbo sees them only through the "transit"
// task; without it a cached build would serve yesterday's database code.
import { execFileSync } from "node:child_process";
import { expect, it } from "vitest";
import { root } from "./database";

interface DryRun {
  tasks: { taskId: string; dependencies: string[]; inputs: Record<string, string> }[];
}

it("hashes packages/db's sources, and not its tests, into the web build", () => {
  const dryRun: DryRun = JSON.parse(
    execFileSync("npx", ["turbo", "run", "build", "--filter=@todo/web", "--dry=json"], {
      cwd: root,
      encoding: "utf8",
    }),
  );
  const task = (id: string) => dryRun.tasks.find(({ taskId }) => taskId === id);
  expect(task("@todo/web#build")?.dependencies).toContain("@todo/db#transit");
  const inputs = Object.keys(task("@todo/db#transit")?.inputs ?? {});
  expect(inputs).toEqual(expect.arrayContaining(["src/client.ts", "src/pool.ts", "src/statement-names.ts"]));
  expect(inputs.filter((file) => file.endsWith(".test.ts"))).toEqual([]);
});
