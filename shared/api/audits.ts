/** The HTTP contract of audits (issue 10): zod schemas of inputs and views. */
export {};
