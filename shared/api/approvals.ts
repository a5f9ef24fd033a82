import { z } from 'zod';

/**
 * The approval engine's HTTP contract (issue 7, ADR 0008): one kind of request for every act that
 * needs a manager's approval (A12, A13, A15, A17-2; later provision and outsourcing, A18–A19).
 * Requests carry ids, dates and organisational text only, never a held person's data.
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The acts of issue 7 that go through approval; later modules add theirs. */
export const APPROVAL_KINDS = [
  'export', // A12(1), A24の2: a copy taken out of the vault
  'transmit', // A12(2)
  'send_out', // A12(3): media sent outside
  'take_out', // A12(3): media carried outside, to be returned
  'correction', // A13: the manager's instruction to correct
  'out_of_purpose', // A17-2: use or provision outside the purpose
  'dispose_records', // A15
  'dispose_file', // A15
  'dispose_medium', // A15
] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const APPROVAL_STATUSES = [
  'submitted',
  'sent_back',
  'approved',
  'denied',
  'withdrawn',
  'expired',
  'done',
] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** Who decides (A12 "保護管理者は…"; the 総括保護管理者 where a rule or setting says so). */
export const APPROVAL_LEVELS = ['protection_manager', 'chief_protection_manager'] as const;
export type ApprovalLevel = (typeof APPROVAL_LEVELS)[number];

export const decisionInput = z
  .object({
    decision: z.enum(['approve', 'deny', 'send_back']),
    /** Required to deny or send back: the requester must learn why. */
    comment: z.string().trim().max(2000).default(''),
    /** The revision the decider read: a resubmitted request is decided afresh. */
    revision: z.number().int().min(1),
  })
  .strict();
export type DecisionInput = z.input<typeof decisionInput>;

export const resubmitInput = z.object({ reason: text(2000), revision: z.number().int().min(1) }).strict();

export const deputyInput = z
  .object({
    deputyId: id,
    level: z.enum(APPROVAL_LEVELS),
    unitId: id,
    sectionId: id.nullable().default(null),
    validFrom: isoDate,
    validUntil: isoDate,
    reason: text(1000),
  })
  .strict();
export type DeputyInput = z.input<typeof deputyInput>;

export const approvalListQuery = z.object({
  box: z.enum(['to_decide', 'mine', 'decided', 'all']).default('to_decide'),
  status: z.enum(APPROVAL_STATUSES).optional(),
  kind: z.string().max(30).optional(),
  fileId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const approvalEventView = z.object({
  action: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actingFor: z.string().nullable(),
  actingForName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const approvalView = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  fileId: z.string().nullable(),
  fileName: z.string().nullable(),
  recordIds: z.array(z.string()).nullable(),
  reason: z.string(),
  payload: z.record(z.string(), z.unknown()),
  level: z.enum(APPROVAL_LEVELS),
  status: z.enum(APPROVAL_STATUSES),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  actingFor: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  expiresAt: z.string(),
  doneAt: z.string().nullable(),
  revision: z.number(),
  /** What the caller may do with it now. */
  canDecide: z.boolean(),
  canWithdraw: z.boolean(),
  canResubmit: z.boolean(),
  events: z.array(approvalEventView).optional(),
});
export type ApprovalView = z.infer<typeof approvalView>;
export const approvalListView = z.object({ requests: z.array(approvalView) });

export const deputyView = z.object({
  id: z.string(),
  deputyId: z.string(),
  deputyName: z.string(),
  level: z.enum(APPROVAL_LEVELS),
  unitId: z.string(),
  sectionId: z.string().nullable(),
  scopeName: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  inForce: z.boolean(),
  revokedAt: z.string().nullable(),
});
export type DeputyView = z.infer<typeof deputyView>;

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  requestId: z.string().nullable(),
  number: z.string().nullable(),
  /** Where the app shows what it is about (/approvals/…, /incidents/…). */
  path: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const countsView = z.object({
  /** Requests waiting for the caller's decision (as manager or deputy). */
  toDecide: z.number(),
  /** The caller's own requests sent back to them. */
  sentBack: z.number(),
  /** The caller's approved requests not yet carried out. */
  approved: z.number(),
  unread: z.number(),
});
export type CountsView = z.infer<typeof countsView>;
