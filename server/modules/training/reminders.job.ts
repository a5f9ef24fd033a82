import type { Job } from '../../platform/jobs/index.ts';
import type { TrainingDeps } from './training.deps.ts';
import type { TrainingCore } from './training.core.ts';
import { trainingRepo } from './training.repo.ts';
import type { Suspensions } from './suspensions.ts';

/** Every morning at 07:30 in Tokyo, before the working day (and before other reminders). */
export const TRAINING_PATTERN = '30 7 * * *';

const isDuplicate = (e: unknown) => /unique|duplicate|primary/i.test(String((e as Error).message));

/**
 * The daily job of training (A10): each person is told once, in the app and by mail, when a required
 * course falls due within 14 days (training.reminder) and once when it is overdue (training.overdue),
 * remembered per person, course and due day; then every vault grant holder is checked — a lapsed
 * course required for grants suspends their grants with notice, a completed one resumes them.
 */
export function createTrainingJob(deps: TrainingDeps, core: TrainingCore, suspensions: Suspensions) {
  const { database, clock, notifications } = deps;

  async function remind(): Promise<number> {
    const courses = await trainingRepo.activeCourses(database.db);
    if (courses.length === 0) return 0;
    const dir = await core.directory();
    let sent = 0;
    for (const c of courses) {
      for (const { person, standing } of core.requiredOf(dir, c)) {
        if (standing.status !== 'due_soon' && standing.status !== 'overdue') continue;
        if (!standing.dueOn) continue;
        const kind = standing.status === 'overdue' ? 'overdue' : 'due_soon';
        if (await trainingRepo.reminded(database.db, person.id, c.id, kind, standing.dueOn)) continue;
        try {
          await database.transaction(async (tx) => {
            await tx
              .insertInto('training_reminders')
              .values({
                person_id: person.id,
                course_id: c.id,
                kind,
                due_on: standing.dueOn!,
                sent_at: clock.now().toISOString(),
              })
              .execute();
            await notifications.notify(
              tx,
              [person.id],
              kind === 'overdue' ? 'training.overdue' : 'training.reminder',
              { data: { number: c.number, path: '/training', dueOn: standing.dueOn } },
            );
          });
          sent++;
        } catch (e) {
          // Another server sent it first: the primary key keeps one per person, course, kind and due day.
          if (!isDuplicate(e)) throw e;
        }
      }
    }
    if (sent) notifications.flushSoon();
    return sent;
  }

  /** Reminders, then suspensions and resumptions; answers what it did. */
  async function run() {
    const reminders = await remind();
    const grants = await suspensions.reconcile();
    return { reminders, ...grants };
  }

  const job: Job = {
    name: 'training-daily',
    pattern: TRAINING_PATTERN,
    timezone: 'Asia/Tokyo',
    run: async () => void (await run()),
  };

  return { run, remind, job };
}
