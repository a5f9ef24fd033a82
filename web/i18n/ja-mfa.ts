/** Japanese messages of mfa (issue 3): one top-level key of its own. en-mfa.ts has the same shape. */
export const jaMfa = {} as const;
