import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type { AppointmentTable } from '../../platform/db/schema.ts';

export type AppointmentRow = Selectable<AppointmentTable>;

export interface AppointmentFilter {
  role?: string | undefined;
  unitId?: string | undefined;
  sectionId?: string | undefined;
  personId?: string | undefined;
}

/** All SQL about appointments. Rows are never deleted: ending one records its termination (A3–A9 history). */
export const appointmentRepo = {
  get: (db: Executor, id: string) =>
    db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst(),
  insert: (db: Executor, row: AppointmentRow) => db.insertInto('appointments').values(row).execute(),
  terminate: (
    db: Executor,
    id: string,
    t: { terminatedOn: string; terminatedBy: string | null; reason: string },
  ) =>
    db
      .updateTable('appointments')
      .set({ terminated_on: t.terminatedOn, terminated_by: t.terminatedBy, termination_reason: t.reason })
      .where('id', '=', id)
      .where('terminated_on', 'is', null)
      .executeTakeFirst(),
  list(db: Executor, f: AppointmentFilter) {
    let q = db.selectFrom('appointments').selectAll();
    if (f.role) q = q.where('role', '=', f.role);
    if (f.unitId) q = q.where('unit_id', '=', f.unitId);
    if (f.sectionId) q = q.where('section_id', '=', f.sectionId);
    if (f.personId) q = q.where('person_id', '=', f.personId);
    return q.orderBy('starts_on', 'desc').orderBy('created_at', 'desc').execute();
  },
  /** Appointments to the role over exactly this scope (organisation: both null). */
  forSeat(db: Executor, role: string, unitId: string | null, sectionId: string | null) {
    let q = db.selectFrom('appointments').selectAll().where('role', '=', role);
    q = sectionId ? q.where('section_id', '=', sectionId) : q.where('section_id', 'is', null);
    q = unitId ? q.where('unit_id', '=', unitId) : q.where('unit_id', 'is', null);
    return q.execute();
  },
  all: (db: Executor) => db.selectFrom('appointments').selectAll().execute(),
};
