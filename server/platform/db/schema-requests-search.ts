/**
 * Tables of individuals' requests — the search part (issue 12). STUB: the search helper writes them, with
 * the migration of its part.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RequestsSearchTables {}
