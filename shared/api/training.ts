import { z } from 'zod';
import { ROLES } from '../roles.ts';

/**
 * Training (issue 10; rule 65 第10条, A10-1..4): the HTTP contract.
 * - A10-1: 総括管理者 trains all staff who handle held personal information (general course).
 * - A10-2: 総括管理者 trains the staff who manage information systems (システム管理者 and the like).
 * - A10-3: 総括保護管理者 trains 保護管理者・保護担当者 (managers and staff).
 * - A10-4: 保護管理者 has the section's staff take part (enrols them, records their attendance).
 * A course's completion is valid for `recurrenceMonths` (null = once, for ever); a course may be a
 * precondition of a vault grant (A11-1) or a My Number handler appointment (A7の2).
 */
const id = z.uuid();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);

/** The four kinds of A10 (A10-1 general … A10-4 section participation). */
export const COURSE_KINDS = ['general', 'system_staff', 'managers', 'section'] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];
/** The article behind each kind. */
export const COURSE_KIND_ARTICLE: Record<CourseKind, string> = {
  general: 'A10-1',
  system_staff: 'A10-2',
  managers: 'A10-3',
  section: 'A10-4',
};

/** What completion may be a precondition of: a vault grant (A11-1), a My Number handler appointment (A7の2). */
export const TRAINING_PURPOSES = ['vault_grant', 'mynumber_handler'] as const;
export type TrainingPurposeCode = (typeof TRAINING_PURPOSES)[number];

