import type { TrainingPurposeCode } from '../../../shared/api/training.ts';
import type { TrainingDeps } from './training.deps.ts';
import type { Directory, TrainingCore } from './training.core.ts';
import { trainingRepo } from './training.repo.ts';
import { inAudience, requiredForOf, type CourseRow } from './training.rules.ts';

export interface Hold {
  courseId: string;
  title: string;
  number: string;
}

/** Where the person reads what is required of them. */
const MY_PATH = '/training';

/**
 * Completion as a precondition (A10 with A11-1 and A7の2) and a lapse as a suspension: the first
 * active course required for the purpose, whose audience holds the person, not completed or lapsed.
 * A grant holder whose vault_grant hold appears has their grants suspended, with notice to them and
 * to the 保護管理者 of each file's section; completed again, the grants resume.
 */
export function createSuspensions(deps: TrainingDeps, core: TrainingCore) {
  const { database, notifications } = deps;

  function holdIn(dir: Directory, courses: CourseRow[], personId: string, purpose: TrainingPurposeCode) {
    const p = dir.byId.get(personId);
    if (!p) return null;
    for (const c of courses) {
      if (!requiredForOf(c).includes(purpose) || !inAudience(c, p)) continue;
      if (!core.standing(dir, c, p).valid) return { courseId: c.id, title: c.title, number: c.number };
    }
    return null;
  }

  async function hold(personId: string, purpose: TrainingPurposeCode): Promise<Hold | null> {
    const courses = (await trainingRepo.activeCourses(database.db)).filter((c) =>
      requiredForOf(c).includes(purpose),
    );
    if (courses.length === 0) return null;
    return holdIn(await core.directory(personId), courses, personId, purpose);
  }

  /** Who hears of a suspension besides the person: each file's 保護管理者 (else its 総括保護管理者). */
  async function keepersOf(personId: string): Promise<string[]> {
    const found = new Set<string>();
    for (const s of await deps.grants.sectionsOf(personId)) {
      let who = await deps.appointed('protection_manager', s.unitId, s.sectionId);
      if (who.length === 0) who = await deps.appointed('chief_protection_manager', s.unitId, null);
      for (const id of who) if (id !== personId) found.add(id);
    }
    return [...found];
  }

  async function suspend(personId: string, h: Hold): Promise<number> {
    const keepers = await keepersOf(personId);
    const n = await deps.grants.suspendFor(personId, h.title);
    if (n > 0)
      await database.transaction((tx) =>
        notifications.notify(tx, [personId, ...keepers], 'training.grant_suspended', {
          data: { number: h.number, path: MY_PATH, grants: n },
        }),
      );
    return n;
  }

  async function resume(personId: string): Promise<number> {
    const n = await deps.grants.resumeFor(personId);
    if (n > 0) {
      const keepers = await keepersOf(personId);
      await database.transaction((tx) =>
        notifications.notify(tx, [personId, ...keepers], 'training.grant_resumed', {
          data: { path: MY_PATH, grants: n },
        }),
      );
    }
    return n;
  }

  /** After a completion is recorded: the person's suspended grants resume at once when nothing holds them. */
  async function resumeIfClear(personIds: string[]): Promise<number> {
    let n = 0;
    for (const id of new Set(personIds)) if (!(await hold(id, 'vault_grant'))) n += await resume(id);
    if (n) notifications.flushSoon();
    return n;
  }

  /** The daily check: every holder of a grant (suspended or not) is suspended or resumed as they stand. */
  async function reconcile(): Promise<{ suspended: number; resumed: number }> {
    const holders = await deps.grants.holders();
    const out = { suspended: 0, resumed: 0 };
    if (holders.length === 0) return out;
    const courses = (await trainingRepo.activeCourses(database.db)).filter((c) =>
      requiredForOf(c).includes('vault_grant'),
    );
    const dir = await core.directory();
    for (const personId of holders) {
      const h = courses.length ? holdIn(dir, courses, personId, 'vault_grant') : null;
      if (h) out.suspended += await suspend(personId, h);
      else out.resumed += await resume(personId);
    }
    if (out.suspended || out.resumed) notifications.flushSoon();
    return out;
  }

  return { hold, holdIn, resumeIfClear, reconcile };
}

export type Suspensions = ReturnType<typeof createSuspensions>;
