import { z } from 'zod';

/** Third parties (issue 9; A17–A19): the HTTP contract of contracts. Written by issue 9's work. */
export const provisionContractsPlaceholder = z.object({});
