import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type ContractRow = Selectable<DB['provision_contracts']>;
export type ClauseRow = Selectable<DB['provision_contract_clauses']>;
export type SubcontractRow = Selectable<DB['provision_subcontracts']>;
export type CheckRow = Selectable<DB['provision_contract_checks']>;
export type ImprovementRow = Selectable<DB['provision_contract_improvements']>;
export type DocumentRow = Selectable<DB['provision_contract_documents']>;

/** Which contracts a list selects: a reader's scope and the query's filters. */
export interface ContractFilter {
  all: boolean;
  unitIds: string[];
  sectionIds: string[];
  statuses: string[] | null;
  partyId?: string;
  sectionId?: string;
}

const byContracts = <T>(ids: string[], q: () => Promise<T[]>): Promise<T[]> =>
  ids.length ? q() : Promise.resolve([]);

/** All SQL of contracts; every method takes the database or a transaction. */
export const contractsRepo = {
  insert: (db: Executor, row: Insertable<DB['provision_contracts']>) =>
    db.insertInto('provision_contracts').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('provision_contracts').selectAll().where('id', '=', id).executeTakeFirst(),

  /** Changes a contract only while in one of `from`: false when it moved meanwhile. */
  async update(
    db: Executor,
    id: string,
    from: string[],
    patch: Updateable<DB['provision_contracts']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('provision_contracts')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Ending → closed only with the erasure or return confirmed (A19-1(5)). */
  async closeConfirmed(db: Executor, id: string, patch: Pick<ContractRow, 'closed_at' | 'closed_by'>) {
    const r = await db
      .updateTable('provision_contracts')
      .set({ ...patch, status: 'closed' })
      .where('id', '=', id)
      .where('status', '=', 'ending')
      .where('erasure_at', 'is not', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Contracts a reader sees (none when the scope is empty). */
  list(db: Executor, f: ContractFilter): Promise<ContractRow[]> {
    if (!f.all && f.unitIds.length === 0 && f.sectionIds.length === 0) return Promise.resolve([]);
    let q = db.selectFrom('provision_contracts').selectAll();
    if (!f.all)
      q = q.where((eb) =>
        eb.or([
          ...(f.unitIds.length ? [eb('unit_id', 'in', f.unitIds)] : []),
          ...(f.sectionIds.length ? [eb('section_id', 'in', f.sectionIds)] : []),
        ]),
      );
    if (f.statuses) q = q.where('status', 'in', f.statuses);
    if (f.partyId) q = q.where('party_id', '=', f.partyId);
    if (f.sectionId) q = q.where('section_id', '=', f.sectionId);
    return q.orderBy('ends_on').orderBy('number').execute();
  },

  /** Contracts in which a party is the contractor or a subcontractor. */
  byParty: (db: Executor, partyId: string) =>
    db
      .selectFrom('provision_contracts')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('party_id', '=', partyId),
          eb(
            'id',
            'in',
            eb.selectFrom('provision_subcontracts').select('contract_id').where('party_id', '=', partyId),
          ),
        ]),
      )
      .orderBy('ends_on')
      .orderBy('number')
      .execute(),

  /** Contracts whose files (a JSON array) name a file. */
  byFile: (db: Executor, fileId: string) =>
    db
      .selectFrom('provision_contracts')
      .selectAll()
      .where('file_ids', 'like', `%"${fileId}"%`)
      .orderBy('ends_on')
      .orderBy('number')
      .execute(),

  /** Active or ending contracts (the gaps). */
  open: (db: Executor) =>
    db.selectFrom('provision_contracts').selectAll().where('status', 'in', ['active', 'ending']).execute(),

  saveClause: async (db: Executor, row: Insertable<DB['provision_contract_clauses']>) => {
    await db
      .deleteFrom('provision_contract_clauses')
      .where('contract_id', '=', row.contract_id)
      .where('clause', '=', row.clause)
      .execute();
    await db.insertInto('provision_contract_clauses').values(row).execute();
  },

  clauses: (db: Executor, contractId: string) =>
    db.selectFrom('provision_contract_clauses').selectAll().where('contract_id', '=', contractId).execute(),

  insertSubcontract: (db: Executor, row: Insertable<DB['provision_subcontracts']>) =>
    db.insertInto('provision_subcontracts').values(row).execute(),

  subcontracts: (db: Executor, contractIds: string[]) =>
    byContracts(contractIds, () =>
      db
        .selectFrom('provision_subcontracts')
        .selectAll()
        .where('contract_id', 'in', contractIds)
        .orderBy('requested_at')
        .orderBy('id')
        .execute(),
    ),

  subcontractByRequest: (db: Executor, requestId: string) =>
    db
      .selectFrom('provision_subcontracts')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst(),

  /** Moves a subcontract only from one of `from`: false when it moved meanwhile. */
  async moveSubcontract(
    db: Executor,
    id: string,
    from: string[],
    patch: Updateable<DB['provision_subcontracts']>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('provision_subcontracts')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertCheck: (db: Executor, row: Insertable<DB['provision_contract_checks']>) =>
    db.insertInto('provision_contract_checks').values(row).execute(),

  checks: (db: Executor, contractIds: string[]) =>
    byContracts(contractIds, () =>
      db
        .selectFrom('provision_contract_checks')
        .selectAll()
        .where('contract_id', 'in', contractIds)
        .orderBy('checked_on', 'desc')
        .orderBy('recorded_at', 'desc')
        .execute(),
    ),

  insertImprovement: (db: Executor, row: Insertable<DB['provision_contract_improvements']>) =>
    db.insertInto('provision_contract_improvements').values(row).execute(),

  improvements: (db: Executor, contractId: string) =>
    db
      .selectFrom('provision_contract_improvements')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),

  /** Marks an improvement request done only while open: false when someone was first. */
  async improvementDone(
    db: Executor,
    id: string,
    patch: Pick<ImprovementRow, 'done_at' | 'done_by' | 'done_note'>,
  ): Promise<boolean> {
    const r = await db
      .updateTable('provision_contract_improvements')
      .set(patch)
      .where('id', '=', id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  insertDocument: (db: Executor, row: Insertable<DB['provision_contract_documents']>) =>
    db.insertInto('provision_contract_documents').values(row).execute(),

  documents: (db: Executor, contractId: string) =>
    db
      .selectFrom('provision_contract_documents')
      .selectAll()
      .where('contract_id', '=', contractId)
      .orderBy('uploaded_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
};
