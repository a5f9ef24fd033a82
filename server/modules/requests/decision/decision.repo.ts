import type { Insertable, Selectable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type WithheldRow = Selectable<DB['subject_request_withheld']>;
export type DecisionRow = Selectable<DB['subject_request_decisions']>;

/** All SQL of the decision part (法78, 法81, 法87); every method takes the database or a transaction. */
export const decisionRepo = {
  withheld: (db: Executor, requestId: string) =>
    db
      .selectFrom('subject_request_withheld')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  /** Replaces the withheld items of a request (only before submission; the service checks). */
  replaceWithheld: async (
    db: Executor,
    requestId: string,
    rows: Insertable<DB['subject_request_withheld']>[],
  ) => {
    await db.deleteFrom('subject_request_withheld').where('request_id', '=', requestId).execute();
    if (rows.length) await db.insertInto('subject_request_withheld').values(rows).execute();
  },

  insertDecision: (db: Executor, row: Insertable<DB['subject_request_decisions']>) =>
    db.insertInto('subject_request_decisions').values(row).execute(),

  decisionByApproval: (db: Executor, approvalId: string) =>
    db
      .selectFrom('subject_request_decisions')
      .selectAll()
      .where('approval_id', '=', approvalId)
      .executeTakeFirst(),

  setLateReason: (db: Executor, id: string, reason: string | null) =>
    db
      .updateTable('subject_request_decisions')
      .set({ method_late_reason: reason })
      .where('id', '=', id)
      .execute(),

  /** The request's row read inside an approval hook's transaction (only the core writes it). */
  request: (db: Executor, id: string) =>
    db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst(),
};
