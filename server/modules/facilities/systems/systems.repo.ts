import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type SystemRow = Selectable<DB['facility_systems']>;
export type MeasureRow = Selectable<DB['facility_system_measures']>;
export type CheckRow = Selectable<DB['facility_system_checks']>;
export type DocumentRow = Selectable<DB['facility_system_documents']>;
export type DownloadRow = Selectable<DB['facility_system_downloads']>;

/** The list's filters, as SQL can select them. */
export interface SystemFilter {
  unitId?: string;
  sectionId?: string;
  q?: string;
  state: 'active' | 'retired' | 'all';
}

/** All SQL of information systems (A23, A24, A28); every method takes the database or a transaction. */
export const systemsRepo = {
  insert: (db: Executor, row: Insertable<DB['facility_systems']>) =>
    db.insertInto('facility_systems').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('facility_systems').selectAll().where('id', '=', id).executeTakeFirst(),

  update: (db: Executor, id: string, patch: Updateable<DB['facility_systems']>) =>
    db.updateTable('facility_systems').set(patch).where('id', '=', id).execute(),

  list(db: Executor, f: SystemFilter) {
    let q = db.selectFrom('facility_systems').selectAll();
    if (f.unitId) q = q.where('unit_id', '=', f.unitId);
    if (f.sectionId) q = q.where('section_id', '=', f.sectionId);
    if (f.state !== 'all') q = q.where('active', '=', f.state === 'active' ? 1 : 0);
    // Wildcards are taken out (LIKE's escape differs between SQLite and PostgreSQL).
    if (f.q) q = q.where('name', 'like', `%${f.q.replace(/[\\%_]/g, '')}%`);
    return q.orderBy('name').orderBy('id').execute();
  },

  /** Every active system (the gaps and the reminders). */
  active: (db: Executor) =>
    db.selectFrom('facility_systems').selectAll().where('active', '=', 1).orderBy('id').execute(),

  // ── files ──
  files: (db: Executor, systemIds: string[]) =>
    systemIds.length === 0
      ? Promise.resolve([])
      : db.selectFrom('facility_system_files').selectAll().where('system_id', 'in', systemIds).execute(),

  async setFiles(db: Executor, systemId: string, fileIds: string[]) {
    await db.deleteFrom('facility_system_files').where('system_id', '=', systemId).execute();
    if (fileIds.length > 0)
      await db
        .insertInto('facility_system_files')
        .values(fileIds.map((file_id) => ({ system_id: systemId, file_id })))
        .execute();
  },

  // ── measures and checks (A23, A24) ──
  insertMeasure: (db: Executor, row: Insertable<DB['facility_system_measures']>) =>
    db.insertInto('facility_system_measures').values(row).execute(),

  updateMeasure: (db: Executor, id: string, patch: Updateable<DB['facility_system_measures']>) =>
    db.updateTable('facility_system_measures').set(patch).where('id', '=', id).execute(),

  /** The measures in force (not retired) of systems. */
  measures: (db: Executor, systemIds: string[]) =>
    systemIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('facility_system_measures')
          .selectAll()
          .where('system_id', 'in', systemIds)
          .where('retired_at', 'is', null)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),

  insertCheck: (db: Executor, row: Insertable<DB['facility_system_checks']>) =>
    db.insertInto('facility_system_checks').values(row).execute(),

  /** Checks of systems, newest first (by day, then by when recorded). */
  checks: (db: Executor, systemIds: string[]) =>
    systemIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('facility_system_checks')
          .selectAll()
          .where('system_id', 'in', systemIds)
          .orderBy('checked_on', 'desc')
          .orderBy('recorded_at', 'desc')
          .orderBy('id', 'desc')
          .execute(),

  reminded: (db: Executor, measureId: string, dueOn: string) =>
    db
      .selectFrom('facility_system_reminders')
      .select('measure_id')
      .where('measure_id', '=', measureId)
      .where('due_on', '=', dueOn)
      .executeTakeFirst(),

  insertReminder: (db: Executor, row: Insertable<DB['facility_system_reminders']>) =>
    db.insertInto('facility_system_reminders').values(row).execute(),

  // ── design documents (A28) ──
  insertDocument: (db: Executor, row: Insertable<DB['facility_system_documents']>) =>
    db.insertInto('facility_system_documents').values(row).execute(),

  document: (db: Executor, systemId: string, id: string) =>
    db
      .selectFrom('facility_system_documents')
      .selectAll()
      .where('system_id', '=', systemId)
      .where('id', '=', id)
      .executeTakeFirst(),

  documents: (db: Executor, systemId: string) =>
    db
      .selectFrom('facility_system_documents')
      .selectAll()
      .where('system_id', '=', systemId)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id')
      .execute(),

  /** Disposes of a document still kept; false when another disposal came first. */
  async dispose(
    db: Executor,
    id: string,
    patch: { disposed_at: string; disposed_by: string; dispose_reason: string },
  ) {
    const r = await db
      .updateTable('facility_system_documents')
      .set(patch)
      .where('id', '=', id)
      .where('disposed_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertDownload: (db: Executor, row: Insertable<DB['facility_system_downloads']>) =>
    db.insertInto('facility_system_downloads').values(row).execute(),

  /** Downloads of a document, newest first. */
  downloads: (db: Executor, documentId: string) =>
    db
      .selectFrom('facility_system_downloads')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute(),

  /** Download counts per document of a system. */
  async downloadCounts(db: Executor, systemId: string): Promise<Map<string, number>> {
    const rows = await db
      .selectFrom('facility_system_downloads')
      .select(['document_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('system_id', '=', systemId)
      .groupBy('document_id')
      .execute();
    return new Map(rows.map((r) => [r.document_id, Number(r.n)]));
  },
};
