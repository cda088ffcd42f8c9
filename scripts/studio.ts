// npm run db:studio — Prisma Studio on DATABASE_URL or the local database.
import { spawn } from "node:child_process";
import { openDatabase, root } from "./database";
import { fail } from "./fail";

try {
  const database = await openDatabase(process.env);
  const studio = spawn("npx", ["prisma", "studio"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: database.url },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => studio.kill(signal));
  const code = await new Promise<number>((resolve) => studio.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await database.stop();
  process.exit(code);
} catch (error) {
  fail("db:studio", error);
}
