import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import type {
  AuditDeliveryTable,
  AuditDocumentTable,
  AuditEvidenceTable,
  AuditFindingProgressTable,
  AuditFindingTable,
  AuditItemTable,
  AuditTable,
} from '../../platform/db/schema-audits.ts';

export type AuditRow = AuditTable;
export type ItemRow = AuditItemTable;
export type EvidenceRow = AuditEvidenceTable;
export type DocumentRow = AuditDocumentTable;
export type FindingRow = AuditFindingTable;
export type ProgressRow = AuditFindingProgressTable;
export type DeliveryRow = AuditDeliveryTable;

/** SQL of audits (issue 10; A36): one statement per method, in the caller's transaction. */
export const auditsRepo = {
  get: (db: Executor, id: string) =>
    db.selectFrom('audits').selectAll().where('id', '=', id).executeTakeFirst(),
  list: (db: Executor, status?: string) => {
    let q = db.selectFrom('audits').selectAll();
    if (status) q = q.where('status', '=', status);
    return q.orderBy('number', 'desc').execute();
  },
  insert: (db: Executor, row: Insertable<AuditTable>) => db.insertInto('audits').values(row).execute(),
  update: (db: Executor, id: string, set: Updateable<AuditTable>) =>
    db.updateTable('audits').set(set).where('id', '=', id).execute(),

  items: (db: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ItemRow[])
      : db.selectFrom('audit_items').selectAll().where('audit_id', 'in', ids).orderBy('position').execute(),
  insertItems: async (db: Executor, rows: Insertable<AuditItemTable>[]) => {
    // Batches keep each statement under the drivers' limits of parameters.
    for (let i = 0; i < rows.length; i += 50)
      await db
        .insertInto('audit_items')
        .values(rows.slice(i, i + 50))
        .execute();
  },
  updateItem: (db: Executor, id: string, set: Updateable<AuditItemTable>) =>
    db.updateTable('audit_items').set(set).where('id', '=', id).execute(),

  evidence: (db: Executor, auditId: string) =>
    db
      .selectFrom('audit_evidence')
      .selectAll()
      .where('audit_id', '=', auditId)
      .orderBy('linked_at')
      .execute(),
  insertEvidence: (db: Executor, row: Insertable<AuditEvidenceTable>) =>
    db.insertInto('audit_evidence').values(row).execute(),
  deleteEvidence: (db: Executor, auditId: string, id: string) =>
    db.deleteFrom('audit_evidence').where('audit_id', '=', auditId).where('id', '=', id).executeTakeFirst(),

  documents: (db: Executor, auditId: string) =>
    db
      .selectFrom('audit_documents')
      .selectAll()
      .where('audit_id', '=', auditId)
      .orderBy('uploaded_at')
      .execute(),
  insertDocument: (db: Executor, row: Insertable<AuditDocumentTable>) =>
    db.insertInto('audit_documents').values(row).execute(),

  findings: (db: Executor, auditIds: string[]) =>
    auditIds.length === 0
      ? Promise.resolve([] as FindingRow[])
      : db
          .selectFrom('audit_findings')
          .selectAll()
          .where('audit_id', 'in', auditIds)
          .orderBy('created_at')
          .orderBy('id')
          .execute(),
  finding: (db: Executor, id: string) =>
    db.selectFrom('audit_findings').selectAll().where('id', '=', id).executeTakeFirst(),
  findingsOf: (db: Executor, ownerId: string) =>
    db.selectFrom('audit_findings').selectAll().where('owner_id', '=', ownerId).orderBy('due').execute(),
  openFindings: (db: Executor) =>
    db.selectFrom('audit_findings').selectAll().where('status', '=', 'open').execute(),
  insertFinding: (db: Executor, row: Insertable<AuditFindingTable>) =>
    db.insertInto('audit_findings').values(row).execute(),
  updateFinding: (db: Executor, id: string, set: Updateable<AuditFindingTable>) =>
    db.updateTable('audit_findings').set(set).where('id', '=', id).execute(),

  progress: (db: Executor, findingIds: string[]) =>
    findingIds.length === 0
      ? Promise.resolve([] as ProgressRow[])
      : db
          .selectFrom('audit_finding_progress')
          .selectAll()
          .where('finding_id', 'in', findingIds)
          .orderBy('at')
          .orderBy('id')
          .execute(),
  insertProgress: (db: Executor, row: Insertable<AuditFindingProgressTable>) =>
    db.insertInto('audit_finding_progress').values(row).execute(),

  deliveries: (db: Executor, auditId: string) =>
    db.selectFrom('audit_deliveries').selectAll().where('audit_id', '=', auditId).execute(),
  insertDeliveries: (db: Executor, rows: Insertable<AuditDeliveryTable>[]) =>
    rows.length === 0
      ? Promise.resolve()
      : db
          .insertInto('audit_deliveries')
          .values(rows)
          .execute()
          .then(() => undefined),
  acknowledge: (db: Executor, auditId: string, personId: string, at: string) =>
    db
      .updateTable('audit_deliveries')
      .set({ acknowledged_at: at })
      .where('audit_id', '=', auditId)
      .where('person_id', '=', personId)
      .where('acknowledged_at', 'is', null)
      .execute(),
};
