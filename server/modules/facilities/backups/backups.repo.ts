import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../platform/db/index.ts';
import type {
  FacilityBackupRunTable,
  FacilityRestoreTestTable,
} from '../../../platform/db/schema-facility-backups.ts';

export type RunRow = FacilityBackupRunTable;
export type TestRow = FacilityRestoreTestTable;

/** Storage of backup runs and restore tests (A27): rows in, rows out; no rules here. */
export const backupsRepo = {
  async insertRun(db: Executor, row: Insertable<RunRow>) {
    await db.insertInto('facility_backup_runs').values(row).execute();
  },
  async updateRun(db: Executor, id: string, set: Updateable<RunRow>) {
    await db.updateTable('facility_backup_runs').set(set).where('id', '=', id).execute();
  },
  getRun(db: Executor, id: string): Promise<RunRow | undefined> {
    return db.selectFrom('facility_backup_runs').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Newest first; ties (the same instant) by id so that pages do not overlap. */
  listRuns(db: Executor, limit: number, offset: number): Promise<RunRow[]> {
    return db
      .selectFrom('facility_backup_runs')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  },
  async countRuns(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('facility_backup_runs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  /** The newest run with one of these statuses. */
  latestRun(db: Executor, statuses: string[]): Promise<RunRow | undefined> {
    return db
      .selectFrom('facility_backup_runs')
      .selectAll()
      .where('status', 'in', statuses)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
  /** The oldest successful run (restore tests are due only once there was a backup to test). */
  firstSucceeded(db: Executor): Promise<RunRow | undefined> {
    return db
      .selectFrom('facility_backup_runs')
      .selectAll()
      .where('status', '=', 'succeeded')
      .orderBy('started_at', 'asc')
      .limit(1)
      .executeTakeFirst();
  },
  /** Ends rows left `running` by a process that stopped (called while holding the lease). */
  async endAbandonedRuns(db: Executor, exceptId: string, at: string) {
    await db
      .updateTable('facility_backup_runs')
      .set({ status: 'failed', error: 'backup.interrupted', finished_at: at })
      .where('status', '=', 'running')
      .where('id', '!=', exceptId)
      .execute();
  },

  async insertTest(db: Executor, row: Insertable<TestRow>) {
    await db.insertInto('facility_restore_tests').values(row).execute();
  },
  async updateTest(db: Executor, id: string, set: Updateable<TestRow>) {
    await db.updateTable('facility_restore_tests').set(set).where('id', '=', id).execute();
  },
  getTest(db: Executor, id: string): Promise<TestRow | undefined> {
    return db.selectFrom('facility_restore_tests').selectAll().where('id', '=', id).executeTakeFirst();
  },
  listTests(db: Executor, limit: number, offset: number): Promise<TestRow[]> {
    return db
      .selectFrom('facility_restore_tests')
      .selectAll()
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  },
  async countTests(db: Executor): Promise<number> {
    const r = await db
      .selectFrom('facility_restore_tests')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
  latestTest(db: Executor, statuses: string[]): Promise<TestRow | undefined> {
    return db
      .selectFrom('facility_restore_tests')
      .selectAll()
      .where('status', 'in', statuses)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },
  async endAbandonedTests(db: Executor, exceptId: string, at: string) {
    await db
      .updateTable('facility_restore_tests')
      .set({ status: 'failed', problems: JSON.stringify(['backup.interrupted']), finished_at: at })
      .where('status', '=', 'running')
      .where('id', '!=', exceptId)
      .execute();
  },
};
