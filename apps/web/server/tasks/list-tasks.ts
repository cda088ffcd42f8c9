import "server-only";
import type { Prisma } from "@todo/db";
import { encodeCursor } from "@/lib/cursor";
import type { ListTasksQuery, TaskPage } from "@/lib/task-schemas";
import { getDb } from "../db";
import { invalidToken } from "../http/api-error";
import { userExists } from "./not-found";
import { toTaskDto } from "./to-task-dto";

/** One page of the user's tasks, newest first, continuing after `query.cursor`. */
export async function listTasks(userId: string, query: ListTasksQuery): Promise<TaskPage> {
  const where: Prisma.TaskWhereInput = { userId };
  if (query.status !== "all") where.completed = query.status === "completed";
  if (query.q) {
    const pattern = escapeLike(query.q);
    where.OR = [
      { title: { contains: pattern, mode: "insensitive" } },
      { description: { contains: pattern, mode: "insensitive" } },
    ];
  }
  if (query.cursor) {
    const { createdAt, id } = query.cursor;
    where.AND = { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
  }
  // One extra row tells whether another page follows.
  const rows = await getDb().task.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  // An empty first page may mean the token's user was deleted: that answers 401.
  if (!last && !query.cursor && !(await userExists(userId))) throw invalidToken();
  return {
    data: page.map(toTaskDto),
    next_cursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}

// `contains` becomes LIKE '%…%': the user's own % and _ must match literally.
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
