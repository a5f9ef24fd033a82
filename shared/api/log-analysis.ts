import { z } from 'zod';

/**
 * Shapes of the log analysis API (issue 4, A22-1): reports per section or unit with their findings and
 * sign-off, the rule settings, and the auditor's questions ("who accessed this record", "what did this
 * person access") with their export.
 */

export const ANALYSIS_RULES = [
  'off_hours', // outside working hours, on weekends, Japanese holidays and 12/29–1/3
  'bulk_read', // many records in one access
  'volume_spike', // far above the person's own baseline
  'repeated_denials', // many refusals within an hour
  'unregistered_terminal', // from a browser that is not a registered terminal (A29)
  'my_number_non_handler', // My Numbers read by someone not appointed 特定個人情報取扱担当者 (A7の2)
] as const;
export type AnalysisRule = (typeof ANALYSIS_RULES)[number];

const id = z.uuid();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** The settings of the rules; defaults in DEFAULT_ANALYSIS_SETTINGS. */
export const analysisSettings = z.object({
  workdayStart: hhmm,
  workdayEnd: hhmm,
  /** Days closed every year besides weekends and national holidays, as MM-DD (年末年始). */
  closedDays: z.array(z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)).max(60),
  bulkRecords: z.number().int().min(1).max(1_000_000),
  volumeFactor: z.number().min(1).max(100),
  volumeMinimum: z.number().int().min(1).max(1_000_000),
  baselineWeeks: z.number().int().min(1).max(52),
  denialCount: z.number().int().min(2).max(1000),
  denialWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Rules switched off (none by default). */
  disabled: z.array(z.enum(ANALYSIS_RULES)).max(ANALYSIS_RULES.length),
});
export type AnalysisSettings = z.infer<typeof analysisSettings>;

export const DEFAULT_ANALYSIS_SETTINGS: AnalysisSettings = {
  workdayStart: '08:30',
  workdayEnd: '17:15',
  closedDays: ['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'],
  bulkRecords: 100,
  volumeFactor: 3,
  volumeMinimum: 50,
  baselineWeeks: 4,
  denialCount: 5,
  denialWindowMinutes: 60,
  disabled: [],
};

export const analysisRequest = z
  .object({
    scopeKind: z.enum(['section', 'unit']),
    unitId: id.optional(),
    sectionId: id.optional(),
    /** YYYY-MM-DD days in Asia/Tokyo, both included. */
    fromDay: z.iso.date(),
    toDay: z.iso.date(),
  })
  .refine((r) => (r.scopeKind === 'unit' ? !!r.unitId : !!r.sectionId), { path: ['scopeKind'] })
  .refine((r) => r.fromDay <= r.toDay, { path: ['toDay'] });
export type AnalysisRequest = z.input<typeof analysisRequest>;

export const signOffInput = z.object({ comment: z.string().trim().min(1).max(2000) });
export type SignOffInput = z.infer<typeof signOffInput>;

const personRef = z.object({ id, name: z.string(), employeeNumber: z.string() }).nullable();

export const findingView = z.object({
  id,
  rule: z.enum(ANALYSIS_RULES),
  actor: personRef,
  count: z.number().int(),
  entryIds: z.array(z.string()),
  detail: z.record(z.string(), z.number()),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
});
export type FindingView = z.infer<typeof findingView>;

export const reportSummaryView = z.object({
  id,
  scopeKind: z.enum(['section', 'unit']),
  unitId: id,
  unitName: z.string(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  trigger: z.enum(['scheduled', 'on_demand']),
  createdAt: z.string(),
  entryCount: z.number().int(),
  findingCount: z.number().int(),
  signedOffAt: z.string().nullable(),
  signedOffBy: personRef,
  signOffComment: z.string().nullable(),
  /** Unsigned for longer than the review period: a compliance gap (A22-1). */
  overdue: z.boolean(),
  canSignOff: z.boolean(),
});
export type ReportSummaryView = z.infer<typeof reportSummaryView>;

export const reportView = reportSummaryView.extend({
  findings: z.array(findingView),
  settings: analysisSettings,
});
export type ReportView = z.infer<typeof reportView>;

export const reportFilter = z.object({
  status: z.enum(['unsigned', 'signed', 'all']).default('all'),
  unitId: id.optional(),
  sectionId: id.optional(),
});

/** The auditor's questions: who accessed a record, what a person accessed, over a period. */
const accessQueryFields = z.object({
  recordId: z.string().trim().min(1).max(100).optional(),
  personId: id.optional(),
  fromDay: z.iso.date(),
  toDay: z.iso.date(),
});
const oneQuestion = <T extends z.infer<typeof accessQueryFields>>(q: T) => !!q.recordId !== !!q.personId;
export const accessQuery = accessQueryFields
  .refine(oneQuestion, { path: ['recordId'] })
  .refine((q) => q.fromDay <= q.toDay, { path: ['toDay'] });
/** The same question, and the file format of its export. */
export const accessExportQuery = accessQueryFields
  .extend({ format: z.enum(['csv', 'xlsx']).default('csv') })
  .refine(oneQuestion, { path: ['recordId'] })
  .refine((q) => q.fromDay <= q.toDay, { path: ['toDay'] });
export type AccessQuery = z.input<typeof accessQuery>;

export const accessRowView = z.object({
  entryId: z.string(),
  seq: z.number().int(),
  occurredAt: z.string(),
  actor: personRef,
  actorLabel: z.string(),
  type: z.string(),
  unitName: z.string().nullable(),
  sectionName: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  purpose: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'error']),
  terminalId: z.string().nullable(),
  recordCount: z.number().int(),
  myNumber: z.boolean(),
});
export type AccessRowView = z.infer<typeof accessRowView>;

export const accessAnswerView = z.object({
  rows: z.array(accessRowView),
  /** True when more entries matched than the answer holds (narrow the period). */
  truncated: z.boolean(),
});
export type AccessAnswerView = z.infer<typeof accessAnswerView>;

/** A unit or section the caller may analyse (on-demand form). */
export const analysisScopeView = z.object({
  scopeKind: z.enum(['section', 'unit']),
  unitId: id,
  unitName: z.string(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
});
export type AnalysisScopeView = z.infer<typeof analysisScopeView>;
