import type { Executor } from '../../../platform/db/index.ts';
import type { HandlingCorrectionTable } from '../../../platform/db/schema-handling.ts';

export type CorrectionRow = HandlingCorrectionTable;

/** The labels under which a correction's notes are sealed to its record (bound into the ciphertext). */
export const noteLabel = (id: string, part: 'report' | 'before' | 'after') => `correction:${id}:${part}`;

/** A correction with the facts of its request (number, status, decision, owner). */
export type CorrectionWithRequest = CorrectionRow & {
  number: string | null;
  request_status: string | null;
  unit_id: string | null;
  section_id: string | null;
  decided_by: string | null;
  decision_comment: string | null;
  level: string | null;
  expires_at: string | null;
};

const withRequest = (db: Executor) =>
  db
    .selectFrom('handling_corrections as c')
    .leftJoin('approval_requests as r', 'r.id', 'c.request_id')
    .selectAll('c')
    .select([
      'r.number',
      'r.status as request_status',
      'r.unit_id',
      'r.section_id',
      'r.decided_by',
      'r.decision_comment',
      'r.level',
      'r.expires_at',
    ]);

/** Queries of handling_corrections (issue 7, A13). */
export const correctionsRepo = {
  get: (db: Executor, id: string) =>
    withRequest(db).where('c.id', '=', id).executeTakeFirst() as Promise<CorrectionWithRequest | undefined>,

  list: (
    db: Executor,
    where: {
      reportedBy?: string;
      fileId?: string;
      status?: string;
      scope?: { unitIds: string[]; sectionIds: string[] } | 'all';
    },
  ) => {
    let q = withRequest(db);
    if (where.reportedBy) q = q.where('c.reported_by', '=', where.reportedBy);
    if (where.fileId) q = q.where('c.file_id', '=', where.fileId);
    if (where.status) q = q.where('c.status', '=', where.status);
    const scope = where.scope;
    if (scope && scope !== 'all') {
      if (scope.unitIds.length === 0 && scope.sectionIds.length === 0) return Promise.resolve([]);
      q = q.where((eb) =>
        eb.or([
          ...(scope.unitIds.length ? [eb('r.unit_id', 'in', scope.unitIds)] : []),
          ...(scope.sectionIds.length ? [eb('r.section_id', 'in', scope.sectionIds)] : []),
        ]),
      );
    }
    return q.orderBy('c.reported_at', 'desc').limit(500).execute() as Promise<CorrectionWithRequest[]>;
  },

  insert: (tx: Executor, row: CorrectionRow) => tx.insertInto('handling_corrections').values(row).execute(),

  /** Moves a correction on from one of `from`; false when it had moved already. */
  async transition(tx: Executor, id: string, from: string[], set: Partial<CorrectionRow>) {
    const r = await tx
      .updateTable('handling_corrections')
      .set(set)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  checking: (db: Executor) =>
    db.selectFrom('handling_corrections').selectAll().where('status', '=', 'checking').limit(200).execute(),
};
