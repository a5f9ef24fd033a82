/**
 * The HTTP contract of facilities — devices and media (A14, A30) (issue 11): inputs (zod) and views. Skeleton — the
 * server helper who owns it writes it first, for the web helper.
 */
export {};
