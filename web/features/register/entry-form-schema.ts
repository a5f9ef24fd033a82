import { z } from 'zod';
import { entryFields, type EntryFields } from '../../../shared/api/register.ts';
import { ENTRY_RULES } from '../../../shared/register-rules.ts';

/**
 * The entry form's values: the shared schema of an entry (shared/api/register.ts), with lists typed one
 * per line, yes/no as radio values and the period as text; checked by the same rules as the server
 * (shared/register-rules.ts), with the same messages (by error code).
 */
const lines = (max: number, min: number) =>
  z
    .string()
    .transform((s) =>
      s
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(200)).min(min).max(max));
const yesNo = z.enum(['true', 'false']).transform((v) => v === 'true');

export const entryForm = entryFields
  .extend({
    // The section holding the file (shown when registering a new file, fixed afterwards).
    unitId: z.uuid({ message: 'i18n:validation.choose' }),
    sectionId: z.uuid({ message: 'i18n:validation.choose' }),
    recordItems: lines(200, 1),
    linkedSystems: lines(50, 0),
    sensitive: yesNo,
    rei20Para7: yesNo,
    anonProposalsInvited: yesNo,
    retentionYears: z
      .string()
      .trim()
      .regex(/^\d{0,3}$/, { message: 'i18n:validation.format' })
      .transform((v) => (v === '' ? null : Number(v)))
      .pipe(z.number().int().min(1).max(100).nullable()),
  })
  .superRefine((f, ctx) => {
    // The server's rules (shared/register-rules.ts), shown next to their field with the same message.
    for (const rule of ENTRY_RULES)
      if (rule.broken(f)) ctx.addIssue({ code: 'custom', path: [rule.field], message: `error:${rule.code}` });
  });
export type EntryFormInput = z.input<typeof entryForm>;
export type EntryFormOutput = z.output<typeof entryForm>;
export type EntryFormField = keyof EntryFormInput;

/** The form's starting values: an existing entry's, or a new entry's (kind 電算処理, published). */
export function formValues(
  f: EntryFields | null,
  owner: { unitId: string; sectionId: string },
): EntryFormInput {
  const yes = (b: boolean | undefined) => (b ? 'true' : 'false');
  return {
    ...owner,
    name: f?.name ?? '',
    department: f?.department ?? '',
    purpose: f?.purpose ?? '',
    recordItems: (f?.recordItems ?? []).join('\n'),
    recordRange: f?.recordRange ?? '',
    collectionMethod: f?.collectionMethod ?? '',
    sensitive: f ? yes(f.sensitive) : ('' as 'true'),
    regularRecipients: f?.regularRecipients ?? '',
    requestOffice: f?.requestOffice ?? '',
    specialProcedures: f?.specialProcedures ?? '',
    kind: f?.kind ?? 'computer',
    rei20Para7: yes(f?.rei20Para7),
    anonProposalsInvited: yes(f?.anonProposalsInvited),
    anonProposalOffice: f?.anonProposalOffice ?? '',
    anonInfoSummary: f?.anonInfoSummary ?? '',
    anonInfoOffice: f?.anonInfoOffice ?? '',
    anonInfoPeriod: f?.anonInfoPeriod ?? '',
    remarks: f?.remarks ?? '',
    sensitivity: f?.sensitivity ?? 'ordinary',
    importance: f?.importance ?? 'medium',
    myNumber: f?.myNumber ?? false,
    exemption: f?.exemption ?? 'none',
    exemptionNote: f?.exemptionNote ?? '',
    historical: f?.historical ?? false,
    retentionBasis: f?.retentionBasis ?? '',
    retentionYears: f?.retentionYears ? String(f.retentionYears) : '',
    linkedSystems: (f?.linkedSystems ?? []).join('\n'),
  };
}
