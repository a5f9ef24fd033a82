import { z } from 'zod';
import { approvalView } from './approvals.ts';
import { purposeCode } from './vault.ts';

/**
 * Disposal of held personal information (issue 7, A15; ADR 0008 §7): records or a whole file by
 * cryptographic erasure (their data keys destroyed), media by a physical or overwriting method;
 * approved, witnessed, certified. Retention holds (a 法人文書 within its period) block disposal
 * unless the approval is an exception decided by the 総括保護管理者.
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** How electronic records are disposed: their data keys destroyed, so no copy of the data opens. */
export const ERASURE_METHODS = ['crypto_erasure'] as const;
/** How a medium (USB memory, disc, paper, disk) is disposed (A15: 復元又は判読が不可能な方法). */
export const MEDIUM_METHODS = [
  'shredding',
  'degaussing',
  'physical_destruction',
  'secure_overwrite',
  'incineration',
  'dissolution',
] as const;
export const DISPOSAL_METHODS = [...ERASURE_METHODS, ...MEDIUM_METHODS] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

export const DISPOSAL_KINDS = ['dispose_records', 'dispose_file', 'dispose_medium'] as const;
export type DisposalKind = (typeof DISPOSAL_KINDS)[number];

/** An exception to a retention hold: why the record must go before its period ends (A15). */
const retentionException = z
  .object({ reason: text(1000) })
  .strict()
  .nullable()
  .default(null);

const common = {
  witnessId: id,
  plannedOn: isoDate,
  reason: text(2000),
};

/** A request to dispose: records of a file, a whole file, or a medium. */
export const disposalRequestInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('dispose_records'),
      fileId: id,
      purpose: purposeCode,
      recordIds: z.array(id).min(1).max(1000),
      method: z.enum(ERASURE_METHODS).default('crypto_erasure'),
      retentionException,
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('dispose_file'),
      fileId: id,
      purpose: purposeCode,
      method: z.enum(ERASURE_METHODS).default('crypto_erasure'),
      retentionException,
      ...common,
    })
    .strict(),
  z
    .object({
      kind: z.literal('dispose_medium'),
      mediumId: id,
      method: z.enum(MEDIUM_METHODS),
      ...common,
    })
    .strict(),
]);
export type DisposalRequestInput = z.input<typeof disposalRequestInput>;

/**
 * The act: an approved request carried out, the executor confirming the witness is present. Without
 * a request it is refused (approval.required): every disposal needs one (A15, rules' minimums).
 */
export const disposalExecuteInput = z
  .object({ requestId: id.optional(), witnessPresent: z.literal(true) })
  .strict();
export type DisposalExecuteInput = z.input<typeof disposalExecuteInput>;

export const disposalListQuery = z
  .object({ fileId: id.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) })
  .strict();

/** What the request form needs to know of a file before asking (A15 retention). */
export const disposalFileFacts = z.object({
  fileId: z.string(),
  fileName: z.string(),
  unitId: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  retentionYears: z.number().nullable(),
  retentionBasis: z.string(),
  /** Who decides: records' and files' disposal by their levels (A15). */
  levels: z.object({
    dispose_records: z.string(),
    dispose_file: z.string(),
  }),
  /** Records that can still be disposed, and how many of them are within the retention period. */
  records: z.number(),
  held: z.number(),
  /** The first day every record now held is out of its retention period (null: none held). */
  heldUntil: z.string().nullable(),
});
export type DisposalFileFacts = z.infer<typeof disposalFileFacts>;

export const disposalView = z.object({
  id: z.string(),
  /** The certificate's number: D2026-000001. */
  number: z.string(),
  kind: z.enum(['records', 'file', 'medium']),
  requestId: z.string(),
  requestNumber: z.string(),
  unitId: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  mediumId: z.string().nullable(),
  mediumLabel: z.string().nullable(),
  records: z.number(),
  method: z.string(),
  witnessId: z.string().nullable(),
  witnessName: z.string().nullable(),
  executedBy: z.string(),
  executedByName: z.string(),
  executedAt: z.string(),
  approvedByName: z.string().nullable(),
  actingForName: z.string().nullable(),
  retentionException: z.boolean(),
  certificateSha256: z.string().nullable(),
});
export type DisposalView = z.infer<typeof disposalView>;
export const disposalListView = z.object({ disposals: z.array(disposalView) });

/** The caller's approved disposal requests waiting to be carried out (the execute step). */
export const disposalReadyView = z.object({ requests: z.array(approvalView) });
