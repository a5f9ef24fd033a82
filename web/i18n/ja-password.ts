/** Japanese messages of password (issue 3): one top-level key of its own. en-password.ts has the same shape. */
export const jaPassword = {} as const;
