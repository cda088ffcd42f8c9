// The tasks API's length limits, in Unicode code points, apart from the
// schemas (task-schemas.ts) so that the UI can show them without loading zod.
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 1000;
export const QUERY_MAX = 200;