/** in_person: a date, a place, a capacity; online: material open for a period, completed by the person. */
export const SESSION_MODES = ['in_person', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** A person's standing on a required course (due_soon: within DUE_SOON_DAYS of its due date). */
export const TRAINING_STATUSES = ['completed', 'due_soon', 'overdue', 'never'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];
export const DUE_SOON_DAYS = 14;

// ───────────────────────────── inputs ─────────────────────────────

/** Who must take a course: everyone ('all staff'), or holders of roles, or staff of units / sections. */
export const audienceInput = z.object({
  all: z.boolean().default(false),
  roles: z.array(z.enum(ROLES)).max(ROLES.length).default([]),
  unitIds: z.array(id).max(100).default([]),
  sectionIds: z.array(id).max(500).default([]),
});
export type AudienceInput = z.infer<typeof audienceInput>;

export const courseInput = z.object({
  kind: z.enum(COURSE_KINDS),
  title: text(200),
  description: z.string().trim().max(4000).default(''),
  /** The unit that keeps the course (its 総括保護管理者), or null: the organisation's (総括管理者). */
  ownerUnitId: id.nullable().default(null),
  audience: audienceInput,
  /** Months a completion stays valid (12 = yearly); null = once. */
  recurrenceMonths: z.number().int().min(1).max(120).nullable().default(12),
  /** Days a newcomer (or anyone never trained) has from the course's start before it is due. */
  dueDays: z.number().int().min(0).max(730).default(30),
  requiredFor: z.array(z.enum(TRAINING_PURPOSES)).max(2).default([]),
  active: z.boolean().default(true),
});
export type CourseInput = z.infer<typeof courseInput>;

/** A change of a course by its keeper (every field optional; the owner scope never changes). */
export const courseUpdateInput = courseInput.omit({ ownerUnitId: true }).partial();
export type CourseUpdateInput = z.infer<typeof courseUpdateInput>;

export const sessionInput = z.object({
  mode: z.enum(SESSION_MODES),
  /** in_person: the day held; online: the first day the material is open. */
  heldOn: isoDate,
  /** online: the last day the material is open (inclusive); in_person: null. */
  closesOn: isoDate.nullable().default(null),
  place: z.string().trim().max(200).default(''),
  capacity: z.number().int().min(1).max(10000).nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});
export type SessionInput = z.infer<typeof sessionInput>;

/** Enrolment (A10-4: a 保護管理者 enrols the section's staff; a keeper anyone in the audience). */
export const enrolInput = z.object({ personIds: z.array(id).min(1).max(500) });
export type EnrolInput = z.infer<typeof enrolInput>;

/** Attendance / completion recorded by the keeper or (A10-4) the section's 保護管理者. */
export const completionInput = z.object({
  personIds: z.array(id).min(1).max(500),
  /** Defaults to the session's day (in person) or today (online). */
  completedOn: isoDate.nullable().default(null),
});
export type CompletionInput = z.infer<typeof completionInput>;

/**
 * Narrows a session's participants to a unit or a section. Without it, a keeper of a large audience
 * (over PARTICIPANTS_MAX people) sees only those enrolled or completed (participantsLimited).
 */
export const sessionQuery = z.object({
  unitId: id.optional(),
  sectionId: id.optional(),
});
export type SessionQuery = z.infer<typeof sessionQuery>;
export const PARTICIPANTS_MAX = 300;

export const overdueQuery = z.object({
  unitId: id.optional(),
  sectionId: id.optional(),
});
export type OverdueQuery = z.infer<typeof overdueQuery>;

// ───────────────────────────── views ─────────────────────────────

export const audienceView = z.object({
  all: z.boolean(),
  roles: z.array(z.enum(ROLES)),
  units: z.array(z.object({ id, name: z.string() })),
  sections: z.array(z.object({ id, name: z.string() })),
});
export type AudienceView = z.infer<typeof audienceView>;

export const materialView = z.object({
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  /** Where to download it (GET). */
  path: z.string(),
});
export type MaterialView = z.infer<typeof materialView>;

export const courseSummaryView = z.object({
  id,
  number: z.string(),
  kind: z.enum(COURSE_KINDS),
  article: z.string(),
  title: z.string(),
  ownerUnitId: id.nullable(),
  ownerUnitName: z.string().nullable(),
  recurrenceMonths: z.number().int().nullable(),
  dueDays: z.number().int(),
  requiredFor: z.array(z.enum(TRAINING_PURPOSES)),
  active: z.boolean(),
  sessions: z.number().int(),
  /** The caller may change the course and add sessions. */
  canEdit: z.boolean(),
});
export type CourseSummaryView = z.infer<typeof courseSummaryView>;
export const courseListView = z.object({
  courses: z.array(courseSummaryView),
  /** The caller may create a course: for the organisation (総括管理者) and/or these units. */
  canCreate: z.object({ organisation: z.boolean(), unitIds: z.array(id) }),
});
export type CourseListView = z.infer<typeof courseListView>;

export const sessionSummaryView = z.object({
  id,
  courseId: id,
  mode: z.enum(SESSION_MODES),
  heldOn: isoDate,
  closesOn: isoDate.nullable(),
  place: z.string(),
  capacity: z.number().int().nullable(),
  note: z.string(),
  enrolled: z.number().int(),
  completed: z.number().int(),
});
export type SessionSummaryView = z.infer<typeof sessionSummaryView>;

export const courseView = courseSummaryView.extend({
  description: z.string(),
  audience: audienceView,
  material: materialView.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sessionList: z.array(sessionSummaryView),
});
export type CourseView = z.infer<typeof courseView>;

/** One person of a session's audience, as the keeper or the 保護管理者 sees them (staff only; no held data). */
export const participantView = z.object({
  personId: id,
  employeeNumber: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  sectionName: z.string().nullable(),
  enrolled: z.boolean(),
  /** Completed at this session, on this day. */
  completedOn: isoDate.nullable(),
  /** Their standing on the course (any session). */
  status: z.enum(TRAINING_STATUSES),
});
export type ParticipantView = z.infer<typeof participantView>;

export const sessionView = sessionSummaryView.extend({
  courseNumber: z.string(),
  courseTitle: z.string(),
  courseKind: z.enum(COURSE_KINDS),
  /** The people of the audience the caller may enrol or record (keepers: all; 保護管理者: its section). */
  participants: z.array(participantView),
  /** The audience is larger than PARTICIPANTS_MAX: only those enrolled or completed are listed (filter by unit or section for the rest). */
  participantsLimited: z.boolean(),
  canEnrol: z.boolean(),
  canRecord: z.boolean(),
  /** The caller may complete it themself (online, open today, caller in the audience). */
  canCompleteSelf: z.boolean(),
  /** The caller's own completion at this session. */
  myCompletedOn: isoDate.nullable(),
});
export type SessionView = z.infer<typeof sessionView>;

/** A required course of one person: its due date and standing. */
export const requirementView = z.object({
  courseId: id,
  courseNumber: z.string(),
  title: z.string(),
  kind: z.enum(COURSE_KINDS),
  article: z.string(),
  requiredFor: z.array(z.enum(TRAINING_PURPOSES)),
  status: z.enum(TRAINING_STATUSES),
  /** null: a once-only course completed (never due again). */
  dueOn: isoDate.nullable(),
  lastCompletedOn: isoDate.nullable(),
  /** null: valid for ever (a once-only course completed). */
  validUntil: isoDate.nullable(),
  /** Online sessions open today the person may complete themself. */
  openSessions: z.array(sessionSummaryView),
});
export type RequirementView = z.infer<typeof requirementView>;

export const myTrainingView = z.object({
  asOf: isoDate,
  requirements: z.array(requirementView),
  /** Upcoming in-person sessions the person is enrolled in. */
  enrolments: z.array(sessionSummaryView.extend({ courseTitle: z.string() })),
});
export type MyTrainingView = z.infer<typeof myTrainingView>;

export const overduePersonView = z.object({
  personId: id,
  employeeNumber: z.string(),
  name: z.string(),
  unitId: id,
  unitName: z.string().nullable(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
  courseId: id,
  courseNumber: z.string(),
  courseTitle: z.string(),
  dueOn: isoDate,
  lastCompletedOn: isoDate.nullable(),
});
export type OverduePersonView = z.infer<typeof overduePersonView>;

export const overdueCountView = z.object({
  unitId: id,
  unitName: z.string().nullable(),
  sectionId: id.nullable(),
  sectionName: z.string().nullable(),
  count: z.number().int(),
});

/** Overdue lists (A10): people and counts per unit and per section, within the caller's scope. */
export const overdueListView = z.object({
  asOf: isoDate,
  people: z.array(overduePersonView),
  byUnit: z.array(overdueCountView),
  bySection: z.array(overdueCountView),
});
export type OverdueListView = z.infer<typeof overdueListView>;
