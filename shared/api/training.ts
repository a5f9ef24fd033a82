/** The HTTP contract of training (issue 10): zod schemas of inputs and views. */
export {};
