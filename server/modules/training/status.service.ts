import {
  overdueQuery,
  type MyTrainingView,
  type OverdueListView,
  type OverduePersonView,
  type RequirementView,
} from '../../../shared/api/training.ts';
import type { Ctx } from '../../platform/context.ts';
import type { TrainingDeps } from './training.deps.ts';
import type { Directory, TrainingCore } from './training.core.ts';
import { trainingRepo } from './training.repo.ts';
import { articleOf, inAudience, requiredForOf, type CourseRow } from './training.rules.ts';

/** A person's overdue courses (active courses whose audience holds them, past due). */
export function overdueLines(core: TrainingCore, dir: Directory, courses: CourseRow[]): OverduePersonView[] {
  const lines: OverduePersonView[] = [];
  for (const c of courses) {
    for (const { person: p, standing } of core.requiredOf(dir, c)) {
      if (standing.status !== 'overdue' || !standing.dueOn) continue;
      lines.push({
        personId: p.id,
        employeeNumber: p.employeeNumber,
        name: p.name,
        unitId: p.unitId,
        unitName: dir.units.get(p.unitId) ?? null,
        sectionId: p.sectionId,
        sectionName: p.sectionId ? (dir.sections.get(p.sectionId) ?? null) : null,
        courseId: c.id,
        courseNumber: c.number,
        courseTitle: c.title,
        dueOn: standing.dueOn,
        lastCompletedOn: standing.lastCompletedOn,
      });
    }
  }
  return lines;
}

/**
 * What is required of each person and where they stand (A10): their own list (GET /me), and the
 * overdue lists per unit and section for those who answer for them — the course keepers and
 * 総括保護管理者 (their unit), 保護管理者 (their section), the 監査責任者, 理事長 and 総括管理者 (all).
 */
export function createStatusService(deps: TrainingDeps, core: TrainingCore) {
  const { database, authz, clock } = deps;

  async function me(ctx: Ctx): Promise<MyTrainingView> {
    const today = clock.today();
    const personId = core.me(ctx);
    if (!personId) return { asOf: today, requirements: [], enrolments: [] };
    const [dir, courses, sessions, enrolments] = await Promise.all([
      core.directory(personId),
      trainingRepo.activeCourses(database.db),
      trainingRepo.allSessions(database.db),
      trainingRepo.enrolmentsOf(database.db, personId),
    ]);
    const p = dir.byId.get(personId);
    const requirements: RequirementView[] = [];
    const titles = new Map(courses.map((c) => [c.id, c.title]));
    for (const c of courses) {
      if (!p || !inAudience(c, p)) continue;
      const s = core.standing(dir, c, p);
      requirements.push({
        courseId: c.id,
        courseNumber: c.number,
        title: c.title,
        kind: c.kind as RequirementView['kind'],
        article: articleOf(c.kind),
        requiredFor: requiredForOf(c),
        status: s.status,
        dueOn: s.dueOn,
        lastCompletedOn: s.lastCompletedOn,
        validUntil: s.validUntil,
        openSessions: sessions
          .filter((x) => x.course_id === c.id && core.openToday(x, today))
          .map((x) => core.sessionSummary(x, 0, 0)),
      });
    }
    const mine = new Set(enrolments.map((e) => e.session_id));
    return {
      asOf: today,
      requirements,
      enrolments: sessions
        .filter((x) => mine.has(x.id) && titles.has(x.course_id) && (x.closes_on ?? x.held_on) >= today)
        .map((x) => ({ ...core.sessionSummary(x, 0, 0), courseTitle: titles.get(x.course_id) ?? '' })),
    };
  }

  /** Overdue lists with counts per unit and per section, within what the caller reads. */
  async function overdue(ctx: Ctx, raw: unknown): Promise<OverdueListView> {
    const q = overdueQuery.parse(raw ?? {});
    await authz.assertCan(ctx, 'read', 'TrainingOverdue');
    const [dir, courses] = await Promise.all([core.directory(), trainingRepo.activeCourses(database.db)]);
    const people = overdueLines(core, dir, courses)
      .filter((l) => authz.can(ctx, 'read', 'TrainingOverdue', { unitId: l.unitId, sectionId: l.sectionId }))
      .filter((l) => (!q.unitId || l.unitId === q.unitId) && (!q.sectionId || l.sectionId === q.sectionId))
      .sort(
        (a, b) =>
          a.employeeNumber.localeCompare(b.employeeNumber) || a.courseNumber.localeCompare(b.courseNumber),
      );
    const count = (key: (l: OverduePersonView) => string) => {
      const groups = new Map<string, { line: OverduePersonView; people: Set<string> }>();
      for (const l of people) {
        const k = key(l);
        const g = groups.get(k) ?? { line: l, people: new Set<string>() };
        g.people.add(l.personId);
        groups.set(k, g);
      }
      return [...groups.values()].map((g) => ({ ...g.line, people: g.people.size }));
    };
    return {
      asOf: clock.today(),
      people,
      byUnit: count((l) => l.unitId).map((g) => ({
        unitId: g.unitId,
        unitName: g.unitName,
        sectionId: null,
        sectionName: null,
        count: g.people,
      })),
      bySection: count((l) => `${l.unitId} ${l.sectionId ?? ''}`).map((g) => ({
        unitId: g.unitId,
        unitName: g.unitName,
        sectionId: g.sectionId,
        sectionName: g.sectionName,
        count: g.people,
      })),
    };
  }

  return { me, overdue };
}

export type StatusService = ReturnType<typeof createStatusService>;
