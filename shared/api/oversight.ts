import { z } from 'zod';

/**
 * Oversight (issue 10; rule 65 A9, A37–A41): the HTTP contract, zod schemas of inputs and views.
 * Texts are organisational (findings, decisions, rules); never a held person's data.
 *
 * Hub — GET /api/oversight → oversightHubView (what the caller may see and do, counts)
 *
 * Inspections (A37; /api/oversight/inspections):
 * - GET  /schedules                   → { schedules: scheduleView[] } (sections in the caller's view)
 * - PUT  /schedules/:sectionId        scheduleInput → scheduleView (保護管理者 or 総括保護管理者)
 * - GET  /                            inspectionListQuery → { inspections: inspectionSummary[] }
 * - POST /                            inspectionInput → inspectionView (201, draft)
 * - GET  /:id                         → inspectionView
 * - PUT  /:id                         inspectionInput → inspectionView (draft only)
 * - POST /:id/complete                completeInput → inspectionView (→ completed, or → reported)
 * - POST /:id/report                  → inspectionView (completed → reported; notifies 総括保護管理者)
 * - POST /:id/acknowledge             → inspectionView (the unit's 総括保護管理者)
 *
 * Evaluation (A38; /api/oversight/evaluations):
 * - GET  /                            → { evaluations: evaluationSummary[], canCreate: { organisation, unitIds } }
 * - POST /                            evaluationCreateInput → evaluationView (201, draft)
 * - GET  /owners                      → { people: ownerOption[] } (who may own an action)
 * - GET  /:id                         → evaluationView (with its inputs: audits, inspections)
 * - PUT  /:id                         assessmentInput → evaluationView (draft only)
 * - POST /:id/actions                 actionInput → evaluationView (201, draft only)
 * - DELETE /:id/actions/:actionId     → evaluationView (draft only)
 * - POST /:id/decide                  → evaluationView (draft → decided; owners notified)
 * - POST /:id/actions/:actionId/done  actionDoneInput → evaluationView (owner or keeper; decided only)
 *
 * Committee (A9; /api/oversight/committee):
 * - GET  /                            → committeeView (chair, members, meetings)
 * - POST /meetings                    meetingInput → meetingView (201, scheduled; members notified)
 * - GET  /meetings/:id                → meetingView
 * - PUT  /meetings/:id                meetingInput → meetingView (scheduled only)
 * - POST /meetings/:id/held           heldInput → meetingView (scheduled → held)
 * - POST /meetings/:id/document       multipart "file" → meetingView (201; the minutes document)
 * - GET  /meetings/:id/document       → the document (attachment)
 *
 * Guidance from ministries (A39; /api/oversight/guidance):
 * - GET  /                            → { guidance: guidanceView[], canEdit }
 * - POST /                            guidanceInput → guidanceView (201)
 * - GET  /:id                         → guidanceView
 * - PUT  /:id                         guidanceInput → guidanceView
 * - POST /:id/document                multipart "file" → guidanceView (201)
 * - GET  /:id/document                → the document
 *
 * Supplementary rules (A40; /api/oversight/local-rules):
 * - GET  /                            localRuleListQuery → { rules: localRuleView[], canEdit: { organisation, unitIds } }
 * - POST /                            localRuleInput → localRuleView (201)
 * - GET  /:id                         → localRuleView
 * - PUT  /:id                         localRuleUpdate → localRuleView
 * - POST /:id/document                multipart "file" → localRuleView (201)
 * - GET  /:id/document                → the document
 *
 * Historical materials (A41; /api/oversight/historical):
 * - GET  /                            historicalListQuery → { files: historicalView[], canMarkSectionIds }
 * - POST /                            historicalInput → historicalView (201; marks a register file)
 * - GET  /:id                         → historicalView
 * - POST /:id/unmark                  unmarkInput → historicalView (the mark ends; its history is kept)
 *
 * Uploads: one multipart field "file", ≤ 10 MB, typed by its first bytes (never by the name or
 * the client's type): PDF, PNG, JPEG, or an Office document (DOCX, XLSX, PPTX); anything else
 * answers 400 oversight.document_type.
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);
/** A feature id of shared/compliance/articles.ts (「A11」, 「A19-1」). */
const featureId = z.string().regex(/^A\d+(?:の\d+)?(?:-\d+)?$/, 'A11, A19-1');

export const personRef = z.object({ id, name: z.string(), employeeNumber: z.string().nullable() });
export type PersonRef = z.infer<typeof personRef>;

