import type { jaSso } from './ja-sso.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of sso (issue 3). */
export const enSso: Shape<typeof jaSso> = {};
