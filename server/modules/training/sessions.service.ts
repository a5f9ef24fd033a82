import {
  completionInput,
  enrolInput,
  PARTICIPANTS_MAX,
  sessionInput,
  sessionQuery,
  type ParticipantView,
  type SessionView,
} from '../../../shared/api/training.ts';
import type { Ctx } from '../../platform/context.ts';
import { actorPersonId } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { RosterEntry } from '../organisation/index.ts';
import type { TrainingDeps } from './training.deps.ts';
import { subjectOf, type TrainingCore } from './training.core.ts';
import { trainingRepo, type SessionRow } from './training.repo.ts';
import { inAudience, type CourseRow } from './training.rules.ts';
import type { Suspensions } from './suspensions.ts';

/**
 * Sessions of a course: in person (a day, a place, a capacity) or online material (an open period).
 * The course's keeper enrols and records anyone of its audience; a section's 保護管理者 its section's
 * staff (A10-4: 課室等の職員を研修に参加させる); a person completes online material themself.
 */
export function createSessionsService(deps: TrainingDeps, core: TrainingCore, suspensions: Suspensions) {
  const { database, authz, clock } = deps;

  /** Whom the caller may enrol and record: 'all' (the keeper), the sections it arranges, or nobody. */
  function reach(ctx: Ctx, c: CourseRow): 'all' | Set<string> {
    if (authz.can(ctx, 'keep', 'TrainingCourse', subjectOf(c))) return 'all';
    return authz.can(ctx, 'arrange', 'TrainingCourse') ? core.arrangedSections(ctx) : new Set<string>();
  }
  const within = (r: 'all' | Set<string>, p: RosterEntry) =>
    r === 'all' || (p.sectionId !== null && r.has(p.sectionId));

  /** Checks the caller may act on these people (else 403, or 409 for people outside the audience). */
  async function people(ctx: Ctx, c: CourseRow, ids: string[]): Promise<RosterEntry[]> {
    const r = reach(ctx, c);
    if (r !== 'all' && r.size === 0) await authz.assertCan(ctx, 'keep', 'TrainingCourse', subjectOf(c));
    if (c.active !== 1) throw new AppError('training.course_inactive');
    const dir = await core.directory();
    const found = [...new Set(ids)].map((id) => dir.byId.get(id));
    if (found.some((p) => !p || !inAudience(c, p) || !within(r, p)))
      throw new AppError('training.not_in_audience');
    return found as RosterEntry[];
  }

  async function create(ctx: Ctx, courseId: string, raw: unknown) {
    const input = sessionInput.parse(raw);
    const c = await core.kept(ctx, courseId);
    if (c.active !== 1) throw new AppError('training.course_inactive');
    const online = input.mode === 'online';
    if (online ? !input.closesOn || input.closesOn < input.heldOn : input.closesOn !== null)
      throw new AppError('training.session_dates');
    const row: SessionRow = {
      id: newId(),
      course_id: c.id,
      mode: input.mode,
      held_on: input.heldOn,
      closes_on: input.closesOn,
      place: input.place,
      capacity: online ? null : input.capacity,
      note: input.note,
      created_by: actorPersonId(ctx),
      created_at: clock.now().toISOString(),
    };
    await database.transaction(async (tx) => {
      await tx.insertInto('training_sessions').values(row).execute();
      await core.audit(
        tx,
        ctx,
        c,
        'session_created',
        { mode: row.mode, heldOn: row.held_on },
        {
          type: 'training_session',
          id: row.id,
        },
      );
    });
    return get(ctx, row.id);
  }

  async function get(ctx: Ctx, id: string, rawQuery: unknown = {}): Promise<SessionView> {
    const q = sessionQuery.parse(rawQuery ?? {});
    const { session: s, course: c } = await core.sessionOf(ctx, id);
    const [enrolments, completions, dir] = await Promise.all([
      trainingRepo.enrolments(database.db, s.id),
      trainingRepo.completionsOfSession(database.db, s.id),
      core.directory(),
    ]);
    const enrolled = new Set(enrolments.map((e) => e.person_id));
    const doneOn = new Map(completions.map((x) => [x.person_id, x.completed_on]));
    const r = reach(ctx, c);
    let reached = dir.roster.filter(
      (p) =>
        inAudience(c, p) &&
        within(r, p) &&
        (!q.unitId || p.unitId === q.unitId) &&
        (!q.sectionId || p.sectionId === q.sectionId),
    );
    const participantsLimited = reached.length > PARTICIPANTS_MAX;
    if (participantsLimited) reached = reached.filter((p) => enrolled.has(p.id) || doneOn.has(p.id));
    const participants: ParticipantView[] = reached.map((p) => ({
      personId: p.id,
      employeeNumber: p.employeeNumber,
      name: p.name,
      unitName: dir.units.get(p.unitId) ?? null,
      sectionName: p.sectionId ? (dir.sections.get(p.sectionId) ?? null) : null,
      enrolled: enrolled.has(p.id),
      completedOn: doneOn.get(p.id) ?? null,
      status: core.standing(dir, c, p).status,
    }));
    const me = core.me(ctx);
    const mine = me ? dir.byId.get(me) : undefined;
    const canAct = c.active === 1 && (r === 'all' || r.size > 0);
    return {
      ...core.sessionSummary(s, enrolled.size, doneOn.size),
      courseNumber: c.number,
      courseTitle: c.title,
      courseKind: c.kind as SessionView['courseKind'],
      participants,
      participantsLimited,
      canEnrol: canAct,
      canRecord: canAct,
      canCompleteSelf:
        c.active === 1 && core.openToday(s) && !!mine && inAudience(c, mine) && !doneOn.has(mine.id),
      myCompletedOn: me ? (doneOn.get(me) ?? null) : null,
    };
  }

  /** A10-4: enrols people of the audience (the keeper: anyone; the 保護管理者: its section's). */
  async function enrol(ctx: Ctx, id: string, raw: unknown): Promise<SessionView> {
    const input = enrolInput.parse(raw);
    const { session: s, course: c } = await core.sessionOf(ctx, id);
    const who = await people(ctx, c, input.personIds);
    await database.transaction(async (tx) => {
      const already = new Set((await trainingRepo.enrolments(tx, s.id)).map((e) => e.person_id));
      const fresh = who.filter((p) => !already.has(p.id));
      if (s.capacity !== null && already.size + fresh.length > s.capacity)
        throw new AppError('training.capacity_full');
      if (fresh.length === 0) return;
      const at = clock.now().toISOString();
      await tx
        .insertInto('training_enrolments')
        .values(
          fresh.map((p) => ({
            session_id: s.id,
            person_id: p.id,
            enrolled_by: core.me(ctx),
            enrolled_at: at,
          })),
        )
        .execute();
      await core.audit(
        tx,
        ctx,
        c,
        'enrolled',
        { personIds: fresh.map((p) => p.id) },
        {
          type: 'training_session',
          id: s.id,
        },
      );
    });
    return get(ctx, id);
  }

  async function insertCompletions(
    ctx: Ctx,
    s: SessionRow,
    c: CourseRow,
    ids: string[],
    on: string,
    self: boolean,
  ) {
    await database.transaction(async (tx) => {
      const done = new Set((await trainingRepo.completionsOfSession(tx, s.id)).map((x) => x.person_id));
      const fresh = ids.filter((p) => !done.has(p));
      if (fresh.length === 0) return;
      const at = clock.now().toISOString();
      await tx
        .insertInto('training_completions')
        .values(
          fresh.map((personId) => ({
            id: newId(),
            course_id: c.id,
            session_id: s.id,
            person_id: personId,
            completed_on: on,
            recorded_by: core.me(ctx),
            by_self: self ? 1 : 0,
            recorded_at: at,
          })),
        )
        .execute();
      await core.audit(
        tx,
        ctx,
        c,
        'completion_recorded',
        { personIds: fresh, completedOn: on, self },
        {
          type: 'training_session',
          id: s.id,
        },
      );
    });
    // A10 with A11-1: completed again, suspended grants work again at once (not the next morning).
    await suspensions.resumeIfClear(ids);
  }

  /** Attendance and completion, recorded by the keeper or (A10-4) the section's 保護管理者. */
  async function record(ctx: Ctx, id: string, raw: unknown): Promise<SessionView> {
    const input = completionInput.parse(raw);
    const { session: s, course: c } = await core.sessionOf(ctx, id);
    const who = await people(ctx, c, input.personIds);
    const today = clock.today();
    const on = input.completedOn ?? (s.mode === 'online' ? today : s.held_on);
    if (on > today || on < s.held_on) throw new AppError('training.completion_date');
    await insertCompletions(
      ctx,
      s,
      c,
      who.map((p) => p.id),
      on,
      false,
    );
    return get(ctx, id);
  }

  /** Online material: the person records their own completion while it is open (A10). */
  async function completeSelf(ctx: Ctx, id: string): Promise<SessionView> {
    const { session: s, course: c } = await core.sessionOf(ctx, id);
    const me = core.me(ctx);
    if (c.active !== 1) throw new AppError('training.course_inactive');
    if (!core.openToday(s)) throw new AppError('training.session_closed');
    const p = me ? (await core.directory(me)).byId.get(me) : undefined;
    if (!p || !inAudience(c, p)) throw new AppError('training.not_in_audience');
    await insertCompletions(ctx, s, c, [p.id], clock.today(), true);
    return get(ctx, id);
  }

  return { create, get, enrol, record, completeSelf };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
