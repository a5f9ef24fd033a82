/**
 * The HTTP contract of facilities — information systems (A23, A24, A28) (issue 11): inputs (zod) and views. Skeleton — the
 * server helper who owns it writes it first, for the web helper.
 */
export {};
