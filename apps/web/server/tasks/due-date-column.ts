/**
 * A wire due date as Prisma writes a DATE column: midnight UTC of that day
 * (the column keeps only the date). undefined stays undefined: "unchanged".
 */
export function dueDateColumn(dueDate: string | null | undefined): Date | null | undefined {
  if (dueDate === undefined || dueDate === null) return dueDate;
  return new Date(`${dueDate}T00:00:00.000Z`);
}