export const documentRef = z.object({
  fileName: z.string(),
  type: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  /** GET here downloads it. */
  path: z.string(),
});
export type DocumentRef = z.infer<typeof documentRef>;

export const OVERSIGHT_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
export const OVERSIGHT_DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;

// ───────────────────────────── hub ─────────────────────────────

export const oversightHubView = z.object({
  can: z.object({
    inspections: z.boolean(),
    evaluations: z.boolean(),
    committee: z.boolean(),
    guidance: z.boolean(),
    localRules: z.boolean(),
    historical: z.boolean(),
  }),
  counts: z.object({
    inspectionsOverdue: z.number().int(),
    inspectionsToAcknowledge: z.number().int(),
    openActions: z.number().int(),
    meetingsScheduled: z.number().int(),
  }),
});
export type OversightHubView = z.infer<typeof oversightHubView>;

// ───────────────────────────── inspections (A37) ─────────────────────────────

/** The three areas A37 names: 記録媒体, 処理経路, 保管方法. */
export const INSPECTION_AREAS = ['media', 'routes', 'storage'] as const;
export type InspectionArea = (typeof INSPECTION_AREAS)[number];
/** 問題なし / 要対応 / 該当なし. */
export const INSPECTION_RESULTS = ['ok', 'issue', 'not_applicable'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
/** draft (作成中) → completed (完了) → reported (総括保護管理者へ報告済). */
export const INSPECTION_STATUSES = ['draft', 'completed', 'reported'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_DEFAULT_INTERVAL_MONTHS = 6;

export const scheduleInput = z.object({ intervalMonths: z.number().int().min(1).max(24) }).strict();
export type ScheduleInput = z.input<typeof scheduleInput>;

export const scheduleView = z.object({
  sectionId: id,
  sectionName: z.string(),
  unitId: id,
  unitName: z.string(),
  intervalMonths: z.number().int(),
  /** The date of the last completed (or reported) inspection, or null. */
  lastInspectedOn: isoDate.nullable(),
  /** last + interval; null when never inspected (due at once). */
  nextDue: isoDate.nullable(),
  overdue: z.boolean(),
  canEdit: z.boolean(),
  canInspect: z.boolean(),
});
export type ScheduleView = z.infer<typeof scheduleView>;

export const areaResultInput = z
  .object({ result: z.enum(INSPECTION_RESULTS), notes: optionalText(4000) })
  .strict();
export type AreaResultInput = z.input<typeof areaResultInput>;

export const inspectionInput = z
  .object({
    sectionId: id,
    /** 点検日 (not in the future). */
    inspectedOn: isoDate,
    media: areaResultInput,
    routes: areaResultInput,
    storage: areaResultInput,
    /** その他 (other remarks). */
    remarks: optionalText(4000),
    /** 発見された問題点. */
    issues: optionalText(4000),
    /** 講じた措置・改善. */
    actions: optionalText(4000),
  })
  .strict();
export type InspectionInput = z.input<typeof inspectionInput>;

/** Completing: report to the 総括保護管理者 at once (forced when any area or the issues show a problem). */
export const completeInput = z.object({ report: z.boolean().default(false) }).strict();
export type CompleteInput = z.input<typeof completeInput>;

export const inspectionListQuery = z.object({
  sectionId: id.optional(),
  unitId: id.optional(),
  status: z.enum([...INSPECTION_STATUSES, 'all']).default('all'),
  /** Inspected on or after / before these days. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type InspectionListQuery = z.input<typeof inspectionListQuery>;

export const inspectionSummary = z.object({
  id,
  number: z.string(),
  sectionId: id,
  sectionName: z.string(),
  unitId: id,
  unitName: z.string(),
  inspectedOn: isoDate,
  status: z.enum(INSPECTION_STATUSES),
  /** Some area 'issue' or issues written. */
  hasIssues: z.boolean(),
  acknowledged: z.boolean(),
});
export type InspectionSummary = z.infer<typeof inspectionSummary>;

export const areaResultView = z.object({ result: z.enum(INSPECTION_RESULTS), notes: z.string().nullable() });

export const inspectionView = inspectionSummary.extend({
  media: areaResultView,
  routes: areaResultView,
  storage: areaResultView,
  remarks: z.string().nullable(),
  issues: z.string().nullable(),
  actions: z.string().nullable(),
  inspector: personRef.nullable(),
  completedAt: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportedTo: z.array(personRef),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: personRef.nullable(),
  can: z.object({ edit: z.boolean(), complete: z.boolean(), report: z.boolean(), acknowledge: z.boolean() }),
});
export type InspectionView = z.infer<typeof inspectionView>;

// ───────────────────────────── evaluation (A38) ─────────────────────────────

/** draft (検討中) → decided (決定). */
export const EVALUATION_STATUSES = ['draft', 'decided'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
/** open (未了) → done (完了). */
export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
/** The organisation's evaluation of the previous fiscal year is due by this day (MM-DD) of the next. */
export const EVALUATION_DUE_MONTH_DAY = '06-30';

/** A fiscal year (年度) runs from 1 April to 31 March: 2025 = 2025-04-01 … 2026-03-31. */
export const evaluationCreateInput = z
  .object({
    fiscalYear: z.number().int().min(2000).max(2100),
    /** null: the organisation's; a unit: that unit's (by its 総括保護管理者). */
    unitId: id.nullable().default(null),
  })
  .strict();
export type EvaluationCreateInput = z.input<typeof evaluationCreateInput>;

export const assessmentInput = z.object({ assessment: optionalText(20000) }).strict();
export type AssessmentInput = z.input<typeof assessmentInput>;

export const actionInput = z
  .object({
    description: text(4000),
    /** The measure's feature id (article). */
    featureId,
    ownerId: id,
    due: isoDate,
  })
  .strict();
export type ActionInput = z.input<typeof actionInput>;

export const actionDoneInput = z.object({ note: text(4000) }).strict();
export type ActionDoneInput = z.input<typeof actionDoneInput>;

export const ownerOption = z.object({
  id,
  name: z.string(),
  employeeNumber: z.string().nullable(),
  unitName: z.string().nullable(),
  sectionName: z.string().nullable(),
});
export type OwnerOption = z.infer<typeof ownerOption>;

export const evaluationSummary = z.object({
  id,
  fiscalYear: z.number().int(),
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  status: z.enum(EVALUATION_STATUSES),
  decidedAt: z.string().nullable(),
  actions: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
});
export type EvaluationSummary = z.infer<typeof evaluationSummary>;

export const actionView = z.object({
  id,
  description: z.string(),
  featureId: z.string(),
  owner: personRef.nullable(),
  due: isoDate,
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  canComplete: z.boolean(),
});
export type ActionView = z.infer<typeof actionView>;

export const auditInputView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  kind: z.string(),
  reportedAt: z.string().nullable(),
  findings: z.number().int(),
  openFindings: z.number().int(),
  path: z.string(),
});

export const evaluationView = evaluationSummary.extend({
  /** The fiscal year's days (YYYY-04-01 … YYYY+1-03-31). */
  from: isoDate,
  to: isoDate,
  assessment: z.string().nullable(),
  decidedBy: personRef.nullable(),
  /** Inputs (A38 「監査又は点検の結果等を踏まえ」): audits reported in the year … */
  audits: z.array(auditInputView),
  /** … and inspections of the year in the evaluation's scope, with their issues. */
  inspections: z.array(
    inspectionSummary.extend({ issues: z.string().nullable(), actions: z.string().nullable() }),
  ),
  actionList: z.array(actionView),
  can: z.object({ edit: z.boolean(), decide: z.boolean() }),
});
export type EvaluationView = z.infer<typeof evaluationView>;

// ───────────────────────────── committee (A9) ─────────────────────────────

/** scheduled (開催予定) → held (開催済, minutes recorded). */
export const MEETING_STATUSES = ['scheduled', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const meetingInput = z
  .object({
    heldOn: isoDate,
    /** 開始時刻 (HH:MM), optional. */
    time: z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'HH:MM')
      .nullable()
      .default(null),
    place: text(200),
    agenda: z.array(text(500)).min(1).max(30),
  })
  .strict();
export type MeetingInput = z.input<typeof meetingInput>;

export const decisionInput = z
  .object({ text: text(4000), featureId: featureId.nullable().default(null) })
  .strict();
export const heldInput = z
  .object({
    decisions: z.array(decisionInput).max(50).default([]),
    minutes: text(50000),
  })
  .strict();
export type HeldInput = z.input<typeof heldInput>;

export const meetingSummary = z.object({
  id,
  number: z.string(),
  heldOn: isoDate,
  time: z.string().nullable(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
  agendaCount: z.number().int(),
  hasMinutes: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingView = meetingSummary.extend({
  agenda: z.array(z.string()),
  decisions: z.array(z.object({ text: z.string(), featureId: z.string().nullable() })),
  minutes: z.string().nullable(),
  document: documentRef.nullable(),
  recordedBy: personRef.nullable(),
  recordedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean(), hold: z.boolean(), upload: z.boolean() }),
});
export type MeetingView = z.infer<typeof meetingView>;

export const committeeView = z.object({
  /** The chair (委員長): the 総括管理者 of the day. */
  chair: personRef.nullable(),
  /** Current committee_member appointments. */
  members: z.array(personRef),
  meetings: z.array(meetingSummary),
  canEdit: z.boolean(),
});
export type CommitteeView = z.infer<typeof committeeView>;

// ───────────────────────────── guidance (A39) ─────────────────────────────

/** Suggested ministries and agencies (free text is allowed). */
export const MINISTRY_SUGGESTIONS = ['文部科学省', '個人情報保護委員会', 'デジタル庁', '総務省'] as const;

export const guidanceInput = z
  .object({
    receivedOn: isoDate,
    ministry: text(200),
    subject: text(300),
    summary: text(8000),
    /** 対応 (what the organisation did); null while none. */
    response: optionalText(8000),
  })
  .strict();
export type GuidanceInput = z.input<typeof guidanceInput>;

export const guidanceView = z.object({
  id,
  receivedOn: isoDate,
  ministry: z.string(),
  subject: z.string(),
  summary: z.string(),
  response: z.string().nullable(),
  document: documentRef.nullable(),
  recordedBy: personRef.nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type GuidanceView = z.infer<typeof guidanceView>;

// ───────────────────────────── supplementary rules (A40) ─────────────────────────────

export const localRuleInput = z
  .object({
    /** null: organisation-wide (A40-1, 総括管理者); a unit: that unit's (A40-2, its 総括保護管理者). */
    unitId: id.nullable().default(null),
    title: text(300),
    /** 規程番号 (「東京高専規程第12号」), optional. */
    number: optionalText(100),
    effectiveOn: isoDate,
  })
  .strict();
export type LocalRuleInput = z.input<typeof localRuleInput>;

export const localRuleUpdate = z
  .object({
    title: text(300),
    number: optionalText(100),
    effectiveOn: isoDate,
    /** 廃止・改正により失効. */
    superseded: z.boolean(),
  })
  .strict();
export type LocalRuleUpdate = z.input<typeof localRuleUpdate>;

export const localRuleListQuery = z.object({
  /** 'organisation' lists A40-1 rules only; a unit id that unit's. */
  unitId: z.union([id, z.literal('organisation')]).optional(),
  superseded: z.enum(['include', 'exclude']).default('include'),
});
export type LocalRuleListQuery = z.input<typeof localRuleListQuery>;

export const localRuleView = z.object({
  id,
  unitId: id.nullable(),
  unitName: z.string().nullable(),
  /** 'A40-1' or 'A40-2'. */
  article: z.string(),
  title: z.string(),
  number: z.string().nullable(),
  effectiveOn: isoDate,
  superseded: z.boolean(),
  document: documentRef.nullable(),
  createdAt: z.string(),
  canEdit: z.boolean(),
});
export type LocalRuleView = z.infer<typeof localRuleView>;

// ───────────────────────────── historical materials (A41) ─────────────────────────────

export const historicalInput = z
  .object({
    fileId: id,
    /** 内閣総理大臣の指定を受けた施設の名称. */
    facilityName: text(200),
    /** 指定年月日. */
    designatedOn: isoDate,
    note: optionalText(4000),
  })
  .strict();
export type HistoricalInput = z.input<typeof historicalInput>;

export const unmarkInput = z.object({ reason: text(2000) }).strict();
export type UnmarkInput = z.input<typeof unmarkInput>;

export const historicalListQuery = z.object({
  status: z.enum(['marked', 'all']).default('marked'),
});
export type HistoricalListQuery = z.input<typeof historicalListQuery>;

export const historicalView = z.object({
  id,
  fileId: id,
  fileName: z.string(),
  unitId: id,
  unitName: z.string(),
  sectionId: id,
  sectionName: z.string(),
  facilityName: z.string(),
  designatedOn: isoDate,
  note: z.string().nullable(),
  markedBy: personRef.nullable(),
  markedAt: z.string(),
  unmarkedAt: z.string().nullable(),
  unmarkReason: z.string().nullable(),
  /** Register file page. */
  filePath: z.string(),
  canUnmark: z.boolean(),
});
export type HistoricalView = z.infer<typeof historicalView>;
