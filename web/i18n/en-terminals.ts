import type { jaTerminal } from './ja-terminals.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of terminals (issue 3). */
export const enTerminal: Shape<typeof jaTerminal> = {};
