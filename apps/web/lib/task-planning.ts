// The planning vocabulary of the tasks API: priorities, list orders and due
// filters, shared by the schemas, the cursor codec, the server and the UI.

/** Lowest first: the order PostgreSQL's task_priority enum sorts in. */
export const TASK_PRIORITIES = ["none", "low", "medium", "high"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_SORTS = ["created", "due", "priority", "manual"] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const DUE_FILTERS = ["overdue", "today", "upcoming", "none"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/** How many days after today "upcoming" reaches. */
export const UPCOMING_DAYS = 7;

export const isTaskPriority = (value: string): value is TaskPriority =>
  (TASK_PRIORITIES as readonly string[]).includes(value);
export const isTaskSort = (value: string): value is TaskSort => (TASK_SORTS as readonly string[]).includes(value);
export const isDueFilter = (value: string): value is DueFilter => (DUE_FILTERS as readonly string[]).includes(value);
