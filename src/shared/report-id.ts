// A report id's shape, without zod: the CLI's flag checks and the store's path guard use it before (or without)
// loading the report schema, so `--version`, `explain` and `diagnose` start without zod's cost.

/** Letters, digits, - and _; starts with a letter or digit; at most 80 characters (a file name on every OS). */
export const REPORT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/;
