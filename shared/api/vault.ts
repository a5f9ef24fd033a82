import { z } from 'zod';
import { FIELD_KEY, recordSchema } from '../vault/field-types.ts';

/**
 * The vault's HTTP contract (issue 6). Every request on records names a purpose (A11-3, A17-1);
 * search terms travel in request bodies, never in URLs (they are personal data).
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const required = (max: number) => z.string().trim().min(1).max(max);
const fieldKey = z.string().regex(FIELD_KEY, 'field_key');

/**
 * What a grant may allow (A11-1): read (list, search, view with sensitive fields masked), reveal
 * (unmask 要配慮 fields, and My Numbers for handlers), create, update, export, verify (check another
 * person's entry against its source, A26); and, for the acts of issue 7 (A12, A15), transmit,
 * take_out (media) and dispose. An approval never widens a grant (ADR 0008 §6).
 */
export const VAULT_PERMISSIONS = [
  'read',
  'reveal',
  'create',
  'update',
  'export',
  'verify',
  'transmit',
  'take_out',
  'dispose',
] as const;
export type VaultPermission = (typeof VAULT_PERMISSIONS)[number];

export const purposeCode = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'purpose_code');

/** One purpose staff choose from: within the file's registered 利用目的 (A11-3). */
export const purposeDef = z
  .object({
    code: purposeCode,
    label: required(200),
    /** A purpose of the My Number Act (番号法第9条): only these may use My Numbers (A7の2). */
    myNumberAct: z.boolean().default(false),
  })
  .strict();
export type Purpose = z.output<typeof purposeDef>;

/** Which records a grant reaches: those of some units (colleges), and/or some groups (classes). */
export const recordScope = z
  .object({
    unitIds: z.array(id).min(1).max(60).optional(),
    groups: z.array(required(100)).min(1).max(100).optional(),
  })
  .strict();
export type RecordScope = z.output<typeof recordScope>;

export const terminalRequirement = z
  .object({ areaKind: z.enum(['handling_area', 'general']).optional(), areaId: id.optional() })
  .strict();

/** The settings of a file in the vault, set by its 保護管理者. */
export const vaultSettingsInput = z
  .object({
    purposes: z.array(purposeDef).min(1).max(30),
    /** A26: entries take effect only once a second person has checked them against the source. */
    important: z.boolean(),
    /** A29, A11の2: every access must come from a registered terminal of this kind or area. */
    terminal: terminalRequirement.nullable().default(null),
    /** The field that identifies a record (学生番号): duplicates are refused on it. */
    keyField: fieldKey.nullable().default(null),
    /** The field grants may scope on (a class): its value is kept only as a keyed hash. */
    scopeField: fieldKey.nullable().default(null),
  })
  .strict();
export type VaultSettingsInput = z.input<typeof vaultSettingsInput>;

/** Opening a registered computer-processed file in the vault: its schema and settings. */
export const openFileInput = vaultSettingsInput
  .extend({
    fields: recordSchema.shape.fields,
    /** About how many records the file will hold: sizes the blind indexes. */
    expectedRecords: z.number().int().min(1).max(10_000_000).default(1000),
  })
  .strict();
export type OpenFileInput = z.input<typeof openFileInput>;

export const newSchemaInput = z.object({ fields: recordSchema.shape.fields }).strict();

export const grantInput = z
  .object({
    personId: id,
    permissions: z.array(z.enum(VAULT_PERMISSIONS)).min(1),
    fields: z.array(fieldKey).min(1).max(200).nullable().default(null),
    scope: recordScope.nullable().default(null),
    validFrom: isoDate,
    validUntil: isoDate,
    reason: required(1000),
  })
  .strict();
export type GrantInput = z.input<typeof grantInput>;

export const reasonBody = z.object({ reason: required(1000) }).strict();

