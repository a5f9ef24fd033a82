/**
 * The HTTP contract of facilities — server rooms (A32, A33) (issue 11): inputs (zod) and views. Skeleton — the
 * server helper who owns it writes it first, for the web helper.
 */
export {};
