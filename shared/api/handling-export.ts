import { z } from 'zod';
import { FIELD_KEY } from '../vault/field-types.ts';
import { purposeCode } from './vault.ts';

/**
 * Copies taken out of the vault (issue 7; A12(1), A24の2): an export request names the file, the
 * purpose (A11-3), the records and fields (within the grant, A11-1), the format and how long the
 * copy may live. The archive is AES-256 encrypted; its password is shown once and never stored.
 * Nothing here carries a held person's data: ids, keys of fields, numbers and dates.
 */
const id = z.uuid();

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A temporary copy lives at most two weeks (A24の2); a week unless asked otherwise. */
export const EXPORT_MAX_DAYS = 14;
export const EXPORT_DEFAULT_DAYS = 7;
/** Days after expiry within which the holder confirms the deletion of local copies (A24の2). */
export const EXPORT_CONFIRM_DAYS = 3;

export const exportSpec = z
  .object({
    fileId: id,
    purpose: purposeCode,
    /** Null: every record the grant reaches; otherwise the chosen records. */
    recordIds: z.array(id).min(1).max(5000).nullable().default(null),
    fields: z.array(z.string().regex(FIELD_KEY, 'field_key')).min(1).max(200),
    format: z.enum(EXPORT_FORMATS),
    days: z.number().int().min(1).max(EXPORT_MAX_DAYS).default(EXPORT_DEFAULT_DAYS),
    reason: z.string().trim().min(1).max(2000),
    /**
     * A recipient outside the organisation (a party of the register, issue 9): the copy is then a
     * provision, allowed only under an approved, active provision of the file to that party (A18).
     */
    partyId: id.nullable().default(null),
  })
  .strict();
export type ExportSpec = z.input<typeof exportSpec>;

/** The act: with an approved request (what was approved is what is made), or, where the file's rules need none, the spec itself. */
export const exportMakeInput = z.union([z.object({ requestId: id }).strict(), exportSpec]);
export type ExportMakeInput = z.input<typeof exportMakeInput>;

export const exportOptionsQuery = z.object({ fileId: id, purpose: purposeCode.optional() });

export const exportOptionsView = z.object({
  fileId: z.string(),
  fileName: z.string(),
  /** What the file's rules ask of an export (A12 「その内容に応じて」). */
  requirement: z.enum(['none', 'protection_manager', 'chief_protection_manager']),
  purposes: z.array(z.object({ code: z.string(), label: z.string(), myNumberAct: z.boolean() })),
  purpose: z.string(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      sensitivity: z.enum(['normal', 'sensitive', 'my_number']),
      /** May this person copy it (grant, reveal, My Number rules)? */
      allowed: z.boolean(),
    }),
  ),
  maxDays: z.number(),
  defaultDays: z.number(),
  /** The parties with an active provision of this file today (A18), and the record items it allows. */
  recipients: z.array(
    z.object({
      partyId: z.string(),
      partyName: z.string(),
      provisionId: z.string(),
      provisionNumber: z.string(),
      items: z.array(z.string()),
    }),
  ),
});
export type ExportOptionsView = z.infer<typeof exportOptionsView>;

export const exportRequestedView = z.object({
  requestId: z.string(),
  number: z.string(),
  level: z.string(),
  status: z.string(),
});
export type ExportRequestedView = z.infer<typeof exportRequestedView>;

export const EXPORT_STATES = ['available', 'expired', 'deleted'] as const;
export const CONFIRMATIONS = ['not_needed', 'pending', 'overdue', 'confirmed'] as const;

export const exportView = z.object({
  id: z.string(),
  requestId: z.string(),
  number: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  holderId: z.string(),
  holderName: z.string(),
  format: z.enum(EXPORT_FORMATS),
  archiveName: z.string(),
  records: z.number(),
  fields: z.array(z.string()),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  deletedAt: z.string().nullable(),
  deletedWhy: z.string().nullable(),
  downloadedAt: z.string().nullable(),
  localDeletedAt: z.string().nullable(),
  state: z.enum(EXPORT_STATES),
  confirmation: z.enum(CONFIRMATIONS),
  /** The day by which local copies must be confirmed deleted (ISO instant). */
  confirmBy: z.string(),
  mine: z.boolean(),
  /** The outside recipient the copy is provided to (issue 9, A18); null for a copy kept inside. */
  recipientId: z.string().nullable(),
  recipientName: z.string().nullable(),
});
export type ExportView = z.infer<typeof exportView>;

/** The answer of the act: the only time the password is ever shown. */
export const exportMadeView = z.object({ export: exportView, password: z.string() });
export type ExportMadeView = z.infer<typeof exportMadeView>;

export const exportListView = z.object({
  mine: z.array(exportView),
  /** Copies of the files the caller manages that are outstanding (A24の2); null for those who manage none. */
  outstanding: z.array(exportView).nullable(),
});
export type ExportListView = z.infer<typeof exportListView>;
