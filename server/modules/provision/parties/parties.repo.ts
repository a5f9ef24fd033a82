import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DB, Executor } from '../../../platform/db/index.ts';

export type PartyRow = Selectable<DB['provision_parties']>;
export type CheckRow = Selectable<DB['provision_party_checks']>;
export type DocumentRow = Selectable<DB['provision_party_documents']>;

/** The list's filters, as SQL can select them. */
export interface PartyFilter {
  kind?: string;
  q?: string;
  contractor?: boolean;
  state: 'active' | 'retired' | 'all';
}

/** All SQL of parties; every method takes the database or a transaction. */
export const partiesRepo = {
  insert: (db: Executor, row: Insertable<DB['provision_parties']>) =>
    db.insertInto('provision_parties').values(row).execute(),

  get: (db: Executor, id: string) =>
    db.selectFrom('provision_parties').selectAll().where('id', '=', id).executeTakeFirst(),

  byCorporateNumber: (db: Executor, corporateNumber: string) =>
    db
      .selectFrom('provision_parties')
      .select('id')
      .where('corporate_number', '=', corporateNumber)
      .executeTakeFirst(),

  update: async (db: Executor, id: string, patch: Updateable<DB['provision_parties']>) => {
    const r = await db.updateTable('provision_parties').set(patch).where('id', '=', id).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  list(db: Executor, f: PartyFilter, limit: number) {
    let q = db.selectFrom('provision_parties').selectAll();
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.contractor !== undefined) q = q.where('contractor', '=', f.contractor ? 1 : 0);
    if (f.state !== 'all') q = q.where('active', '=', f.state === 'active' ? 1 : 0);
    if (f.q) {
      // Wildcards are taken out (LIKE's escape differs between SQLite and PostgreSQL).
      const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
      q = q.where((eb) => eb.or([eb('name', 'like', like), eb('corporate_number', '=', f.q!)]));
    }
    return q.orderBy('name').orderBy('id').limit(limit).execute();
  },

  insertCheck: (db: Executor, row: Insertable<DB['provision_party_checks']>) =>
    db.insertInto('provision_party_checks').values(row).execute(),

  /** Checks of these parties, newest first. */
  checks: (db: Executor, partyIds: string[]) =>
    partyIds.length
      ? db
          .selectFrom('provision_party_checks')
          .selectAll()
          .where('party_id', 'in', partyIds)
          .orderBy('checked_on', 'desc')
          .orderBy('recorded_at', 'desc')
          .execute()
      : Promise.resolve([] as CheckRow[]),

  check: (db: Executor, partyId: string, checkId: string) =>
    db
      .selectFrom('provision_party_checks')
      .selectAll()
      .where('id', '=', checkId)
      .where('party_id', '=', partyId)
      .executeTakeFirst(),

  /** The latest check of every active contractor (for gaps and the overdue filter). */
  async contractorsWithLatest(db: Executor) {
    const parties = await db
      .selectFrom('provision_parties')
      .selectAll()
      .where('contractor', '=', 1)
      .where('active', '=', 1)
      .execute();
    const checks = await partiesRepo.checks(
      db,
      parties.map((p) => p.id),
    );
    return parties.map((p) => ({ party: p, latest: checks.find((c) => c.party_id === p.id) ?? null }));
  },

  insertDocument: (db: Executor, row: Insertable<DB['provision_party_documents']>) =>
    db.insertInto('provision_party_documents').values(row).execute(),

  documents: (db: Executor, checkIds: string[]) =>
    checkIds.length
      ? db
          .selectFrom('provision_party_documents')
          .selectAll()
          .where('check_id', 'in', checkIds)
          .orderBy('uploaded_at')
          .orderBy('id')
          .execute()
      : Promise.resolve([] as DocumentRow[]),

  document: (db: Executor, partyId: string, documentId: string) =>
    db
      .selectFrom('provision_party_documents')
      .selectAll()
      .where('id', '=', documentId)
      .where('party_id', '=', partyId)
      .executeTakeFirst(),
};
