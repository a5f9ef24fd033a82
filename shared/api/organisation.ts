import { z } from 'zod';
import { PERSON_KINDS, ROLES, SCOPE_KINDS, UNIT_KINDS } from '../roles.ts';

/** Shapes of the organisation API (A3–A9), shared by the server (validation, OpenAPI) and the web forms. */

import { kana } from './fields.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const id = z.uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const unitView = z.object({
  id,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(UNIT_KINDS),
  address: z.string().nullable(),
  sectionCount: z.number().int(),
  staffCount: z.number().int(),
  gapCount: z.number().int(),
});
export type UnitView = z.infer<typeof unitView>;

export const sectionView = z.object({
  id,
  unitId: id,
  parentId: id.nullable(),
  name: z.string(),
  handlesPersonalInfo: z.boolean(),
  handlesMyNumber: z.boolean(),
  staffCount: z.number().int(),
});
export type SectionView = z.infer<typeof sectionView>;

export const personView = z.object({
  id,
  employeeNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  email: z.string().nullable(),
  kind: z.enum(PERSON_KINDS),
  title: z.string().nullable(),
  unitId: id,
  sectionId: id.nullable(),
  active: z.boolean(),
});
export type PersonView = z.infer<typeof personView>;

export const appointmentView = z.object({
  id,
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  unitId: id.nullable(),
  sectionId: id.nullable(),
  personId: id,
  personName: z.string(),
  appointedBy: id.nullable(),
  appointedByName: z.string().nullable(),
  basis: z.string(),
  duties: z.string().nullable(),
  handlingRange: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  terminatedOn: isoDate.nullable(),
  terminationReason: z.string().nullable(),
  status: z.enum(['current', 'future', 'expired', 'terminated']),
});
export type AppointmentView = z.infer<typeof appointmentView>;

export const unitDetailView = z.object({
  unit: unitView,
  sections: z.array(sectionView),
  appointments: z.array(appointmentView),
});
export type UnitDetailView = z.infer<typeof unitDetailView>;

export const sectionDetailView = z.object({
  section: sectionView,
  unit: unitView,
  staff: z.array(personView),
  appointments: z.array(appointmentView),
});
export type SectionDetailView = z.infer<typeof sectionDetailView>;

export const personDetailView = z.object({
  person: personView,
  unitName: z.string(),
  sectionName: z.string().nullable(),
  appointments: z.array(appointmentView),
});
export type PersonDetailView = z.infer<typeof personDetailView>;

export const createSectionInput = z.object({
  unitId: id,
  parentId: id.optional().nullable(),
  name: text(200),
  handlesPersonalInfo: z.boolean(),
  handlesMyNumber: z.boolean().default(false),
});
export type CreateSectionInput = z.input<typeof createSectionInput>;

export const updateSectionInput = z.object({
  name: text(200).optional(),
  handlesPersonalInfo: z.boolean().optional(),
  handlesMyNumber: z.boolean().optional(),
});

export const personInput = z.object({
  employeeNumber: text(32).regex(/^[A-Za-z0-9-]+$/, 'employee number'),
  familyName: text(100),
  givenName: text(100),
  familyNameKana: kana,
  givenNameKana: kana,
  email: z.email().max(254).optional().nullable(),
  kind: z.enum(PERSON_KINDS),
  title: optionalText(100),
  unitId: id,
  sectionId: id.optional().nullable(),
});
export type PersonInput = z.input<typeof personInput>;

export const updatePersonInput = personInput
  .omit({ employeeNumber: true })
  .partial()
  .extend({ active: z.boolean().optional() });

export const appointInput = z.object({
  role: z.enum(ROLES),
  unitId: id.optional().nullable(),
  sectionId: id.optional().nullable(),
  personId: id,
  basis: text(500),
  duties: optionalText(500),
  handlingRange: optionalText(500),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional().nullable(),
});
export type AppointInput = z.input<typeof appointInput>;

export const endAppointmentInput = z.object({
  endedOn: isoDate.optional(),
  reason: text(500),
});

export const GAP_KINDS = [
  'vacancy',
  'duplicate',
  'expired',
  'inactive_holder',
  'review_overdue',
  'analysis_unsigned',
  'grant_review_overdue',
  'media_return_overdue',
  'usage_review_unsigned',
  'incident_deadline_overdue',
  // Issue 9 (A18, A19): contracts ending or ended unclosed, contractors' checks and inspections due,
  // My Number supervision due, provision checks and improvement requests overdue.
  'contract_expiring',
  'contractor_check_overdue',
  'mynumber_supervision_overdue',
  'provision_check_overdue',
  // Issue 10 (A10, A36–A38, A20-3, A19-1, A34): training overdue, audits' findings overdue,
  // inspections and the yearly evaluation due, register entries awaiting amendment, contracts missing
  // clauses, incidents still open.
  'training_overdue',
  'audit_finding_overdue',
  'inspection_overdue',
  'evaluation_overdue',
  'register_amendment_overdue',
  'contract_clauses_missing',
  'incident_open',
  // Issue 11 (A14, A30, A23–A24, A32–A33, A27): devices not back, systems' safeguards unchecked,
  // rooms' safeguards uninspected, backups missing or failing, restores untested.
  'device_return_overdue',
  'system_check_overdue',
  'room_inspection_overdue',
  'backup_overdue',
  'restore_test_overdue',
  'request_overdue',
] as const;
export const gapView = z.object({
  kind: z.enum(GAP_KINDS),
  role: z.enum(ROLES),
  scopeKind: z.enum(SCOPE_KINDS),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
  appointmentIds: z.array(id),
  article: z.string(),
  /** The page that shows the records behind the gap (issue 10's drill-down), when there is one. */
  path: z.string().optional(),
  /** What those records are (a number, a title; never personal data of held persons). */
  label: z.string().optional(),
});
export type GapView = z.infer<typeof gapView>;

export const gapReportView = z.object({
  asOf: isoDate,
  gaps: z.array(gapView),
  byUnit: z.array(z.object({ unitId: id.nullable(), unitName: z.string(), count: z.number().int() })),
});
export type GapReportView = z.infer<typeof gapReportView>;

/** One row of a staff CSV after parsing, and what is wrong with it. */
export const importRowView = z.object({
  row: z.number().int(),
  employeeNumber: z.string(),
  name: z.string(),
  unit: z.string(),
  section: z.string(),
  action: z.enum(['create', 'update', 'unchanged']),
  errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
});
export const importPreviewView = z.object({
  encoding: z.enum(['utf-8', 'utf-8-bom', 'cp932']),
  digest: z.string(),
  rows: z.array(importRowView),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    invalid: z.number().int(),
  }),
});
export type ImportPreviewView = z.infer<typeof importPreviewView>;

/** A section as other modules need to know it (not personal data). */
export interface SectionFacts {
  id: string;
  unitId: string;
  name: string;
  handlesPersonalInfo: boolean;
  handlesMyNumber: boolean;
}

/** The units and sections as other modules resolve names in a file against them (no people), in official order. */
export interface OrgStructure {
  units: { id: string; code: string; name: string; shortName: string }[];
  sections: {
    id: string;
    unitId: string;
    parentId: string | null;
    name: string;
    handlesPersonalInfo: boolean;
  }[];
}
