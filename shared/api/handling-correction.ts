import { z } from 'zod';
import { FIELD_KEY } from '../vault/field-types.ts';
import { purposeCode } from './vault.ts';

/**
 * Correction of errors in held information (issue 7, A13): anyone who reads a record reports an
 * error in it; the 保護管理者 instructs (approves the 'correction' request) or dismisses it; a person
 * with the update permission corrects it. The report's words and the values before and after are
 * personal data: they travel only in request and answer bodies and are kept sealed under the record's
 * own data key, never in URLs, the log or mail.
 */
const id = z.uuid();
const fieldKey = z.string().regex(FIELD_KEY, 'field_key');

export const CORRECTION_STATUSES = [
  'reported', // waiting for the 保護管理者
  'instructed', // the 保護管理者 instructed the correction (A13)
  'checking', // corrected in an important file: waits for the second person's check (A26)
  'corrected',
  'dismissed', // the 保護管理者 found nothing to correct
  'withdrawn',
  'expired',
] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const correctionReportInput = z
  .object({
    fileId: id,
    recordId: id,
    /** The purpose the reporter was working for when they found the error (A11-3). */
    purpose: purposeCode,
    fields: z.array(fieldKey).min(1).max(50),
    description: z.string().trim().max(2000),
  })
  .strict();
export type CorrectionReportInput = z.input<typeof correctionReportInput>;

export const correctionApplyInput = z
  .object({
    /** The approved 'correction' request: the 保護管理者's instruction. */
    requestId: id,
    purpose: purposeCode,
    values: z.record(fieldKey, z.unknown()),
  })
  .strict();
export type CorrectionApplyInput = z.input<typeof correctionApplyInput>;

export const correctionListQuery = z.object({
  /** mine: reported by me; file: of one file; managed: of the sections I manage. */
  box: z.enum(['mine', 'file', 'managed']).default('mine'),
  fileId: id.optional(),
  status: z.enum(CORRECTION_STATUSES).optional(),
});

export const correctionView = z.object({
  id,
  fileId: id,
  fileName: z.string(),
  recordId: id,
  fields: z.array(z.object({ key: z.string(), label: z.string() })),
  status: z.enum(CORRECTION_STATUSES),
  reportedBy: id,
  reportedByName: z.string(),
  reportedAt: z.string(),
  requestId: id.nullable(),
  requestNumber: z.string().nullable(),
  requestStatus: z.string().nullable(),
  /** The 保護管理者's comment on deciding: what to correct, or why nothing is. */
  decisionComment: z.string().nullable(),
  decidedByName: z.string().nullable(),
  correctedByName: z.string().nullable(),
  correctedAt: z.string().nullable(),
  /** What the caller may do now. */
  canApply: z.boolean(),
  canReadReport: z.boolean(),
  canReadChange: z.boolean(),
});
export type CorrectionView = z.infer<typeof correctionView>;
export const correctionListView = z.object({ corrections: z.array(correctionView) });

/** The report's words, opened for one reader (logged as an access, A22-1). */
export const correctionReportView = z.object({ id, description: z.string() });

const value = z.union([z.string(), z.number(), z.object({ postalCode: z.string(), address: z.string() })]);

/** The values before and after a correction (A13), opened for one reader (logged as an access). */
export const correctionChangeView = z.object({
  id,
  fields: z.array(
    z.object({ key: z.string(), label: z.string(), before: value.nullable(), after: value.nullable() }),
  ),
  /** Fields corrected whose values the reader may not see (My Numbers outside A7の2). */
  masked: z.array(z.string()),
});
export type CorrectionChangeView = z.infer<typeof correctionChangeView>;
