import { z } from 'zod';
import type { PublicEntryView } from '../../../../shared/api/register.ts';

/** The public search (as e-Gov searches its register): free text and by field, kind and unit. */
export const publicQuery = z.object({
  q: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
  department: z.string().max(200).optional(),
  purpose: z.string().max(200).optional(),
  items: z.string().max(200).optional(),
  kind: z.enum(['', 'computer', 'manual']).optional(),
  unit: z.union([z.literal(''), z.uuid()]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});
export type PublicQuery = z.infer<typeof publicQuery>;

/** Full-width and half-width, upper and lower case alike: 「ＡＢＣ」 finds "abc", 「ｶﾞｸｾｷ」 finds 「ガクセキ」. */
export const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** Each word of a query must occur (AND), as people type them with spaces. */
const words = (s: string | undefined): string[] =>
  fold(s ?? '')
    .split(/\s+/)
    .filter(Boolean);

const everything = (e: PublicEntryView): string =>
  [
    e.name,
    e.unitName,
    e.department,
    e.purpose,
    ...e.recordItems,
    e.recordRange,
    e.collectionMethod,
    e.regularRecipients,
    e.requestOffice,
    e.specialProcedures,
    e.anonProposalOffice,
    e.anonInfoSummary,
    e.anonInfoOffice,
    e.anonInfoPeriod,
    e.remarks,
  ].join('\n');

export function search(
  entries: PublicEntryView[],
  q: PublicQuery,
  unitOf: (entryId: string) => string | undefined,
): PublicEntryView[] {
  const tests: [string[], (e: PublicEntryView) => string][] = [
    [words(q.q), everything],
    [words(q.name), (e) => e.name],
    [words(q.department), (e) => `${e.unitName}\n${e.department}`],
    [words(q.purpose), (e) => e.purpose],
    [words(q.items), (e) => e.recordItems.join('\n')],
  ];
  const active = tests.filter(([w]) => w.length > 0);
  return entries.filter(
    (e) =>
      (!q.kind || e.kind === q.kind) &&
      (!q.unit || unitOf(e.id) === q.unit) &&
      active.every(([w, text]) => {
        const t = fold(text(e));
        return w.every((word) => t.includes(word));
      }),
  );
}
