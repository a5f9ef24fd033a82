import type { jaPassword } from './ja-password.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** English messages of password (issue 3). */
export const enPassword: Shape<typeof jaPassword> = {};
