/**
 * The HTTP contract of facilities — backups (A27) (issue 11): inputs (zod) and views. Skeleton — the
 * server helper who owns it writes it first, for the web helper.
 */
export {};
