/** Japanese messages of terminals (issue 3): one top-level key of its own. en-terminals.ts has the same shape. */
export const jaTerminal = {} as const;
