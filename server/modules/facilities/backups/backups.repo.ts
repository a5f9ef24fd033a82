import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';
import type {
  FacilityBackupRunTable,
  FacilityRestoreTestTable,
} from '../../../platform/db/schema-facility-backups.ts';

export type RunRow = FacilityBackupRunTable;
export type TestRow = FacilityRestoreTestTable;

/** The two histories of A27: backup runs and restore tests (the same columns for what is shared). */
type History = 'facility_backup_runs' | 'facility_restore_tests';

/** Rows in, rows out of one history; newest first, ties (the same instant) by id so pages do not overlap. */
function historyOf<T extends History>(table: T) {
  type Row = Selectable<DB[T]>;
  // Kysely cannot resolve columns through a generic table name: both tables have these columns.
  const t = table as 'facility_backup_runs';
  return {
    insert: async (db: Executor, row: Insertable<DB[T]>) => {
      await db
        .insertInto(t)
        .values(row as Insertable<RunRow>)
        .execute();
    },
    update: async (db: Executor, id: string, set: Updateable<DB[T]>) => {
      await db
        .updateTable(t)
        .set(set as Updateable<RunRow>)
        .where('id', '=', id)
        .execute();
    },
    get: (db: Executor, id: string): Promise<Row | undefined> => {
      return db.selectFrom(t).selectAll().where('id', '=', id).executeTakeFirst() as Promise<Row | undefined>;
    },
    list: (db: Executor, limit: number, offset: number): Promise<Row[]> => {
      return db
        .selectFrom(t)
        .selectAll()
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute() as Promise<Row[]>;
    },
    count: async (db: Executor): Promise<number> => {
      const r = await db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** The newest row with one of these statuses. */
    latest: (db: Executor, statuses: string[]): Promise<Row | undefined> => {
      return db
        .selectFrom(t)
        .selectAll()
        .where('status', 'in', statuses)
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst() as Promise<Row | undefined>;
    },
    /** Ends rows left `running` by a process that stopped (called while holding the lease). */
    endAbandoned: async (db: Executor, exceptId: string, set: Updateable<DB[T]>) => {
      await db
        .updateTable(t)
        .set(set as Updateable<RunRow>)
        .where('status', '=', 'running')
        .where('id', '!=', exceptId)
        .execute();
    },
  };
}

const runs = historyOf('facility_backup_runs');
const tests = historyOf('facility_restore_tests');

/** Storage of backup runs and restore tests (A27): rows in, rows out; no rules here. */
export const backupsRepo = {
  insertRun: runs.insert,
  updateRun: runs.update,
  getRun: runs.get,
  listRuns: runs.list,
  countRuns: runs.count,
  /** The newest run with one of these statuses. */
  latestRun: runs.latest,
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
  endAbandonedRuns: (db: Executor, exceptId: string, at: string) =>
    runs.endAbandoned(db, exceptId, { status: 'failed', error: 'backup.interrupted', finished_at: at }),

  insertTest: tests.insert,
  updateTest: tests.update,
  getTest: tests.get,
  listTests: tests.list,
  countTests: tests.count,
  latestTest: tests.latest,
  endAbandonedTests: (db: Executor, exceptId: string, at: string) =>
    tests.endAbandoned(db, exceptId, {
      status: 'failed',
      problems: JSON.stringify(['backup.interrupted']),
      finished_at: at,
    }),
};
