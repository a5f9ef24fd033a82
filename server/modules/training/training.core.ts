import type { CourseSummaryView, SessionSummaryView } from '../../../shared/api/training.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import type { Executor } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { RosterEntry } from '../organisation/index.ts';
import type { TrainingDeps } from './training.deps.ts';
import { lastKey, trainingRepo, type SessionRow } from './training.repo.ts';
import {
  articleOf,
  inAudience,
  requiredForOf,
  standingOf,
  type CourseRow,
  type Standing,
} from './training.rules.ts';

export const subjectOf = (c: CourseRow) => ({ id: c.id, ownerUnitId: c.owner_unit_id });
export const coursePath = (id: string) => `/training/courses/${id}`;
export const sessionPath = (id: string) => `/training/sessions/${id}`;

/** The staff and their standings, read once per call (6,000 people, a few courses). */
export interface Directory {
  roster: RosterEntry[];
  byId: Map<string, RosterEntry>;
  last: Map<string, string>;
  joined: Map<string, string>;
  units: Map<string, string>;
  sections: Map<string, string>;
}

/** What the services of training share: loading with the caller's reach, audit, standings. */
export function createTrainingCore(deps: TrainingDeps) {
  const { database, authz, ledger, clock } = deps;

  /** The course if the caller may read it; else training.not_found (404, never 403). */
  async function visible(ctx: Ctx, id: string, db: Executor = database.db): Promise<CourseRow> {
    const c = await trainingRepo.course(db, id);
    if (!c || !authz.can(ctx, 'read', 'TrainingCourse', subjectOf(c)))
      throw new AppError('training.not_found');
    return c;
  }

  /** The course if the caller keeps it (A10: 総括管理者 or the unit's 総括保護管理者); else 403. */
  async function kept(ctx: Ctx, id: string): Promise<CourseRow> {
    const c = await visible(ctx, id);
    await authz.assertCan(ctx, 'keep', 'TrainingCourse', subjectOf(c));
    return c;
  }

  async function sessionOf(ctx: Ctx, id: string) {
    const s = await trainingRepo.session(database.db, id);
    if (!s) throw new AppError('training.not_found');
    const course = await visible(ctx, s.course_id);
    return { session: s, course };
  }

  const audit = (
    tx: Executor,
    ctx: Ctx,
    c: CourseRow,
    type: string,
    data: Record<string, unknown>,
    subject: { type: string; id: string } = { type: 'training_course', id: c.id },
  ) =>
    ledger.audit(tx, ctx, {
      type: `training.${type}`,
      subjectType: subject.type,
      subjectId: subject.id,
      unitId: c.owner_unit_id,
      data: { number: c.number, ...data },
    });

  async function directory(personId?: string): Promise<Directory> {
    const [roster, last, names] = await Promise.all([
      deps.roster(),
      trainingRepo.lastCompletions(database.db, personId),
      deps.names(),
    ]);
    const people = personId ? roster.filter((p) => p.id === personId) : roster;
    const joined = new Map(people.map((p) => [p.id, p.joinedOn]));
    return {
      roster: people,
      byId: new Map(people.map((p) => [p.id, p])),
      last,
      joined,
      units: names.units,
      sections: names.sections,
    };
  }

  const standing = (dir: Directory, c: CourseRow, p: RosterEntry, today = clock.today()): Standing =>
    standingOf(c, dir.last.get(lastKey(p.id, c.id)) ?? null, dir.joined.get(p.id) ?? null, today);

  /** The people a course requires, with their standing (A10). */
  const requiredOf = (dir: Directory, c: CourseRow) =>
    dir.roster.filter((p) => inAudience(c, p)).map((p) => ({ person: p, standing: standing(dir, c, p) }));

  /** The sections the caller arranges training for (A10-4: 保護管理者). */
  const arrangedSections = (ctx: Ctx): Set<string> =>
    new Set(
      ctx.actor.kind === 'person'
        ? ctx.actor.roles
            .filter((r) => r.role === 'protection_manager' && r.sectionId)
            .map((r) => r.sectionId!)
        : [],
    );

  function summary(c: CourseRow, ctx: Ctx, sessions: number, units: Map<string, string>): CourseSummaryView {
    return {
      id: c.id,
      number: c.number,
      kind: c.kind as CourseSummaryView['kind'],
      article: articleOf(c.kind),
      title: c.title,
      ownerUnitId: c.owner_unit_id,
      ownerUnitName: c.owner_unit_id ? (units.get(c.owner_unit_id) ?? null) : null,
      recurrenceMonths: c.recurrence_months,
      dueDays: c.due_days,
      requiredFor: requiredForOf(c),
      active: c.active === 1,
      sessions,
      canEdit: authz.can(ctx, 'keep', 'TrainingCourse', subjectOf(c)),
    };
  }

  const sessionSummary = (s: SessionRow, enrolled: number, completed: number): SessionSummaryView => ({
    id: s.id,
    courseId: s.course_id,
    mode: s.mode as SessionSummaryView['mode'],
    heldOn: s.held_on,
    closesOn: s.closes_on,
    place: s.place,
    capacity: s.capacity,
    note: s.note,
    enrolled,
    completed,
  });

  /** Online material open today (heldOn ≤ today ≤ closesOn). */
  const openToday = (s: SessionRow, today = clock.today()) =>
    s.mode === 'online' && s.held_on <= today && (s.closes_on === null || today <= s.closes_on);

  return {
    visible,
    kept,
    sessionOf,
    audit,
    directory,
    standing,
    requiredOf,
    arrangedSections,
    summary,
    sessionSummary,
    openToday,
    me: (ctx: Ctx) => actorPersonId(ctx),
  };
}

export type TrainingCore = ReturnType<typeof createTrainingCore>;
