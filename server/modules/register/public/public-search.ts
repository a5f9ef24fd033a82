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

/** An entry with its searchable texts folded once (a search then only compares). */
export interface Indexed {
  entry: PublicEntryView;
  all: string;
  name: string;
  department: string;
  purpose: string;
  items: string;
}

export const indexEntries = (entries: PublicEntryView[]): Indexed[] =>
  entries.map((e) => ({
    entry: e,
    all: fold(everything(e)),
    name: fold(e.name),
    department: fold(`${e.unitName}\n${e.department}`),
    purpose: fold(e.purpose),
    items: fold(e.recordItems.join('\n')),
  }));

export function search(index: Indexed[], q: PublicQuery): PublicEntryView[] {
  const tests: [string[], keyof Omit<Indexed, 'entry'>][] = [
    [words(q.q), 'all'],
    [words(q.name), 'name'],
    [words(q.department), 'department'],
    [words(q.purpose), 'purpose'],
    [words(q.items), 'items'],
  ];
  const active = tests.filter(([w]) => w.length > 0);
  const out: PublicEntryView[] = [];
  for (const x of index)
    if (
      (!q.kind || x.entry.kind === q.kind) &&
      (!q.unit || x.entry.unitId === q.unit) &&
      active.every(([w, field]) => w.every((word) => x[field].includes(word)))
    )
      out.push(x.entry);
  return out;
}
