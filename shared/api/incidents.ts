import { z } from 'zod';

/**
 * Incidents (issue 8; rule 65 A34–A35; 個人情報保護法68条 and 規則43–45): the HTTP contract.
 * An incident is reported by anyone (A34-1), contained and investigated by the section's 保護管理者
 * (A34-2, -3, -5), escalated along the rule's chain (A34-3, -4, -6, -7), reported to the 個人情報保護委員会
 * where the law says so (法68①), told to the persons affected (法68②), published (A35) and closed only
 * when its recurrence-prevention measures are done (A34-5).
 * Free texts describe what happened for the organisation; the forms ask staff not to write a held
 * person's name or values into them (the persons are counted, not named).
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
/** An instant with its offset (the browser sends local time with +09:00, or Z). */
const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

// ───────────────────────────── the chain (A34) and the law's track (法68) ─────────────────────────────

/**
 * The dated steps of an incident beyond its report, in the rule's order:
 * - chief_protection: 保護管理者 → 総括保護管理者 (A34-3; 直ちに when 特に重大, before the investigation ends)
 * - chief_manager: 総括保護管理者 → 総括管理者 and 理事長 (A34-4; 事案の内容等に応じて)
 * - ministries: 総括管理者 → 関係省庁 (A34-6; 事案の内容等に応じて)
 * - ppc_my_number: 総括管理者 → 個人情報保護委員会 under the 番号法 (A34-7; My Number cases only)
 * - ppc_preliminary / ppc_final: the law's 速報 and 確報 to the 個人情報保護委員会 (法68①, 規則43–44)
 * - mic_informed: 総括管理者 → 総務省 for a published incident (A35-2)
 */
export const INCIDENT_STEPS = [
  'chief_protection',
  'chief_manager',
  'ministries',
  'ppc_my_number',
  'ppc_preliminary',
  'ppc_final',
  'mic_informed',
] as const;
export type IncidentStep = (typeof INCIDENT_STEPS)[number];

/** done: recorded with its time; not_needed: decided so, with a reason (only where the rule leaves it to judgement). */
export const STEP_OUTCOMES = ['done', 'not_needed'] as const;
export type StepOutcome = (typeof STEP_OUTCOMES)[number];

/** The role that takes a step or an action (shown as 「次に対応する人」). */
export const INCIDENT_ACTORS = ['protection_manager', 'chief_protection_manager', 'chief_manager'] as const;
export type IncidentActor = (typeof INCIDENT_ACTORS)[number];

/** The four cases of 規則43 that make a report to the 個人情報保護委員会 mandatory (法68①). */
export const PPC_CASES = ['sensitive', 'financial', 'wrongful', 'over_threshold'] as const;
export type PpcCase = (typeof PPC_CASES)[number];

