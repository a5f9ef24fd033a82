/** The HTTP contract of oversight (issue 10): zod schemas of inputs and views. */
export {};
