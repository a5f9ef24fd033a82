import type { Executor } from '../../../platform/db/index.ts';
import type {
  SubjectRequestRecipientNoticeTable,
  SubjectRequestRemedyItemTable,
} from '../../../platform/db/schema-requests-remedies.ts';

export type RemedyItemRow = SubjectRequestRemedyItemTable;
export type RecipientNoticeRow = SubjectRequestRecipientNoticeTable;

/** Queries of the remedies part (issue 12; 法90–103). The request itself is the core's (read only here). */
export const remediesRepo = {
  /** The request row, read in the approval's transaction (the hooks have only `tx`). */
  request: (db: Executor, id: string) =>
    db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst(),

  items: (db: Executor, requestId: string) =>
    db
      .selectFrom('subject_request_remedy_items')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  async replaceItems(tx: Executor, requestId: string, rows: RemedyItemRow[]) {
    await tx.deleteFrom('subject_request_remedy_items').where('request_id', '=', requestId).execute();
    if (rows.length) await tx.insertInto('subject_request_remedy_items').values(rows).execute();
  },

  setItem: (tx: Executor, id: string, set: Partial<RemedyItemRow>) =>
    tx.updateTable('subject_request_remedy_items').set(set).where('id', '=', id).execute(),

  notices: (db: Executor, requestId: string) =>
    db
      .selectFrom('subject_request_recipient_notices')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('provision_number')
      .orderBy('id')
      .execute(),

  insertNotices: async (tx: Executor, rows: RecipientNoticeRow[]) => {
    if (rows.length) await tx.insertInto('subject_request_recipient_notices').values(rows).execute();
  },

  setNotice: (tx: Executor, id: string, set: Partial<RecipientNoticeRow>) =>
    tx.updateTable('subject_request_recipient_notices').set(set).where('id', '=', id).execute(),
};
