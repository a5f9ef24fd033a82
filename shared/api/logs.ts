import { z } from 'zod';

/**
 * Shapes of the verifiable log API (A22: アクセス記録), shared by the server (validation, OpenAPI)
 * and the web pages. Hashes travel as base64 (as in the signed checkpoints).
 */
export const ENTRY_KINDS = ['audit', 'access'] as const;
export const OUTCOMES = ['ok', 'denied', 'error'] as const;

const isoInstant = z.iso.datetime({ offset: true });
const b64 = z.string();

export const entryQuery = z.object({
  kind: z.enum(ENTRY_KINDS).optional(),
  type: z.string().trim().min(1).max(80).optional(),
  actorId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  sectionId: z.uuid().optional(),
  recordId: z.string().trim().min(1).max(64).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  /** Keyset paging: the `next` of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EntryQuery = z.input<typeof entryQuery>;

export const logEntryView = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  type: z.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  ip: z.string().nullable(),
  terminalId: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  sectionId: z.string().nullable(),
  sectionName: z.string().nullable(),
  purpose: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  outcome: z.enum(OUTCOMES),
  reason: z.string().nullable(),
  leafIndex: z.number().int().nullable(),
  prunedAt: z.string().nullable(),
});
export type LogEntryView = z.infer<typeof logEntryView>;

export const logEntryPage = z.object({
  items: z.array(logEntryView),
  /** Pass as `before` for the next (older) page; null at the end. */
  next: z.number().int().nullable(),
});
export type LogEntryPage = z.infer<typeof logEntryPage>;

export const inclusionProofView = z.object({
  leafIndex: z.number().int(),
  treeSize: z.number().int(),
  leafHash: b64,
  proof: z.array(b64),
  rootHash: b64,
  /** The signed checkpoint (C2SP signed note) whose root the proof leads to. */
  checkpoint: z.string(),
});
export type InclusionProofView = z.infer<typeof inclusionProofView>;

export const logEntryDetailView = z.object({
  entry: logEntryView,
  /** The entry's details (ids only); null once pruned after the retention period. */
  payload: z.record(z.string(), z.unknown()).nullable(),
  /** The canonical bytes the leaf hashes (base64), so anyone can recompute the leaf. */
  entryBytes: b64,
  /** Null while the entry waits for the sequencer (a few seconds). */
  proof: inclusionProofView.nullable(),
});
export type LogEntryDetailView = z.infer<typeof logEntryDetailView>;

export const consistencyQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1).optional(),
});
export const consistencyProofView = z.object({
  from: z.number().int(),
  to: z.number().int(),
  proof: z.array(b64),
  fromRoot: b64,
  toRoot: b64,
  fromCheckpoint: z.string(),
  toCheckpoint: z.string(),
});
export type ConsistencyProofView = z.infer<typeof consistencyProofView>;

export const witnessStatusView = z.object({
  name: z.string(),
  kind: z.enum(['directory', 'mail']),
  configured: z.boolean(),
  treeSize: z.number().int().nullable(),
  witnessedAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  failure: z.string().nullable(),
  current: z.boolean(),
});
export type WitnessStatusView = z.infer<typeof witnessStatusView>;

export const retentionView = z.object({
  /** A22-1: days access events keep their details; then they are pruned (leaf hashes stay). */
  accessDays: z.number().int().min(365).max(36500),
  auditDays: z.number().int().min(365).max(36500),
});
export type RetentionView = z.infer<typeof retentionView>;
export const retentionInput = retentionView;

export const verificationView = z.object({
  at: z.string(),
  ok: z.boolean(),
  treeSize: z.number().int(),
  leavesChecked: z.number().int(),
  checkpointsChecked: z.number().int(),
  pending: z.number().int(),
  problems: z.array(z.object({ kind: z.string(), message: z.string() })),
  /** Seconds the verification took. */
  seconds: z.number(),
});
export type VerificationView = z.infer<typeof verificationView>;

export const logStatusView = z.object({
  origin: z.string(),
  verifierKey: z.string(),
  latest: z
    .object({ treeSize: z.number().int(), rootHash: b64, issuedAt: z.string(), note: z.string() })
    .nullable(),
  pending: z.number().int(),
  writer: z.object({
    failing: z.boolean(),
    lastFailureAt: z.string().nullable(),
  }),
  sequencer: z.object({
    lastRunAt: z.string().nullable(),
    lastFailureAt: z.string().nullable(),
  }),
  witnesses: z.array(witnessStatusView),
  retention: retentionView,
  lastVerification: verificationView.nullable(),
});
export type LogStatusView = z.infer<typeof logStatusView>;

export const pruneResultView = z.object({
  access: z.object({ before: z.string(), pruned: z.number().int() }),
  audit: z.object({ before: z.string(), pruned: z.number().int() }),
});
export type PruneResultView = z.infer<typeof pruneResultView>;
