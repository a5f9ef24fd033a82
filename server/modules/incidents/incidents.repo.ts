import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../platform/db/index.ts';

export type IncidentRow = Selectable<DB['incidents']>;
export type EventRow = Selectable<DB['incident_events']>;
export type StepRow = Selectable<DB['incident_steps']>;
export type LinkRow = Selectable<DB['incident_links']>;
export type MeasureRow = Selectable<DB['incident_measures']>;

/** Who reads which incidents (the list's scope): everything, or these units, sections and people. */
export interface ReadScope {
  all: boolean;
  unitIds: string[];
  sectionIds: string[];
  /** The caller: their own reports and the incidents of measures they own. */
  personId: string;
}

/** All SQL of incidents; every method takes the database or a transaction. */
export const incidentsRepo = {
  insert: (db: Executor, row: Insertable<DB['incidents']>) =>
    db.insertInto('incidents').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Changes an incident only while it is open: false when it was closed meanwhile. */
  async updateOpen(db: Executor, id: string, patch: Updateable<DB['incidents']>): Promise<boolean> {
    const r = await db
      .updateTable('incidents')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Incidents in a reader's scope, of a status (open: all of them; closed: newest first, `limit`). */
  list(db: Executor, scope: ReadScope | null, status: 'open' | 'closed', limit: number) {
    let q = db.selectFrom('incidents').selectAll().where('status', '=', status);
    if (scope && !scope.all)
      q = q.where((eb) =>
        eb.or([
          eb('reported_by', '=', scope.personId),
          eb(
            'id',
            'in',
            eb.selectFrom('incident_measures').select('incident_id').where('owner_id', '=', scope.personId),
          ),
          ...(scope.unitIds.length ? [eb('unit_id', 'in', scope.unitIds)] : []),
          ...(scope.sectionIds.length ? [eb('section_id', 'in', scope.sectionIds)] : []),
        ]),
      );
    return status === 'closed'
      ? q.orderBy('closed_at', 'desc').orderBy('id').limit(limit).execute()
      : q.orderBy('aware_at').orderBy('id').limit(limit).execute();
  },

  insertEvent: (db: Executor, row: Insertable<DB['incident_events']>) =>
    db.insertInto('incident_events').values(row).execute(),

  events: (db: Executor, incidentId: string) =>
    db
      .selectFrom('incident_events')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('at')
      .orderBy('id')
      .execute(),

  insertStep: (db: Executor, row: Insertable<DB['incident_steps']>) =>
    db.insertInto('incident_steps').values(row).execute(),

  steps: (db: Executor, incidentIds: string[]) =>
    incidentIds.length
      ? db.selectFrom('incident_steps').selectAll().where('incident_id', 'in', incidentIds).execute()
      : Promise.resolve([] as StepRow[]),

  insertLink: (db: Executor, row: Insertable<DB['incident_links']>) =>
    db.insertInto('incident_links').values(row).execute(),

  links: (db: Executor, incidentId: string) =>
    db
      .selectFrom('incident_links')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  deleteLink: async (db: Executor, incidentId: string, linkId: string): Promise<boolean> => {
    const r = await db
      .deleteFrom('incident_links')
      .where('id', '=', linkId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  },

  insertMeasure: (db: Executor, row: Insertable<DB['incident_measures']>) =>
    db.insertInto('incident_measures').values(row).execute(),

  measures: (db: Executor, incidentIds: string[]) =>
    incidentIds.length
      ? db
          .selectFrom('incident_measures')
          .selectAll()
          .where('incident_id', 'in', incidentIds)
          .orderBy('due')
          .orderBy('created_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as MeasureRow[]),

  /** Marks a measure done only while it is open: false when someone was first. */
  async measureDone(
    db: Executor,
    id: string,
    patch: Pick<MeasureRow, 'done_at' | 'done_by' | 'note'>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('incident_measures')
      .set(patch)
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  settings: (db: Executor) =>
    db.selectFrom('incident_settings').selectAll().where('id', '=', 'default').executeTakeFirst(),

  async saveSettings(db: Executor, settings: string, at: string, by: string | null) {
    const r = await db
      .updateTable('incident_settings')
      .set({ settings, updated_at: at, updated_by: by })
      .where('id', '=', 'default')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0)
      await db
        .insertInto('incident_settings')
        .values({ id: 'default', settings, updated_at: at, updated_by: by })
        .execute();
  },

  reminded: async (db: Executor, incidentId: string, deadline: string, day: string) =>
    (await db
      .selectFrom('incident_reminders')
      .select('kind')
      .where('incident_id', '=', incidentId)
      .where('deadline', '=', deadline)
      .where('sent_on', '=', day)
      .executeTakeFirst()) !== undefined,

  insertReminder: (db: Executor, row: Insertable<DB['incident_reminders']>) =>
    db.insertInto('incident_reminders').values(row).execute(),

  // ── What a link names, read only (A34-3). The owning modules expose no lookup by these keys. ──
};
