/** Japanese messages of sso (issue 3): one top-level key of its own. en-sso.ts has the same shape. */
export const jaSso = {} as const;