export const listQuery = z.object({
  purpose: purposeCode,
  after: id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const purposeQuery = z.object({ purpose: purposeCode });
export const searchInput = z
  .object({ purpose: purposeCode, field: fieldKey, value: z.string().min(1).max(1000) })
  .strict();
export const revealInput = z
  .object({ purpose: purposeCode, fields: z.array(fieldKey).min(1).max(200) })
  .strict();
export const recordInput = z
  .object({
    purpose: purposeCode,
    values: z.record(fieldKey, z.unknown()),
    /** For an update: the revision the person edited (a newer one refuses the update). */
    revision: z.number().int().min(1).optional(),
    unitId: id.optional(),
  })
  .strict();
export const checkInput = z
  .object({ purpose: purposeCode, reason: z.string().trim().max(1000).default('') })
  .strict();

const value = z.union([z.string(), z.number(), z.object({ postalCode: z.string(), address: z.string() })]);

export const RECORD_STATUSES = ['active', 'pending', 'rejected', 'erased'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const recordView = z.object({
  id,
  status: z.enum(RECORD_STATUSES),
  revision: z.number().int(),
  unitId: id.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The values one may see; masked fields are absent here and named in `masked`. */
  values: z.record(z.string(), value.nullable()),
  masked: z.array(z.string()),
  /** A change of this record waits for a second person's check (A26). */
  pendingChange: z.boolean(),
  /** Its ciphertext failed to authenticate: nothing is shown, and the failure is in the log. */
  damaged: z.boolean(),
});
export type RecordView = z.infer<typeof recordView>;

export const recordListView = z.object({
  records: z.array(recordView),
  next: id.nullable(),
  /**
   * Records of the file in the reader's scope left out because their use is suspended for this
   * purpose (法98-1, 法100): counted, never named.
   */
  withheld: z.number().int().min(0).optional(),
});

export const grantView = z.object({
  id,
  fileId: id,
  personId: id,
  personName: z.string(),
  permissions: z.array(z.enum(VAULT_PERMISSIONS)),
  fields: z.array(z.string()).nullable(),
  scope: recordScope.nullable(),
  validFrom: isoDate,
  validUntil: isoDate,
  reason: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string().nullable(),
  reviewDue: isoDate,
  reviewedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** Issue 10 (A10): when a lapsed required course suspended the grant, and that course's title. */
  suspendedAt: z.string().nullable(),
  suspendedReason: z.string().nullable(),
  /**
   * in_force, not_yet, expired, revoked; review_overdue still works but is a compliance gap;
   * suspended (A10) does not work until the person completes the required course again.
   */
  state: z.enum(['in_force', 'review_overdue', 'not_yet', 'expired', 'revoked', 'suspended']),
});
export type GrantView = z.infer<typeof grantView>;

export const vaultFileView = z.object({
  fileId: id,
  name: z.string(),
  unitId: id,
  sectionId: id,
  registeredPurpose: z.string(),
  schemaVersion: z.number().int(),
  fields: recordSchema.shape.fields,
  purposes: z.array(purposeDef),
  important: z.boolean(),
  terminal: terminalRequirement.nullable(),
  keyField: z.string().nullable(),
  scopeField: z.string().nullable(),
  myNumber: z.boolean(),
  /** The caller's grant in force, if any, and what they may do with the file's settings. */
  myGrant: grantView.nullable(),
  canManage: z.boolean(),
  /** The caller may see My Numbers (a handler of the file's section, A7の2). */
  myNumberHandler: z.boolean(),
});
export type VaultFileView = z.infer<typeof vaultFileView>;

export const vaultFileListView = z.object({
  files: z.array(
    z.object({
      fileId: id,
      name: z.string(),
      unitId: id,
      sectionId: id,
      inVault: z.boolean(),
      myPermissions: z.array(z.enum(VAULT_PERMISSIONS)),
      canManage: z.boolean(),
    }),
  ),
});

export const changeView = z.object({
  id,
  recordId: id,
  kind: z.enum(['create', 'update']),
  madeAt: z.string(),
  madeBy: z.string().nullable(),
  fields: z.array(z.string()),
  /** The values as entered, within the checker's grant (masked ones named in `masked`). */
  values: z.record(z.string(), value.nullable()),
  masked: z.array(z.string()),
});
export type ChangeView = z.infer<typeof changeView>;
