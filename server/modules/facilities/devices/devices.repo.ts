import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type DeviceRow = Selectable<DB['facility_devices']>;
export type DeviceEventRow = Selectable<DB['facility_device_events']>;
export type TakeOutRow = Selectable<DB['facility_device_take_outs']>;
export type BringInRow = Selectable<DB['facility_device_bring_ins']>;
/** What a request of the approval engine says (its table, read only here). */
interface RequestFacts {
  number: string;
  request_status: string;
  expires_at: string;
}
export type TakeOutWithRequest = TakeOutRow & RequestFacts;
export type BringInWithRequest = BringInRow & RequestFacts;

/**
 * Queries of the register of devices and media (A14, A30), their history and their take-out and
 * bring-in requests (A30-2). Requests are read with approval_requests (the engine's table, read only).
 */
export const devicesRepo = {
  insert: (db: Executor, row: Insertable<DB['facility_devices']>) =>
    db.insertInto('facility_devices').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('facility_devices').selectAll().where('id', '=', id).executeTakeFirst(),

  list(db: Executor, f: { status?: string; sectionId?: string; kind?: string } = {}) {
    let q = db.selectFrom('facility_devices').selectAll();
    if (f.status) q = q.where('status', '=', f.status);
    if (f.sectionId) q = q.where('section_id', '=', f.sectionId);
    if (f.kind) q = q.where('kind', '=', f.kind);
    return q.orderBy('number').limit(2000).execute();
  },

  /** Changes a device only while it is in one of `from` (no two changes of state land); true if it did. */
  async move(
    db: Executor,
    id: string,
    from: string[],
    patch: Updateable<DB['facility_devices']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('facility_devices')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertEvent: (db: Executor, row: Insertable<DB['facility_device_events']>) =>
    db.insertInto('facility_device_events').values(row).execute(),

  events: (db: Executor, deviceId: string) =>
    db
      .selectFrom('facility_device_events')
      .selectAll()
      .where('device_id', '=', deviceId)
      .orderBy('id')
      .execute(),

  insertTakeOut: (db: Executor, row: Insertable<DB['facility_device_take_outs']>) =>
    db.insertInto('facility_device_take_outs').values(row).execute(),

  takeOuts(db: Executor, f: { deviceId?: string; id?: string; outOverdueBefore?: string }) {
    let q = db
      .selectFrom('facility_device_take_outs as t')
      .innerJoin('approval_requests as r', 'r.id', 't.request_id')
      .selectAll('t')
      .select(['r.number', 'r.status as request_status', 'r.expires_at']);
    if (f.deviceId) q = q.where('t.device_id', '=', f.deviceId);
    if (f.id) q = q.where('t.id', '=', f.id);
    if (f.outOverdueBefore)
      q = q
        .where('t.out_at', 'is not', null)
        .where('t.returned_at', 'is', null)
        .where('t.due_back', '<', f.outOverdueBefore);
    return q.orderBy('t.requested_at', 'desc').orderBy('t.id').limit(500).execute();
  },

  /** Marks a take-out's step (out_at, returned_at, overdue_told_at) only once; true if it did. */
  async markTakeOut(
    db: Executor,
    id: string,
    unset: 'out_at' | 'returned_at' | 'overdue_told_at',
    patch: Updateable<DB['facility_device_take_outs']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('facility_device_take_outs')
      .set(patch)
      .where('id', '=', id)
      .where(unset, 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertBringIn: (db: Executor, row: Insertable<DB['facility_device_bring_ins']>) =>
    db.insertInto('facility_device_bring_ins').values(row).execute(),

  bringInByRequest: (db: Executor, requestId: string) =>
    db
      .selectFrom('facility_device_bring_ins')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst(),

  bringInOfDevice: (db: Executor, deviceId: string) =>
    db
      .selectFrom('facility_device_bring_ins')
      .selectAll()
      .where('device_id', '=', deviceId)
      .executeTakeFirst(),

  setBringInDevice: (db: Executor, id: string, deviceId: string) =>
    db.updateTable('facility_device_bring_ins').set({ device_id: deviceId }).where('id', '=', id).execute(),

  bringIns(db: Executor, f: { requestedBy?: string; sectionIds?: string[]; id?: string }) {
    let q = db
      .selectFrom('facility_device_bring_ins as b')
      .innerJoin('approval_requests as r', 'r.id', 'b.request_id')
      .selectAll('b')
      .select(['r.number', 'r.status as request_status', 'r.expires_at']);
    if (f.id) q = q.where('b.id', '=', f.id);
    if (f.requestedBy || f.sectionIds)
      q = q.where((eb) =>
        eb.or([
          ...(f.requestedBy ? [eb('b.requested_by', '=', f.requestedBy)] : []),
          ...(f.sectionIds?.length ? [eb('b.section_id', 'in', f.sectionIds)] : []),
          eb.lit(false),
        ]),
      );
    return q.orderBy('b.requested_at', 'desc').orderBy('b.id').limit(500).execute();
  },
};
