import { z } from 'zod';
import { purposeCode } from './vault.ts';
import { requirement } from './handling-rules.ts';

/**
 * Transmission (A12(2)), media sent out or taken out and returned (A12(3)), and the register of
 * media (A14): the HTTP contract. Everything here is organisational: a medium's label names the
 * medium (「教務係 USBメモリ No.3」), a recipient names an organisation or a role (「文部科学省 ○○課」),
 * what is sent is described by a count and a kind of data — never a held person's name or value.
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

export const MEDIUM_KINDS = ['usb', 'external_disk', 'optical', 'paper', 'laptop', 'other'] as const;
export type MediumKind = (typeof MEDIUM_KINDS)[number];
export const MEDIUM_STATUSES = ['stored', 'out', 'disposed'] as const;
export type MediumStatus = (typeof MEDIUM_STATUSES)[number];

export const MOVEMENT_KINDS = ['transmit', 'send_out', 'take_out'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
/** A12(2): how data is sent. */
export const TRANSMIT_MEANS = ['email_encrypted', 'secure_file_transfer', 'fax', 'other'] as const;
/** A12(3): how a medium leaves the office. */
export const CARRY_MEANS = ['hand_carry', 'registered_mail', 'courier', 'other'] as const;
export const MOVEMENT_MEANS = [...TRANSMIT_MEANS, 'hand_carry', 'registered_mail', 'courier'] as const;
export type MovementMeans = (typeof MOVEMENT_MEANS)[number];

/** Where a movement stands: its request's status until carried out, then out / done / returned. */
export const MOVEMENT_STATES = [
  'requested',
  'sent_back',
  'approved',
  'denied',
  'withdrawn',
  'expired',
  'done',
  'out',
  'returned',
] as const;
export type MovementState = (typeof MOVEMENT_STATES)[number];

// ───────────────────────────── media (A14) ─────────────────────────────

export const mediumInput = z
  .object({
    /** The medium's name in the section: 「教務係 USBメモリ No.3」 (never personal data). */
    label: text(200),
    kind: z.enum(MEDIUM_KINDS),
    /** Where it is kept when not in use: 「教務係 施錠キャビネットA」. */
    storagePlace: text(300),
    /** The register's files it holds; all of one section, whose medium it is. */
    fileIds: z.array(id).min(1).max(50),
  })
  .strict();
export type MediumInput = z.input<typeof mediumInput>;

export const mediumPlaceInput = z.object({ storagePlace: text(300), reason: text(1000) }).strict();
export type MediumPlaceInput = z.input<typeof mediumPlaceInput>;

export const mediumListQuery = z.object({
  sectionId: id.optional(),
  fileId: id.optional(),
  status: z.enum(MEDIUM_STATUSES).optional(),
});

export const mediumView = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  label: z.string(),
  kind: z.enum(MEDIUM_KINDS),
  storagePlace: z.string(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.enum(MEDIUM_STATUSES),
  registeredAt: z.string(),
  registeredByName: z.string().nullable(),
  disposedAt: z.string().nullable(),
  disposalMethod: z.string().nullable(),
  /** The movement that has it out now, if any. */
  outWith: z
    .object({ movementId: z.string(), dueBack: z.string().nullable(), overdue: z.boolean() })
    .nullable(),
  canEdit: z.boolean(),
});
export type MediumView = z.infer<typeof mediumView>;
export const mediumListView = z.object({ media: z.array(mediumView), canRegister: z.boolean() });

// ───────────────────────────── movements (A12(2), A12(3)) ─────────────────────────────

const movementBase = {
  kind: z.enum(MOVEMENT_KINDS),
  fileId: id,
  /** A11-3: the registered purpose the data leaves for. */
  purpose: purposeCode,
  /** How many records (0 when the whole file or not countable) and what data, without values. */
  recordsCount: z.number().int().min(0).max(10_000_000),
  recordsDescription: text(500),
  /** An organisation or a role (「文部科学省 高等教育局 ○○課」), never a private person's data. */
  recipient: text(300),
  means: z.enum(MOVEMENT_MEANS),
  plannedAt: isoDate,
  /** Send-out and take-out: the registered medium that leaves. */
  mediumId: id.nullable().default(null),
  /** Take-out: the day it must be back (A12(3)); send-out: when it is to come back, if it is. */
  dueBack: isoDate.nullable().default(null),
  reason: text(2000),
};

/** A request for approval of a movement (or one carried out at once where no approval is needed). */
export const movementInput = z.object(movementBase).strict();
export type MovementInput = z.input<typeof movementInput>;

export const returnInput = z
  .object({
    /** The place it is put back in, confirmed (or changed) by who returns it (A14). */
    storagePlace: text(300),
  })
  .strict();
export type ReturnInput = z.input<typeof returnInput>;

export const movementListQuery = z.object({
  box: z.enum(['mine', 'section', 'overdue', 'all']).default('mine'),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  fileId: id.optional(),
  mediumId: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const movementFormQuery = z.object({ fileId: id, kind: z.enum(MOVEMENT_KINDS) });

export const movementView = z.object({
  id: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  state: z.enum(MOVEMENT_STATES),
  /** Taken out (or sent out with a day to come back) and not back by due_back (A12(3)). */
  overdue: z.boolean(),
  requestId: z.string(),
  requestNumber: z.string(),
  /** False when the file's rules let it be done without approval (A12 「その内容に応じて」). */
  approvalRequired: z.boolean(),
  unitId: z.string(),
  sectionId: z.string(),
  sectionName: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  mediumId: z.string().nullable(),
  mediumLabel: z.string().nullable(),
  recipient: z.string(),
  means: z.enum(MOVEMENT_MEANS),
  purpose: z.string().nullable(),
  recordsCount: z.number().nullable(),
  recordsDescription: z.string().nullable(),
  reason: z.string(),
  plannedAt: z.string(),
  dueBack: z.string().nullable(),
  requestedBy: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedByName: z.string().nullable(),
  /** What the caller may do now. */
  canCarryOut: z.boolean(),
  canReturn: z.boolean(),
});
export type MovementView = z.infer<typeof movementView>;
export const movementListView = z.object({ movements: z.array(movementView) });

/** What the request form needs: the file, its purposes, whether approval is needed, the media. */
export const movementFormView = z.object({
  fileId: z.string(),
  fileName: z.string(),
  sectionName: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  requirement,
  purposes: z.array(z.object({ code: z.string(), label: z.string() })),
  /** The section's registered media holding the file, stored now (send-out, take-out). */
  media: z.array(z.object({ id: z.string(), label: z.string(), storagePlace: z.string() })),
});
export type MovementFormView = z.infer<typeof movementFormView>;
