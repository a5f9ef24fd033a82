import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type ProvisionRow = Selectable<DB['provisions']>;
export type ProvisionFileRow = Selectable<DB['provision_files']>;
export type CheckRow = Selectable<DB['provision_checks']>;
export type ImprovementRow = Selectable<DB['provision_improvements']>;
export type ActRow = Selectable<DB['provision_acts']>;

/** A provision with its files, checks, improvement requests and acts. */
export interface LoadedProvision {
  row: ProvisionRow;
  files: ProvisionFileRow[];
  checks: CheckRow[];
  improvements: ImprovementRow[];
  acts: ActRow[];
}

/** All SQL of provisions (A17-2, A18); every method takes the database or a transaction. */
export const provisionsRepo = {
  insert: (db: Executor, row: Insertable<DB['provisions']>) =>
    db.insertInto('provisions').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('provisions').selectAll().where('id', '=', id).executeTakeFirst(),

  byApproval: (db: Executor, approvalId: string) =>
    db.selectFrom('provisions').selectAll().where('approval_id', '=', approvalId).executeTakeFirst(),

  async load(db: Executor, id: string): Promise<LoadedProvision | null> {
    const row = await provisionsRepo.get(db, id);
    if (!row) return null;
    const [files, checks, improvements, acts] = await Promise.all([
      db
        .selectFrom('provision_files')
        .selectAll()
        .where('provision_id', '=', id)
        .orderBy('file_id')
        .execute(),
      db
        .selectFrom('provision_checks')
        .selectAll()
        .where('provision_id', '=', id)
        .orderBy('checked_on')
        .orderBy('recorded_at')
        .execute(),
      db
        .selectFrom('provision_improvements')
        .selectAll()
        .where('provision_id', '=', id)
        .orderBy('due_on')
        .orderBy('recorded_at')
        .execute(),
      db
        .selectFrom('provision_acts')
        .selectAll()
        .where('provision_id', '=', id)
        .orderBy('provided_on')
        .orderBy('recorded_at')
        .execute(),
    ]);
    return { row, files, checks, improvements, acts };
  },

  /** Changes a provision only in one of `statuses`: false when it moved on meanwhile. */
  async update(
    db: Executor,
    id: string,
    statuses: readonly string[],
    patch: Updateable<DB['provisions']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('provisions')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', [...statuses])
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  async replaceFiles(db: Executor, id: string, files: { fileId: string; items: string[] }[]) {
    await db.deleteFrom('provision_files').where('provision_id', '=', id).execute();
    await db
      .insertInto('provision_files')
      .values(files.map((f) => ({ provision_id: id, file_id: f.fileId, items: JSON.stringify(f.items) })))
      .execute();
  },

  /** Provisions filtered by status, file and party (newest first). */
  list(db: Executor, q: { status?: string; fileId?: string; partyId?: string; ids?: string[] }) {
    let s = db.selectFrom('provisions').selectAll();
    if (q.status) s = s.where('status', '=', q.status);
    if (q.partyId) s = s.where('party_id', '=', q.partyId);
    if (q.fileId) {
      const fileId = q.fileId;
      s = s.where('id', 'in', (sub) =>
        sub.selectFrom('provision_files').select('provision_id').where('file_id', '=', fileId),
      );
    }
    return s.orderBy('created_at', 'desc').limit(1000).execute();
  },

  /** The files of many provisions. */
  async filesOf(db: Executor, ids: string[]): Promise<Map<string, ProvisionFileRow[]>> {
    const out = new Map<string, ProvisionFileRow[]>();
    if (ids.length === 0) return out;
    const rows = await db
      .selectFrom('provision_files')
      .selectAll()
      .where('provision_id', 'in', ids)
      .execute();
    for (const r of rows) out.set(r.provision_id, [...(out.get(r.provision_id) ?? []), r]);
    return out;
  },

  insertCheck: (db: Executor, row: Insertable<DB['provision_checks']>) =>
    db.insertInto('provision_checks').values(row).execute(),
  insertImprovement: (db: Executor, row: Insertable<DB['provision_improvements']>) =>
    db.insertInto('provision_improvements').values(row).execute(),
  async improvementDone(db: Executor, id: string, patch: Updateable<DB['provision_improvements']>) {
    const r = await db
      .updateTable('provision_improvements')
      .set(patch)
      .where('id', '=', id)
      .where('done_on', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },
  insertAct: (db: Executor, row: Insertable<DB['provision_acts']>) =>
    db.insertInto('provision_acts').values(row).execute(),

  /** Provisions not closed with a check or an improvement request past due (A18-2). */
  async overdue(db: Executor, today: string) {
    const late = await db
      .selectFrom('provisions')
      .select(['id', 'unit_id', 'section_id'])
      .where('status', 'in', ['draft', 'pending', 'active', 'rejected'])
      .where((eb) =>
        eb.or([
          eb.and([eb('next_check_due', 'is not', null), eb('next_check_due', '<', today)]),
          eb(
            'id',
            'in',
            eb
              .selectFrom('provision_improvements')
              .select('provision_id')
              .where('done_on', 'is', null)
              .where('due_on', '<', today),
          ),
        ]),
      )
      .execute();
    return late;
  },
};
