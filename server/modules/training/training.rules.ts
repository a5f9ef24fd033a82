import {
  COURSE_KIND_ARTICLE,
  DUE_SOON_DAYS,
  type CourseKind,
  type TrainingPurposeCode,
  type TrainingStatus,
} from '../../../shared/api/training.ts';
import type { Role } from '../../../shared/roles.ts';
import type { TrainingCourseTable } from '../../platform/db/schema-training.ts';
import type { RosterEntry } from '../organisation/index.ts';

export type CourseRow = TrainingCourseTable;

const DAY_MS = 86_400_000;
const parse = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (isoDate: string, days: number) => fmt(parse(isoDate) + days * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((parse(to) - parse(from)) / DAY_MS);

/** The same day `months` later (the month's last day when it has no such day: 01-31 + 1 → 02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The Japanese fiscal year of a day (April to March): 2027-02-01 → 2026. */
export const fiscalYear = (isoDate: string) => {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
};

export const articleOf = (kind: string) => COURSE_KIND_ARTICLE[kind as CourseKind] ?? 'A10';

export interface Audience {
  all: boolean;
  roles: Role[];
  unitIds: string[];
  sectionIds: string[];
}

const list = <T = string>(json: string) => JSON.parse(json) as T[];
export const audienceOf = (c: CourseRow): Audience => ({
  all: c.audience_all === 1,
  roles: list<Role>(c.audience_roles),
  unitIds: list(c.audience_unit_ids),
  sectionIds: list(c.audience_section_ids),
});
export const requiredForOf = (c: CourseRow) => list<TrainingPurposeCode>(c.required_for);

/**
 * Whether a person must take a course (A10): a unit's course reaches its own staff only; within
 * that, everyone ('all staff'), or the holders of its roles, or the staff of its units and sections.
 */
export function inAudience(c: CourseRow, p: RosterEntry): boolean {
  const a = audienceOf(c);
  if (c.owner_unit_id && p.unitId !== c.owner_unit_id) return false;
  if (a.all) return true;
  if (a.roles.some((r) => p.roles.some((held) => held.role === r))) return true;
  if (a.unitIds.includes(p.unitId)) return true;
  return p.sectionId !== null && a.sectionIds.includes(p.sectionId);
}

export interface Standing {
  status: TrainingStatus;
  dueOn: string | null;
  lastCompletedOn: string | null;
  validUntil: string | null;
  /** A completion counts today (never completed or lapsed: false). */
  valid: boolean;
}

/**
 * A person's standing on a course: a completion is valid until completion + recurrence (null: for
 * ever) and then due again; never completed, it is due `due_days` after the course began to apply
 * to them (its start, or their joining when later — newcomers).
 */
export function standingOf(
  c: CourseRow,
  lastCompletedOn: string | null,
  joinedOn: string | null,
  today: string,
): Standing {
  let dueOn: string | null;
  let validUntil: string | null = null;
  let valid = false;
  if (lastCompletedOn) {
    validUntil = c.recurrence_months === null ? null : addMonths(lastCompletedOn, c.recurrence_months);
    dueOn = validUntil;
    valid = validUntil === null || today <= validUntil;
  } else {
    const from = joinedOn && joinedOn > c.starts_on ? joinedOn : c.starts_on;
    dueOn = addDays(from, c.due_days);
  }
  let status: TrainingStatus;
  if (dueOn !== null && today > dueOn) status = 'overdue';
  else if (dueOn !== null && daysBetween(today, dueOn) <= DUE_SOON_DAYS) status = 'due_soon';
  else status = lastCompletedOn ? 'completed' : 'never';
  return { status, dueOn, lastCompletedOn, validUntil, valid };
}
