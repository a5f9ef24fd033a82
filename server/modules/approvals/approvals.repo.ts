import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../platform/db/index.ts';

export type RequestRow = Selectable<DB['approval_requests']>;
export type EventRow = Selectable<DB['approval_events']>;
export type DeputyRow = Selectable<DB['approval_deputies']>;
export type NotificationRow = Selectable<DB['notifications']>;

/** Queries of the approval engine; every method takes the database or a transaction. */
export const approvalsRepo = {
  insert: (db: Executor, row: Insertable<DB['approval_requests']>) =>
    db.insertInto('approval_requests').values(row).execute(),

  update: (db: Executor, id: string, patch: Updateable<DB['approval_requests']>) =>
    db.updateTable('approval_requests').set(patch).where('id', '=', id).execute(),

  /** Moves a request from one status to another only if it is still in it: no two decisions land. */
  async transition(
    db: Executor,
    id: string,
    from: { status: string[]; revision?: number },
    patch: Updateable<DB['approval_requests']>,
  ): Promise<boolean> {
    let q = db
      .updateTable('approval_requests')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', from.status);
    if (from.revision !== undefined) q = q.where('revision', '=', from.revision);
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  get: (db: Executor, id: string) =>
    db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst(),

  byNumber: (db: Executor, number: string) =>
    db.selectFrom('approval_requests').selectAll().where('number', '=', number).executeTakeFirst(),

  list(
    db: Executor,
    f: {
      status?: string[];
      requestedBy?: string;
      decidedBy?: string;
      kind?: string;
      fileId?: string;
      unitIds?: string[];
      sectionIds?: string[];
      limit: number;
    },
  ) {
    let q = db.selectFrom('approval_requests').selectAll();
    if (f.status) q = q.where('status', 'in', f.status);
    if (f.requestedBy) q = q.where('requested_by', '=', f.requestedBy);
    if (f.decidedBy) q = q.where('decided_by', '=', f.decidedBy);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.fileId) q = q.where('file_id', '=', f.fileId);
    const { unitIds, sectionIds } = f;
    if (unitIds || sectionIds)
      q = q.where((eb) =>
        eb.or([
          ...(unitIds?.length ? [eb('unit_id', 'in', unitIds)] : []),
          ...(sectionIds?.length ? [eb('section_id', 'in', sectionIds)] : []),
          ...(!unitIds?.length && !sectionIds?.length ? [eb.lit(false)] : []),
        ]),
      );
    return q.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
  },

  /** Requests past their deadline in a status that expires. */
  due: (db: Executor, now: string) =>
    db
      .selectFrom('approval_requests')
      .selectAll()
      .where('status', 'in', ['submitted', 'sent_back', 'approved'])
      .where('expires_at', '<=', now)
      .execute(),

  insertEvent: (db: Executor, row: Insertable<DB['approval_events']>) =>
    db.insertInto('approval_events').values(row).execute(),

  events: (db: Executor, requestId: string) =>
    db
      .selectFrom('approval_events')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('at')
      .orderBy('id')
      .execute(),

  insertDeputy: (db: Executor, row: Insertable<DB['approval_deputies']>) =>
    db.insertInto('approval_deputies').values(row).execute(),

  deputy: (db: Executor, id: string) =>
    db.selectFrom('approval_deputies').selectAll().where('id', '=', id).executeTakeFirst(),

  deputies: (db: Executor, f: { deputyId?: string; unitIds?: string[] } = {}) => {
    let q = db.selectFrom('approval_deputies').selectAll();
    if (f.deputyId) q = q.where('deputy_id', '=', f.deputyId);
    if (f.unitIds)
      q = f.unitIds.length ? q.where('unit_id', 'in', f.unitIds) : q.where((eb) => eb.lit(false));
    return q.orderBy('valid_from', 'desc').execute();
  },

  revokeDeputy: (db: Executor, id: string, at: string, by: string | null) =>
    db
      .updateTable('approval_deputies')
      .set({ revoked_at: at, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute(),
};
