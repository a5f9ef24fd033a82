import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type MediumRow = Selectable<DB['handling_media']>;
export type MovementRow = Selectable<DB['handling_movements']>;
/** A movement with what its request says (number, status, requester, reason, payload). */
export type MovementWithRequest = MovementRow & {
  number: string;
  request_status: string;
  requested_by: string;
  requested_at: string;
  unit_id: string;
  section_id: string;
  reason: string;
  payload: string;
};

/**
 * Queries of the register of media and of movements. A movement is always read with its request
 * (approval_requests, the engine's table, read only here: its number, status and requester).
 */
export const movementsRepo = {
  insertMedium: (db: Executor, row: Insertable<DB['handling_media']>) =>
    db.insertInto('handling_media').values(row).execute(),

  medium: (db: Executor, id: string) =>
    db.selectFrom('handling_media').selectAll().where('id', '=', id).executeTakeFirst(),

  media(db: Executor, f: { sectionIds?: string[]; unitIds?: string[]; status?: string }) {
    let q = db.selectFrom('handling_media').selectAll();
    if (f.status) q = q.where('status', '=', f.status);
    if (f.sectionIds || f.unitIds)
      q = q.where((eb) =>
        eb.or([
          ...(f.sectionIds?.length ? [eb('section_id', 'in', f.sectionIds)] : []),
          ...(f.unitIds?.length ? [eb('unit_id', 'in', f.unitIds)] : []),
          eb.lit(false),
        ]),
      );
    return q.orderBy('section_id').orderBy('label').orderBy('id').limit(1000).execute();
  },

  /** Moves a medium from one status to another only if it is still in it (no two take-outs land). */
  async setMediumStatus(
    db: Executor,
    id: string,
    from: string,
    patch: Updateable<DB['handling_media']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('handling_media')
      .set(patch)
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  updateMedium: (db: Executor, id: string, patch: Updateable<DB['handling_media']>) =>
    db.updateTable('handling_media').set(patch).where('id', '=', id).execute(),

  insertMovement: (db: Executor, row: Insertable<DB['handling_movements']>) =>
    db.insertInto('handling_movements').values(row).execute(),

  /** Sets fields of a movement only while `open` (a column still null): false if someone was first. */
  async markMovement(
    db: Executor,
    id: string,
    open: 'done_at' | 'returned_at',
    patch: Updateable<DB['handling_movements']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('handling_movements')
      .set(patch)
      .where('id', '=', id)
      .where(open, 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  movements(
    db: Executor,
    f: {
      id?: string;
      requestedBy?: string;
      involving?: string;
      sectionIds?: string[];
      unitIds?: string[];
      all?: boolean;
      kind?: string;
      fileId?: string;
      mediumId?: string;
      overdueBefore?: string;
      outNow?: boolean;
      limit: number;
    },
  ): Promise<MovementWithRequest[]> {
    let q = db
      .selectFrom('handling_movements as m')
      .innerJoin('approval_requests as r', 'r.id', 'm.request_id')
      .selectAll('m')
      .select([
        'r.number',
        'r.status as request_status',
        'r.requested_by',
        'r.requested_at',
        'r.unit_id',
        'r.section_id',
        'r.reason',
        'r.payload',
      ]);
    if (f.id) q = q.where('m.id', '=', f.id);
    if (f.requestedBy) q = q.where('r.requested_by', '=', f.requestedBy);
    if (f.involving) {
      const p = f.involving;
      q = q.where((eb) => eb.or([eb('r.requested_by', '=', p), eb('m.done_by', '=', p)]));
    }
    if (!f.all && (f.sectionIds || f.unitIds))
      q = q.where((eb) =>
        eb.or([
          ...(f.sectionIds?.length ? [eb('r.section_id', 'in', f.sectionIds)] : []),
          ...(f.unitIds?.length ? [eb('r.unit_id', 'in', f.unitIds)] : []),
          eb.lit(false),
        ]),
      );
    if (f.kind) q = q.where('m.kind', '=', f.kind);
    if (f.fileId) q = q.where('m.file_id', '=', f.fileId);
    if (f.mediumId) q = q.where('m.medium_id', '=', f.mediumId);
    if (f.outNow || f.overdueBefore)
      q = q
        .where('m.medium_id', 'is not', null)
        .where('m.done_at', 'is not', null)
        .where('m.returned_at', 'is', null);
    if (f.overdueBefore) q = q.where('m.due_back', '<', f.overdueBefore);
    return q.orderBy('r.requested_at', 'desc').orderBy('m.id').limit(f.limit).execute();
  },

  /** Whether a person was told of this request's overdue return since an instant. */
  async toldSince(db: Executor, requestId: string, kind: string, since: string): Promise<boolean> {
    const row = await db
      .selectFrom('notifications')
      .select('id')
      .where('request_id', '=', requestId)
      .where('kind', '=', kind)
      .where('created_at', '>=', since)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },
};
