import type { Executor } from '../../platform/db/index.ts';
import type {
  TrainingCompletionTable,
  TrainingEnrolmentTable,
  TrainingSessionTable,
} from '../../platform/db/schema-training.ts';
import type { CourseRow } from './training.rules.ts';

export type SessionRow = TrainingSessionTable;
export type CompletionRow = TrainingCompletionTable;
export type EnrolmentRow = TrainingEnrolmentTable;

/** Key of a person's last completion of a course. */
export const lastKey = (personId: string, courseId: string) => `${personId} ${courseId}`;

/** Reads and writes of the training tables (issue 10; A10). */
export const trainingRepo = {
  course: (db: Executor, id: string) =>
    db.selectFrom('training_courses').selectAll().where('id', '=', id).executeTakeFirst(),
  courses: (db: Executor): Promise<CourseRow[]> =>
    db.selectFrom('training_courses').selectAll().orderBy('number').execute(),
  activeCourses: (db: Executor): Promise<CourseRow[]> =>
    db.selectFrom('training_courses').selectAll().where('active', '=', 1).orderBy('number').execute(),

  session: (db: Executor, id: string) =>
    db.selectFrom('training_sessions').selectAll().where('id', '=', id).executeTakeFirst(),
  sessionsOf: (db: Executor, courseId: string): Promise<SessionRow[]> =>
    db
      .selectFrom('training_sessions')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('held_on')
      .orderBy('id')
      .execute(),
  sessionsBetween: (db: Executor, from: string, to: string): Promise<SessionRow[]> =>
    db
      .selectFrom('training_sessions')
      .selectAll()
      .where('held_on', '>=', from)
      .where('held_on', '<=', to)
      .orderBy('held_on')
      .orderBy('id')
      .execute(),
  allSessions: (db: Executor): Promise<SessionRow[]> =>
    db.selectFrom('training_sessions').selectAll().orderBy('held_on').orderBy('id').execute(),

  enrolments: (db: Executor, sessionId: string): Promise<EnrolmentRow[]> =>
    db.selectFrom('training_enrolments').selectAll().where('session_id', '=', sessionId).execute(),
  enrolmentsOf: (db: Executor, personId: string): Promise<EnrolmentRow[]> =>
    db.selectFrom('training_enrolments').selectAll().where('person_id', '=', personId).execute(),
  allEnrolments: (db: Executor): Promise<EnrolmentRow[]> =>
    db.selectFrom('training_enrolments').selectAll().execute(),

  completionsOfSession: (db: Executor, sessionId: string): Promise<CompletionRow[]> =>
    db.selectFrom('training_completions').selectAll().where('session_id', '=', sessionId).execute(),
  allCompletions: (db: Executor): Promise<CompletionRow[]> =>
    db.selectFrom('training_completions').selectAll().execute(),

  /** The last completion day of each person and course: `lastKey(person, course)` → day. */
  async lastCompletions(db: Executor, personId?: string): Promise<Map<string, string>> {
    let q = db
      .selectFrom('training_completions')
      .select(['person_id', 'course_id', (eb) => eb.fn.max('completed_on').as('last')])
      .groupBy(['person_id', 'course_id']);
    if (personId) q = q.where('person_id', '=', personId);
    const rows = await q.execute();
    return new Map(rows.map((r) => [lastKey(r.person_id, r.course_id), String(r.last)]));
  },

  reminded: async (db: Executor, personId: string, courseId: string, kind: string, dueOn: string) =>
    (await db
      .selectFrom('training_reminders')
      .select('person_id')
      .where('person_id', '=', personId)
      .where('course_id', '=', courseId)
      .where('kind', '=', kind)
      .where('due_on', '=', dueOn)
      .executeTakeFirst()) !== undefined,
};
