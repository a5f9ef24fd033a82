import { z } from 'zod';
import {
  EXEMPTIONS,
  FILE_KINDS,
  FILE_STATES,
  IMPORTANCES,
  SENSITIVITIES,
  VERSION_STATUSES,
} from '../register-fields.ts';

/**
 * Shapes of the register API (A20: 個人情報ファイル簿), shared by the server (validation, OpenAPI) and
 * the web pages. Field order and labels: ../register-fields.ts.
 */
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** What a section writes for its file: the published fields, then the internal ones. */
export const entryFields = z
  .object({
    // 1–19, published in this order (field 2, the agency, is the same for every entry).
    name: required(200),
    department: required(300),
    purpose: required(2000),
    recordItems: z.array(required(200)).min(1).max(200),
    recordRange: required(500),
    collectionMethod: required(500),
    sensitive: z.boolean(),
    regularRecipients: text(1000).default(''),
    requestOffice: required(500),
    specialProcedures: text(1000).default(''),
    kind: z.enum(FILE_KINDS),
    rei20Para7: z.boolean().default(false),
    anonProposalsInvited: z.boolean().default(false),
    anonProposalOffice: text(500).default(''),
    anonInfoSummary: text(2000).default(''),
    anonInfoOffice: text(500).default(''),
    anonInfoPeriod: text(200).default(''),
    remarks: text(2000).default(''),
    // Internal (never published).
    sensitivity: z.enum(SENSITIVITIES).default('ordinary'),
    importance: z.enum(IMPORTANCES).default('medium'),
    myNumber: z.boolean().default(false),
    exemption: z.enum(EXEMPTIONS).default('none'),
    exemptionNote: text(1000).default(''),
    historical: z.boolean().default(false),
    retentionBasis: text(300).default(''),
    retentionYears: z.number().int().min(1).max(100).nullable().default(null),
    linkedSystems: z.array(required(200)).max(50).default([]),
  })
  .strict();
export type EntryFields = z.output<typeof entryFields>;
export type EntryFieldsInput = z.input<typeof entryFields>;

export const createFileInput = z
  .object({ unitId: z.uuid(), sectionId: z.uuid(), fields: entryFields })
  .strict();
export type CreateFileInput = z.input<typeof createFileInput>;

/** An amendment starts from the accepted entry, or from the fields given (A20-3). */
export const amendInput = z.object({ fields: entryFields.optional() }).strict();

export const reasonInput = z.object({ reason: required(1000) }).strict();
export const optionalCommentInput = z.object({ comment: text(1000).default('') }).strict();

export const fileQuery = z.object({
  unitId: z.uuid().optional(),
  sectionId: z.uuid().optional(),
  state: z.enum(FILE_STATES).optional(),
});

export const versionView = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  fields: entryFields,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type VersionView = z.infer<typeof versionView>;

export const fileView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  state: z.enum(FILE_STATES),
  /** The accepted version: what the consolidated register says (and the public sees unless exempt). */
  current: versionView.nullable(),
  /** The version being drafted, submitted or returned, if any. */
  open: versionView.nullable(),
  published: z.boolean(),
  myNumber: z.boolean(),
  myNumberApprovedAt: z.string().nullable(),
  /** A20-5: a My Number file holds records only once approved; any file only once registered. */
  mayHoldRecords: z.boolean(),
  discontinuedAt: z.string().nullable(),
  discontinuedReason: z.string().nullable(),
  /** What the signed-in person may do with it now. */
  actions: z.array(
    z.enum(['edit', 'submit', 'accept', 'return', 'amend', 'discontinue', 'approve_my_number']),
  ),
});
export type FileView = z.infer<typeof fileView>;

export const fileListView = z.object({
  files: z.array(
    fileView
      .omit({ open: true, current: true })
      .extend({ name: z.string(), status: z.enum(VERSION_STATUSES).nullable() }),
  ),
});

export const historyView = z.object({ versions: z.array(versionView) });

export const diffView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const inboxView = z.object({
  items: z.array(
    z.object({
      fileId: z.string(),
      name: z.string(),
      unitName: z.string(),
      sectionName: z.string(),
      /** What awaits the person: submit a draft, decide a submission, redo a returned draft, approve My Numbers. */
      task: z.enum(['submit', 'decide', 'revise', 'approve_my_number']),
      since: z.string(),
    }),
  ),
});
export type InboxView = z.infer<typeof inboxView>;

/** One entry as the public register shows it: the 19 published fields, nothing internal. */
export const publicEntryView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  name: z.string(),
  agencyName: z.string(),
  department: z.string(),
  purpose: z.string(),
  recordItems: z.array(z.string()),
  recordRange: z.string(),
  collectionMethod: z.string(),
  sensitive: z.boolean(),
  regularRecipients: z.string(),
  requestOffice: z.string(),
  specialProcedures: z.string(),
  kind: z.enum(FILE_KINDS),
  rei20Para7: z.boolean(),
  anonProposalsInvited: z.boolean(),
  anonProposalOffice: z.string(),
  anonInfoSummary: z.string(),
  anonInfoOffice: z.string(),
  anonInfoPeriod: z.string(),
  remarks: z.string(),
  updatedAt: z.string(),
});
export type PublicEntryView = z.infer<typeof publicEntryView>;