/** How affected persons were told (法68②). */
export const NOTICE_METHODS = ['letter', 'email', 'phone', 'in_person', 'other'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/** What an incident links to (A34-3 "影響の範囲"): a register file, a vault record, a log entry, a request. */
export const LINK_KINDS = ['file', 'record', 'log_entry', 'approval_request'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** Kinds of entries in an incident's timeline (each with its time, person and note). */
export const TIMELINE_KINDS = [
  'reported',
  'containment',
  'facts_updated',
  'link_added',
  'link_removed',
  'step_done',
  'step_not_needed',
  'notice_recorded',
  'publication_recorded',
  'measure_added',
  'measure_done',
  'closed',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

// ───────────────────────────── inputs ─────────────────────────────

/** The report (A34-1): a few fields, from any page. */
export const reportInput = z
  .object({
    /** What happened or is feared (「USBメモリを紛失した」…), without held persons' names or values. */
    summary: text(2000),
    /** 知った日時: when the reporter came to know (the law's clock starts here); not in the future. */
    awareAt: instant,
    /** The register's files involved, if known (they decide the responsible 保護管理者). */
    fileIds: z.array(id).max(20).default([]),
    /** Systems, media or places involved, in words (「教務システム」「教務係 USBメモリ No.1」). */
    systems: optionalText(1000),
    /** What the reporter has done already (A34-2 直ちに: 「LANケーブルを抜いた」). */
    actionsTaken: optionalText(2000),
    /** Where no file is named: the section whose 保護管理者 is told (default: the reporter's own). */
    sectionId: id.nullable().default(null),
  })
  .strict();
export type ReportInput = z.input<typeof reportInput>;

/** An immediate measure (A34-2), with when it was taken. */
export const containmentInput = z.object({ at: instant, text: text(2000) }).strict();
export type ContainmentInput = z.input<typeof containmentInput>;

/** What the investigation found (A34-3, A34-5; the law's items, 規則44). Saved as often as needed. */
export const factsInput = z
  .object({
    cause: optionalText(4000),
    damage: optionalText(4000),
    /** The items of information involved (記録項目: 「氏名、住所、成績」). */
    items: optionalText(2000),
    /** Persons affected; null while unknown. */
    personsCount: z.number().int().min(0).max(100_000_000).nullable().default(null),
    /** 要配慮個人情報 involved (case 1) … */
    sensitive: z.boolean().default(false),
    /** … but protected by strong encryption (高度な暗号化), which takes case 1 away (規則43①). */
    strongEncryption: z.boolean().default(false),
    /** Misuse could cause 財産的被害 (case 2). */
    financialRisk: z.boolean().default(false),
    /** May have been done 不正の目的 (case 3; the 確報 is then due in 60 days). */
    wrongfulPurpose: z.boolean().default(false),
    /** My Numbers involved (A34-7; also reported under the 番号法). */
    myNumber: z.boolean().default(false),
    /** 特に重大 (A34-3 ただし: the 総括保護管理者 is told 直ちに, before the investigation ends). */
    serious: z.boolean().default(false),
    /** 二次被害又はそのおそれ. */
    secondaryDamage: optionalText(2000),
  })
  .strict();
export type FactsInput = z.input<typeof factsInput>;
export type Facts = z.output<typeof factsInput>;

export const linkInput = z
  .object({
    kind: z.enum(LINK_KINDS),
    /** file, record: the id; log_entry: the leaf number; approval_request: its number (R2026-000123). */
    ref: text(80),
  })
  .strict();
export type LinkInput = z.input<typeof linkInput>;

export const stepInput = z
  .object({
    step: z.enum(INCIDENT_STEPS),
    outcome: z.enum(STEP_OUTCOMES).default('done'),
    /** When it was done (not in the future, not before 知った日時). */
    at: instant,
    /** To whom (「文部科学省 高等教育局 専門教育課」) or the PPC's 受付番号. */
    to: optionalText(300),
    /** What was reported, or why the step is not needed (required for not_needed). */
    note: optionalText(4000),
  })
  .strict();
export type StepInput = z.input<typeof stepInput>;

/** Notice to the persons affected (法68②) or the substitute measure where notice is impossible. */
export const noticeInput = z
  .object({
    notifiedOn: isoDate.nullable().default(null),
    method: z.enum(NOTICE_METHODS).nullable().default(null),
    count: z.number().int().min(0).max(100_000_000).nullable().default(null),
    /** Where notice is impossible: why, and what was done instead (e.g. publication). */
    substitute: optionalText(2000),
    note: optionalText(2000),
  })
  .strict();
export type NoticeInput = z.input<typeof noticeInput>;

/** The decision on publication of facts and measures (A35-1) and, if published, its text and day. */
export const publicationInput = z
  .object({
    publish: z.boolean(),
    /** Why (required when not publishing). */
    reason: optionalText(2000),
    text: optionalText(8000),
    publishedOn: isoDate.nullable().default(null),
    /** The response to the persons concerned (A35-1 「本人への対応等」). */
    response: optionalText(2000),
  })
  .strict();
export type PublicationInput = z.input<typeof publicationInput>;

export const measureInput = z.object({ text: text(2000), ownerId: id, due: isoDate }).strict();
export type MeasureInput = z.input<typeof measureInput>;
export const measureDoneInput = z.object({ note: text(2000) }).strict();

export const closeInput = z.object({ summary: text(4000) }).strict();

/** Configurable deadlines (issue 8 "all configurable"), kept by the 総括管理者 or the システム管理者. */
export const incidentSettings = z
  .object({
    /** 速報: 速やかに — the PPC's practice is 3–5 days after 知った日時. */
    preliminaryDays: z.number().int().min(1).max(30),
    /** 確報: 30 days (規則44). */
    finalDays: z.number().int().min(1).max(120),
    /** 確報 where 不正の目的 may be involved: 60 days. */
    finalDaysWrongful: z.number().int().min(1).max(180),
    /** More than this many persons makes the report mandatory (100 for 行政機関等). */
    personsThreshold: z.number().int().min(1).max(1_000_000),
    /** Reminder mails start this many days before a due date. */
    reminderDays: z.number().int().min(0).max(30),
    /** The rule's 速やかに for the internal chain, in hours per step. */
    internalHours: z.number().int().min(1).max(720),
  })
  .strict();
export type IncidentSettings = z.infer<typeof incidentSettings>;
export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = {
  preliminaryDays: 5,
  finalDays: 30,
  finalDaysWrongful: 60,
  personsThreshold: 100,
  reminderDays: 3,
  internalHours: 24,
};

export const incidentListQuery = z.object({
  state: z.enum(['open', 'closed', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

// ───────────────────────────── views ─────────────────────────────

/** The law's decision (法68①) from the facts: null required while the count is unknown and no other case holds. */
export const ppcDecisionView = z.object({
  required: z.boolean().nullable(),
  cases: z.array(z.enum(PPC_CASES)),
  /** A My Number case: also the 番号法's report (A34-7). */
  myNumber: z.boolean(),
});
export type PpcDecision = z.infer<typeof ppcDecisionView>;

/** A due date: the day (JST) by the end of which something must be done. */
export const deadlineView = z.object({
  what: z.enum(['ppc_preliminary', 'ppc_final', 'internal', 'measure']),
  /** For internal: the step; for measure: the measure's id. */
  ref: z.string().nullable(),
  due: z.string(),
  met: z.boolean(),
  overdue: z.boolean(),
});
export type DeadlineView = z.infer<typeof deadlineView>;

export const nextActionView = z.object({
  /** A step of the chain, or: contain, investigate, notice, publication, measures, close. */
  action: z.string(),
  actor: z.enum(INCIDENT_ACTORS),
  actorNames: z.array(z.string()),
  due: z.string().nullable(),
  article: z.string(),
});
export type NextActionView = z.infer<typeof nextActionView>;

export const stepView = z.object({
  step: z.enum(INCIDENT_STEPS),
  /** pending: may be taken now; waiting: an earlier step comes first; not_applicable: does not apply. */
  status: z.enum(['done', 'not_needed', 'pending', 'waiting', 'not_applicable']),
  actor: z.enum(INCIDENT_ACTORS),
  at: z.string().nullable(),
  byName: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
  /** May be recorded as not needed (A34-4, -6: 事案の内容等に応じて). */
  optional: z.boolean(),
  canRecord: z.boolean(),
});
export type StepView = z.infer<typeof stepView>;

export const timelineEntryView = z.object({
  id: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** When it happened (for containment and steps, as told), and when it was recorded. */
  at: z.string(),
  recordedAt: z.string(),
  byName: z.string().nullable(),
  text: z.string().nullable(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type TimelineEntryView = z.infer<typeof timelineEntryView>;

export const linkView = z.object({
  id: z.string(),
  kind: z.enum(LINK_KINDS),
  ref: z.string(),
  /** 「学籍ファイル（東京 教務係）」「R2026-000123（複製）」「ログ #1234」. */
  label: z.string(),
  /** Where the app shows it, when the caller may see it there. */
  path: z.string().nullable(),
});
export type LinkView = z.infer<typeof linkView>;

export const measureView = z.object({
  id: z.string(),
  text: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  due: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  canComplete: z.boolean(),
});
export type MeasureView = z.infer<typeof measureView>;

export const incidentSummaryView = z.object({
  id: z.string(),
  number: z.string(),
  summary: z.string(),
  unitName: z.string(),
  sectionName: z.string(),
  status: z.enum(['open', 'closed']),
  awareAt: z.string(),
  reportedAt: z.string(),
  ppc: ppcDecisionView,
  serious: z.boolean(),
  /** The nearest unmet due date (the board is ordered by it), null when none. */
  nextDeadline: deadlineView.nullable(),
  nextActions: z.array(nextActionView),
  /** The caller is one of those who must act next. */
  mine: z.boolean(),
});
export type IncidentSummaryView = z.infer<typeof incidentSummaryView>;
export const incidentListView = z.object({
  incidents: z.array(incidentSummaryView),
  /** The caller may change the deadlines' settings (総括管理者, システム管理者). */
  canConfigure: z.boolean(),
});

export const incidentView = incidentSummaryView.extend({
  unitId: z.string(),
  sectionId: z.string(),
  reportedByName: z.string(),
  systems: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  facts: factsInput.extend({ updatedAt: z.string().nullable() }),
  deadlines: z.array(deadlineView),
  steps: z.array(stepView),
  links: z.array(linkView),
  measures: z.array(measureView),
  notice: noticeInput.extend({ recordedAt: z.string().nullable() }).nullable(),
  publication: publicationInput.extend({ recordedAt: z.string().nullable() }).nullable(),
  closedAt: z.string().nullable(),
  closeSummary: z.string().nullable(),
  timeline: z.array(timelineEntryView),
  /** The report to the 個人情報保護委員会 in its form's items (規則44), for copying into its web form. */
  ppcReport: z.array(z.object({ item: z.string(), text: z.string() })),
  /** People who may own a measure (the section's people and the chain's managers). */
  owners: z.array(z.object({ id: z.string(), name: z.string() })),
  /** What the caller may do now. */
  can: z.object({
    contain: z.boolean(),
    investigate: z.boolean(),
    link: z.boolean(),
    notice: z.boolean(),
    publication: z.boolean(),
    measures: z.boolean(),
    close: z.boolean(),
  }),
});
export type IncidentView = z.infer<typeof incidentView>;

/** What the report form offers: the files of the reporter's unit and its sections. */
export const reportFormView = z.object({
  files: z.array(
    z.object({ id: z.string(), name: z.string(), sectionId: z.string(), sectionName: z.string() }),
  ),
  sections: z.array(z.object({ id: z.string(), name: z.string() })),
  defaultSectionId: z.string().nullable(),
});
export type ReportFormView = z.infer<typeof reportFormView>;

/** For the navigation: open incidents the caller must act on. */
export const incidentCountsView = z.object({ toAct: z.number(), open: z.number() });
