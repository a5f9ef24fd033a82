import type { Executor } from '../../../platform/db/index.ts';
import type { SubjectRequestMatchTable } from '../../../platform/db/schema-requests-search.ts';

export type MatchRow = SubjectRequestMatchTable;

/** Queries of subject_request_matches (issue 12): the records found for a request. */
export const searchRepo = {
  list: (db: Executor, requestId: string) =>
    db
      .selectFrom('subject_request_matches')
      .selectAll()
      .where('request_id', '=', requestId)
      .orderBy('found_at')
      .orderBy('id')
      .execute(),

  confirmed: (db: Executor, requestId: string) =>
    db
      .selectFrom('subject_request_matches')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('status', '=', 'confirmed')
      .orderBy('id')
      .execute(),

  get: (db: Executor, requestId: string, id: string) =>
    db
      .selectFrom('subject_request_matches')
      .selectAll()
      .where('request_id', '=', requestId)
      .where('id', '=', id)
      .executeTakeFirst(),

  insert: (db: Executor, row: MatchRow) => db.insertInto('subject_request_matches').values(row).execute(),

  /** A candidate found again: the terms that agree now (decisions already made are kept as they are). */
  refound: (db: Executor, id: string, matchedOn: string) =>
    db
      .updateTable('subject_request_matches')
      .set({ matched_on: matchedOn })
      .where('id', '=', id)
      .where('status', '=', 'candidate')
      .execute(),

  decide: (
    db: Executor,
    id: string,
    patch: Pick<MatchRow, 'status' | 'reason' | 'decided_at' | 'decided_by'>,
  ) => db.updateTable('subject_request_matches').set(patch).where('id', '=', id).execute(),
};
