// npm run db:migrate — applies pending migrations to DATABASE_URL or the local database.
import { migrate, openDatabase } from "./database";
import { fail } from "./fail";

try {
  const database = await openDatabase(process.env);
  try {
    const applied = await migrate(database.url);
    console.log(applied.length ? `Applied migrations: ${applied.join(", ")}` : "Database schema is up to date");
  } finally {
    await database.stop();
  }
} catch (error) {
  fail("db:migrate", error);
}
