import type { jaMfa } from './ja-mfa.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of mfa (issue 3). */
export const enMfa: Shape<typeof jaMfa> = {};
