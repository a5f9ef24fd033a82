/** The HTTP contract of compliance (issue 10): zod schemas of inputs and views. */
export {};
